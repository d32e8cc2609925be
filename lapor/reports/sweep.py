"""The periodic sweep: escalate what is overdue, close what the reporter left unanswered.

Run by the worker every few minutes (``manage.py sweep`` or the scheduled task). Each case is
handled in its own transaction with its row locked, so a sweep can run beside the web server
and a second sweep at the same time does no double work.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from lapor.core.calendar import WorkingCalendar
from lapor.reports import deadlines, lifecycle
from lapor.reports.case_actions import _event, _move
from lapor.reports.models import Clock, Report, ReportEvent, Status

# A missed deadline goes to the agency admin at once, to the national admin after two more
# working days, to the supervisor (Inspektorat) after two more.
ESCALATION_STEP_DAYS = 2
TOP_RUNG = 3
ESCALATING_CLOCKS = (
    Clock.Kind.VERIFY,
    Clock.Kind.FIRST_FOLLOW_UP,
    Clock.Kind.RESOLUTION,
    # Information requests: the PPID's notice and the Atasan PPID's decision.
    Clock.Kind.INFO_ANSWER,
    Clock.Kind.INFO_OBJECTION_DECISION,
)


@dataclass
class SweepResult:
    escalated: list[tuple[int, int]] = field(default_factory=list)  # (report id, level)
    closed: list[int] = field(default_factory=list)
    archived: list[int] = field(default_factory=list)
    # Information requests (lapor.ppid.sweep): the late ground of objection opened, and the
    # way to the Information Commission opened by a superior's silence.
    objection_opened: list[int] = field(default_factory=list)
    dispute_opened: list[int] = field(default_factory=list)


def sweep(now: dt.datetime | None = None) -> SweepResult:
    now = now or timezone.now()
    result = SweepResult()
    expired = Clock.objects.filter(stopped_at__isnull=True, due_at__lt=now)
    for clock_id in expired.filter(kind=Clock.Kind.REPORTER_REPLY).values_list("pk", flat=True):
        _auto_close(clock_id, now, result)
    for clock_id in expired.filter(kind=Clock.Kind.CLARIFICATION).values_list("pk", flat=True):
        _auto_archive(clock_id, now, result)
    overdue = expired.filter(kind__in=ESCALATING_CLOCKS, escalation_level__lt=TOP_RUNG)
    for clock_id in overdue.values_list("pk", flat=True):
        _escalate(clock_id, now, result)
    from lapor.ppid.sweep import sweep_requests

    sweep_requests(now, result)
    return result


def _locked_clock(clock_id: int) -> Clock | None:
    clock = (
        Clock.objects.select_for_update(of=("self",))
        .select_related("report", "agency")
        .filter(pk=clock_id, stopped_at__isnull=True)
        .first()
    )
    if clock is not None:
        Report.objects.select_for_update().filter(pk=clock.report_id).first()
    return clock


def _auto_close(clock_id: int, now: dt.datetime, result: SweepResult) -> None:
    """No answer to a follow-up within 10 working days: "Ditutup oleh Sistem"."""
    report_id = _expire(
        clock_id,
        now,
        Status.FOLLOWED_UP,
        Status.CLOSED_BY_SYSTEM,
        ReportEvent.Kind.CLOSED,
        {"why": "no_reply_in_10_working_days"},
    )
    if report_id is not None:
        result.closed.append(report_id)


def _auto_archive(clock_id: int, now: dt.datetime, result: SweepResult) -> None:
    """No clarification of a *Tunda* within 10 working days: "Diarsipkan oleh Sistem"."""
    report_id = _expire(
        clock_id,
        now,
        Status.POSTPONED,
        Status.ARCHIVED_BY_SYSTEM,
        ReportEvent.Kind.ARCHIVED,
        {"reason": "no_clarification_in_10_working_days"},
    )
    if report_id is not None:
        result.archived.append(report_id)


@transaction.atomic
def _expire(
    clock_id: int, now: dt.datetime, waiting: Status, final: Status, kind: str, data: dict
) -> int | None:
    """The reporter's window ran out: close the case if it is still waiting on them."""
    clock = _locked_clock(clock_id)
    if clock is None or clock.due_at is None or clock.due_at >= now:
        return None
    report = clock.report
    if report.status != waiting:
        # The reporter answered meanwhile; this clock no longer means anything.
        clock.stopped_at, clock.stop_reason = now, "obsolete"
        clock.save(update_fields=["stopped_at", "stop_reason"])
        return None
    if final == Status.CLOSED_BY_SYSTEM:
        from lapor.reports.formulaic import holds_closure

        if holds_closure(report):
            # Not closed on a formulaic answer nobody reviewed: the admin looks first.
            return None
    report.closed_at = now
    _move(report, final, kind, actor=None, data=data, extra_fields=("closed_at",))
    deadlines.stop(report, reason=final)
    deadlines.refresh_report_due(report)
    return report.pk


@transaction.atomic
def _escalate(clock_id: int, now: dt.datetime, result: SweepResult) -> None:
    clock = _locked_clock(clock_id)
    if clock is None or clock.due_at is None or clock.due_at >= now:
        return
    if clock.report.status in lifecycle.CLOSED:
        return
    late_days = WorkingCalendar(clock.region_code).working_days_between(clock.due_at, now)
    level = min(TOP_RUNG, 1 + late_days // ESCALATION_STEP_DAYS)
    if level <= clock.escalation_level:
        return
    for rung in range(clock.escalation_level + 1, level + 1):
        _event(
            clock.report,
            ReportEvent.Kind.ESCALATED,
            actor=None,
            agency=clock.agency,
            data={"level": rung, "clock": clock.kind, "due_at": clock.due_at.isoformat()},
        )
        result.escalated.append((clock.report_id, rung))
    clock.escalation_level = level
    clock.save(update_fields=["escalation_level"])
