"""PINs are never kept readable by the server (issue 10.7).

A report's PIN exists in clear only in the request that filed it. Everything that must show it
again later keeps it *sealed* under a key the server does not keep:

* **Receipt pages** (the citizen's receipt, the desk's printable receipt): the sealed PIN sits
  in the session, the key in a cookie of the browser that filed the report
  (``lapor_receipt_key``, HttpOnly). Reading the session store gives nothing; the citizen's
  receipt shows the PIN once and then drops it.
* **Idempotent retries** (API ``Idempotency-Key``): the sealed PIN sits in the cache for an
  hour, under the hash of a key derived from the client's Idempotency-Key (and SECRET_KEY); the
  key itself is not stored. Only a client that sends the same Idempotency-Key again can read it.

Sealing is HMAC-SHA256 used as a pseudo-random function (a fresh nonce per seal gives the pad;
a tag detects a wrong key): the standard library is enough, and each key seals a handful of
6-digit PINs at most. This module is the one place that knows the idempotency cache format.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.http.response import HttpResponseBase

# How long an idempotent retry still gets the PIN back (the client's first answer may have
# been lost on the way); after that only the report's PIN hash remains.
REPLAY_SECONDS = 60 * 60
KEY_COOKIE = "lapor_receipt_key"
_PENDING_KEY = "_lapor_receipt_key_new"
_NONCE = 16
_TAG = 16
_MAX_SECRET = 32


def _prf(key: bytes, label: bytes, data: bytes = b"") -> bytes:
    return hmac.new(key, label + b"\x00" + data, hashlib.sha256).digest()


def seal(key: bytes, secret: str) -> str:
    """Encrypt ``secret`` (a PIN: at most 32 bytes) under ``key``; a new nonce every time."""
    plain = secret.encode()
    if len(plain) > _MAX_SECRET:
        raise ValueError("seal() holds short secrets only")
    nonce = secrets.token_bytes(_NONCE)
    pad = _prf(key, b"pad", nonce)
    body = bytes(a ^ b for a, b in zip(plain, pad, strict=False))
    tag = _prf(key, b"tag", nonce + body)[:_TAG]
    return base64.urlsafe_b64encode(nonce + body + tag).decode()


def unseal(key: bytes, sealed: str) -> str | None:
    """The secret, or None for a wrong key or a damaged value."""
    try:
        raw = base64.urlsafe_b64decode(sealed.encode())
    except (binascii.Error, ValueError):
        return None
    if len(raw) < _NONCE + _TAG:
        return None
    nonce, body, tag = raw[:_NONCE], raw[_NONCE:-_TAG], raw[-_TAG:]
    if not hmac.compare_digest(tag, _prf(key, b"tag", nonce + body)[:_TAG]):
        return None
    pad = _prf(key, b"pad", nonce)
    try:
        return bytes(a ^ b for a, b in zip(body, pad, strict=False)).decode()
    except UnicodeDecodeError:
        return None


# --- idempotent retries (API) ----------------------------------------------------------------


def _idempotency_keys(scope: str, idempotency_key: str) -> tuple[str, bytes]:
    """(cache key, sealing key) for one client's Idempotency-Key; neither reveals the other."""
    material = hmac.new(
        settings.SECRET_KEY.encode(),
        f"lapor-idempotency:{scope}:{idempotency_key}".encode(),
        hashlib.sha256,
    ).digest()
    lookup = hashlib.sha256(_prf(material, b"lookup")).hexdigest()
    return f"idem-pin:{lookup}", _prf(material, b"seal")


def keep_for_replay(*, scope: str, idempotency_key: str, pin: str) -> None:
    """Keep ``pin`` for an hour, readable only with the same Idempotency-Key.

    ``scope`` separates clients (e.g. ``api-v1:<partner id>``): two partners sending the same
    Idempotency-Key never meet.
    """
    cache_key, key = _idempotency_keys(scope, idempotency_key)
    cache.set(cache_key, seal(key, pin), REPLAY_SECONDS)


def replay(*, scope: str, idempotency_key: str) -> str | None:
    """The PIN kept by ``keep_for_replay`` for this Idempotency-Key, or None."""
    cache_key, key = _idempotency_keys(scope, idempotency_key)
    sealed = cache.get(cache_key)
    return unseal(key, sealed) if isinstance(sealed, str) else None


# --- receipt pages (browser) -----------------------------------------------------------------


def _browser_key(request: HttpRequest, *, create: bool) -> bytes | None:
    pending = getattr(request, _PENDING_KEY, None)
    if pending is not None:
        return pending  # type: ignore[no-any-return]
    raw = request.COOKIES.get(KEY_COOKIE, "")
    try:
        key = base64.urlsafe_b64decode(raw.encode()) if raw else b""
    except (binascii.Error, ValueError):
        key = b""
    if len(key) == 32:
        return key
    if not create:
        return None
    key = secrets.token_bytes(32)
    setattr(request, _PENDING_KEY, key)
    return key


def hold(request: HttpRequest, bucket: str, tracking_id: str, pin: str, *, keep: int = 20) -> None:
    """Keep ``pin`` sealed in the session under ``bucket``; the key goes to the browser."""
    key = _browser_key(request, create=True)
    assert key is not None
    held = dict(request.session.get(bucket, {}))
    held.pop(tracking_id, None)
    held[tracking_id] = seal(key, pin)
    request.session[bucket] = dict(list(held.items())[-keep:])


def peek(request: HttpRequest, bucket: str, tracking_id: str) -> str | None:
    sealed = request.session.get(bucket, {}).get(tracking_id)
    key = _browser_key(request, create=False)
    if not isinstance(sealed, str) or key is None:
        return None
    return unseal(key, sealed)


def drop(request: HttpRequest, bucket: str, tracking_id: str) -> None:
    held = dict(request.session.get(bucket, {}))
    if held.pop(tracking_id, None) is not None:
        request.session[bucket] = held


def take(request: HttpRequest, bucket: str, tracking_id: str) -> str | None:
    """The PIN, once: it is dropped from the session as it is read."""
    pin = peek(request, bucket, tracking_id)
    drop(request, bucket, tracking_id)
    return pin


def set_pending_cookie(request: HttpRequest, response: HttpResponseBase) -> None:
    """Called by ``ReporterDeviceMiddleware``: hand a newly made key to the browser."""
    key = getattr(request, _PENDING_KEY, None)
    if key is None:
        return
    response.set_cookie(
        KEY_COOKIE,
        base64.urlsafe_b64encode(key).decode(),
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )
