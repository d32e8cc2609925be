"""Signed webhooks to partner apps: written in the event's transaction, sent by the worker.

Which events: every public event (``is_public``: what the reporter's timeline shows) of a report
the partner pushed (``ExternalReference``). Internal notes and internal events never leave.
The payload (``payload_for``) carries codes, timestamps, the agency's name and the agency's
words as the public may read them (``public_event_message``: scrubbed, agency kinds only); it
never carries the reporter's identity, their own words or an internal note. It is frozen when
the event happens, so every attempt sends the same bytes with the same event ID.

Delivery, at least once, and exactly once for a receiver that deduplicates by event ID:

1. **Claim.** A short locked transaction moves a row ``pending → sending`` only if it is still
   pending, due, and no earlier event of the same report for the same partner is still
   undelivered (events arrive in order per report). A duplicated task or a second worker finds
   ``sending``/``delivered`` and does nothing.
2. **Send** outside any transaction: one POST with a timeout (``PARTNER_WEBHOOK_TIMEOUT``
   seconds), no redirects followed, only to a public address checked just before connecting
   (lapor.partners.destinations: https, no loopback/private/link-local/… address, the checked
   address is the one connected to). A URL that fails that check is a final failure, with the
   reason in the log; nothing is sent. A 2xx is delivered; anything else (a timeout, a refused
   connection, a 401, a 500) is a failed attempt, retried with exponential back-off (30 s
   doubling, at most 6 hours) up to ``MAX_ATTEMPTS``, then ``failed`` until someone re-sends
   it (console button or ``manage.py resend_webhooks``).
3. **A timeout is not a "no".** The receiver may have processed a request whose answer we never
   saw; the retry carries the same ``X-Lapor-Event-Id``, which is why receivers must
   deduplicate by it. For the same reason a row left ``sending`` by a worker that died goes back
   to ``pending`` after ``SENDING_LEASE`` (unlike e-mail, a webhook may safely be repeated).
4. **Nothing phantom.** Rows and their first task are written in the case action's transaction
   (the database task queue is in the same database), so a rolled-back action sends nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import time
import uuid
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation

from lapor.open311.mapping import open311_status
from lapor.partners import destinations, signing
from lapor.partners.models import DeliveryAttempt, ExternalReference, Integration, WebhookDelivery
from lapor.reports.models import ReportEvent
from lapor.reports.selectors import public_event_message

logger = logging.getLogger(__name__)

Status = WebhookDelivery.Status

MAX_ATTEMPTS = 10
BACKOFF_BASE = dt.timedelta(seconds=30)
BACKOFF_CAP = dt.timedelta(hours=6)
DEFAULT_TIMEOUT = 10.0
SENDING_LEASE = dt.timedelta(minutes=5)
LOST_TASK_GRACE = dt.timedelta(minutes=10)
EARLY_TOLERANCE = dt.timedelta(seconds=5)
REQUEUE_BATCH = 500
# We read at most this much of a partner's answer (only its status matters).
MAX_RESPONSE_BYTES = 64 * 1024
USER_AGENT = "Lapor-Webhooks/1"

PARTNER_DISABLED = "The partner application is disabled or has no webhook URL."
STOPPED_WHILE_SENDING = "The worker stopped while sending; the event is sent again."
UNSAFE_DESTINATION = "Not sent: the webhook URL is not allowed."


def backoff(attempts: int) -> dt.timedelta:
    """Wait before attempt ``attempts + 1``: 30 s, 1, 2, 4 … minutes, at most 6 hours."""
    return min(BACKOFF_BASE * (2 ** max(attempts - 1, 0)), BACKOFF_CAP)


def timeout_seconds() -> float:
    return float(getattr(settings, "PARTNER_WEBHOOK_TIMEOUT", DEFAULT_TIMEOUT))


def _iso(moment: dt.datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def payload_for(event: ReportEvent, ref: ExternalReference, event_id: uuid.UUID) -> dict[str, Any]:
    """What the partner receives about ``event``: no identity, no internal text."""
    report = event.report
    agency = event.agency or event.target_agency
    integration = getattr(ref.partner, "integration", None)
    by_partner = bool(
        integration is not None and event.actor_id and event.actor_id == integration.service_user_id
    )
    data: dict[str, Any] = {
        "id": str(event_id),
        "type": f"report.{event.kind}",
        "created_at": _iso(event.at),
        "sequence": event.pk,
        "report": {
            "tracking_id": report.tracking_id,
            "external_id": ref.external_id,
            "status": report.status,
            "open311_status": open311_status(report.status),
            "agency": report.agency.name if report.agency is not None else None,
        },
        "event": {
            "kind": event.kind,
            "old_status": event.old_status,
            "new_status": event.new_status,
            "message": public_event_message(event),
            "agency": agency.name if agency is not None else None,
            "at": _iso(event.at),
            "by_partner": by_partner,
        },
    }
    if event.kind in (ReportEvent.Kind.FOLLOW_UP, ReportEvent.Kind.QUESTION):
        data["event"]["resolved"] = bool((event.data or {}).get("resolved"))
    return data


def body_of(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


# --- the outbox subscriber ----------------------------------------------------------------


def event_created(event: ReportEvent) -> None:
    """Called by the outbox inside the action's transaction for every event."""
    if not event.is_public:
        return
    ref = (
        ExternalReference.objects.filter(report_id=event.report_id)
        .select_related("partner")
        .first()
    )
    if ref is None or not ref.partner.is_active:
        return
    integration = Integration.objects.filter(partner_id=ref.partner_id).first()
    if integration is None or not integration.webhook_url:
        return
    if WebhookDelivery.objects.filter(event=event, partner_id=ref.partner_id).exists():
        return
    event_id = uuid.uuid4()
    row = WebhookDelivery.objects.create(
        event_uuid=event_id,
        partner_id=ref.partner_id,
        report_id=event.report_id,
        event=event,
        event_type=f"report.{event.kind}"[:40],
        payload=payload_for(event, ref, event_id),
        next_attempt_at=timezone.now(),
    )
    enqueue(row.pk)


