"""The SMS channel: outbox rows go to Kannel's sendsms interface, one HTTP POST per message
(the text as the body, the rest as X-Kannel headers: no number, text or PIN in a URL).

Kannel splits long texts into concatenated parts itself (``concatenation = true``,
``max-messages`` in the sendsms-user group), so a message is accepted whole or not at all.

Never twice: a refused connection means the gateway is down — nothing was accepted, so the
row is retried with the outbox's back-off. Once the request has been written, a timeout or a
broken connection leaves it unknown whether Kannel took the message: the row fails as
"delivery unknown" and is **not** retried automatically (as for e-mail, a person decides); if
Kannel did take it, its delivery report (``/sms/dlr``) marks the row sent.
"""

from __future__ import annotations

import http.client
import logging
from collections.abc import Callable
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.urls import reverse

from lapor.notifications.channels import DeliveryError, PermanentDeliveryError, reached_server
from lapor.notifications.models import Notification
from lapor.sms import gsm
from lapor.sms.models import InboundSms
from lapor.sms.phone_channel import PhoneChannel

logger = logging.getLogger(__name__)

ANSWER_PREFIX = "sms:in:"
# Kannel's DLR mask: delivered, undelivered, queued at the SMSC, SMSC ack, SMSC reject.
DLR_MASK = 31


class UnknownDelivery(PermanentDeliveryError):
    """The request reached the gateway but no answer came back."""


class KannelSmsChannel(PhoneChannel):
    # Calls reached_server() once sendsms took the connection (lapor.notifications.delivery).
    reports_contact = True
    answer_prefix = ANSWER_PREFIX
    inbound_model = InboundSms

    def deliver(self, notification: Notification, body: str) -> None:
        # Kannel's sendsms by POST: the text is the body (text/plain, its charset), every
        # other parameter an X-Kannel header — so the number, the text (a receipt carries the
        # PIN) and the gateway password never sit in a URL, which proxies and access logs
        # write down. (Kannel 1.4's sendsms refuses form-encoded bodies.)
        headers = {
            "Content-Type": "text/plain; charset=UTF-8",
            "X-Kannel-Username": settings.SMS_SENDSMS_USER,
            "X-Kannel-Password": settings.SMS_SENDSMS_PASSWORD,
            "X-Kannel-From": settings.SMS_SHORT_CODE,
            "X-Kannel-To": notification.address,
            "X-Kannel-Coding": "0" if gsm.is_gsm7(body) else "2",
            "X-Kannel-DLR-Mask": str(DLR_MASK),
            "X-Kannel-DLR-URL": dlr_url(notification.pk),
        }
        submit(
            settings.SMS_SENDSMS_URL,
            headers,
            body,
            on_connected=lambda: reached_server(notification),
        )


def dlr_url(notification_id: int) -> str:
    query = urlencode({"secret": settings.SMS_CALLBACK_SECRET, "n": notification_id})
    # %d (DLR type) and %A (SMSC answer) are filled in by Kannel, so they stay unencoded.
    return f"{settings.SMS_CALLBACK_BASE_URL}{reverse('sms:dlr')}?{query}&type=%d&answer=%A"


def submit(
    url: str,
    headers: dict[str, str],
    text: str,
    on_connected: Callable[[], object] | None = None,
) -> str:
    """One sendsms POST; returns Kannel's answer or raises (see the module docstring).
    ``on_connected`` is called once the gateway took the connection, before the request."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(
        parts.hostname or "127.0.0.1", parts.port or 80, timeout=settings.SMS_TIMEOUT
    )
    try:
        try:
            connection.connect()
        except OSError as exc:
            raise DeliveryError(f"SMS gateway unreachable: {type(exc).__name__}") from exc
        if on_connected is not None:
            on_connected()
        try:
            connection.request(
                "POST", parts.path or "/", body=text.encode("utf-8"), headers=headers
            )
            response = connection.getresponse()
            answer = response.read(2000).decode("utf-8", "replace").strip()
        except (OSError, http.client.HTTPException) as exc:
            raise UnknownDelivery(
                "The SMS gateway did not answer after receiving the message; whether it was "
                "accepted is unknown, so it is not sent again automatically "
                f"({type(exc).__name__})."
            ) from exc
    finally:
        connection.close()
    if response.status in (200, 202) and answer[:2] in ("0:", "3:"):
        return answer
    if 400 <= response.status < 500:
        # Wrong credentials, a refused number, a missing field: retrying will not help.
        raise PermanentDeliveryError(f"SMS gateway refused ({response.status}): {answer[:200]}")
    raise DeliveryError(f"SMS gateway error ({response.status}): {answer[:200]}")


def send_text(number: str, text: str) -> None:
    """One SMS sent now, not through the outbox: account codes (lapor.accounts.verification),
    which must reach the person within the minute and must never be stored. Raises like
    ``submit``."""
    headers = {
        "Content-Type": "text/plain; charset=UTF-8",
        "X-Kannel-Username": settings.SMS_SENDSMS_USER,
        "X-Kannel-Password": settings.SMS_SENDSMS_PASSWORD,
        "X-Kannel-From": settings.SMS_SHORT_CODE,
        "X-Kannel-To": number,
        "X-Kannel-Coding": "0" if gsm.is_gsm7(text) else "2",
    }
    # By POST like every SMS (the code is in the body, never in a URL).
    submit(settings.SMS_SENDSMS_URL, headers, text)
