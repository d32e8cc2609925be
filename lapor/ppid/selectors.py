"""Reads of the public-information service: the PPID's registers, the lists of public
information, and the yearly service report (*laporan layanan informasi publik*).

Nothing here reads the requester's identity: the registers show registration numbers and
dates; identity is read on the request page through ``access.requester_identity``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone

from lapor.accounts.models import User
from lapor.agencies.capabilities import Capability, memberships, scope_agency_ids
from lapor.agencies.models import Agency
from lapor.console.selectors import calendars_for, remaining_label
from lapor.reports.deadlines import remaining_working_days
from lapor.reports.models import Channel, Clock, Kind, Report, ReportEvent, Status

from .models import (
    Decision,
    Dispute,
    DisputeOutcome,
    EntryCategory,
    ExemptionGround,
    InformationEntry,
    InformationRequest,
    Notice,
    Objection,
    ObjectionGround,
    Outcome,
)

AnyUser = User | AnonymousUser | None
PAGE_SIZE = 50
E = ReportEvent.Kind
K = Clock.Kind


def holds_ppid_role(user: AnyUser) -> bool:
    """Does ``user`` work on information requests anywhere (console navigation)?"""
    from lapor.agencies.capabilities import ROLE_CAPABILITIES

    return any(Capability.VIEW_INFORMATION in ROLE_CAPABILITIES[m.role] for m in memberships(user))


def scope(user: AnyUser, capability: Capability = Capability.VIEW_INFORMATION) -> set[int] | None:
    return scope_agency_ids(user, capability)


def requests_in_scope(user: AnyUser) -> QuerySet[Report]:
    agencies = scope(user)
    qs = Report.objects.filter(kind=Kind.INFORMATION_REQUEST, information_request__isnull=False)
    if agencies is None:
        return qs
    return qs.filter(agency_id__in=agencies) if agencies else qs.none()


# The register's filters (statuses by group, never labels).
REGISTER_FILTERS: dict[str, frozenset[str]] = {
    "open": frozenset({Status.INFO_REGISTERED}),
    "waiting": frozenset({Status.INFO_CLARIFICATION, Status.INFO_IDENTITY_NEEDED}),
    "answered": frozenset({Status.INFO_ANSWERED}),
    "objection": frozenset({Status.INFO_OBJECTED, Status.INFO_OBJECTION_DECIDED}),
    "commission": frozenset({Status.INFO_COMMISSION, Status.INFO_SETTLED}),
}


@dataclass(frozen=True)
class RegisterRow:
    report: Report
    request: InformationRequest
    due_at: dt.datetime | None
    overdue: bool
    remaining_text: str
    notice: Notice | None


def register(user: AnyUser, which: str = "", now: dt.datetime | None = None) -> QuerySet[Report]:
    """The request register (*register permohonan*), oldest deadline first."""
    qs = requests_in_scope(user).select_related("information_request", "agency", "requested_agency")
    if which in REGISTER_FILTERS:
        qs = qs.filter(status__in=REGISTER_FILTERS[which])
    elif which == "late":
        qs = qs.filter(
            clocks__kind__in=[K.INFO_ANSWER, K.INFO_OBJECTION_DECISION],
            clocks__stopped_at__isnull=True,
            clocks__due_at__lt=now or timezone.now(),
        ).distinct()
    return qs.order_by(F("due_at").asc(nulls_last=True), "-created_at", "pk")


def register_rows(reports: Iterable[Report], now: dt.datetime | None = None) -> list[RegisterRow]:
    """A page of the register: the agency's deadline (answer or decision) with working days
    left, and the latest notice. Three queries whatever the page's length."""
    now = now or timezone.now()
    reports = list(reports)
    ids = [r.pk for r in reports]
    running: dict[int, Clock] = {}
    for clock in Clock.objects.filter(
        report_id__in=ids,
        kind__in=[K.INFO_ANSWER, K.INFO_OBJECTION_DECISION],
        stopped_at__isnull=True,
    ).order_by("started_at"):
        running[clock.report_id] = clock
    notices: dict[int, Notice] = {}
    for notice in Notice.objects.filter(report_id__in=ids).order_by("issued_at"):
        notices[notice.report_id] = notice
    calendars = calendars_for(c.region_code for c in running.values())
    rows = []
    for report in reports:
        found = running.get(report.pk)
        due = found.due_at if found else None
        remaining = (
            remaining_working_days(due, calendars[found.region_code or ""], now) if found else None
        )
        overdue = due is not None and due < now
        rows.append(
            RegisterRow(
                report=report,
                request=report.information_request,
                due_at=due,
                overdue=overdue,
                remaining_text=remaining_label(remaining, overdue) if found else "",
                notice=notices.get(report.pk),
            )
        )
    return rows


