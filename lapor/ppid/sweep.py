"""The information requests' part of the periodic sweep (``lapor.reports.sweep.sweep`` calls
``sweep_requests``). Each request is handled in its own transaction with its rows locked.

- The answer deadline (10 or 17 working days) passes without a notice: the "late" ground of
  objection opens by itself — an event, the requester told, and the 30 working days to object
  counted from the deadline. The clock itself keeps running and is escalated like a
  complaint's until the PPID answers.
- No identity (after a conversion) or no clarification within 10 working days: archived by the
  system.
- The Atasan PPID's 30 working days pass without a decision: the requester may go to the
  Information Commission — 14 working days from that deadline.
- The requester's windows (to object, to go to the Commission) that ran out are stopped.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from lapor.reports import deadlines
from lapor.reports.case_actions import _event, _move
from lapor.reports.models import Clock, Report, ReportEvent, Status

from . import clocks
from .models import InformationRequest, Objection, ObjectionGround

K = Clock.Kind
E = ReportEvent.Kind


def sweep_requests(now: dt.datetime, result: Any) -> None:
    expired = Clock.objects.filter(stopped_at__isnull=True, due_at__lt=now)
    for clock_id in expired.filter(kind=K.INFO_ANSWER).values_list("pk", flat=True):
        report_id = _late_answer(clock_id, now)
        if report_id is not None:
            result.objection_opened.append(report_id)
    for kind, waiting, reason in (
        (K.INFO_IDENTITY, Status.INFO_IDENTITY_NEEDED, "no_identity_in_10_working_days"),
        (K.INFO_CLARIFICATION, Status.INFO_CLARIFICATION, "no_clarification_in_10_working_days"),
    ):
        for clock_id in expired.filter(kind=kind).values_list("pk", flat=True):
            report_id = _lapse(clock_id, now, waiting, reason)
            if report_id is not None:
                result.archived.append(report_id)
    for clock_id in expired.filter(kind=K.INFO_OBJECTION_DECISION).values_list("pk", flat=True):
        report_id = _late_decision(clock_id, now)
        if report_id is not None:
            result.dispute_opened.append(report_id)
    for clock_id in expired.filter(kind__in=clocks.REQUESTER_WINDOWS).values_list("pk", flat=True):
        _close_window(clock_id, now)


def _locked(clock_id: int, now: dt.datetime) -> Clock | None:
    clock = (
        Clock.objects.select_for_update(of=("self",))
        .select_related("report")
        .filter(pk=clock_id, stopped_at__isnull=True)
        .first()
    )
    if clock is None or clock.due_at is None or clock.due_at >= now:
        return None
    Report.objects.select_for_update().filter(pk=clock.report_id).first()
    clock.report.refresh_from_db()
    return clock


@transaction.atomic
def _late_answer(clock_id: int, now: dt.datetime) -> int | None:
    clock = _locked(clock_id, now)
    if clock is None or clock.report.status != Status.INFO_REGISTERED:
        return None
    request = InformationRequest.objects.select_for_update().filter(report=clock.report).first()
    if request is None or request.late_opened_at is not None:
        return None
    assert clock.due_at is not None
    request.late_opened_at = now
    request.save(update_fields=["late_opened_at"])
    report = clock.report
    window = clocks.start(
        report,
        K.INFO_OBJECTION_WINDOW,
        clocks.OBJECTION_WINDOW_DAYS,
        agency=report.agency,
        at=clock.due_at,
    )
    _event(
        report,
        E.INFO_OBJECTION_OPENED,
        actor=None,
        agency=report.agency,
        data={
            "grounds": [ObjectionGround.NOT_ANSWERED.value, ObjectionGround.LATE.value],
            "due_at": clock.due_at.isoformat(),
            "object_until": window.due_at.isoformat() if window.due_at else None,
        },
    )
    deadlines.refresh_report_due(report)
    return report.pk


@transaction.atomic
def _lapse(clock_id: int, now: dt.datetime, waiting: Status, reason: str) -> int | None:
    clock = _locked(clock_id, now)
    if clock is None:
        return None
    report = clock.report
    if report.status != waiting:
        clock.stopped_at, clock.stop_reason = now, "obsolete"
        clock.save(update_fields=["stopped_at", "stop_reason"])
        return None
    report.closed_at = now
    _move(
        report,
        Status.ARCHIVED_BY_SYSTEM,
        E.ARCHIVED,
        actor=None,
        agency=report.agency,
        data={"reason": reason},
        extra_fields=("closed_at",),
    )
    deadlines.stop(report, reason=Status.ARCHIVED_BY_SYSTEM)
    deadlines.refresh_report_due(report)
    return report.pk


@transaction.atomic
def _late_decision(clock_id: int, now: dt.datetime) -> int | None:
    clock = _locked(clock_id, now)
    if clock is None or clock.report.status != Status.INFO_OBJECTED:
        return None
    report = clock.report
    objection = Objection.objects.filter(report=report, outcome="").order_by("-filed_at").first()
    if objection is None:
        return None
    if Clock.objects.filter(
        report=report, kind=K.INFO_DISPUTE_WINDOW, started_at__gte=objection.filed_at
    ).exists():
        return None
    assert clock.due_at is not None
    window = clocks.start(
        report,
        K.INFO_DISPUTE_WINDOW,
        clocks.DISPUTE_WINDOW_DAYS,
        agency=report.agency,
        at=clock.due_at,
    )
    _event(
        report,
        E.INFO_DECISION_LATE,
        actor=None,
        agency=report.agency,
        data={
            "number": objection.number,
            "due_at": clock.due_at.isoformat(),
            "commission_until": window.due_at.isoformat() if window.due_at else None,
        },
    )
    deadlines.refresh_report_due(report)
    return report.pk


@transaction.atomic
def _close_window(clock_id: int, now: dt.datetime) -> None:
    clock = _locked(clock_id, now)
    if clock is None:
        return
    clock.stopped_at, clock.stop_reason = now, "lapsed"
    clock.save(update_fields=["stopped_at", "stop_reason"])
    deadlines.refresh_report_due(clock.report)
