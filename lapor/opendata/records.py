"""The open-data record of a report and of its public timeline: one schema for the dump files
and the API, documented field by field on /data/ (``REPORT_FIELDS`` / ``EVENT_FIELDS``).

No personal data at all: no identity, no reporter user, no PIN, no attachments, no rating
comment; every text through ``scrub()``. Only ``public_reports()`` and their public events.
Open/closed comes from the one Open311 mapping.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _

from lapor.agencies.models import Category
from lapor.open311.mapping import open311_status
from lapor.open311.selectors import w3c
from lapor.regions.models import Region
from lapor.reports import location
from lapor.reports.models import Report, ReportEvent
from lapor.reports.scrub import scrub
from lapor.reports.selectors import public_event_message, public_reports

REPORT_FIELDS: list[tuple[str, Any]] = [
    ("tracking_id", _("Public tracking ID of the report (string).")),
    ("kind", _("complaint, aspiration or information_request.")),
    ("privacy", _("public or anonymous (confidential reports are never published).")),
    (
        "channel",
        _("Where it came in: web, mobile, sms, chat, email, api, desk (walk-in), phone, social."),
    ),
    (
        "status_code",
        _("Exact status in our lifecycle, e.g. disposed, followed_up, closed_by_system."),
    ),
    ("status", _("open or closed (the same mapping as Open311).")),
    ("title", _("Published title, personal data masked.")),
    ("description", _("Published text, personal data (NIK, phone, e-mail) masked.")),
    ("category_code", _("Category (Open311 service_code); empty if not categorised.")),
    ("category_name", _("Category name.")),
    ("group", _("Top-level topic of the category.")),
    ("agency_id", _("Numeric id of the agency currently responsible; empty before disposition.")),
    ("agency_name", _("Name of the agency currently responsible.")),
    ("province_code", _("Kemendagri province code.")),
    ("province_name", _("Province name (idn-area-data).")),
    ("regency_code", _("Kemendagri regency/city code.")),
    ("regency_name", _("Regency/city name.")),
    ("district_code", _("Kemendagri district (kecamatan) code, may be empty.")),
    ("district_name", _("District name.")),
    ("village_code", _("Kemendagri village (desa/kelurahan) code, may be empty.")),
    ("village_name", _("Village name.")),
    (
        "address",
        _(
            "Location as described, personal data masked; for anonymous reports only an "
            "address set by the verifier, otherwise empty."
        ),
    ),
    (
        "lat",
        _(
            "Latitude (WGS84), may be empty; for anonymous reports the centre of a grid cell "
            "of 0.001° (about 100 m)."
        ),
    ),
    ("long", _("Longitude (WGS84), may be empty; coarsened like lat.")),
    ("incident_date", _("Date of the incident (YYYY-MM-DD).")),
    ("created_at", _("Received at (ISO 8601 with time zone).")),
    ("updated_at", _("Last change (ISO 8601).")),
    ("closed_at", _("Closed at (ISO 8601), empty while open.")),
    ("due_at", _("Current deadline (ISO 8601), empty when none runs.")),
    ("rating", _("Reporter's satisfaction 1–5 when closed with a rating; empty otherwise.")),
]
EVENT_FIELDS: list[tuple[str, Any]] = [
    ("tracking_id", _("The report the event belongs to.")),
    ("event_id", _("Numeric id of the event, increasing over time.")),
    ("at", _("When it happened (ISO 8601).")),
    ("kind", _("What happened: submitted, disposed, follow_up, closed, …")),
    ("status_code", _("Status after the event; empty when the status did not change.")),
    ("status", _("open or closed after the event.")),
    ("agency_name", _("The agency that acted, or the one the report was sent to.")),
    (
        "message",
        _(
            "Text the agency wrote for this event (follow-ups, questions, transfers), "
            "personal data masked; empty for other events."
        ),
    ),
]
REPORT_COLUMNS = [name for name, _help in REPORT_FIELDS]
EVENT_COLUMNS = [name for name, _help in EVENT_FIELDS]


def open_reports() -> QuerySet[Report]:
    """Public reports with everything a record needs, in a fixed number of queries."""
    events = (
        ReportEvent.objects.filter(is_public=True)
        .select_related("agency", "target_agency")
        .order_by("at", "id")
    )
    return (
        public_reports()
        .select_related("category", "agency")
        .prefetch_related(Prefetch("events", queryset=events, to_attr="public_events"))
        .order_by("created_at", "id")
    )


class Names:
    """Region names and category top-level topics for a batch of reports, two queries."""

    def __init__(self, reports: Iterable[Report]) -> None:
        reports = list(reports)
        codes: set[str] = set()
        for r in reports:
            codes.update(
                c for c in (r.province_code, r.regency_code, r.district_code, r.village_code) if c
            )
        self.regions = dict(Region.objects.filter(code__in=codes).values_list("code", "name"))
        self._cats: dict[int, tuple[int | None, str]] | None = None
        self._need_cats = any(r.category_id for r in reports)

    def group(self, category: Category | None) -> str:
        if category is None:
            return ""
        if self._cats is None:
            self._cats = {
                pk: (parent, name)
                for pk, parent, name in Category.objects.values_list("pk", "parent_id", "name")
            }
        pk: int | None = category.pk
        name = category.name
        for _depth in range(10):
            parent, name = self._cats.get(pk, (None, name)) if pk else (None, name)
            if parent is None:
                break
            pk = parent
        return name


def report_record(report: Report, names: Names) -> dict[str, Any]:
    status = open311_status(report.status)
    where = location.public_location(report)
    return {
        "tracking_id": report.tracking_id,
        "kind": report.kind,
        "privacy": report.privacy,
        "channel": report.channel,
        "status_code": report.status,
        "status": status,
        "title": scrub(report.title_published),
        "description": scrub(report.body_published),
        "category_code": report.category.code if report.category else "",
        "category_name": report.category.name if report.category else "",
        "group": names.group(report.category),
        "agency_id": report.agency_id,
        "agency_name": report.agency.name if report.agency else "",
        "province_code": report.province_code,
        "province_name": names.regions.get(report.province_code, ""),
        "regency_code": report.regency_code,
        "regency_name": names.regions.get(report.regency_code, ""),
        "district_code": report.district_code,
        "district_name": names.regions.get(report.district_code, ""),
        "village_code": report.village_code,
        "village_name": names.regions.get(report.village_code, ""),
        "address": where.address,
        "lat": where.lat,
        "long": where.long,
        "incident_date": report.incident_date.isoformat(),
        "created_at": w3c(report.created_at),
        "updated_at": w3c(report.updated_at),
        "closed_at": w3c(report.closed_at),
        "due_at": w3c(report.due_at),
        "rating": report.rating,
    }


def event_record(report: Report, event: ReportEvent) -> dict[str, Any]:
    agency = event.agency or event.target_agency
    return {
        "tracking_id": report.tracking_id,
        "event_id": event.pk,
        "at": w3c(event.at),
        "kind": event.kind,
        "status_code": event.new_status,
        "status": open311_status(event.new_status) if event.new_status else "",
        "agency_name": agency.name if agency else "",
        "message": public_event_message(event),
    }


def full_record(report: Report, names: Names) -> dict[str, Any]:
    record = report_record(report, names)
    record["timeline"] = [event_record(report, e) for e in getattr(report, "public_events", [])]
    return record


def batches(qs: QuerySet[Report], size: int = 2000) -> Iterator[tuple[list[Report], Names]]:
    """The whole queryset in keyset-paged batches: memory stays flat at national scale."""
    last: tuple[Any, int] | None = None
    while True:
        page = qs
        if last is not None:
            page = page.filter(created_at__gte=last[0]).exclude(created_at=last[0], id__lte=last[1])
        rows = list(page[:size])
        if not rows:
            return
        yield rows, Names(rows)
        last = (rows[-1].created_at, rows[-1].pk)
