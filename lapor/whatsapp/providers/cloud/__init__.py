"""Meta's WhatsApp Cloud API (Graph API), as documented at
developers.facebook.com/docs/whatsapp/cloud-api:

- webhook subscription: ``GET ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…``, answered
  with the challenge when the token is ``WHATSAPP_VERIFY_TOKEN``;
- every webhook POST carries ``X-Hub-Signature-256: sha256=<hex>``, the HMAC-SHA256 of the raw
  body keyed with the app secret (``WHATSAPP_APP_SECRET``);
- payload ``{"object": "whatsapp_business_account", "entry": [{"changes": [{"field":
  "messages", "value": {"messages": [...], "statuses": [...]}}]}]}``;
- media: ``GET /{media-id}`` gives a short-lived ``url``, fetched with the same bearer token;
- sending: ``POST /{phone-number-id}/messages`` with ``type`` ``text`` or ``template``, answered
  ``{"messages": [{"id": "wamid…"}]}``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import http.client
import json
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest

from lapor.notifications.channels import DeliveryError, PermanentDeliveryError
from lapor.whatsapp.providers.base import (
    Incoming,
    Media,
    MediaUnavailable,
    StatusUpdate,
    UnknownDelivery,
    Webhook,
)

MEDIA_TYPES = ("image", "audio", "video", "document", "sticker")
# Graph API error codes worth retrying: rate limits and temporary trouble at Meta.
RETRYABLE_CODES = {1, 2, 4, 80007, 130429, 131000, 131016, 131048, 131056, 133004}
MAX_MEDIA_BYTES = 100 * 1024 * 1024


def _time(value: object) -> dt.datetime | None:
    try:
        return dt.datetime.fromtimestamp(int(str(value)), tz=dt.UTC)
    except (TypeError, ValueError, OverflowError):
        return None


def _decimal(value: object) -> Decimal | None:
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    return number.quantize(Decimal("0.000001")) if number.is_finite() else None


class Provider:
    # --- webhook ------------------------------------------------------------------------------

    def handshake(self, request: HttpRequest) -> str | None:
        token = str(settings.WHATSAPP_VERIFY_TOKEN or "")
        given = request.GET.get("hub.verify_token", "")
        if not token or request.GET.get("hub.mode") != "subscribe":
            return None
        if not hmac.compare_digest(given.encode(), token.encode()):
            return None
        return request.GET.get("hub.challenge", "")

    def authentic(self, request: HttpRequest) -> bool:
        secret = str(settings.WHATSAPP_APP_SECRET or "")
        header = request.META.get("HTTP_X_HUB_SIGNATURE_256", "")
        if not secret or not header.startswith("sha256="):
            return False
        expected = hmac.new(secret.encode(), request.body, hashlib.sha256).hexdigest()
        return hmac.compare_digest(header[7:].strip().lower().encode(), expected.encode())

    def parse(self, body: bytes) -> Webhook:
        data = json.loads(body.decode("utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        webhook = Webhook()
        for entry in data.get("entry") or []:
            for change in entry.get("changes") or []:
                if change.get("field", "messages") != "messages":
                    continue
                value = change.get("value") or {}
                for message in value.get("messages") or []:
                    webhook.messages.append(self._message(message))
                for status in value.get("statuses") or []:
                    errors = status.get("errors") or []
                    error = ""
                    if errors:
                        first = errors[0]
                        error = f"{first.get('code', '')} {first.get('title', '')}".strip()
                    webhook.statuses.append(
                        StatusUpdate(
                            message_id=str(status.get("id", "")),
                            status=str(status.get("status", ""))[:16],
                            occurred_at=_time(status.get("timestamp")),
                            error=error[:255],
                        )
                    )
        return webhook

    def _message(self, message: dict[str, Any]) -> Incoming:
        kind = str(message.get("type", ""))
        common: dict[str, Any] = {
            "message_id": str(message.get("id", "")),
            "sender": str(message.get("from", "")),
            "sent_at": _time(message.get("timestamp")),
        }
        if kind == "text":
            return Incoming(
                type="text", text=str((message.get("text") or {}).get("body", "")), **common
            )
        if kind in MEDIA_TYPES:
            media = message.get(kind) or {}
            return Incoming(
                type="image" if kind == "sticker" else kind,
                text=str(media.get("caption", "")),
                media_id=str(media.get("id", "")),
                mime_type=str(media.get("mime_type", "")),
                filename=str(media.get("filename", "")),
                **common,
            )
        if kind == "location":
            place = message.get("location") or {}
            words = ", ".join(
                str(place[k]) for k in ("name", "address") if str(place.get(k, "")).strip()
            )
            return Incoming(
                type="location",
                latitude=_decimal(place.get("latitude")),
                longitude=_decimal(place.get("longitude")),
                place_text=words[:255],
                **common,
            )
        if kind == "button":
            return Incoming(
                type="text", text=str((message.get("button") or {}).get("text", "")), **common
            )
        if kind == "interactive":
            reply = message.get("interactive") or {}
            chosen = reply.get("button_reply") or reply.get("list_reply") or {}
            return Incoming(type="text", text=str(chosen.get("title", "")), **common)
        return Incoming(type="other", **common)

    # --- Graph API calls ------------------------------------------------------------------------

    def _request(
        self, method: str, url: str, payload: dict[str, Any] | None = None, *, limit: int = 65536
    ) -> tuple[int, bytes]:
        parts = urlsplit(url)
        connection_class = (
            http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
        )
        connection = connection_class(
            parts.hostname or "127.0.0.1", parts.port, timeout=settings.WHATSAPP_TIMEOUT
        )
        headers = {"Authorization": f"Bearer {settings.WHATSAPP_ACCESS_TOKEN}"}
        body = None
        if payload is not None:
            body = json.dumps(payload).encode()
            headers["Content-Type"] = "application/json"
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        try:
            try:
                connection.connect()
            except OSError as exc:
                raise DeliveryError(f"WhatsApp API unreachable: {type(exc).__name__}") from exc
            try:
                connection.request(method, path or "/", body=body, headers=headers)
                response = connection.getresponse()
                content = response.read(limit + 1)
            except (OSError, http.client.HTTPException) as exc:
                raise UnknownDelivery(
                    "The WhatsApp API did not answer after receiving the message; whether it "
                    "was accepted is unknown, so it is not sent again automatically "
                    f"({type(exc).__name__})."
                ) from exc
        finally:
            connection.close()
        return response.status, content

    def _send(self, payload: dict[str, Any]) -> str:
        url = (
            f"{settings.WHATSAPP_API_URL.rstrip('/')}/{settings.WHATSAPP_PHONE_NUMBER_ID}/messages"
        )
        status, content = self._request("POST", url, {"messaging_product": "whatsapp", **payload})
        try:
            data = json.loads(content.decode("utf-8", "replace") or "{}")
        except ValueError:
            data = {}
        if 200 <= status < 300:
            messages = data.get("messages") or [{}]
            message_id = str(messages[0].get("id", ""))
            if not message_id:
                raise UnknownDelivery("The WhatsApp API accepted the message without an id.")
            return message_id
        error = data.get("error") or {}
        code = error.get("code")
        text = f"WhatsApp API {status}: {code} {str(error.get('message', ''))[:200]}"
        if status >= 500 or status == 429 or code in RETRYABLE_CODES:
            raise DeliveryError(text)
        raise PermanentDeliveryError(text)

    def send_text(self, to: str, body: str) -> str:
        return self._send(
            {
                "recipient_type": "individual",
                "to": to,
                "type": "text",
                "text": {"preview_url": False, "body": body[:4096]},
            }
        )

    def send_template(self, to: str, name: str, language: str, parameters: list[str]) -> str:
        return self._send(
            {
                "recipient_type": "individual",
                "to": to,
                "type": "template",
                "template": {
                    "name": name,
                    "language": {"code": language},
                    "components": [
                        {
                            "type": "body",
                            "parameters": [{"type": "text", "text": p} for p in parameters],
                        }
                    ],
                },
            }
        )

    def fetch_media(self, media_id: str) -> Media:
        base = settings.WHATSAPP_API_URL.rstrip("/")
        try:
            status, content = self._request("GET", f"{base}/{media_id}")
            if status != 200:
                raise MediaUnavailable(f"media lookup answered {status}")
            info = json.loads(content.decode("utf-8"))
            url = str(info.get("url", ""))
            if not url:
                raise MediaUnavailable("media lookup gave no url")
            status, content = self._request("GET", url, limit=MAX_MEDIA_BYTES)
        except (DeliveryError, ValueError) as exc:
            raise MediaUnavailable(str(exc)) from exc
        if status != 200:
            raise MediaUnavailable(f"media download answered {status}")
        return Media(content=content, mime_type=str(info.get("mime_type", "")))
