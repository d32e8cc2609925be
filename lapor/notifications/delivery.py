"""Sending one outbox row, at most once, with retries on failure.

The exactly-once argument, in three parts:

1. **Never twice (at most once).** A row is *claimed* in a short transaction that locks it
   (``select_for_update``; on SQLite the IMMEDIATE transaction takes the write lock) and moves it
   ``pending → sending`` only if it is still pending and due. Whoever loses that race — a
   duplicate task, a second worker, the safety net — finds ``sending``/``sent`` and does
   nothing. The network call happens *outside* any transaction (a long SMTP conversation must
   not hold a database lock), and a row is only put back to ``pending`` when the channel raised,
   i.e. the message was not accepted. If the worker dies between "accepted" and "marked sent",
   the row stays ``sending``; after ``SENDING_LEASE`` the safety net marks it ``failed`` with
   "delivery unknown" and does **not** retry it by itself — a person decides (the status page's
   "retry now"). Even then the e-mail carries the same ``Message-ID``, so the duplicate is
   recognisable. "Unknown" only when the attempt reached the server: channels that report it
   (``reports_contact``, calling ``channels.reached_server``) mark the row once the SMTP or
   sendsms connection is open; a row claimed by a worker that died before that point (a
   database outage, a kill) was never tried and goes back to ``pending``.
2. **Eventually once (at least once).** Failures are retried with exponential back-off up to
   ``MAX_ATTEMPTS``; each retry is a task enqueued with ``run_after`` in the same transaction
   that records the failure. A periodic job re-enqueues pending rows whose task seems lost
   (overdue by ``LOST_TASK_GRACE``), which also covers queue backends that are not the database.
3. **Nothing lost, nothing phantom.** The row and its first task are written in the transaction
   of the case action (see ``enqueue_send``): a rolled-back action leaves neither.
"""

from __future__ import annotations

import datetime as dt
import logging
import re

from django.db import transaction
from django.utils import timezone

from lapor.notifications.channels import CHANNELS, PermanentDeliveryError, channel_for
from lapor.notifications.models import Notification
from lapor.reports.access import reporter_identity

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
BACKOFF_BASE = dt.timedelta(minutes=1)
BACKOFF_CAP = dt.timedelta(hours=6)
# A pending row this much past its due time has probably lost its task (pruned task table,
# a queue outage): the periodic job enqueues it again. Duplicated tasks are harmless.
LOST_TASK_GRACE = dt.timedelta(minutes=10)
# A row "sending" for longer than this belongs to a worker that died mid-send.
SENDING_LEASE = dt.timedelta(minutes=15)
# Clocks of the web server and the worker may differ a little.
EARLY_TOLERANCE = dt.timedelta(seconds=5)
REQUEUE_BATCH = 500

NO_ADDRESS = "No e-mail address: the reporter did not give one."
NO_PHONE = "No phone number: the reporter did not give one."
UNKNOWN_DELIVERY = (
    "The worker stopped while sending; whether the message arrived is unknown, so it is not "
    "sent again automatically. Use “retry now” if the recipient did not get it."
)

PHONE_CHANNELS = (Notification.ChannelName.SMS, Notification.ChannelName.WHATSAPP)

EMAIL_LIKE = re.compile(r"[\w.+\-]+@[\w\-]+(\.[\w\-]+)+")


def backoff(attempts: int) -> dt.timedelta:
    """Wait before attempt ``attempts + 1``: 1, 2, 4 … minutes, at most 6 hours."""
    return min(BACKOFF_BASE * (2 ** max(attempts - 1, 0)), BACKOFF_CAP)


def _uses_database_queue() -> bool:
    from django_tasks_db.backend import DatabaseBackend

    from lapor.notifications.tasks import send_notification

    return isinstance(send_notification.get_backend(), DatabaseBackend)


def enqueue_send(notification_id: int, run_after: dt.datetime | None = None) -> None:
    """Queue the send task for a row.

    With the database queue (the default) the task row is written *inside* the caller's
    transaction: it commits with the notification or not at all, and the worker cannot see
    it before commit. That is the transactional outbox ARCHITECTURE.md §7 asks for, without
    an extra relay. A non-database backend (Redis, Celery) would run the task before the
    notification is committed, so there the task is enqueued on commit instead; if that fails,
    the periodic safety net picks the row up.
    """
    from lapor.notifications.tasks import send_notification

    task = send_notification if run_after is None else send_notification.using(run_after=run_after)
    if _uses_database_queue():
        task.enqueue(notification_id)
    else:
        transaction.on_commit(lambda: task.enqueue(notification_id), robust=True)


def deliver(notification_id: int) -> str:
    """Send one row if it is due and nobody else did; return what happened (for the task log)."""
    notification = _claim(notification_id)
    if notification is None:
        return "skipped"
    try:
        if notification.recipient_kind == Notification.RecipientKind.REPORTER:
            notification.address = reporter_address(notification)
            if not notification.address:
                Notification.objects.filter(
                    pk=notification.pk, status=Notification.Status.SENDING
                ).update(
                    status=Notification.Status.CANCELLED,
                    last_error=NO_PHONE if notification.channel in PHONE_CHANNELS else NO_ADDRESS,
                )
                return "cancelled"
        channel_for(notification.channel).send(notification)
    except Exception as exc:  # any failure before the message was accepted is a failed attempt
        return _record_failure(notification, exc)
    _record_sent(notification)
    return "sent"


