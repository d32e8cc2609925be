"""Errors in each channel's own format, for the failures no view handles itself.

Bad input found before a view runs (``lapor.core.middleware.BadInputMiddleware``), an outage
(the database or the cache gone: 503 with ``Retry-After``) and any unexpected error are
answered the way the client of that URL reads answers:

- ``/api/…``: the API's one error shape (JSON, ``lapor.api.errors``);
- ``/open311/…``: Open311 ``errors`` (XML, or JSON for ``.json``);
- ``/sms/…``: a short text for Kannel (which retries a 5xx later);
- JSON endpoints (``….json``, ``/wilayah/…``): ``{"error": {"code", "message"}}``;
- pages: the HTML error page, in the page's language.
"""

from __future__ import annotations

import logging
import sys

from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from lapor.core.cache import CacheUnavailable

log = logging.getLogger(__name__)

# How long a client should wait after a 503 for an outage (seconds).
OUTAGE_RETRY_AFTER = 30


def is_outage(exc: BaseException | None) -> bool:
    """A failure of what the site depends on (database, cache), not of the request."""
    if exc is None:
        return False
    if isinstance(exc, CacheUnavailable | OperationalError | InterfaceError):
        return True
    try:
        import redis.exceptions
    except ImportError:  # pragma: no cover - redis is a dependency
        return False
    return isinstance(exc, redis.exceptions.ConnectionError | redis.exceptions.TimeoutError)


def _kind(request: HttpRequest) -> str:
    path = request.path_info
    if path.startswith("/api/"):
        return "api"
    if path.startswith("/open311/"):
        return "open311"
    if path.startswith("/sms/"):
        return "sms"
    if path.endswith(".json") or "/wilayah/" in path:
        return "json"
    return "page"


def is_page(request: HttpRequest) -> bool:
    return _kind(request) == "page"


def channel_error(
    request: HttpRequest,
    status: int,
    code: str,
    message: str,
    *,
    retry_after: int | None = None,
) -> HttpResponse:
    """``message`` (translated) as ``status``, in the format of the channel ``request`` is on."""
    kind = _kind(request)
    response: HttpResponse
    if kind in ("api", "json"):
        # The API's one error shape (lapor.api.errors), which the JSON endpoints share.
        response = JsonResponse({"error": {"code": code, "message": str(message)}}, status=status)
    elif kind == "open311":
        from lapor.open311 import render

        fmt = render.JSON if request.path_info.rstrip("/").endswith(".json") else render.XML
        response = render.error(fmt, status, message)
    elif kind == "sms":
        response = HttpResponse(code, status=status, content_type="text/plain; charset=utf-8")
    else:
        page = render_to_string(
            "errors/problem.html", {"status": status, "message": message}, request=None
        )
        response = HttpResponse(page, status=status)
    if retry_after is not None:
        response["Retry-After"] = str(retry_after)
    return response


def outage(request: HttpRequest) -> HttpResponse:
    message = _(
        "The service is briefly unavailable. Nothing you sent was lost: please try again "
        "in a minute."
    )
    if is_page(request) and request.method == "POST":
        # A form refused by an outage keeps what the person typed, ready to send again.
        return send_again_page(request, message, OUTAGE_RETRY_AFTER)
    return channel_error(request, 503, "unavailable", message, retry_after=OUTAGE_RETRY_AFTER)


def server_error(request: HttpRequest) -> HttpResponse:
    """``handler500``: an outage is a 503 with Retry-After; anything else a 500, each in the
    channel's format. Called inside Django's exception handling, so the exception is at hand
    whether it came from a view or from a middleware (a session saved to a database that just
    went away)."""
    exc = sys.exc_info()[1]
    if is_outage(exc):
        log.warning("outage answered with 503 on %s: %s", request.path, exc)
        return outage(request)
    if isinstance(exc, DatabaseError):
        log.error("database error on %s: %s", request.path, exc)
    return channel_error(
        request, 500, "server_error", _("Something went wrong on our side. Please try again.")
    )


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """``handler400``: what Django itself refuses (too many fields, a body over
    DATA_UPLOAD_MAX_MEMORY_SIZE, a broken upload), in the channel's format."""
    from django.core.exceptions import RequestDataTooBig

    if isinstance(exception, RequestDataTooBig):
        return channel_error(request, 413, "payload_too_large", _("The request is too large."))
    return channel_error(request, 400, "bad_request", _("The request could not be read."))


def send_again_page(request: HttpRequest, message: str, retry_after: int) -> HttpResponse:
    """A 503 page that keeps every field of the refused POST and sends them again with one
    button (a form's submission key makes the second send safe). Files cannot be kept."""
    try:
        fields = [(k, v) for k in request.POST for v in request.POST.getlist(k)]
        has_files = bool(request.FILES)
    except Exception:  # noqa: BLE001 - an unreadable body: nothing to keep
        fields, has_files = [], False
    shown = [(k, v) for k, v in fields if k in ("title", "body", "message", "description")]
    page = render_to_string(
        "errors/busy.html",
        {
            "message": message,
            "action": request.get_full_path(),
            "fields": fields,
            "shown": shown,
            "has_files": has_files,
        },
    )
    response = HttpResponse(page, status=503)
    response["Retry-After"] = str(retry_after)
    return response
