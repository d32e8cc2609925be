from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.middleware.gzip import GZipMiddleware
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _


class RequestSizeLimitMiddleware:
    """Refuse bodies larger than any legitimate form before Django reads them.

    A person who picked a 500 MB video gets a page saying what the limits are (HTTP 413)
    instead of a connection reset; the per-file checks in the form handle everything smaller.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        # API v1 refuses large bodies itself, at a lower limit, in its own error shape.
        if length > settings.REQUEST_MAX_BYTES and not request.path.startswith("/api/"):
            from lapor.core.answers import channel_error, is_page

            if not is_page(request):
                # Open311, SMS and JSON clients read their own format, not a page.
                response = channel_error(
                    request,
                    413,
                    "payload_too_large",
                    _("The request is too large (at most %(mb)d MB).")
                    % {"mb": settings.REQUEST_MAX_BYTES // (1024 * 1024)},
                )
                response["Connection"] = "close"
                return response
            response = TemplateResponse(
                request,
                "errors/413.html",
                {
                    "max_file_mb": settings.ATTACHMENT_MAX_FILE_BYTES // (1024 * 1024),
                    "max_total_mb": settings.ATTACHMENT_MAX_TOTAL_BYTES // (1024 * 1024),
                },
                status=413,
            )
            response["Connection"] = "close"
            return response.render()
        return self.get_response(request)


# A NUL character, raw or escaped: PostgreSQL cannot store it in text, and no form, SMS,
# Open311 or API field has a use for it.
_NUL_ESCAPES = re.compile(rb"%00|\\u0000", re.IGNORECASE)
# A UTF-16 surrogate escaped in JSON: valid JSON, but alone it is no character at all.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


class BadInputMiddleware:
    """Refuse what no field can hold before any view sees it: a NUL character anywhere in the
    path, the query or the body, or a lone UTF-16 surrogate in a JSON body. Each is answered
    400 in the channel's own format (``lapor.core.answers``), where it used to reach the
    database and come back as a 500.

    The SMS callbacks are left alone: an SMS is what the phone sent, and the SMS view cleans
    it itself (a refused callback would only make Kannel retry)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path_info.startswith("/sms/") and self._bad(request):
            from lapor.core.answers import channel_error

            return channel_error(
                request,
                400,
                "bad_character",
                _("The request contains a character that is not allowed (NUL)."),
            )
        return self.get_response(request)

    def _bad(self, request: HttpRequest) -> bool:
        if "\x00" in request.path_info:
            return True
        query = request.META.get("QUERY_STRING", "")
        if "\x00" in query or _NUL_ESCAPES.search(query.encode("latin-1", "replace")):
            return True
        if request.method not in ("POST", "PUT", "PATCH"):
            return False
        content_type = request.content_type or ""
        if content_type == "multipart/form-data":
            return self._bad_multipart(request)
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return False
        # The API reads no body before the key is checked: its parser checks the body
        # (lapor.api.api.CheckedParser). Bodies refused as too large are left to Django.
        if request.path_info.startswith("/api/"):
            return False
        if not length or length > (settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 0):
            return False
        return bad_body(request.body, content_type)

    @staticmethod
    def _bad_multipart(request: HttpRequest) -> bool:
        try:
            post = request.POST
        except Exception:  # noqa: BLE001 - a broken upload is the view's to refuse
            return False
        return any("\x00" in key or any("\x00" in v for v in post.getlist(key)) for key in post)


def bad_body(body: bytes, content_type: str) -> bool:
    """A NUL anywhere, or (JSON) a surrogate that pairs with nothing."""
    if b"\x00" in body or _NUL_ESCAPES.search(body):
        return True
    return "json" in content_type and bool(_SURROGATE_ESCAPE.search(body)) and _lone(body)


