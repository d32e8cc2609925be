"""A partner's webhook receiver, for tests and demos: a real HTTP server on a free port.

It does what docs/partners.md asks of a partner: verify the HMAC over ``"<t>." + body`` and
the timestamp tolerance (401 otherwise), check the payload (400), deduplicate by event ID (a
repeat answers 200 and is not recorded again) and record what it accepted. It can be told to
stall (answer only after ``stall_seconds``, *after* having processed the event, as a slow real
receiver would) or to fail the next N requests with a 500.

    sim = PartnerSimulator(secret="whsec_...").start()
    ...  # point the integration's webhook_url at sim.url
    sim.accepted  # the events, once each, in the order they were accepted
    sim.stop()
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from lapor.partners import signing

MAX_BODY = 1024 * 1024


@dataclass
class Hit:
    """One request the simulator received, whatever became of it."""

    event_id: str
    status: int
    outcome: str  # accepted | duplicate | bad_signature | invalid | failed
    at: float = field(default_factory=time.time)


class PartnerSimulator:
    def __init__(
        self,
        secret: str,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        tolerance: int = signing.TOLERANCE,
        path: str = "/webhooks/lapor",
    ) -> None:
        self.secret = secret
        self.host = host
        self.port = port
        self.tolerance = tolerance
        self.path = path
        self.stall_next = 0
        self.stall_seconds = 0.0
        self.fail_next = 0
        self.accepted: list[dict[str, Any]] = []
        self.hits: list[Hit] = []
        self._seen: set[str] = set()
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # --- control ------------------------------------------------------------------------

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}{self.path}"

    def start(self) -> PartnerSimulator:
        simulator = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                status, body = simulator.handle(self)
                try:
                    payload = json.dumps(body).encode()
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the sender gave up waiting (its timeout): that is the point

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                if simulator.verbose:
                    super().log_message(format, *args)

        self._server = ThreadingHTTPServer((self.host, self.port), Handler)
        self._server.daemon_threads = True
        self.port = int(self._server.server_address[1])
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    verbose = False

    def stop(self) -> None:
        self._stopping.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> PartnerSimulator:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def accepted_ids(self) -> list[str]:
        with self._lock:
            return [e["id"] for e in self.accepted]

    def outcomes(self) -> list[str]:
        with self._lock:
            return [h.outcome for h in self.hits]

    # --- one request --------------------------------------------------------------------

    def _hit(self, event_id: str, status: int, outcome: str) -> tuple[int, dict[str, Any]]:
        with self._lock:
            self.hits.append(Hit(event_id, status, outcome))
        return status, {"status": outcome}

    def handle(self, request: BaseHTTPRequestHandler) -> tuple[int, dict[str, Any]]:
        event_id = request.headers.get(signing.EVENT_ID_HEADER, "")
        try:
            length = int(request.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if request.path != self.path:
            return self._hit(event_id, 404, "invalid")
        if length < 0 or length > MAX_BODY:
            return self._hit(event_id, 400, "invalid")
        body = request.rfile.read(length)
        try:
            signing.verify(
                self.secret,
                request.headers.get(signing.SIGNATURE_HEADER, ""),
                body,
                tolerance=self.tolerance,
            )
        except signing.SignatureError:
            return self._hit(event_id, 401, "bad_signature")
        try:
            payload = json.loads(body)
        except ValueError:
            return self._hit(event_id, 400, "invalid")
        if not isinstance(payload, dict) or payload.get("id") != event_id or not event_id:
            return self._hit(event_id, 400, "invalid")
        with self._lock:
            stall = self.stall_next > 0
            if stall:
                self.stall_next -= 1
            fail = not stall and self.fail_next > 0
            if fail:
                self.fail_next -= 1
        if fail:
            return self._hit(event_id, 500, "failed")
        with self._lock:
            duplicate = event_id in self._seen
            if not duplicate:
                self._seen.add(event_id)
                self.accepted.append(payload)
        answer = self._hit(event_id, 200, "duplicate" if duplicate else "accepted")
        if stall:
            # Processed, but the answer comes too late for the sender.
            self._stopping.wait(self.stall_seconds)
        return answer
