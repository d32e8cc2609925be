"""What follows from a filing, written after the answer (issue 11.5).

The intake (``actions.report_submit``) writes, in one transaction, only what its answer needs:
the report, the reporter's identity (apart), the ``submitted`` event, the attachments and the
receipt's replay. The event is the durable record and the queue entry at once: it is written
with ``derive_pending=True``, and the transaction that writes its consequences clears the flag.
Nothing else is queued per filing (no task row: one INSERT less in the intake); the worker
polls the flag's partial index (``reports_event_derive_pending``: only pending rows are in it)
every second. Derived here:

* the verification clock (three working days from the filing) and the report's ``due_at``;
* everything the domain's subscribers write for a new event (``events.publish``): the
  notifications outbox (the reporter's receipt, immediate staff messages), partner webhooks,
  routing's auto-disposition task.

Nothing is lost and nothing is written twice:

* the consequences and the cleared flag commit together or not at all, so a worker that dies
  half-way leaves the event pending, and the next poll (of any worker) derives it from the
  start;
* ``derive`` claims the event's row with ``SELECT … FOR UPDATE SKIP LOCKED`` and a conditional
  update of the flag: two workers polling at once never derive one event twice (the second
  skips the row the first holds, or finds the flag cleared), nor wait for each other;
* ``derive_pending_events`` is the worker's poll (``run_worker``: a thread beside the task
  loop, and once per ``--once`` run); an event whose derivation failed is logged and stays
  pending for the next poll, without holding back the others.

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

from lapor.reports import deadlines, events
from lapor.reports.models import Clock, Report, ReportEvent, Status

log = logging.getLogger(__name__)

# Events derived per poll; a full batch is followed by the next at once.
POLL_BATCH = 500


def derive(event_id: int) -> bool:
    """Write what follows from the event, once. False when there was nothing left to do (an
    unknown event, or one already derived by another worker or the filing request itself)."""
    with transaction.atomic():
        # The claim: the event's row, unless another worker holds it (it is deriving it).
        event = (
            ReportEvent.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("actor")
            .filter(pk=event_id, derive_pending=True)
            .first()
        )
        if event is None:
            return False
        # The flag, conditionally: where rows cannot be locked (SQLite, one writer at a time)
        # this is the claim; a worker that comes second finds it cleared.
        if not ReportEvent.objects.filter(pk=event_id, derive_pending=True).update(
            derive_pending=False
        ):
            return False
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


def derive_pending_events(limit: int = POLL_BATCH) -> int:
    """The worker's poll: derive up to ``limit`` pending events, oldest first; return how many
    were derived.

    Each in its own transaction: one that fails (logged) does not hold back the others, and
    stays pending for the next poll."""
    pending = (
        ReportEvent.objects.filter(derive_pending=True)
        .order_by("pk")
        .values_list("pk", flat=True)[:limit]
    )
    derived = 0
    for event_id in list(pending):
        try:
            derived += derive(event_id)
        except Exception:
            log.exception("deriving event %s failed; the next poll tries again", event_id)
    return derived
