"""Reads for the staff console: the work queues, their rows, and directory search.

Every queue is a queryset built from the same scope rule as
``lapor.console.access.access_case_for_staff`` (a case a queue lists is a case its page opens).
A queue page costs a fixed number of queries whatever its length: the page's rows come with
their region, the regency names come in one query, and the days off of every place on the
page come in one query, from which one ``WorkingCalendar`` per regency is built in memory.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

import holidays
from django.contrib.auth.models import AnonymousUser
from django.db.models import F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from lapor.accounts.models import User
from lapor.agencies.capabilities import (
    Capability,
    memberships,
    regions_with,
    verification_regions,
)
from lapor.agencies.models import Agency, Category
from lapor.core.calendar import WorkingCalendar
from lapor.core.counting import Capped, capped_counts
from lapor.core.models import CalendarDay
from lapor.regions.models import Region
from lapor.reports import lifecycle, scope, whistle
from lapor.reports.deadlines import remaining_working_days
from lapor.reports.models import Report, Status

PAGE_SIZE = 50
# The dashboard's cards say "more than 1,000 reports" past this (a queue page counts further,
# up to lapor.core.counting.COUNT_CAP, for its page links).
DASHBOARD_COUNT_CAP = 1_000
SEARCH_LIMIT = 20

AnyUser = User | AnonymousUser | None


class Queue(StrEnum):
    """The console's work queues; the value is the URL slug."""

    VERIFICATION = "verifikasi"
    FOLLOW_UP = "tindak-lanjut"
    WAITING = "menunggu-pelapor"
    OVERDUE = "terlambat"
    ALL = "semua"


QUEUE_TITLES = {
    Queue.VERIFICATION: gettext_lazy("Verification"),
    Queue.FOLLOW_UP: gettext_lazy("Follow-up"),
    Queue.WAITING: gettext_lazy("Waiting on the reporter"),
    Queue.OVERDUE: gettext_lazy("Overdue"),
    Queue.ALL: gettext_lazy("All cases in my scope"),
}
QUEUE_HELP = {
    Queue.VERIFICATION: gettext_lazy(
        "New reports to verify and dispose, postpone, return or archive."
    ),
    Queue.FOLLOW_UP: gettext_lazy(
        "Reports dispositioned to your agency, or answered by the reporter, that need a follow-up."
    ),
    Queue.WAITING: gettext_lazy(
        "Postponed reports and follow-ups waiting for the reporter's answer."
    ),
    Queue.OVERDUE: gettext_lazy("Cases with a running deadline that has passed."),
    Queue.ALL: gettext_lazy("Every case you may read, open or closed (read-only overview)."),
}

# The officer's work: open cases that are not waiting on the reporter (disposed, or answered
# by the reporter). Derived from the status groups, never from labels.
FOLLOW_UP_STATUSES = lifecycle.OPEN - lifecycle.WAITING_ON_REPORTER - {Status.AWAITING_VERIFICATION}


def _scope(user: AnyUser, capability: Capability) -> set[int] | None:
    """``scope_agency_ids``, remembered on the user object for the request."""
    return scope._scope(user, capability)


def scoped_reports(user: AnyUser) -> QuerySet[Report]:
    """Every report ``user`` may open in the console: ``scope.case_scope_q``, the rule of
    ``access_case_for_staff``, as a plain filter on status, region codes and active
    assignments (no per-row Python)."""
    return scope.scoped_cases(user, Capability.VIEW)


def available_queues(user: AnyUser) -> list[Queue]:
    """The queues shown to ``user``: each appears when its work is the user's to do.

    National admins get no follow-up queue: their scope is every case of every agency, which
    the overdue and "all" queues already cover.
    """
    if not memberships(user):
        return []
    queues = []
    regions = verification_regions(user)
    if regions is None or regions:
        queues.append(Queue.VERIFICATION)
    follow_up_scope = _scope(user, Capability.FOLLOW_UP)
    if follow_up_scope:
        queues.append(Queue.FOLLOW_UP)
    queues += [Queue.WAITING, Queue.OVERDUE, Queue.ALL]
    return queues


