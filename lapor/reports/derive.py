"""What follows from a filing, written after the answer (issue 11.5).

The intake (``actions.report_submit``) writes, in one transaction, only what its answer needs:
the report, the reporter's identity (apart), the ``submitted`` event, the attachments and the
receipt's replay — and, in the same transaction, one queued task that derives the rest from the
event. The event is the durable record: it is written with ``derive_pending=True``, and the
transaction that writes its consequences clears the flag. Derived here:

* the verification clock (three working days from the filing) and the report's ``due_at``;
* everything the domain's subscribers write for a new event (``events.publish``): the
  notifications outbox (the reporter's receipt, immediate staff messages), partner webhooks,
  routing's auto-disposition task.

Nothing is lost and nothing is written twice:

* the consequences and the cleared flag commit together or not at all, so a worker that dies
  half-way leaves the event pending, and it is derived again from the start;
* ``derive`` claims the event with a conditional update of the flag, so two workers (the queued
  task and the sweep) cannot both derive it: the second finds nothing to do;
* ``derive_pending_events`` (the worker's schedule, every minute) derives every event still
  pending after ``SWEEP_AFTER``: a lost task row, a crash between the commit and the worker,
  a queue backend that enqueues after commit and failed to.

The public intakes that must answer fast (the web form, API v1, Open311: ``report_submit(...,
derive_later=True)``) leave the derivation to the worker. The other channels derive in the
filing's own transaction (``derive`` called directly), because their answer needs the rows: the
SMS intake's receipt message holds the PIN until it is sent, the desk prints the deadline.
What a person sees before the worker ran is still right: the receipt computes the verification
deadline in memory from the same function (``expected_due``).
"""

from __future__ import annotations

import datetime as dt
import logging

from django.db import transaction
from django.utils import timezone

from lapor.reports import deadlines, events
from lapor.reports.models import Clock, Report, ReportEvent, Status

log = logging.getLogger(__name__)

# Events still pending after this are the sweep's (the queued task normally runs in a second).
SWEEP_AFTER = dt.timedelta(seconds=30)
SWEEP_BATCH = 500


def enqueue(event: ReportEvent) -> None:
    """Queue the derivation of ``event`` in the caller's transaction.

    With the database queue (the default) the task row commits with the event or not at all.
    Another backend could run the task before the event is committed: there it is enqueued on
    commit, and if that enqueue is lost the sweep derives the event.
    """
    from django_tasks_db.backend import DatabaseBackend

    from lapor.reports.tasks import derive_event

    event_id = event.pk
    if isinstance(derive_event.get_backend(), DatabaseBackend):
        derive_event.enqueue(event_id)
        return

    def enqueue_after_commit() -> None:
        derive_event.enqueue(event_id)

    # A named function: Django's robust on_commit logs the callback's __qualname__.
    transaction.on_commit(enqueue_after_commit, robust=True)


def derive(event_id: int) -> bool:
    """Write what follows from the event, once. False when there was nothing left to do (an
    unknown event, or one already derived by another worker or the filing request itself)."""
    with transaction.atomic():
        # The claim: a second worker waits on this row, then finds the flag cleared.
        claimed = ReportEvent.objects.filter(pk=event_id, derive_pending=True).update(
            derive_pending=False
        )
        if not claimed:
            return False
        event = ReportEvent.objects.select_related("actor").get(pk=event_id)
        # The case's row, locked as the case actions lock it: an officer acting on the report
        # at this moment goes first or after, never in between.
        event.report = Report.objects.select_for_update().get(pk=event.report_id)
        _derive(event)
    return True


def _derive(event: ReportEvent) -> None:
    report = event.report
    # The verification clock, unless the case has already moved on (an officer verified it
    # before the worker came: the actions that moved it started their own clocks).
    if (
        event.kind == ReportEvent.Kind.SUBMITTED
        and report.status == Status.AWAITING_VERIFICATION
        and not Clock.objects.filter(report=report).exists()
    ):
        clock = deadlines.start(
            report, Clock.Kind.VERIFY, deadlines.VERIFY_DAYS, at=report.created_at
        )
        # The only running clock: the report's deadline is its deadline.
        report.due_at = clock.due_at
        Report.objects.filter(pk=report.pk).update(due_at=clock.due_at)
    events.publish(event)


def expected_due(report: Report) -> dt.datetime | None:
    """The verification deadline of a report just filed, before the worker wrote its clock:
    the same computation, in memory. None once the case is past verification or its
    deadline is written (``due_at`` is set when the clock is)."""
    if report.status != Status.AWAITING_VERIFICATION or report.due_at is not None:
        return None
    return deadlines.new_clock(
        report, Clock.Kind.VERIFY, deadlines.VERIFY_DAYS, at=report.created_at
    ).due_at


def derive_pending_events(
    now: dt.datetime | None = None, older_than: dt.timedelta = SWEEP_AFTER
) -> int:
    """Derive every event still pending after ``older_than``; return how many were derived.

    Each in its own transaction: one that fails (logged) does not hold back the others, and
    stays pending for the next sweep."""
    cutoff = (now or timezone.now()) - older_than
    pending = (
        ReportEvent.objects.filter(derive_pending=True, at__lte=cutoff)
        .order_by("pk")
        .values_list("pk", flat=True)[:SWEEP_BATCH]
    )
    derived = 0
    for event_id in list(pending):
        try:
            derived += derive(event_id)
        except Exception:
            log.exception("deriving event %s failed; the next sweep tries again", event_id)
    return derived
