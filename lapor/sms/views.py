"""Kannel's callbacks: incoming SMS (``/sms/incoming``, smsbox's get-url) and delivery reports
(``/sms/dlr``). Interface only: check the caller, parse, call the action, answer plain text.

Both are refused (403) unless the caller's address is in ``SMS_CALLBACK_ALLOWED_IPS`` and the
query carries ``secret=SMS_CALLBACK_SECRET`` (an empty setting refuses everything).
"""

from __future__ import annotations

import hmac
import logging
from urllib.parse import parse_qsl

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from lapor.core.errors import DomainError
from lapor.notifications.models import Notification
from lapor.sms.actions import sms_receive
from lapor.sms.models import DeliveryReport

logger = logging.getLogger(__name__)

# Kannel DLR types meaning the SMS centre has the message (delivered, queued, acknowledged).
ACCEPTED_DLR = {1, 4, 8}


def _text(body: str, status: int = 200) -> HttpResponse:
    return HttpResponse(body, status=status, content_type="text/plain; charset=utf-8")


def _allowed(request: HttpRequest, params: dict[str, str]) -> bool:
    secret = str(settings.SMS_CALLBACK_SECRET or "")
    if not secret:
        return False
    if request.META.get("REMOTE_ADDR", "") not in settings.SMS_CALLBACK_ALLOWED_IPS:
        return False
    return hmac.compare_digest(params.get("secret", "").encode(), secret.encode())


# smsbox's post-url: the text is the body, the rest in these headers (``send-sender = true``).
KANNEL_HEADERS = {
    "from": "HTTP_X_KANNEL_FROM",
    "to": "HTTP_X_KANNEL_TO",
    "ts": "HTTP_X_KANNEL_TIME",
    "smsc": "HTTP_X_KANNEL_SMSC",
    "coding": "HTTP_X_KANNEL_CODING",
}


def _params(request: HttpRequest) -> dict[str, str]:
    # NUL cannot be stored, and a phone may send one (a UCS-2 message, a broken handset): it
    # is dropped, the message kept (refusing the callback would only make Kannel retry).
    return {k.replace("\x00", ""): v.replace("\x00", "") for k, v in _raw_params(request).items()}


def _raw_params(request: HttpRequest) -> dict[str, str]:
    """What Kannel sent. The shipped configuration POSTs the text as the body with X-Kannel-*
    headers (``post-url``); a ``get-url`` with ``from=%p&to=%P&text=%b&coding=%c&charset=%C
    &smsc=%i&ts=%T`` (or the same as a form) works too. Text is read as bytes and decoded with
    the coding and charset Kannel gives: UCS-2 SMS may arrive as UTF-16."""
    query = parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)
    params = {k: v for k, v in query if k != "text"}
    if request.method == "POST" and request.content_type == "text/plain":
        for name, header in KANNEL_HEADERS.items():
            if header in request.META:
                params[name] = request.META[header]
        charset = (request.content_params or {}).get("charset", "")
        params["text"] = decode_text(request.body, params.get("coding", ""), charset)
        return params
    raw = request.META.get("QUERY_STRING", "")
    if request.method == "POST" and request.content_type == "application/x-www-form-urlencoded":
        raw = request.body.decode("latin-1")
    pairs = parse_qsl(raw, keep_blank_values=True, encoding="latin-1")
    params.update({k: v for k, v in pairs if k != "text"})
    text_bytes = next((v for k, v in pairs if k == "text"), "").encode("latin-1")
    params["text"] = decode_text(text_bytes, params.get("coding", ""), params.get("charset", ""))
    return params


def decode_text(data: bytes, coding: str, charset: str) -> str:
    charset = charset.strip().strip('"').upper()
    if coding == "2" or charset in ("UTF-16BE", "UCS-2", "UTF-16"):
        return data.decode("utf-16-be", "replace")
    for candidate in (charset or "UTF-8", "UTF-8"):
        try:
            return data.decode(candidate)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("latin-1")


@csrf_exempt
@require_http_methods(["GET", "POST"])
def incoming(request: HttpRequest) -> HttpResponse:
    params = _params(request)
    if not _allowed(request, params):
        return _text("forbidden", 403)
    sender = params.get("from", "").strip()
    if not sender:
        return _text("missing from", 400)
    try:
        received = sms_receive(
            sender=sender,
            receiver=params.get("to", ""),
            text=params["text"],
            smsc=params.get("smsc", ""),
            smsc_time=params.get("ts", ""),
            gateway_id=params.get("id", ""),
        )
    except DomainError as exc:
        return _text(exc.code, 400)
    # Kannel sends nothing back (max-messages = 0): the answer is queued in the outbox.
    return _text("duplicate" if received.duplicate else "ok")


@csrf_exempt
@require_http_methods(["GET", "POST"])
def dlr(request: HttpRequest) -> HttpResponse:
    params = _params(request)
    if not _allowed(request, params):
        return _text("forbidden", 403)
    try:
        notification_id = int(params.get("n", ""))
        kind = int(params.get("type", ""))
    except ValueError:
        return _text("bad request", 400)
    with transaction.atomic():
        notification = Notification.objects.filter(
            pk=notification_id, channel=Notification.ChannelName.SMS
        ).first()
        if notification is None:
            return _text("unknown", 404)
        DeliveryReport.objects.create(
            notification=notification, status=kind, answer=params.get("answer", "")[:255]
        )
        if kind in ACCEPTED_DLR and notification.status != Notification.Status.SENT:
            # The gateway had it after all (e.g. its answer to sendsms was lost).
            Notification.objects.filter(pk=notification.pk).update(
                status=Notification.Status.SENT, sent_at=timezone.now(), next_attempt_at=None
            )
    return _text("ok")