def queue_reports(
    user: AnyUser, queue: Queue, now: dt.datetime | None = None
) -> QuerySet[Report] | scope.IndexedCases:
    """The reports of one queue, oldest deadline first (reports without a deadline last).

    A national admin's queue is a queryset walking ``report_queue_order_idx``. A scoped
    queue (an agency admin, a liaison or PPID officer, a supervisor, a place-based verifier)
    on PostgreSQL is read from the scope index (``scope.IndexedCases``): its keys' ranges of
    ``casekey_queue_order_idx`` in order, so a page costs the same at any table size.
    Elsewhere (SQLite) it is the queryset of ``scope.case_scope_q``. Both list the same cases
    (``tests/console/test_it_indexes_case_scopes.py``); narrow a queue with ``filter`` on
    ``channel`` only.
    """
    now = now or timezone.now()
    national = verification_regions(user) is None
    if not national and memberships(user) and scope.indexed_scope_available():
        return _indexed_queue(user, queue, now)
    if queue == Queue.VERIFICATION:
        regions = verification_regions(user)
        qs = Report.objects.filter(status=Status.AWAITING_VERIFICATION)
        if regions is not None:
            qs = qs.filter(scope.verification_q(regions)) if regions else qs.none()
    elif queue == Queue.FOLLOW_UP:
        agencies = _scope(user, Capability.FOLLOW_UP)
        qs = Report.objects.filter(status__in=FOLLOW_UP_STATUSES)
        if agencies is not None:
            qs = qs.filter(scope.assigned_q(agencies)) if agencies else qs.none()
    elif queue == Queue.WAITING:
        qs = scoped_reports(user).filter(status__in=lifecycle.WAITING_ON_REPORTER)
    elif queue == Queue.OVERDUE:
        # The report's due_at is its earliest running deadline (deadlines.refresh_report_due).
        qs = scoped_reports(user).filter(due_at__lt=now)
    else:
        qs = scoped_reports(user)
    if queue == Queue.VERIFICATION and not national:
        qs = qs.filter(whistle.visible_q(user))
    elif queue == Queue.FOLLOW_UP and not national:
        # The follow-up queue lists the cases the user may follow up (may_access_case with
        # FOLLOW_UP): a report of wrongdoing through one of the user's own FOLLOW_UP agencies.
        qs = qs.filter(whistle.visible_q(user, Capability.FOLLOW_UP))
    # A national queue: its filter keeps a fixed share of all reports, so walking
    # ``report_queue_order_idx`` in order finds a page after a bounded number of rows.
    return qs.order_by(F("due_at").asc(nulls_last=True), "created_at", "pk")


def _indexed_queue(user: AnyUser, queue: Queue, now: dt.datetime) -> scope.IndexedCases:
    """A scoped user's queue from the scope index: the same conditions as the queryset
    branches of ``queue_reports``, as keys, statuses and a deadline bound."""
    if queue == Queue.VERIFICATION:
        # Only the verification part of the scope (its r<region> keys).
        return scope.indexed_cases(user, agencies=False, statuses=[Status.AWAITING_VERIFICATION])
    if queue == Queue.FOLLOW_UP:
        return scope.indexed_cases(
            user, Capability.FOLLOW_UP, regions=False, statuses=FOLLOW_UP_STATUSES
        )
    if queue == Queue.WAITING:
        return scope.indexed_cases(user, statuses=lifecycle.WAITING_ON_REPORTER)
    if queue == Queue.OVERDUE:
        return scope.indexed_cases(user, due_before=now)
    return scope.indexed_cases(user)


def queue_counts(user: AnyUser) -> list[tuple[Queue, Capped]]:
    """The count of every queue shown to ``user``, each stopping at ``DASHBOARD_COUNT_CAP``,
    in one query (``capped_counts``): the same cost at 100,000 and 10,000,000 reports (a
    scoped count reads at most that many rows of its scope)."""
    queues = available_queues(user)
    now = timezone.now()
    counts = capped_counts(
        [queue_reports(user, queue, now) for queue in queues], DASHBOARD_COUNT_CAP
    )
    return list(zip(queues, counts, strict=True))


# --- remaining working days, without a query per row -------------------------------------


def calendars_for(region_codes: Iterable[str]) -> dict[str, WorkingCalendar]:
    """One ``WorkingCalendar`` per regency code, from ONE query for all their days off."""
    codes = {c for c in region_codes if c}
    scopes = {""} | codes | {c[:2] for c in codes}
    rows = list(
        CalendarDay.objects.filter(region_code__in=scopes).values_list(
            "region_code", "date", "name"
        )
    )
    calendars: dict[str, WorkingCalendar] = {}
    for code in codes | {""}:
        mine = {"", code[:2], code[:5]} if code else {""}
        extra = {day: name for scope, day, name in rows if scope in mine}
        calendars[code] = WorkingCalendar(code, extra_days=extra)
    return calendars


def remaining_label(days: int | None, overdue: bool) -> str:
    """ "3 working days left" / "2 working days late" / "due today", in the active language."""
    if days is None:
        return _("no running deadline")
    if overdue:
        if days == 0:
            return _("overdue")
        return ngettext("%(count)d working day late", "%(count)d working days late", -days) % {
            "count": -days
        }
    if days == 0:
        return _("due today")
    return ngettext("%(count)d working day left", "%(count)d working days left", days) % {
        "count": days
    }


@dataclass(frozen=True)
class QueueRow:
    report: Report
    place: str
    due_at: dt.datetime | None
    remaining: int | None
    overdue: bool
    remaining_text: str


