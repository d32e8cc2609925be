"""Webhook signatures: ``X-Lapor-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>``.

The HMAC is computed with the partner's signing secret over ``"<t>." + body`` (the exact bytes
of the request body). Binding the timestamp into the MAC lets a receiver refuse replays: it
checks the MAC, then that ``t`` is within ``TOLERANCE`` of its own clock. During a secret
rotation the header carries one ``v1=`` per valid secret; a receiver accepts any that matches.
Shared by the sender (``webhooks``) and the simulator, and shown in docs/partners.md.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Iterable

SIGNATURE_HEADER = "X-Lapor-Signature"
EVENT_ID_HEADER = "X-Lapor-Event-Id"
EVENT_TYPE_HEADER = "X-Lapor-Event-Type"
TOLERANCE = 300  # seconds


class SignatureError(Exception):
    pass


def compute(secret: str, timestamp: int, body: bytes) -> str:
    message = str(timestamp).encode() + b"." + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def header(secrets: Iterable[str], body: bytes, timestamp: int | None = None) -> str:
    t = int(time.time()) if timestamp is None else timestamp
    parts = [f"t={t}"] + [f"v1={compute(s, t, body)}" for s in secrets if s]
    return ",".join(parts)


def verify(
    secret: str, value: str, body: bytes, *, now: float | None = None, tolerance: int = TOLERANCE
) -> int:
    """Check a signature header; return its timestamp or raise ``SignatureError``."""
    timestamp: int | None = None
    candidates: list[str] = []
    for item in (value or "").split(","):
        key, _sep, val = item.strip().partition("=")
        if key == "t" and val.isdigit():
            timestamp = int(val)
        elif key == "v1" and val:
            candidates.append(val)
    if timestamp is None or not candidates:
        raise SignatureError("malformed signature header")
    expected = compute(secret, timestamp, body)
    if not any(hmac.compare_digest(expected, c) for c in candidates):
        raise SignatureError("signature does not match")
    current = time.time() if now is None else now
    if abs(current - timestamp) > tolerance:
        raise SignatureError("timestamp outside the tolerance")
    return timestamp
