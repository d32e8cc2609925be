"""A WhatsApp Cloud API simulator on loopback, written from Meta's public API reference
(developers.facebook.com/docs/whatsapp/cloud-api): what the app talks to in tests instead of
graph.facebook.com. Real HTTP both ways, nothing patched inside the app.

The business side (what the app calls):
- ``POST /v21.0/{phone-number-id}/messages`` — send ``text`` or ``template``; bearer token
  required; answers ``{"messaging_product", "contacts": [{"input", "wa_id"}], "messages":
  [{"id": "wamid…"}]}`` or a Graph error ``{"error": {"message", "type", "code"}}``.
- ``GET /v21.0/{media-id}`` — the media's ``url``, ``mime_type``, ``sha256``, ``file_size``.
- ``GET /whatsapp_business/attachments/?mid=…`` — the media bytes (bearer token required).

The user side (what a phone does): ``user_sends_*`` build the webhook payload Meta sends
(``object: whatsapp_business_account`` → entry → changes → value.messages), sign the raw body
with the app secret (``X-Hub-Signature-256: sha256=<hex>``) and POST it to the app's webhook.
``push_status`` sends a status webhook (sent, delivered, read, failed) for a message.

``stop()``/``start()`` take the API down and up again on the same port (an outage).
"""

from __future__ import annotations

import hashlib
import hmac
import http.client
import itertools
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

VERSION = "v21.0"
PHONE_NUMBER_ID = "106540352242922"
WABA_ID = "102290129340398"
DISPLAY_NUMBER = "15550783881"
SERVICE_WINDOW = 24 * 3600


@dataclass
class Sent:
    to: str
    type: str
    body: str  # the text, or the template's parameters joined by " | "
    template: str
    language: str
    message_id: str
    payload: dict[str, Any]
    # Free text outside the user's 24-hour window: WhatsApp does not deliver it (error 131047).
    outside_window: bool