def _lone(body: bytes) -> bool:
    """Whether a JSON body holds a surrogate that pairs with nothing (cannot be UTF-8)."""
    try:
        decoded = json.loads(body)
    except ValueError:
        return False  # not JSON: the API says so itself
    try:
        json.dumps(decoded, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _queued_seconds(request: HttpRequest) -> float | None:
    """How long the request waited before reaching us, from the proxy's ``X-Request-Start``
    (``t=<seconds>``, milliseconds or microseconds since the epoch; nginx, HAProxy)."""
    raw = request.META.get("HTTP_X_REQUEST_START", "").strip()
    if not raw:
        return None
    try:
        stamp = float(raw.removeprefix("t="))
    except ValueError:
        return None
    if stamp > 1e14:
        stamp /= 1e6
    elif stamp > 1e11:
        stamp /= 1e3
    return max(0.0, time.time() - stamp)


def _has_idempotency_key(request: HttpRequest) -> bool:
    # The web forms carry their own (``submission_key``); API clients send a header.
    if request.META.get("HTTP_IDEMPOTENCY_KEY"):
        return True
    content_type = request.content_type or ""
    if content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        try:
            return bool(request.POST.get("submission_key"))
        except Exception:  # noqa: BLE001 - unreadable: no key
            return False
    return False


class LoadSheddingMiddleware:
    """Overload is refused, not queued (issue 11.5).

    At most ``WRITE_CONCURRENCY`` writes (POST, PUT, PATCH, DELETE) run at once in this process;
    a write that cannot start within ``WRITE_QUEUE_SECONDS`` is answered at once with 503 and
    ``Retry-After``, in the channel's format — and on the web with a page that keeps every
    field the person typed and sends them again with one button (the form's submission key
    makes that safe). Reads are not limited: they are cheap and what people do while waiting.

    A write that waited in front of us longer than ``CLIENT_GONE_SECONDS`` (per the proxy's
    ``X-Request-Start``) has most likely lost its client, which gave up and may send it again:
    without an idempotency key it is refused, never filed twice unseen.

    The web server must run more threads than ``WRITE_CONCURRENCY`` (``make serve``: 8 and 4),
    or the excess waits in the server where no one can answer it.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method not in ("POST", "PUT", "PATCH", "DELETE"):
            return self.get_response(request)
        queued = _queued_seconds(request)
        gone = queued is not None and queued > settings.CLIENT_GONE_SECONDS
        if gone and not _has_idempotency_key(request):
            return busy(request, queued=True)
        slots = _slots(int(settings.WRITE_CONCURRENCY or 0))
        if slots is None:
            return self.get_response(request)
        if not slots.acquire(timeout=float(settings.WRITE_QUEUE_SECONDS)):
            return busy(request)
        try:
            return self.get_response(request)
        finally:
            slots.release()


# One set of slots per process (every handler instance shares it), per configured limit.
_SLOTS: dict[int, threading.BoundedSemaphore] = {}
_SLOTS_LOCK = threading.Lock()


def _slots(limit: int) -> threading.BoundedSemaphore | None:
    if limit <= 0:
        return None
    with _SLOTS_LOCK:
        if limit not in _SLOTS:
            _SLOTS[limit] = threading.BoundedSemaphore(limit)
        return _SLOTS[limit]


BUSY_RETRY_AFTER = 5


def busy(request: HttpRequest, *, queued: bool = False) -> HttpResponse:
    from lapor.core.answers import channel_error, is_page, send_again_page

    message = (
        _("Your request waited too long and was not processed: please send it again.")
        if queued
        else _(
            "Too many reports are arriving at this moment: please send it again in a few seconds."
        )
    )
    if not is_page(request):
        return channel_error(request, 503, "busy", message, retry_after=BUSY_RETRY_AFTER)
    return send_again_page(request, message, BUSY_RETRY_AFTER)


class CompressionMiddleware(GZipMiddleware):
    """gzip for pages and JSON, except responses that carry a secret beside text a third party
    could choose (BREACH): a view marks them with ``response.lapor_no_compress = True`` (the
    receipt with its PIN). The CSRF token is safe to compress: Django masks it afresh on every
    response, and Django's gzip adds random bytes to each compressed body ("Heal the BREACH").
    Static files are compressed ahead of time by whitenoise (gzip and brotli). See
    docs/performance.md, "Compression"."""

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        if getattr(response, "lapor_no_compress", False):
            return response
        return super().process_response(request, response)


class TrustedProxyMiddleware:
    """Behind HAProxy or nginx (deploy/), the client's address is the proxy's: take it from
    ``X-Forwarded-For`` — only when the direct peer is one of ``TRUSTED_PROXIES``, and only
    the address that proxy appended (the last one), so a client cannot choose its own
    address (the upload and PIN limits count per address)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        proxies = settings.TRUSTED_PROXIES
        if proxies and request.META.get("REMOTE_ADDR") in proxies:
            forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
            last = forwarded.split(",")[-1].strip()
            if last:
                request.META["REMOTE_ADDR"] = last
        return self.get_response(request)
