"""PINs are never kept readable by the server (issue 10.7).

A report's PIN exists in clear only in the request that filed it. Everything that must show it
again later keeps it *sealed* under a key the server does not keep:

* **Receipt pages** (the citizen's receipt, the desk's printable receipt): the sealed PIN sits
  in the session, the key in a cookie of the browser that filed the report
  (``lapor_receipt_key``, HttpOnly). Reading the session store gives nothing; the citizen's
  receipt shows the PIN once and then drops it.
* **The citizen's receipt right after filing**: the web form's answer writes nothing to the
  session (issue 11.5: the filing request writes only what must be there). It hands the
  browser a signed cookie (``lapor_receipt``, HttpOnly, one hour) naming the report just filed
  with its PIN sealed under the browser's key; the receipt page takes it, remembers the report
  in the session and drops the cookie, so a reload shows no PIN. The cookie alone opens
  nothing: its PIN needs the key cookie, and its signature stops a forged tracking ID.
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
from django.core import signing
from django.core.cache import cache
from django.http import HttpRequest
from django.http.response import HttpResponseBase

# How long an idempotent retry still gets the PIN back (the client's first answer may have
# been lost on the way); after that only the report's PIN hash remains.
REPLAY_SECONDS = 60 * 60
KEY_COOKIE = "lapor_receipt_key"
_PENDING_KEY = "_lapor_receipt_key_new"
RECEIPT_COOKIE = "lapor_receipt"
RECEIPT_SECONDS = 60 * 60
# At most this many receipts wait in the cookie (two forms filed before either receipt opened).
RECEIPT_KEEP = 5
_RECEIPT_SALT = "lapor.reports.pin_vault.receipt"
_PENDING_RECEIPTS = "_lapor_receipts_new"
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


# --- the receipt right after filing (browser, no session write) -------------------------------


def _receipts(request: HttpRequest) -> dict[str, str]:
    """The receipts waiting in this browser's cookie: tracking ID → sealed PIN ("" for none)."""
    pending = getattr(request, _PENDING_RECEIPTS, None)
    if pending is not None:
        return dict(pending)
    raw = request.COOKIES.get(RECEIPT_COOKIE, "")
    if not raw:
        return {}
    try:
        held = signing.loads(raw, salt=_RECEIPT_SALT, max_age=RECEIPT_SECONDS)
    except signing.BadSignature:  # forged, damaged or expired (SignatureExpired too)
        return {}
    if not isinstance(held, dict):
        return {}
    return {str(k): v for k, v in held.items() if isinstance(v, str)}


def hand_receipt(request: HttpRequest, tracking_id: str, pin: str | None) -> None:
    """The filing's answer: this browser may open the receipt of ``tracking_id`` and see
    ``pin`` there once (None: the receipt without a PIN, e.g. a repeat whose PIN is gone)."""
    held = _receipts(request)
    if pin is None and held.get(tracking_id):
        return  # a repeat that lost the PIN: the first answer's receipt still holds it
    held.pop(tracking_id, None)
    if pin is not None:
        key = _browser_key(request, create=True)
        assert key is not None
        held[tracking_id] = seal(key, pin)
    else:
        held[tracking_id] = ""
    setattr(request, _PENDING_RECEIPTS, dict(list(held.items())[-RECEIPT_KEEP:]))


def holds_receipt(request: HttpRequest, tracking_id: str) -> bool:
    return tracking_id in _receipts(request)


def take_receipt(request: HttpRequest, tracking_id: str) -> tuple[bool, str | None]:
    """(whether this browser was handed the receipt of ``tracking_id``, its PIN or None).
    Taken once: the cookie lets go of it in this response."""
    held = _receipts(request)
    if tracking_id not in held:
        return False, None
    sealed = held.pop(tracking_id)
    setattr(request, _PENDING_RECEIPTS, held)
    key = _browser_key(request, create=False)
    if not sealed or key is None:
        return True, None
    return True, unseal(key, sealed)


def drop_receipt(request: HttpRequest, tracking_id: str) -> None:
    held = _receipts(request)
    if held.pop(tracking_id, None) is not None:
        setattr(request, _PENDING_RECEIPTS, held)


def set_pending_cookie(request: HttpRequest, response: HttpResponseBase) -> None:
    """Called by ``ReporterDeviceMiddleware``: hand a newly made key and the receipts waiting
    to the browser."""
    receipts = getattr(request, _PENDING_RECEIPTS, None)
    if receipts is not None:
        if receipts:
            response.set_cookie(
                RECEIPT_COOKIE,
                signing.dumps(receipts, salt=_RECEIPT_SALT),
                max_age=RECEIPT_SECONDS,
                httponly=True,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
        elif RECEIPT_COOKIE in request.COOKIES:
            response.delete_cookie(RECEIPT_COOKIE, samesite="Lax")
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
