"""A forgotten PIN, replaced through the phone number or e-mail address on file (issue 15.4),
and the receipt sent to them on request.

A person gives the tracking number and the phone or e-mail they filed with. If it matches, a
six-digit code goes to that phone (SMS) or address (e-mail) through the notification outbox;
the code is bound to the browser session that asked for it (only its hash is kept there), so
the code alone — visible to staff who browse the outbox — opens nothing. The right code sets a
new PIN, shown once. Every answer reads the same whether or not the number exists or the
contact matches, and requests and wrong codes are limited.
"""

from __future__ import annotations

import secrets
import time
import uuid
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, override

from lapor.accounts.phones import normalize_phone
from lapor.core.errors import DomainError
from lapor.reports.access import reporter_identity
from lapor.reports.models import Report
from lapor.reports.tracking import hash_pin, new_pin, normalize_tracking_id

CODE_SECONDS = 15 * 60
MAX_CODE_TRIES = 5
MAX_REQUESTS_PER_HOUR = 3
SALT = "lapor.pin-reset"


@dataclass(frozen=True)
class PendingReset:
    """What the asking browser's session keeps: never the code itself."""

    tracking_id: str
    code_hash: str
    expires: float

    def as_session(self) -> dict[str, object]:
        return {"id": self.tracking_id, "hash": self.code_hash, "exp": self.expires, "tries": 0}


def _code_hash(tracking_id: str, code: str) -> str:
    return salted_hmac(SALT, f"{tracking_id}:{code}").hexdigest()


def _matching_channel(report: Report, contact: str) -> str | None:
    identity = reporter_identity(
        report, actor=None, purpose="PIN reset: compare the contact given", is_reporter=True
    )
    if identity is None:
        return None
    contact = contact.strip()
    phone = normalize_phone(contact) if contact and "@" not in contact else None
    if phone and identity.phone and normalize_phone(identity.phone) == phone:
        return "sms"
    if "@" in contact and identity.email and identity.email.strip().lower() == contact.lower():
        return "email"
    return None


def _throttled(key: str) -> bool:
    cache.add(key, 0, 3600)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, 3600)
        count = 1
    return count > MAX_REQUESTS_PER_HOUR


def pin_reset_request(
    *, raw_tracking_id: str, contact: str, language: str, client: str
) -> PendingReset | None:
    """Queue a code to the matching phone or e-mail on file; return what the session keeps.

    Returns a PendingReset also when nothing matched (with a hash no code can match), so the
    caller's answer and timing do not tell whether the report exists."""
    tracking_id = normalize_tracking_id(raw_tracking_id)
    if _throttled(f"pinreset:id:{tracking_id}") or _throttled(f"pinreset:ip:{client}"):
        raise DomainError(
            _("Too many requests for a new PIN. Please wait an hour and try again."),
            code="rate_limited",
        )
    expires = time.time() + CODE_SECONDS
    report = Report.objects.filter(tracking_id=tracking_id).first() if tracking_id else None
    channel = _matching_channel(report, contact) if report is not None else None
    if report is None or channel is None:
        return PendingReset(tracking_id, secrets.token_hex(32), expires)
    code = f"{secrets.randbelow(10**6):06d}"
    _queue_message(
        report,
        channel,
        language,
        subject=gettext_lazy("Your code for a new PIN"),
        body=gettext_lazy(
            "Your code for a new PIN for report %(id)s is %(code)s. It is valid for 15 "
            "minutes, only in the browser where you asked for it. If you did not ask for a "
            "new PIN, ignore this message: your PIN has not changed."
        ),
        kind="pin-reset",
        values={"id": report.tracking_id, "code": code},
    )
    return PendingReset(report.tracking_id, _code_hash(report.tracking_id, code), expires)


def pin_reset_complete(*, pending: dict[str, object], code: str) -> tuple[Report, str]:
    """Check the code against the session's pending reset; set and return a new PIN.

    The caller stores the increased ``tries`` back in the session on failure."""
    tries = int(str(pending.get("tries", 0)))
    if tries >= MAX_CODE_TRIES or time.time() > float(str(pending.get("exp", 0))):
        raise DomainError(_("This code is no longer valid. Ask for a new code."), code="expired")
    pending["tries"] = tries + 1
    tracking_id = str(pending.get("id", ""))
    expected = str(pending.get("hash", ""))
    if not constant_time_compare(_code_hash(tracking_id, code.strip()), expected):
        raise DomainError(
            _("The code is not right. Check the message we sent and try again."), code="wrong"
        )
    with transaction.atomic():
        report = Report.objects.select_for_update().get(tracking_id=tracking_id)
        pin = new_pin()
        report.pin_hash = hash_pin(report.tracking_id, pin)
        report.save(update_fields=["pin_hash"])
    return report, pin


def receipt_send(*, report: Report, channel: str, language: str) -> bool:
    """Send the receipt (tracking number and link, never the PIN) to the reporter's own phone
    or e-mail on file. False when there is none of that kind."""
    identity = reporter_identity(
        report, actor=None, purpose="reporter asks for the receipt", is_reporter=True
    )
    if identity is None or not (identity.phone if channel == "sms" else identity.email):
        return False
    from django.urls import reverse

    from lapor.notifications.compose import site_url

    _queue_message(
        report,
        channel,
        language,
        subject=gettext_lazy("Your report %(id)s"),
        body=gettext_lazy(
            "Your report %(id)s has been received. Follow it at %(url)s with this tracking "
            "number and your PIN. The PIN is not sent in messages; if you lose it, get a new "
            "one at %(reset)s."
        ),
        kind="receipt",
        values={
            "id": report.tracking_id,
            "url": f"{site_url()}{reverse('web:track')}?id={report.tracking_id}",
            "reset": f"{site_url()}{reverse('web:pin_reset')}",
        },
    )
    return True


def _queue_message(
    report: Report,
    channel: str,
    language: str,
    *,
    subject: Promise,
    body: Promise,
    kind: str,
    values: dict[str, str],
) -> None:
    """A reporter row in the notification outbox (the worker reads the address when it sends,
    lapor.notifications.delivery), committed with its send task."""
    from lapor.notifications.delivery import enqueue_send
    from lapor.notifications.models import Notification

    with override(language):
        subject_text = str(subject) % values
        body_text = str(body) % values
    with transaction.atomic():
        notification = Notification.objects.create(
            recipient_kind=Notification.RecipientKind.REPORTER,
            channel=channel,
            language=language,
            subject=subject_text[:255],
            body=body_text,
            report=report,
            dedupe_key=f"{kind}:{report.pk}:{uuid.uuid4().hex}",
            next_attempt_at=timezone.now(),
        )
        enqueue_send(notification.pk)