@dataclass
class Simulator:
    access_token: str
    app_secret: str
    webhook_url: str = ""
    port: int = 0
    sent: list[Sent] = field(default_factory=list)
    media: dict[str, tuple[bytes, str]] = field(default_factory=dict)
    last_user_message: dict[str, float] = field(default_factory=dict)
    media_downloads: int = 0
    _server: ThreadingHTTPServer | None = None
    _thread: threading.Thread | None = None
    _ids: Any = field(default_factory=lambda: itertools.count(1))
    _lock: threading.Lock = field(default_factory=threading.Lock)

    # --- lifecycle ------------------------------------------------------------------------------

    def start(self) -> None:
        simulator = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:  # noqa: N802
                simulator._handle(self, "POST")

            def do_GET(self) -> None:  # noqa: N802
                simulator._handle(self, "GET")

        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/{VERSION}"

    def _next_id(self, prefix: str) -> str:
        with self._lock:
            return f"{prefix}{next(self._ids):012d}"

    # --- the business API -------------------------------------------------------------------

    def _handle(self, request: BaseHTTPRequestHandler, method: str) -> None:
        parts = urlsplit(request.path)
        length = int(request.headers.get("Content-Length") or 0)
        raw = request.rfile.read(length) if length else b""
        if request.headers.get("Authorization") != f"Bearer {self.access_token}":
            self._reply(request, 401, _error("Invalid OAuth access token.", "OAuthException", 190))
            return
        segments = [s for s in parts.path.split("/") if s]
        if method == "POST" and segments == [VERSION, PHONE_NUMBER_ID, "messages"]:
            self._send_message(request, raw)
        elif method == "GET" and len(segments) == 2 and segments[0] == VERSION:
            self._media_url(request, segments[1])
        elif method == "GET" and segments == ["whatsapp_business", "attachments"]:
            mid = parse_qs(parts.query).get("mid", [""])[0]
            if mid not in self.media:
                self._reply(request, 404, _error("Not found", "OAuthException", 100))
                return
            content, mime = self.media[mid]
            with self._lock:
                self.media_downloads += 1
            request.send_response(200)
            request.send_header("Content-Type", mime)
            request.send_header("Content-Length", str(len(content)))
            request.end_headers()
            request.wfile.write(content)
        else:
            self._reply(request, 400, _error("Unsupported request", "GraphMethodException", 100))

    def _send_message(self, request: BaseHTTPRequestHandler, raw: bytes) -> None:
        try:
            payload = json.loads(raw)
        except ValueError:
            self._reply(request, 400, _error("Invalid JSON", "OAuthException", 100))
            return
        to = str(payload.get("to", ""))
        kind = payload.get("type", "text")
        if payload.get("messaging_product") != "whatsapp" or not to.isdigit():
            self._reply(request, 400, _error("(#100) Invalid parameter", "OAuthException", 100))
            return
        template = language = ""
        if kind == "text":
            body = str((payload.get("text") or {}).get("body", ""))
            if not body or len(body) > 4096:
                self._reply(request, 400, _error("(#100) Invalid text", "OAuthException", 100))
                return
        elif kind == "template":
            spec = payload.get("template") or {}
            template = str(spec.get("name", ""))
            language = str((spec.get("language") or {}).get("code", ""))
            params = [
                str(p.get("text", ""))
                for c in spec.get("components") or []
                for p in c.get("parameters") or []
            ]
            if not template or not language or any("\n" in p or "\t" in p for p in params):
                self._reply(
                    request, 400, _error("(#132000) Bad template", "OAuthException", 132000)
                )
                return
            body = " | ".join(params)
        else:
            self._reply(request, 400, _error("(#100) Unsupported type", "OAuthException", 100))
            return
        last = self.last_user_message.get(to)
        outside = kind == "text" and (last is None or time.time() - last > SERVICE_WINDOW)
        message_id = self._next_id("wamid.SIMOUT")
        with self._lock:
            self.sent.append(Sent(to, kind, body, template, language, message_id, payload, outside))
        self._reply(
            request,
            200,
            {
                "messaging_product": "whatsapp",
                "contacts": [{"input": to, "wa_id": to}],
                "messages": [{"id": message_id}],
            },
        )

    def _media_url(self, request: BaseHTTPRequestHandler, media_id: str) -> None:
        if media_id not in self.media:
            self._reply(request, 404, _error("(#100) Invalid media id", "OAuthException", 100))
            return
        content, mime = self.media[media_id]
        self._reply(
            request,
            200,
            {
                "messaging_product": "whatsapp",
                "url": f"http://127.0.0.1:{self.port}/whatsapp_business/attachments/?mid={media_id}",
                "mime_type": mime,
                "sha256": hashlib.sha256(content).hexdigest(),
                "file_size": len(content),
                "id": media_id,
            },
        )

    @staticmethod
    def _reply(request: BaseHTTPRequestHandler, status: int, data: dict[str, Any]) -> None:
        body = json.dumps(data).encode()
        request.send_response(status)
        request.send_header("Content-Type", "application/json")
        request.send_header("Content-Length", str(len(body)))
        request.end_headers()
        request.wfile.write(body)

    # --- the user's phone ---------------------------------------------------------------------

    def _message(self, sender: str, kind: str, content: dict[str, Any]) -> dict[str, Any]:
        return {
            "from": sender,
            "id": self._next_id("wamid.SIMIN"),
            "timestamp": str(int(time.time())),
            "type": kind,
            kind: content,
        }

    def envelope(self, sender: str, *, messages=None, statuses=None) -> dict[str, Any]:  # type: ignore[no-untyped-def]
        value: dict[str, Any] = {
            "messaging_product": "whatsapp",
            "metadata": {
                "display_phone_number": DISPLAY_NUMBER,
                "phone_number_id": PHONE_NUMBER_ID,
            },
        }
        if messages:
            value["contacts"] = [{"profile": {"name": "Warga"}, "wa_id": sender}]
            value["messages"] = messages
        if statuses:
            value["statuses"] = statuses
        return {
            "object": "whatsapp_business_account",
            "entry": [{"id": WABA_ID, "changes": [{"value": value, "field": "messages"}]}],
        }

    def deliver(self, payload: dict[str, Any], *, secret: str | None = None) -> tuple[int, str]:
        """POST a webhook to the app, signed with the app secret (or ``secret``)."""
        raw = json.dumps(payload, ensure_ascii=False).encode()
        key = (self.app_secret if secret is None else secret).encode()
        signature = "sha256=" + hmac.new(key, raw, hashlib.sha256).hexdigest()
        parts = urlsplit(self.webhook_url)
        connection = http.client.HTTPConnection(
            parts.hostname or "127.0.0.1", parts.port, timeout=60
        )
        try:
            connection.request(
                "POST",
                parts.path,
                body=raw,
                headers={"Content-Type": "application/json", "X-Hub-Signature-256": signature},
            )
            response = connection.getresponse()
            return response.status, response.read().decode()
        finally:
            connection.close()

    def _user(
        self, sender: str, kind: str, content: dict[str, Any]
    ) -> tuple[dict[str, Any], tuple[int, str]]:
        self.last_user_message[sender] = time.time()
        payload = self.envelope(sender, messages=[self._message(sender, kind, content)])
        return payload, self.deliver(payload)

    def user_sends_text(self, sender: str, text: str):  # type: ignore[no-untyped-def]
        return self._user(sender, "text", {"body": text})

    def upload(self, content: bytes, mime: str) -> str:
        media_id = self._next_id("")
        self.media[media_id] = (content, mime)
        return media_id

    def user_sends_image(self, sender: str, content: bytes, caption: str = ""):  # type: ignore[no-untyped-def]
        spec: dict[str, Any] = {
            "mime_type": "image/jpeg",
            "sha256": hashlib.sha256(content).hexdigest(),
            "id": self.upload(content, "image/jpeg"),
        }
        if caption:
            spec["caption"] = caption
        return self._user(sender, "image", spec)

    def user_sends_voice_note(self, sender: str, content: bytes):  # type: ignore[no-untyped-def]
        mime = "audio/ogg; codecs=opus"
        return self._user(
            sender,
            "audio",
            {
                "mime_type": mime,
                "sha256": hashlib.sha256(content).hexdigest(),
                "id": self.upload(content, mime),
                "voice": True,
            },
        )

    def user_sends_location(  # type: ignore[no-untyped-def]
        self, sender: str, latitude: float, longitude: float, name: str = "", address: str = ""
    ):
        spec: dict[str, Any] = {"latitude": latitude, "longitude": longitude}
        if name:
            spec["name"] = name
        if address:
            spec["address"] = address
        return self._user(sender, "location", spec)

    def push_status(self, message_id: str, status: str, recipient: str, error: int = 0):  # type: ignore[no-untyped-def]
        entry: dict[str, Any] = {
            "id": message_id,
            "status": status,
            "timestamp": str(int(time.time())),
            "recipient_id": recipient,
        }
        if error:
            entry["errors"] = [{"code": error, "title": "Message failed"}]
        return self.deliver(self.envelope(recipient, statuses=[entry]))


def _error(message: str, kind: str, code: int) -> dict[str, Any]:
    return {"error": {"message": message, "type": kind, "code": code, "fbtrace_id": "SIM"}}