def reporter_address(notification: Notification) -> str:
    """The reporter's current e-mail address (or phone number, for SMS rows), read the one
    sanctioned (and logged) way, held in memory for this attempt only — never stored in the
    outbox, which staff can browse.

    A channel may answer first through ``direct_address``: the SMS channel's answers to an
    incoming message go to the number that wrote it, whatever report they concern."""
    direct = getattr(CHANNELS.get(notification.channel), "direct_address", None)
    if direct is not None:
        address = direct(notification)
        if address is not None:
            return str(address)
    if notification.report is None:
        # A message to a person before any report exists (a community node's consent code,
        # lapor.nodes): addressed on the row itself.
        return notification.address
    identity = reporter_identity(
        notification.report, actor=None, purpose="notify reporter", is_reporter=True
    )
    if identity is None:
        return ""
    if notification.channel in PHONE_CHANNELS:
        return identity.phone.strip()
    return identity.email.strip()


def _claim(notification_id: int) -> Notification | None:
    with transaction.atomic():
        # of=("self",): PostgreSQL refuses FOR UPDATE on the nullable side of the report join.
        row = (
            Notification.objects.select_for_update(of=("self",))
            .select_related("report")
            .filter(pk=notification_id)
            .first()
        )
        if row is None or row.status != Notification.Status.PENDING:
            return None
        now = timezone.now()
        if row.next_attempt_at is not None and row.next_attempt_at > now + EARLY_TOLERANCE:
            # A stray early task (e.g. a duplicate): the back-off still holds.
            return None
        row.status = Notification.Status.SENDING
        row.attempts += 1
        row.last_attempt_at = now
        row.reached_server_at = None
        row.save(update_fields=["status", "attempts", "last_attempt_at", "reached_server_at"])
        return row


def _record_sent(notification: Notification) -> None:
    # Whatever happened meanwhile (a lease expiry, a manual retry), it *was* delivered.
    Notification.objects.filter(pk=notification.pk).exclude(status=Notification.Status.SENT).update(
        status=Notification.Status.SENT, sent_at=timezone.now(), next_attempt_at=None
    )


def _record_failure(notification: Notification, exc: Exception) -> str:
    error = describe_error(exc, notification.address)
    logger.warning("notification %s: attempt failed: %s", notification.pk, error)
    with transaction.atomic():
        row = Notification.objects.select_for_update().get(pk=notification.pk)
        if row.status != Notification.Status.SENDING:
            return "superseded"
        row.last_error = error
        if isinstance(exc, PermanentDeliveryError) or row.attempts >= MAX_ATTEMPTS:
            row.status = Notification.Status.FAILED
            row.next_attempt_at = None
            row.save(update_fields=["status", "last_error", "next_attempt_at"])
            return "failed"
        row.status = Notification.Status.PENDING
        row.next_attempt_at = timezone.now() + backoff(row.attempts)
        row.save(update_fields=["status", "last_error", "next_attempt_at"])
        enqueue_send(row.pk, run_after=row.next_attempt_at)
    return "retry scheduled"


def describe_error(exc: BaseException, address: str = "") -> str:
    """The error for staff eyes: SMTP errors quote the recipient, and the recipient of a
    reporter message is identity data, so every address is masked."""
    text = f"{type(exc).__name__}: {exc}"
    if address:
        text = re.sub(re.escape(address), "<recipient>", text, flags=re.IGNORECASE)
    text = EMAIL_LIKE.sub("<address>", text)
    return text[:1000]


def requeue_due(now: dt.datetime | None = None) -> dict[str, int]:
    """The safety net, run every minute: re-enqueue rows whose task seems lost, and give up on
    rows stuck in "sending" (their worker died)."""
    now = now or timezone.now()
    requeued = 0
    lost = Notification.objects.filter(
        status=Notification.Status.PENDING, next_attempt_at__lte=now - LOST_TASK_GRACE
    ).values_list("pk", flat=True)[:REQUEUE_BATCH]
    for pk in list(lost):
        with transaction.atomic():
            # Moving next_attempt_at forward means a backlog is re-enqueued at most once per
            # grace period, not every minute.
            if Notification.objects.filter(pk=pk, status=Notification.Status.PENDING).update(
                next_attempt_at=now
            ):
                enqueue_send(pk)
                requeued += 1
    stuck_rows = Notification.objects.filter(
        status=Notification.Status.SENDING, last_attempt_at__lte=now - SENDING_LEASE
    )
    # Never tried (claimed, then the worker died before reaching the server): try again.
    reporting = [name for name, c in CHANNELS.items() if getattr(c, "reports_contact", False)]
    untried = list(
        stuck_rows.filter(reached_server_at__isnull=True, channel__in=reporting).values_list(
            "pk", flat=True
        )[:REQUEUE_BATCH]
    )
    for pk in untried:
        with transaction.atomic():
            if Notification.objects.filter(
                pk=pk, status=Notification.Status.SENDING, reached_server_at__isnull=True
            ).update(status=Notification.Status.PENDING, next_attempt_at=now):
                enqueue_send(pk)
                requeued += 1
    stuck = stuck_rows.update(
        status=Notification.Status.FAILED, last_error=UNKNOWN_DELIVERY, next_attempt_at=None
    )
    return {"requeued": requeued, "stuck": stuck}
