"""The NinjaAPI of API v1, mounted at /api/v1/ (lapor/api/urls.py).

OpenAPI 3 at /api/v1/openapi.json, Swagger UI at /api/v1/docs. Routers: ``reports`` (citizen
apps: submit, track with ID + PIN, reply, close, dispute), ``public`` (the public feed, no key),
``staff`` (queues and follow-ups, a staff key acting as its user) and ``partner`` (lapor.partners).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.parser import Parser

from lapor.api import errors
from lapor.api.auth import api_key_auth, request_key
from lapor.core.middleware import bad_body


class CheckedParser(Parser):
    """JSON bodies, read only after the key was checked: a NUL character or a lone UTF-16
    surrogate (valid JSON, but no text a database can store) is a 400 in the API's shape
    (lapor.core.middleware.BadInputMiddleware does the same for every other channel)."""

    def parse_body(self, request: HttpRequest) -> Any:
        if bad_body(request.body, request.content_type or ""):
            raise errors.ApiError(
                400,
                "bad_character",
                _("The request contains a character that is not allowed (NUL)."),
            )
        return super().parse_body(request)


api = NinjaAPI(
    parser=CheckedParser(),
    title="Lapor API",
    version="1",
    description=(
        "REST API v1 of Lapor. Send the key in `X-API-Key` (or `Authorization: Bearer`). "
        "Every error has one shape: "
        '`{"error": {"code": "…", "message": "…", "fields": {"name": ["…"]}}}`. '
        "Messages follow Accept-Language (Indonesian by default, English). "
        "Lists are paginated with `page` and `page_size`."
    ),
    urls_namespace="api-v1",
    openapi_url="/openapi.json",
    docs_url="/docs",
)
errors.install(api)

api.add_router("/reports", "lapor.api.reports.router")
# Information requests (UU 14/2008, lapor.ppid): their own process and payload.
api.add_router("/information-requests", "lapor.ppid.api.router")
api.add_router("/public", "lapor.api.public.router")
api.add_router("/staff", "lapor.api.staff.router")
# Two-way integrations with regional apps (scope ``partner``): lapor/partners/api.py.
api.add_router("/partner/", "lapor.partners.api.router")


class KeyOut(Schema):
    partner: str
    prefix: str
    scopes: list[str]
    rate_limit_per_minute: int
    acts_as_staff_user: bool


@api.get(
    "/key",
    auth=api_key_auth,
    response={200: KeyOut, 401: errors.ErrorOut, 429: errors.ErrorOut},
    tags=["key"],
    summary="The API key of this request: its partner, scopes and rate limit",
)
def key_info(request: HttpRequest) -> KeyOut:
    key = request_key(request)
    return KeyOut(
        partner=key.partner.name,
        prefix=key.prefix,
        scopes=list(key.scopes or []),
        rate_limit_per_minute=key.rate_limit_per_minute,
        acts_as_staff_user=key.user_id is not None,
    )
