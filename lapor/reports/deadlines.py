"""Clocks: start, stop, pause, resume, extend and recompute stored deadlines.

Every ``due_at`` is computed by ``lapor.core.calendar.WorkingCalendar``; this module only keeps
the stored columns in step with the case. Called from actions (inside their transaction).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db.models import Min
from django.utils import timezone

from lapor.agencies.models import Agency
from lapor.core.calendar import Due, Pause, WorkingCalendar
from lapor.reports.models import Clock, Report

# Legal limits in working days (DOMAIN.md §5).
VERIFY_DAYS = 3
FIRST_FOLLOW_UP_DAYS = 5
REPORTER_REPLY_DAYS = 10
CLARIFICATION_DAYS = 10


def _pauses(clock: Clock) -> list[Pause]:
    return [
        (dt.date.fromisoformat(a), dt.date.fromisoformat(b) if b else None) for a, b in clock.pauses
    ]


def compute(clock: Clock, calendar: WorkingCalendar | None = None) -> Due:
    calendar = calendar or WorkingCalendar(clock.region_code)
    return calendar.due(clock.started_at, clock.working_days + clock.extension_days, _pauses(clock))


def start(
    report: Report,
    kind: str,
    working_days: int,
    *,
    agency: Agency | None = None,
    at: dt.datetime | None = None,
) -> Clock:
    clock = new_clock(report, kind, working_days, agency=agency, at=at)
    clock.save()
    return clock


def new_clock(
    report: Report,
    kind: str,
    working_days: int,
    *,
    agency: Agency | None = None,
    at: dt.datetime | None = None,
    region_code: str | None = None,
) -> Clock:
    """The clock ``start`` would write, with its deadline, not saved. Its days off are those of
    ``region_code`` (default: the report's regency)."""
    clock = Clock(
        report=report,
        agency=agency,
        kind=kind,
        started_at=at or timezone.now(),
        working_days=working_days,
        region_code=report.regency_code if region_code is None else region_code,
    )
    clock.due_at = compute(clock).due_at
    return clock


def running(report: Report, kinds: Iterable[str] | None = None, agency: Agency | None = None):
    qs = Clock.objects.filter(report=report, stopped_at__isnull=True)
    if kinds is not None:
        qs = qs.filter(kind__in=list(kinds))
    if agency is not None:
        qs = qs.filter(agency=agency)
    return qs


def stop(
    report: Report,
    kinds: Iterable[str] | None = None,
    *,
    reason: str,
    agency: Agency | None = None,
) -> int:
    return running(report, kinds, agency).update(stopped_at=timezone.now(), stop_reason=reason)


def pause(clock: Clock, at: dt.datetime | None = None) -> None:
    day = WorkingCalendar(clock.region_code).local_date(at or timezone.now())
    clock.pauses = [*clock.pauses, [day.isoformat(), None]]
    clock.due_at = None
    clock.save(update_fields=["pauses", "due_at"])


def resume(clock: Clock, at: dt.datetime | None = None) -> None:
    calendar = WorkingCalendar(clock.region_code)
    day = calendar.local_date(at or timezone.now())
    pauses = [list(p) for p in clock.pauses]
    if pauses and pauses[-1][1] is None:
        pauses[-1][1] = day.isoformat()
    clock.pauses = pauses
    clock.due_at = compute(clock, calendar).due_at
    clock.save(update_fields=["pauses", "due_at"])


def extend(clock: Clock, days: int) -> None:
    clock.extension_days += days
    clock.due_at = compute(clock).due_at
    clock.save(update_fields=["extension_days", "due_at"])


def refresh_report_due(report: Report) -> None:
    """The report's ``due_at`` is the earliest running deadline: the queues sort by it."""
    due = running(report).aggregate(m=Min("due_at"))["m"]
    if report.due_at != due:
        report.due_at = due
        report.save(update_fields=["due_at"])


def recompute_open_clocks(region_prefix: str = "") -> list[tuple[Clock, dt.datetime | None]]:
    """After a calendar change: recompute every running clock (of a region, if given).

    Returns the clocks whose deadline moved, with their old deadline.
    """
    qs = Clock.objects.filter(stopped_at__isnull=True).select_related("report")
    if region_prefix:
        qs = qs.filter(region_code__startswith=region_prefix)
    calendars: dict[str, WorkingCalendar] = {}
    moved = []
    for clock in qs.iterator():
        calendar = calendars.setdefault(clock.region_code, WorkingCalendar(clock.region_code))
        new_due = compute(clock, calendar).due_at
        if new_due != clock.due_at:
            moved.append((clock, clock.due_at))
            clock.due_at = new_due
            clock.save(update_fields=["due_at"])
    return moved


def remaining_working_days(
    due_at: dt.datetime | None,
    calendar: WorkingCalendar,
    now: dt.datetime | None = None,
) -> int | None:
    """Working days left before ``due_at`` (negative when overdue); None without a deadline.

    The calendar is passed in so a list page builds one per place, not one per row.
    """
    if due_at is None:
        return None
    now = now or timezone.now()
    if now <= due_at:
        return calendar.working_days_between(now, due_at)
    return -calendar.working_days_between(due_at, now)