def _uses_database_queue() -> bool:
    from django_tasks_db.backend import DatabaseBackend

    from lapor.partners.tasks import send_webhook

    return isinstance(send_webhook.get_backend(), DatabaseBackend)


def enqueue(delivery_id: int, run_after: dt.datetime | None = None) -> None:
    """Queue the send task in the caller's transaction (database queue) or on commit."""
    from lapor.partners.tasks import send_webhook

    task = send_webhook if run_after is None else send_webhook.using(run_after=run_after)
    if _uses_database_queue():
        task.enqueue(delivery_id)
    else:
        transaction.on_commit(lambda: task.enqueue(delivery_id), robust=True)


# --- sending ------------------------------------------------------------------------------


def post(url: str, body: bytes, headers: dict[str, str], timeout: float) -> int:
    """POST ``body``; return the HTTP status (non-2xx and redirects included, never followed).
    Raises ``destinations.UnsafeDestination`` before connecting anywhere it may not, and
    network errors."""
    return destinations.post(url, body, headers, timeout, MAX_RESPONSE_BYTES)


def signing_secrets(integration: Integration, now: dt.datetime) -> list[str]:
    found = [integration.signing_secret]
    if (
        integration.previous_secret
        and integration.previous_secret_until is not None
        and integration.previous_secret_until > now
    ):
        found.append(integration.previous_secret)
    return found


def headers_for(row: WebhookDelivery, integration: Integration, body: bytes) -> dict[str, str]:
    return {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": USER_AGENT,
        signing.SIGNATURE_HEADER: signing.header(
            signing_secrets(integration, timezone.now()), body
        ),
        signing.EVENT_ID_HEADER: str(row.event_uuid),
        signing.EVENT_TYPE_HEADER: row.event_type,
    }


def deliver(delivery_id: int) -> str:
    """One attempt for one row, if it is due and nobody else has it; returns what happened."""
    claimed = _claim(delivery_id)
    if isinstance(claimed, str):
        return claimed
    row = claimed
    integration = Integration.objects.filter(partner_id=row.partner_id).first()
    started = timezone.now()
    clock = time.monotonic()
    status_code: int | None = None
    if integration is None or not integration.webhook_url or not row.partner.is_active:
        return _record(row, started, 0, None, PARTNER_DISABLED, final=True)
    body = body_of(row.payload)
    try:
        status_code = post(
            integration.webhook_url, body, headers_for(row, integration, body), timeout_seconds()
        )
        error = "" if 200 <= status_code < 300 else f"HTTP {status_code}"
    except destinations.UnsafeDestination as exc:
        # Nothing was sent. Retrying would not make the address safe: failed until an admin
        # fixes the URL and re-sends.
        duration = int((time.monotonic() - clock) * 1000)
        with translation.override("en"):  # the delivery log speaks English throughout
            error = f"{UNSAFE_DESTINATION} {exc.message}"
        return _record(row, started, duration, None, error, final=True)
    except Exception as exc:  # a network failure is a failed attempt, never a crash
        error = describe_error(exc, integration.webhook_url)
    duration = int((time.monotonic() - clock) * 1000)
    return _record(row, started, duration, status_code, error)


def _claim(delivery_id: int) -> WebhookDelivery | str:
    with transaction.atomic():
        row = (
            WebhookDelivery.objects.select_for_update(of=("self",))
            .select_related("partner")
            .filter(pk=delivery_id)
            .first()
        )
        if row is None or row.status != Status.PENDING:
            return "skipped"
        now = timezone.now()
        if row.next_attempt_at is not None and row.next_attempt_at > now + EARLY_TOLERANCE:
            return "skipped"
        earlier = WebhookDelivery.objects.filter(
            partner_id=row.partner_id,
            report_id=row.report_id,
            event_id__lt=row.event_id,
            status__in=[Status.PENDING, Status.SENDING],
        )
        if earlier.exists():
            # In order per report: the earlier one enqueues this one when it is done.
            return "waiting"
        row.status = Status.SENDING
        row.attempts += 1
        row.last_attempt_at = now
        row.save(update_fields=["status", "attempts", "last_attempt_at"])
        return row


