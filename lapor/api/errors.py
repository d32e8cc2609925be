"""One error shape for every answer of API v1 that is not a success::

    {"error": {"code": "validation_error", "message": "…", "fields": {"title": ["…"]}}}

``code`` is a stable machine word; ``message`` is for a person, in the language asked for with
Accept-Language (Indonesian by default); ``fields`` (optional) maps a field name to its
problems. Raise :class:`ApiError` anywhere in an endpoint (or in authentication);
:func:`install` turns it, ninja's own errors and ``DomainError`` into that shape.
"""

from __future__ import annotations

import logging
import math
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from ninja import Schema
from ninja.errors import AuthenticationError, AuthorizationError, HttpError, Throttled
from ninja.errors import ValidationError as NinjaValidationError

from lapor.core.errors import DomainError, IllegalTransition

if TYPE_CHECKING:
    from ninja import NinjaAPI

log = logging.getLogger(__name__)


class ApiError(Exception):
    """An answer in the one error shape. ``retry_after`` (seconds) adds a Retry-After header."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        fields: dict[str, list[str]] | None = None,
        *,
        retry_after: int | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = str(message)
        self.fields = fields
        self.retry_after = retry_after


class ErrorBody(Schema):
    code: str
    message: str
    fields: dict[str, list[str]] | None = None


class ErrorOut(Schema):
    """The one error shape, for the OpenAPI document."""

    error: ErrorBody


# The error answers an authenticated operation may give, for its ``response=`` map.
ERROR_RESPONSES: dict[int, Any] = {
    status: ErrorOut for status in (400, 401, 403, 404, 409, 422, 429, 503)
}


# Default codes for statuses raised without one (e.g. ninja's HttpError).
STATUS_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    429: "rate_limited",
    500: "server_error",
    503: "unavailable",
}


def error_response(
    status: int,
    code: str,
    message: str,
    fields: dict[str, list[str]] | None = None,
    *,
    retry_after: int | None = None,
) -> HttpResponse:
    body: dict[str, Any] = {"code": code, "message": str(message)}
    if fields:
        body["fields"] = {k: [str(m) for m in v] for k, v in fields.items()}
    response = JsonResponse({"error": body}, status=status)
    if retry_after is not None:
        response["Retry-After"] = str(max(1, int(retry_after)))
    return response


def render(error: ApiError) -> HttpResponse:
    return error_response(
        error.status, error.code, error.message, error.fields, retry_after=error.retry_after
    )


def _field_name(loc: Any) -> str:
    # ninja: ("body", "payload", "title") / ("query", "page") / ("header", "x-report-pin")
    parts = [str(p) for p in (loc or ())]
    if parts and parts[0] in ("body", "query", "path", "header", "form", "cookie"):
        where = parts.pop(0)
        # In a body, the next part is the operation's parameter name, not a field.
        if where in ("body", "form") and len(parts) > 1:
            parts.pop(0)
    return ".".join(parts) or "body"


def _validation_message(err: dict[str, Any]) -> str:
    kind = str(err.get("type", ""))
    ctx = err.get("ctx") or {}
    if kind == "missing":
        return _("This field is required.")
    if kind in ("string_too_long",):
        return _("At most %(n)s characters.") % {"n": ctx.get("max_length")}
    if kind in ("string_too_short",):
        return _("At least %(n)s characters.") % {"n": ctx.get("min_length")}
    if kind in ("too_long",):
        return _("At most %(n)s items.") % {"n": ctx.get("max_length")}
    if kind.startswith("int_") or kind.startswith("float_") or kind.startswith("decimal_"):
        if kind.endswith("less_than_equal") or kind.endswith("less_than"):
            return _("Must be at most %(n)s.") % {"n": ctx.get("le", ctx.get("lt"))}
        if kind.endswith("greater_than_equal") or kind.endswith("greater_than"):
            return _("Must be at least %(n)s.") % {"n": ctx.get("ge", ctx.get("gt"))}
        return _("Must be a number.")
    if kind in ("bool_type", "bool_parsing"):
        return _("Must be true or false.")
    if kind in ("literal_error", "enum"):
        return _("Must be one of: %(values)s.") % {"values": ctx.get("expected", "")}
    if kind in ("string_type",):
        return _("Must be text.")
    if kind in ("json_invalid",):
        return _("The body is not valid JSON.")
    if kind in ("model_attributes_type", "dict_type", "model_type"):
        return _("Must be a JSON object.")
    if kind in ("list_type",):
        return _("Must be a list.")
    if kind == "value_error":
        # Our own validators raise ValueError with a translated message.
        return str(ctx.get("error", err.get("msg", "")))
    return _("This value is not valid.")


def validation_fields(errors: list[dict[str, Any]]) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    for err in errors:
        fields.setdefault(_field_name(err.get("loc")), []).append(_validation_message(err))
    return fields


def install(api: NinjaAPI) -> None:
    """Route every error ninja can meet to the one shape."""

    @api.exception_handler(ApiError)
    def _api_error(request: HttpRequest, exc: ApiError) -> HttpResponse:
        return render(exc)

    @api.exception_handler(NinjaValidationError)
    def _validation(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
        fields = validation_fields(list(exc.errors))
        if any(e.get("type") == "json_invalid" for e in exc.errors):
            return error_response(400, "invalid_json", _("The body is not valid JSON."))
        return error_response(
            422, "validation_error", _("Some fields are missing or not valid."), fields
        )

    @api.exception_handler(AuthenticationError)
    def _auth(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return error_response(
            401,
            "missing_api_key",
            _("An API key is required: send it in the X-API-Key header."),
        )

    @api.exception_handler(AuthorizationError)
    def _authz(request: HttpRequest, exc: AuthorizationError) -> HttpResponse:
        return error_response(403, "forbidden", _("This API key may not do this."))

    @api.exception_handler(Throttled)
    def _throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
        wait = math.ceil(exc.wait) if exc.wait else 60
        return error_response(
            429, "rate_limited", _("Too many requests: try again later."), retry_after=wait
        )

    @api.exception_handler(HttpError)
    def _http(request: HttpRequest, exc: HttpError) -> HttpResponse:
        if isinstance(exc.__cause__, ApiError):
            # Raised by our own body parser (lapor.api.api.CheckedParser); ninja wraps it.
            return render(exc.__cause__)
        if exc.status_code == 400 and str(exc).startswith("Cannot parse request body"):
            return error_response(400, "invalid_json", _("The body is not valid JSON."))
        code = STATUS_CODES.get(exc.status_code, "error")
        return error_response(exc.status_code, code, _("The request could not be handled."))

    @api.exception_handler(Http404)
    def _404(request: HttpRequest, exc: Http404) -> HttpResponse:
        return error_response(404, "not_found", _("Not found."))

    @api.exception_handler(PermissionDenied)
    def _403(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
        return error_response(403, "forbidden", _("This API key may not do this."))

    @api.exception_handler(IllegalTransition)
    def _transition(request: HttpRequest, exc: IllegalTransition) -> HttpResponse:
        return error_response(409, exc.code, exc.message)

    @api.exception_handler(DomainError)
    def _domain(request: HttpRequest, exc: DomainError) -> HttpResponse:
        if exc.code == "forbidden":
            # As in the console: what a user may not touch does not exist for them.
            return error_response(404, "not_found", _("Not found."))
        # Well-formed, but a rule of the domain refused it.
        return error_response(422, exc.code, exc.message)

    @api.exception_handler(Exception)
    def _unexpected(request: HttpRequest, exc: Exception) -> HttpResponse:
        from lapor.core.answers import OUTAGE_RETRY_AFTER, is_outage

        if is_outage(exc):
            log.warning("API v1: outage on %s %s: %s", request.method, request.path, exc)
            return error_response(
                503,
                "unavailable",
                _("The service is briefly unavailable: please try again in a minute."),
                retry_after=OUTAGE_RETRY_AFTER,
            )
        log.exception("API v1: unexpected error on %s %s", request.method, request.path)
        return error_response(500, "server_error", _("Something went wrong on our side."))


def form_error(form: Any, rename: dict[str, str] | None = None) -> ApiError:
    """A 422 in the one shape from a bound, invalid Django form (field names renamed to the
    API's; errors not tied to a field go under ``non_field_errors``)."""
    rename = rename or {}
    fields: dict[str, list[str]] = {}
    for name, messages in form.errors.items():
        key = "non_field_errors" if name == "__all__" else rename.get(name, name)
        for message in messages:
            if str(message) not in fields.get(key, []):
                fields.setdefault(key, []).append(str(message))
    return ApiError(422, "validation_error", _("Some fields are missing or not valid."), fields)
