"""Online PIN guessing: growing delays per report and per client, without locking out the owner.

A 6-digit PIN is safe only if guesses are slow. Every wrong PIN counts in two buckets:

* the **client** (its API key, else its address), whatever report it tries;
* the **report**, shared by every client that has not proved to own the report before.

After ``FREE_FAILURES`` wrong PINs a bucket waits ``BASE_DELAY`` seconds before the next try,
and the wait doubles with every further failure up to ``MAX_DELAY``; a bucket forgets after a
day without failures. While a bucket waits, even the right PIN is refused unchecked (otherwise
the delay would not slow guessing).

A stranger could then keep a report's shared bucket waiting for ever. The owner is not stuck
behind it: the browser that filed or opened a report keeps a signed *device cookie* that names
it (OWASP's "device cookies"); from that browser the owner's tries count only in a bucket of
its own — not the report's shared one, nor the (possibly shared, mobile-carrier) address's.
An API client (a partner app) likewise has its own bucket per report, keyed by its API key.
The cookie grants nothing but that: the PIN is still required.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.http import HttpRequest
from django.http.response import HttpResponseBase

FREE_FAILURES = 5
BASE_DELAY = 30
MAX_DELAY = 60 * 60
MEMORY = 24 * 60 * 60

DEVICE_COOKIE = "lapor_device"
DEVICE_MAX_AGE = 365 * 24 * 60 * 60
DEVICE_MAX_REPORTS = 50
_SALT = "lapor.reports.pin_guard.device"
_PENDING = "_lapor_device_new"


def delay_after(failures: int) -> int:
    """Seconds to wait after ``failures`` wrong PINs in one bucket."""
    if failures < FREE_FAILURES:
        return 0
    return int(min(BASE_DELAY * 2 ** (failures - FREE_FAILURES), MAX_DELAY))


def _report_tag(tracking_id: str) -> str:
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, f"device-report:{tracking_id}".encode(), hashlib.sha256).hexdigest()[:16]


# --- the device cookie -----------------------------------------------------------------------


def _device(request: HttpRequest) -> dict:
    pending = getattr(request, _PENDING, None)
    if pending is not None:
        return pending  # type: ignore[no-any-return]
    raw = request.COOKIES.get(DEVICE_COOKIE, "")
    if raw:
        try:
            value = signing.loads(raw, salt=_SALT, max_age=DEVICE_MAX_AGE)
        except signing.BadSignature:
            value = None
        if isinstance(value, dict) and isinstance(value.get("d"), str):
            return {"d": value["d"], "r": [t for t in value.get("r", []) if isinstance(t, str)]}
    return {"d": "", "r": []}


def _store_device(request: HttpRequest, device: dict) -> None:
    if not device["d"]:
        device = {**device, "d": secrets.token_hex(16)}
    setattr(request, _PENDING, device)


def trust_device(request: HttpRequest, tracking_id: str) -> None:
    """This browser filed or opened the report: its PIN tries no longer share the report's
    bucket (they get their own)."""
    device = _device(request)
    tag = _report_tag(tracking_id)
    tags = [t for t in device["r"] if t != tag] + [tag]
    _store_device(request, {"d": device["d"], "r": tags[-DEVICE_MAX_REPORTS:]})


def forget_device(request: HttpRequest, tracking_id: str) -> None:
    device = _device(request)
    tag = _report_tag(tracking_id)
    if tag in device["r"]:
        _store_device(request, {"d": device["d"], "r": [t for t in device["r"] if t != tag]})


def device_trusted(request: HttpRequest, tracking_id: str) -> bool:
    device = _device(request)
    return bool(device["d"]) and _report_tag(tracking_id) in device["r"]


def set_pending_cookie(request: HttpRequest, response: HttpResponseBase) -> None:
    """Called by ``ReporterDeviceMiddleware``."""
    device = getattr(request, _PENDING, None)
    if device is None:
        return
    response.set_cookie(
        DEVICE_COOKIE,
        signing.dumps(device, salt=_SALT, compress=True),
        max_age=DEVICE_MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )


# --- buckets ---------------------------------------------------------------------------------


def buckets(request: HttpRequest, tracking_id: str, *, api_client: str = "") -> list[str]:
    """The buckets a PIN try on ``tracking_id`` from this request counts in."""
    digest = hashlib.sha256(tracking_id.encode()).hexdigest()[:24]
    if api_client:
        return [f"pinguard:client:api:{api_client}", f"pinguard:report:{digest}:api:{api_client}"]
    if device_trusted(request, tracking_id):
        return [f"pinguard:report:{digest}:device:{_device(request)['d']}"]
    address = request.META.get("REMOTE_ADDR", "") or "unknown"
    return [f"pinguard:client:ip:{address}", f"pinguard:report:{digest}"]


def wait_seconds(keys: list[str]) -> int:
    """How long the caller must wait before its next try (0: it may try now)."""
    now = time.time()
    longest = 0.0
    for state in cache.get_many(keys).values():
        failures, last = state
        longest = max(longest, last + delay_after(failures) - now)
    return max(0, math.ceil(longest))


def record_failure(keys: list[str]) -> None:
    now = time.time()
    states = cache.get_many(keys)
    cache.set_many({k: (states.get(k, (0, 0.0))[0] + 1, now) for k in keys}, MEMORY)


def record_success(keys: list[str]) -> None:
    """The right PIN: the report's bucket (shared, or this device's) starts afresh. A client's
    bucket does not: opening one's own report must not buy more guesses at others."""
    cache.delete_many([k for k in keys if k.startswith("pinguard:report:")])