def objection_register(user: AnyUser) -> QuerySet[Objection]:
    """The objections register (*register keberatan*) of the user's scope."""
    agencies = scope(user)
    qs = Objection.objects.select_related("report", "agency", "decided_by")
    if agencies is not None:
        qs = qs.filter(report__agency_id__in=agencies) if agencies else qs.none()
    return qs.order_by(F("decided_at").asc(nulls_first=True), "-filed_at")


def ppid_agencies(user: AnyUser) -> list[Agency]:
    """The agencies whose lists of public information the user keeps."""
    roles = [m for m in memberships(user) if Capability.ANSWER_INFORMATION.value in _caps(m.role)]
    return [m.agency for m in roles]


def _caps(role: str) -> set[str]:
    from lapor.agencies.capabilities import ROLE_CAPABILITIES

    return {str(c) for c in ROLE_CAPABILITIES[role]}


# --- public lists ----------------------------------------------------------------------------


def published_entries(
    *, agency: Agency | None = None, query: str = "", category: str = ""
) -> QuerySet[InformationEntry]:
    """Published lines of the lists of public information; searchable by every word (title,
    summary, holder, the agency's name)."""
    qs = InformationEntry.objects.filter(is_published=True).select_related("agency")
    if agency is not None:
        qs = qs.filter(agency=agency)
    if category in EntryCategory.values:
        qs = qs.filter(category=category)
    for token in [t for t in query.split() if t][:8]:
        qs = qs.filter(
            Q(title__icontains=token)
            | Q(summary__icontains=token)
            | Q(holder__icontains=token)
            | Q(agency__name__icontains=token)
        )
    return qs.order_by("agency__name", "category", "title", "pk")


def agencies_with_lists() -> QuerySet[Agency]:
    return (
        Agency.objects.filter(information_entries__is_published=True)
        .annotate(
            entries=Count("information_entries", filter=Q(information_entries__is_published=True))
        )
        .order_by("name")
    )


# --- the yearly report -----------------------------------------------------------------------


@dataclass
class AnnualReport:
    """One agency's (or, with ``agency`` None, every agency's) public-information service in a
    year, in the sections of the PPID's yearly report (Perki 1/2021 Pasal 36)."""

    year: int
    agency: Agency | None
    received: int = 0
    forwarded_in: int = 0
    forwarded_out: int = 0
    pending: int = 0
    decisions: dict[str, int] = field(default_factory=dict)
    refused_by_ground: dict[str, int] = field(default_factory=dict)
    answered: int = 0
    answered_late: int = 0
    extended: int = 0
    average_days: float | None = None
    max_days: int | None = None
    by_channel: dict[str, int] = field(default_factory=dict)
    objections: int = 0
    objections_by_ground: dict[str, int] = field(default_factory=dict)
    objection_outcomes: dict[str, int] = field(default_factory=dict)
    objections_pending: int = 0
    decided_late: int = 0
    disputes: int = 0
    dispute_outcomes: dict[str, int] = field(default_factory=dict)

    @property
    def answered_in_time_share(self) -> float | None:
        if not self.answered:
            return None
        return (self.answered - self.answered_late) / self.answered

    def rows(self) -> list[tuple[str, str, object]]:
        """Flat (section, item, value) rows: the CSV and the open data."""
        out: list[tuple[str, str, object]] = [
            ("requests", "received", self.received),
            ("requests", "forwarded_in", self.forwarded_in),
            ("requests", "forwarded_out", self.forwarded_out),
            ("requests", "pending", self.pending),
            ("requests", "extended", self.extended),
        ]
        out += [("decisions", k, self.decisions.get(k, 0)) for k in Decision.values]
        out += [
            ("refused_by_ground", f"pasal_17_{k}", self.refused_by_ground.get(k, 0))
            for k in ExemptionGround.values
        ]
        out += [
            ("answer_time", "answered", self.answered),
            ("answer_time", "answered_late", self.answered_late),
            (
                "answer_time",
                "average_working_days",
                "" if self.average_days is None else round(self.average_days, 1),
            ),
            ("answer_time", "max_working_days", "" if self.max_days is None else self.max_days),
        ]
        out += [("channels", k, self.by_channel.get(k, 0)) for k in Channel.values]
        out += [("objections", "filed", self.objections)]
        out += [
            ("objections_by_ground", f"pasal_35_{k}", self.objections_by_ground.get(k, 0))
            for k in ObjectionGround.values
        ]
        out += [
            ("objection_outcomes", k, self.objection_outcomes.get(k, 0)) for k in Outcome.values
        ]
        out += [
            ("objection_outcomes", "pending", self.objections_pending),
            ("objection_outcomes", "decided_late", self.decided_late),
            ("disputes", "filed", self.disputes),
        ]
        out += [
            ("dispute_outcomes", k, self.dispute_outcomes.get(k, 0)) for k in DisputeOutcome.values
        ]
        return out


