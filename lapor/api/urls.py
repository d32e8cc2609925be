"""URLs of API v1 (no language prefix). Every view answers in the language of Accept-Language
(Indonesian unless English is asked for); a path or method the API does not know answers in
the one error shape too."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, URLResolver, re_path
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from lapor.api.api import api
from lapor.api.errors import error_response


def api_language(request: HttpRequest) -> str:
    """Indonesian by default; English when Accept-Language prefers it to Indonesian."""
    for part in request.META.get("HTTP_ACCEPT_LANGUAGE", "").split(","):
        tag = part.split(";")[0].strip().lower()
        if tag.startswith("id") or tag.startswith("in"):
            return "id"
        if tag.startswith("en"):
            return "en"
    return "id"


# JSON bodies: a report is at most ~20 kB of text. Follow-ups may carry evidence files
# (base64), up to what Django reads into memory at all (DATA_UPLOAD_MAX_MEMORY_SIZE).
MAX_BODY_BYTES = 256 * 1024


def max_body_bytes(path: str) -> int:
    if path.endswith("/follow-ups"):
        return max(MAX_BODY_BYTES, settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 0)
    return MAX_BODY_BYTES


def _too_large(request: HttpRequest) -> HttpResponse | None:
    """413 before anything reads a body larger than any valid request."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    limit = max_body_bytes(request.path)
    if length <= limit:
        return None
    response = error_response(
        413,
        "payload_too_large",
        _("The request body is too large: at most %(kb)d kB.") % {"kb": limit // 1024},
    )
    response["Connection"] = "close"
    return response


def with_language(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        language = api_language(request)
        with translation.override(language):
            request.LANGUAGE_CODE = language
            too_large = _too_large(request)
            response = too_large or view(request, *args, **kwargs)
            if response.status_code == 405 and not response.get("Content-Type", "").startswith(
                "application/json"
            ):
                allow = response.get("Allow", "")
                response = error_response(
                    405,
                    "method_not_allowed",
                    _("Method %(m)s is not allowed here.") % {"m": request.method},
                )
                response["Allow"] = allow
            response["Content-Language"] = language
            patch_vary_headers(response, ["Accept-Language"])
            return response

    return wrapped


@csrf_exempt
def not_found(request: HttpRequest, rest: str = "") -> HttpResponse:
    return error_response(404, "not_found", _("No such API endpoint."))


def _patterns() -> list[URLPattern | URLResolver]:
    patterns, _app, _namespace = api.urls
    for p in patterns:
        if isinstance(p, URLPattern):
            p.callback = with_language(p.callback)
    return [*patterns, re_path(r"^(?P<rest>.*)$", with_language(not_found))]


urlpatterns = _patterns()
app_name = "api-v1"
