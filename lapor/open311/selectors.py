"""Reads for Open311: services, their questions, and public requests as Open311 records.

Requests come only from ``public_reports()`` and every text leaves through ``scrub()``. A page
of requests costs a fixed number of queries whatever its size: the reports (with category,
agency and partner submission joined), then their public events in one prefetch.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.utils import timezone

from lapor.agencies.models import Category
from lapor.core.timezones import WIB
from lapor.open311.mapping import open311_status
from lapor.open311.models import ServiceAttribute
from lapor.reports import location
from lapor.reports.models import Privacy, Report, ReportEvent
from lapor.reports.scrub import scrub
from lapor.reports.selectors import public_event_message, public_reports


def w3c(moment: dt.datetime | None) -> str | None:
    """W3C/ISO 8601 with the time zone, which the spec makes mandatory (we speak WIB)."""
    if moment is None:
        return None
    return timezone.localtime(moment, WIB).isoformat(timespec="seconds")


def services() -> list[dict[str, Any]]:
    cats = list(
        Category.objects.filter(is_active=True)
        .annotate(has_questions=Exists(ServiceAttribute.objects.filter(category=OuterRef("pk"))))
        .order_by("sort_order", "name")
    )
    # Every category (inactive parents too) to find each one's top-level topic in memory.
    parents = dict(Category.objects.values_list("pk", "parent_id"))
    names = dict(Category.objects.values_list("pk", "name"))
    out = []
    for cat in cats:
        top = cat.pk
        for _depth in range(10):
            if parents.get(top) is None:
                break
            top = parents[top]
        keywords = ", ".join(
            k.strip() for k in cat.keywords.replace("\n", ",").split(",") if k.strip()
        )
        out.append(
            {
                "service_code": cat.code,
                "service_name": cat.name,
                "description": cat.name_en or cat.name,
                "metadata": bool(cat.has_questions),
                "type": "realtime",
                "keywords": keywords,
                "group": names.get(top, cat.name),
            }
        )
    return out


def service_category(code: str) -> Category | None:
    return Category.objects.filter(code=code, is_active=True).first()


def attributes_of(category: Category) -> list[ServiceAttribute]:
    return list(ServiceAttribute.objects.filter(category=category).order_by("order", "id"))


def attribute_record(attr: ServiceAttribute) -> dict[str, Any]:
    record: dict[str, Any] = {
        "variable": attr.variable,
        "code": attr.code,
        "datatype": attr.datatype,
        "required": attr.required,
        "datatype_description": attr.datatype_description,
        "order": attr.order,
        "description": attr.description,
    }
    if attr.is_list:
        record["values"] = [{"key": v["key"], "name": v["name"]} for v in attr.values]
    return record


# What ``request_record`` publishes, and nothing else: the original text, the PIN hash and
# the search vector never leave the database for Open311 (and a page of 1,000 requests reads
# a fraction of the bytes).
REQUEST_COLUMNS = (
    "tracking_id",
    "privacy",
    "status",
    "body_published",
    "created_at",
    "updated_at",
    "closed_at",
    "due_at",
    *location.COLUMNS,
    "village_code",
    "district_code",
    "regency_code",
    "category__name",
    "category__code",
    "agency__name",
    "open311_submission__media_url",
)


def public_requests() -> QuerySet[Report]:
    events = (
        ReportEvent.objects.filter(is_public=True)
        .only("report_id", "kind", "message", "at")
        .order_by("at", "id")
    )
    return (
        public_reports()
        .select_related("category", "agency", "open311_submission")
        .only(*REQUEST_COLUMNS)
        .prefetch_related(Prefetch("events", queryset=events, to_attr="public_events"))
        .order_by("-created_at", "-id")
    )


# The kind's label, translated when rendered. ``get_kind_display()`` gives the same text but
# hashes every lazy label of the field's choices on each call: half the time of a page of
# 1,000 requests.
KIND_LABELS = dict(ReportEvent._meta.get_field("kind").flatchoices)


def event_note(event: ReportEvent) -> str:
    return public_event_message(event) or str(KIND_LABELS.get(event.kind, event.kind))


def request_record(report: Report) -> dict[str, Any]:
    """One report as an Open311 service request: only public fields, text scrubbed, the
    location as ``location.public_location`` gives it (no address text of an anonymous
    report, its coordinates coarsened)."""
    events: list[ReportEvent] = getattr(report, "public_events", [])
    latest = events[-1] if events else None
    status = open311_status(report.status)
    submission = getattr(report, "open311_submission", None)
    # A partner's photo link travels only with fully public reports: a photo may show who
    # took it.
    media_url = (
        submission.media_url if submission is not None and report.privacy == Privacy.PUBLIC else ""
    )
    where = location.public_location(report)
    return {
        "service_request_id": report.tracking_id,
        "status": status,
        "status_notes": event_note(latest) if latest else "",
        "service_name": report.category.name if report.category else "",
        "service_code": report.category.code if report.category else "",
        "description": scrub(report.body_published),
        "agency_responsible": report.agency.name if report.agency else "",
        "service_notice": "",
        "requested_datetime": w3c(report.created_at),
        "updated_datetime": w3c(
            report.closed_at if status == "closed" and report.closed_at else report.updated_at
        ),
        "expected_datetime": w3c(report.due_at) if status == "open" else None,
        "address": where.address,
        "address_id": report.village_code or report.district_code or report.regency_code,
        "zipcode": "",
        "lat": where.lat,
        "long": where.long,
        "media_url": media_url,
    }


def public_updates() -> QuerySet[ReportEvent]:
    return (
        ReportEvent.objects.filter(is_public=True, report__in=public_reports())
        .select_related("report")
        .order_by("-at", "-id")
    )


def update_record(event: ReportEvent) -> dict[str, Any]:
    status = event.new_status or event.report.status
    return {
        "update_id": str(event.pk),
        "service_request_id": event.report.tracking_id,
        "status": open311_status(status),
        "updated_datetime": w3c(event.at),
        "description": event_note(event),
        "media_url": "",
        "external_status_code": status,
    }