def _year_range(year: int) -> tuple[dt.datetime, dt.datetime]:
    zone = timezone.get_current_timezone()
    start = dt.datetime(year, 1, 1, tzinfo=zone)
    return start, dt.datetime(year + 1, 1, 1, tzinfo=zone)


def annual_reports(year: int, agency_ids: Iterable[int] | None = None) -> dict[int, AnnualReport]:
    """The yearly report of every agency that had requests, notices or objections in
    ``year`` (or of ``agency_ids``): a fixed number of aggregate queries for all of them."""
    start, end = _year_range(year)
    only = set(agency_ids) if agency_ids is not None else None
    reports: dict[int, AnnualReport] = {}

    def of(agency_id: int | None) -> AnnualReport | None:
        if agency_id is None or (only is not None and agency_id not in only):
            return None
        if agency_id not in reports:
            reports[agency_id] = AnnualReport(year=year, agency=None)
        return reports[agency_id]

    in_year = Q(at__gte=start, at__lt=end)
    registrations = ReportEvent.objects.filter(
        in_year, report__kind=Kind.INFORMATION_REQUEST
    ).filter(
        Q(kind=E.SUBMITTED, new_status=Status.INFO_REGISTERED)
        | Q(kind=E.INFO_IDENTITY)
        | Q(kind=E.CONVERTED, new_status=Status.INFO_REGISTERED)
    )
    for agency_id, channel, n in registrations.values_list(
        "target_agency_id", "report__channel"
    ).annotate(n=Count("pk")):
        row = of(agency_id)
        if row is not None:
            row.received += n
            row.by_channel[channel] = row.by_channel.get(channel, 0) + n
    # INFO_IDENTITY events carry the agency, not the target: count them too.
    for agency_id, channel, n in (
        registrations.filter(target_agency__isnull=True)
        .values_list("agency_id", "report__channel")
        .annotate(n=Count("pk"))
    ):
        row = of(agency_id)
        if row is not None:
            row.received += n
            row.by_channel[channel] = row.by_channel.get(channel, 0) + n
    forwards = ReportEvent.objects.filter(in_year, kind=E.INFO_FORWARDED)
    for agency_id, n in forwards.values_list("agency_id").annotate(n=Count("pk")):
        row = of(agency_id)
        if row is not None:
            row.forwarded_out += n
    for agency_id, n in forwards.values_list("target_agency_id").annotate(n=Count("pk")):
        row = of(agency_id)
        if row is not None:
            row.forwarded_in += n
    notices = Notice.objects.filter(issued_at__gte=start, issued_at__lt=end)
    for agency_id, decision, ground, n in notices.values_list(
        "agency_id", "decision", "exemption_ground"
    ).annotate(n=Count("pk")):
        row = of(agency_id)
        if row is None:
            continue
        row.decisions[decision] = row.decisions.get(decision, 0) + n
        if ground:
            row.refused_by_ground[ground] = row.refused_by_ground.get(ground, 0) + n
    # Answer time: the first notice of each request (forwards are not answers).
    days: dict[int, list[int]] = defaultdict(list)
    late_first: Counter[int] = Counter()
    for agency_id, n_days, late in Notice.objects.filter(
        issued_at__gte=start,
        issued_at__lt=end,
        report__information_request__first_notice_at=F("issued_at"),
    ).values_list("agency_id", "report__information_request__answer_working_days", "late"):
        if n_days is not None:
            days[agency_id].append(n_days)
        if late:
            late_first[agency_id] += 1
    for agency_id, values in days.items():
        row = of(agency_id)
        if row is not None and values:
            row.answered = len(values)
            row.average_days = sum(values) / len(values)
            row.max_days = max(values)
            row.answered_late = late_first[agency_id]
    for agency_id, n in (
        InformationRequest.objects.filter(
            registered_at__gte=start, registered_at__lt=end, extended=True
        )
        .values_list("report__agency_id")
        .annotate(n=Count("pk"))
    ):
        row = of(agency_id)
        if row is not None:
            row.extended += n
    for agency_id, n in (
        Report.objects.filter(
            kind=Kind.INFORMATION_REQUEST,
            status__in=[Status.INFO_REGISTERED, Status.INFO_CLARIFICATION],
            information_request__registered_at__gte=start,
            information_request__registered_at__lt=end,
        )
        .values_list("agency_id")
        .annotate(n=Count("pk"))
    ):
        row = of(agency_id)
        if row is not None:
            row.pending += n
    for objection in Objection.objects.filter(filed_at__gte=start, filed_at__lt=end).only(
        "agency_id", "grounds", "outcome", "late"
    ):
        row = of(objection.agency_id)
        if row is None:
            continue
        row.objections += 1
        for ground in objection.grounds or []:
            row.objections_by_ground[ground] = row.objections_by_ground.get(ground, 0) + 1
        if objection.outcome:
            row.objection_outcomes[objection.outcome] = (
                row.objection_outcomes.get(objection.outcome, 0) + 1
            )
            row.decided_late += int(objection.late)
        else:
            row.objections_pending += 1
    for agency_id, outcome, n in (
        Dispute.objects.filter(recorded_at__gte=start, recorded_at__lt=end)
        .values_list("report__agency_id", "outcome")
        .annotate(n=Count("pk"))
    ):
        row = of(agency_id)
        if row is None:
            continue
        row.disputes += n
        if outcome:
            row.dispute_outcomes[outcome] = row.dispute_outcomes.get(outcome, 0) + n
    names = Agency.objects.in_bulk(list(reports))
    for agency_id, row in reports.items():
        row.agency = names.get(agency_id)
    return reports


