from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.middleware.gzip import GZipMiddleware
from django.template.response import TemplateResponse


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