def queue_rows(reports: Iterable[Report], now: dt.datetime | None = None) -> list[QueueRow]:
    """Rows for a page of a queue: two queries in all (regency names, days off)."""
    now = now or timezone.now()
    reports = list(reports)
    regency_codes = {r.regency_code for r in reports}
    regency_names = dict(Region.objects.filter(code__in=regency_codes).values_list("code", "name"))
    calendars = calendars_for(regency_codes)
    rows = []
    for report in reports:
        calendar = calendars[report.regency_code or ""]
        remaining = remaining_working_days(report.due_at, calendar, now)
        overdue = report.due_at is not None and report.due_at < now
        names = [report.region.name]
        regency = regency_names.get(report.regency_code)
        if regency and regency != report.region.name:
            names.append(regency)
        rows.append(
            QueueRow(
                report=report,
                place=", ".join(names),
                due_at=report.due_at,
                remaining=remaining,
                overdue=overdue,
                remaining_text=remaining_label(remaining, overdue),
            )
        )
    return rows


# --- the directory ------------------------------------------------------------------------


def _receiving_agencies() -> QuerySet[Agency]:
    return Agency.objects.filter(is_active=True, accepts_reports=True)


def search_agencies(query: str, limit: int = SEARCH_LIMIT) -> list[Agency]:
    """Active agencies whose name, short name or region name contains every word of ``query``.

    "dinas pupr sleman" finds "Dinas PUPR Kab. Sleman" (name and short name) as well as a unit
    named without its place whose region is Kabupaten Sleman.
    """
    tokens = [t for t in query.split() if t][:8]
    if not tokens:
        return []
    qs = _receiving_agencies()
    for token in tokens:
        qs = qs.filter(
            Q(name__icontains=token)
            | Q(short_name__icontains=token)
            | Q(region__name__icontains=token)
        )
    return list(qs.select_related("region").order_by("name")[:limit])


def suggested_agencies(report: Report, limit: int = SEARCH_LIMIT) -> list[Agency]:
    """Default choices: the units in the report's regency whose kind handles its category.

    Without a category (or a handling unit type) the agencies of the report's regency. A
    report of wrongdoing: the internal auditor of the accused unit's government, then the
    auditors of the report's place.
    """
    if whistle.is_whistle(report):
        auditors = [
            a
            for a in _receiving_agencies()
            .filter(Q(region_id=report.regency_code) | Q(region_id=report.province_code))
            .select_related("region", "unit_type")
            .order_by("name")[:200]
            if whistle.is_auditor(a)
        ]
        first = whistle.auditor_for(report.accused_agency)
        return list(dict.fromkeys([a for a in [first, *auditors] if a is not None]))[:limit]
    unit_type_id = _handling_unit_type_id(report.category)
    qs = _receiving_agencies().filter(region_id=report.regency_code)
    if unit_type_id is not None:
        qs = qs.filter(unit_type_id=unit_type_id)
    return list(qs.select_related("region").order_by("name")[:limit])


def _handling_unit_type_id(category: Category | None) -> int | None:
    if category is None:
        return None
    if category.handling_unit_type_id is not None:
        return category.handling_unit_type_id
    if category.parent_id is not None:
        return (
            Category.objects.filter(pk=category.parent_id)
            .values_list("handling_unit_type_id", flat=True)
            .first()
        )
    return None


# --- the calendar page --------------------------------------------------------------------


@dataclass(frozen=True)
class DayOff:
    date: dt.date
    name: str
    region_code: str  # "" = national
    region_name: str
    row: CalendarDay | None  # None: from the holidays package (cannot be removed here)


def calendar_regions(user: AnyUser) -> list[str] | None:
    """Region codes whose days off ``user`` manages; None = national and everywhere."""
    return regions_with(user, Capability.MANAGE_CALENDAR)


def upcoming_days_off(user: AnyUser, language: str, today: dt.date | None = None) -> list[DayOff]:
    """National holidays and *cuti bersama* of this and next year (from the ``holidays``
    package, the same categories the working-day calendar uses) and the admin-added days the
    user's places observe, from ``today`` on."""
    today = today or timezone.localdate()
    regions = calendar_regions(user)
    years = [today.year, today.year + 1]
    lang = "id" if language == "id" else "en_US"
    package = holidays.country_holidays(
        "ID", years=years, categories=("public", "government"), language=lang
    )
    days = [
        DayOff(day, name, "", "", None) for day, name in sorted(package.items()) if day >= today
    ]
    rows = CalendarDay.objects.filter(date__gte=today, date__lte=dt.date(years[-1], 12, 31))
    if regions is not None:
        scopes = {""} | set(regions) | {r[:2] for r in regions}
        rows = rows.filter(region_code__in=scopes)
    rows_list = list(rows)
    names = dict(
        Region.objects.filter(code__in={r.region_code for r in rows_list}).values_list(
            "code", "name"
        )
    )
    days += [
        DayOff(r.date, r.name, r.region_code, names.get(r.region_code, r.region_code), r)
        for r in rows_list
    ]
    return sorted(days, key=lambda d: (d.date, d.row is not None, d.region_code))


def manageable_day(user: AnyUser, pk: int) -> CalendarDay | None:
    """An admin-added day ``user`` may remove, or None."""
    regions = calendar_regions(user)
    qs = CalendarDay.objects.filter(pk=pk)
    if regions is not None:
        qs = qs.filter(region_code__in=regions) if regions else qs.none()
    return qs.first()