def annual_report(agency: Agency, year: int) -> AnnualReport:
    found = annual_reports(year, [agency.pk]).get(agency.pk)
    if found is None:
        return AnnualReport(year=year, agency=agency)
    return found


def national_total(reports: Iterable[AnnualReport], year: int) -> AnnualReport:
    """Every agency's report added up (the average weighted by answers)."""
    total = AnnualReport(year=year, agency=None)
    weighted = 0.0
    for r in reports:
        for name in (
            "received",
            "forwarded_in",
            "forwarded_out",
            "pending",
            "answered",
            "answered_late",
            "extended",
            "objections",
            "objections_pending",
            "decided_late",
            "disputes",
        ):
            setattr(total, name, getattr(total, name) + getattr(r, name))
        for name in (
            "decisions",
            "refused_by_ground",
            "by_channel",
            "objections_by_ground",
            "objection_outcomes",
            "dispute_outcomes",
        ):
            target = getattr(total, name)
            for key, value in getattr(r, name).items():
                target[key] = target.get(key, 0) + value
        if r.average_days is not None:
            weighted += r.average_days * r.answered
        if r.max_days is not None:
            total.max_days = max(total.max_days or 0, r.max_days)
    total.average_days = weighted / total.answered if total.answered else None
    return total


def report_years() -> list[int]:
    """Years that have requests, newest first (at least the current year)."""
    years = {timezone.localdate().year}
    for moment in InformationRequest.objects.exclude(registered_at=None).dates(
        "registered_at", "year"
    ):
        years.add(moment.year)
    return sorted(years, reverse=True)


def scorecard_indicators(agency: Agency, year: int | None = None) -> list[dict[str, str]]:
    """The PPID indicators of an agency's public scorecard: its own requests and those of its
    information office (PPID Utama), this year. Empty when it had none."""
    from django.utils.formats import number_format
    from django.utils.translation import gettext as _

    from lapor.stats.views import pct

    year = year or timezone.localdate().year
    start, end = _year_range(year)
    theirs = Q(agency=agency) | Q(
        agency__parent=agency, agency__kind=Agency.Kind.INFORMATION_OFFICE
    )
    # One query for the agencies that never had a request (most of them): no section.
    if not Report.objects.filter(
        theirs, kind=Kind.INFORMATION_REQUEST, created_at__lt=end
    ).exists():
        return []
    ids = {agency.pk} | set(
        Agency.objects.filter(parent=agency, kind=Agency.Kind.INFORMATION_OFFICE).values_list(
            "pk", flat=True
        )
    )
    reports = list(annual_reports(year, ids).values())
    if not reports:
        return []
    total = national_total(reports, year)
    if not (total.received or total.answered or total.objections):
        return []
    refused = total.decisions.get(Decision.REFUSED, 0) + total.decisions.get(Decision.PARTIAL, 0)
    return [
        {
            "label": _("Information requests registered (%(year)s)") % {"year": year},
            "value": number_format(total.received),
            "definition": _("Requests registered with the agency's PPID this year."),
        },
        {
            "label": _("Requests answered in time"),
            "value": pct(total.answered_in_time_share),
            "definition": _(
                "Share of first written notices given within 10 working days (17 when extended)."
            ),
        },
        {
            "label": _("Average working days to answer"),
            "value": "—"
            if total.average_days is None
            else number_format(round(total.average_days, 1), 1),
            "definition": _("From registration to the first written notice, pauses excluded."),
        },
        {
            "label": _("Refused in full or in part"),
            "value": number_format(refused),
            "definition": _("Notices that withheld information under Article 17 of UU 14/2008."),
        },
        {
            "label": _("Objections and disputes"),
            "value": f"{number_format(total.objections)} / {number_format(total.disputes)}",
            "definition": _(
                "Objections to the PPID's superior, and disputes taken to the Information "
                "Commission, this year."
            ),
        },
    ]