def _record(
    row: WebhookDelivery,
    started: dt.datetime,
    duration_ms: int,
    status_code: int | None,
    error: str,
    *,
    final: bool = False,
) -> str:
    succeeded = not error
    with transaction.atomic():
        number = DeliveryAttempt.objects.filter(delivery_id=row.pk).count() + 1
        DeliveryAttempt.objects.create(
            delivery_id=row.pk,
            number=number,
            started_at=started,
            duration_ms=duration_ms,
            status_code=status_code,
            error=error[:500],
            succeeded=succeeded,
        )
        current = WebhookDelivery.objects.select_for_update().get(pk=row.pk)
        current.last_status_code = status_code
        current.last_error = error[:500]
        fields = ["status", "last_status_code", "last_error", "next_attempt_at"]
        if succeeded:
            # Whatever happened meanwhile (a lease expiry), it *was* delivered.
            current.status = Status.DELIVERED
            current.delivered_at = timezone.now()
            current.next_attempt_at = None
            fields.append("delivered_at")
            outcome = "delivered"
        elif current.status != Status.SENDING:
            current.save(update_fields=["last_status_code", "last_error"])
            return "superseded"
        elif final or current.attempts >= MAX_ATTEMPTS:
            current.status = Status.FAILED
            current.next_attempt_at = None
            outcome = "failed"
        else:
            current.status = Status.PENDING
            current.next_attempt_at = timezone.now() + backoff(current.attempts)
            enqueue(current.pk, run_after=current.next_attempt_at)
            outcome = "retry scheduled"
        current.save(update_fields=fields)
        if outcome in ("delivered", "failed"):
            _release_next(current)
    if error:
        logger.warning("webhook %s: attempt %s failed: %s", row.pk, number, error)
    return outcome


def _release_next(done: WebhookDelivery) -> None:
    """The next event of the same report for the same partner may go now."""
    following = (
        WebhookDelivery.objects.filter(
            partner_id=done.partner_id,
            report_id=done.report_id,
            event_id__gt=done.event_id,
            status=Status.PENDING,
        )
        .order_by("event_id")
        .first()
    )
    if following is None:
        return
    now = timezone.now()
    if following.next_attempt_at is None or following.next_attempt_at <= now:
        enqueue(following.pk)


_QUERY = re.compile(r"\?[^\s'\"]*")


def describe_error(exc: BaseException, url: str = "") -> str:
    """The error for the delivery log: no URL (it may carry a token), no query strings."""
    text = f"{type(exc).__name__}: {exc}"
    if url:
        text = text.replace(url, "<webhook URL>")
    text = _QUERY.sub("?…", text)
    return text[:500]


def requeue_due(now: dt.datetime | None = None) -> dict[str, int]:
    """The safety net, every minute: put rows whose worker died while sending back to pending
    (receivers deduplicate, so a repeat is safe) and re-enqueue pending rows whose task seems
    lost."""
    now = now or timezone.now()
    stuck = 0
    for pk in list(
        WebhookDelivery.objects.filter(
            status=Status.SENDING, last_attempt_at__lte=now - SENDING_LEASE
        ).values_list("pk", flat=True)[:REQUEUE_BATCH]
    ):
        with transaction.atomic():
            if WebhookDelivery.objects.filter(pk=pk, status=Status.SENDING).update(
                status=Status.PENDING, next_attempt_at=now, last_error=STOPPED_WHILE_SENDING
            ):
                enqueue(pk)
                stuck += 1
    requeued = 0
    lost = WebhookDelivery.objects.filter(
        status=Status.PENDING, next_attempt_at__lte=now - LOST_TASK_GRACE
    ).values_list("pk", flat=True)[:REQUEUE_BATCH]
    for pk in list(lost):
        with transaction.atomic():
            # Moving next_attempt_at forward: a backlog is re-enqueued once per grace period.
            if WebhookDelivery.objects.filter(pk=pk, status=Status.PENDING).update(
                next_attempt_at=now
            ):
                enqueue(pk)
                requeued += 1
    return {"requeued": requeued, "stuck": stuck}


@transaction.atomic
def resend(*, delivery: WebhookDelivery) -> WebhookDelivery:
    """Send a failed delivery again, with a fresh series of attempts (same event ID)."""
    from django.utils.translation import gettext as _

    from lapor.core.errors import DomainError

    row = WebhookDelivery.objects.select_for_update().get(pk=delivery.pk)
    if row.status != Status.FAILED:
        raise DomainError(_("Only a failed delivery can be sent again."), code="not_failed")
    row.status = Status.PENDING
    row.attempts = 0
    row.next_attempt_at = timezone.now()
    row.save(update_fields=["status", "attempts", "next_attempt_at"])
    enqueue(row.pk)
    return row
