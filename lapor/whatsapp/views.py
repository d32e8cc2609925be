"""The provider's webhook (``/whatsapp/webhook``). Interface only: the subscription handshake
(GET), then for every POST the signature check, parsing, and the actions.

Answers: 403 for a failed handshake or a bad signature; 400 for an unreadable body; 503 when a
message's media cannot be fetched now (the provider redelivers; nothing was recorded); 200
otherwise, also for duplicates (acknowledged so the provider stops resending).
"""

from __future__ import annotations

import logging

from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from lapor.whatsapp.actions import wa_receive, wa_status
from lapor.whatsapp.providers import provider
from lapor.whatsapp.providers.base import MediaUnavailable

logger = logging.getLogger(__name__)


def _text(body: str, status: int = 200) -> HttpResponse:
    return HttpResponse(body, status=status, content_type="text/plain; charset=utf-8")


@csrf_exempt
@require_http_methods(["GET", "POST"])
def webhook(request: HttpRequest) -> HttpResponse:
    carrier = provider()
    if request.method == "GET":
        challenge = carrier.handshake(request)
        if challenge is None:
            return _text("forbidden", 403)
        return _text(challenge)
    if not carrier.authentic(request):
        return _text("forbidden", 403)
    try:
        parsed = carrier.parse(request.body)
    except (ValueError, UnicodeDecodeError, AttributeError, TypeError):
        return _text("bad request", 400)
    for update in parsed.statuses:
        wa_status(update)
    duplicates = 0
    for message in parsed.messages:
        if not message.message_id or not message.sender:
            continue
        try:
            received = wa_receive(message)
        except MediaUnavailable as exc:
            logger.warning("whatsapp media not fetched, asking for redelivery: %s", exc)
            return _text("media unavailable, deliver again", 503)
        except DatabaseError:
            logger.exception("whatsapp message not stored")
            return _text("try again", 503)
        duplicates += received.duplicate
    return _text("duplicate" if duplicates and duplicates == len(parsed.messages) else "ok")
