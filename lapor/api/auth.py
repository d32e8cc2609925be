"""API keys for API v1: the Open311 partner keys (``lapor.open311.models.ApiKey``), with scopes,
a per-key rate limit and, for staff keys, the user the key acts as.

Use ``auth=api_key_auth`` on a router or an operation; inside, ``request.auth`` is the
``ApiKey`` (``request.auth.partner`` its partner) and ``require_scope(request, "partner")``
refuses a key without that scope (403). The key travels in ``X-API-Key: <key>`` or
``Authorization: Bearer <key>``; never in the URL.
"""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja.security import APIKeyHeader

from lapor.api.errors import ApiError
from lapor.open311.models import ApiKey, hash_key

HEADER = "X-API-Key"
# last_used_at is written at most this often per key (not on every request).
LAST_USED_RESOLUTION = dt.timedelta(minutes=1)


def raw_key_from(request: HttpRequest) -> str:
    raw = (request.headers.get(HEADER) or "").strip()
    if raw:
        return raw
    authorization = (request.headers.get("Authorization") or "").strip()
    scheme, _sep, token = authorization.partition(" ")
    if scheme.lower() == "bearer":
        return token.strip()
    return ""


def check_rate_limit(key: ApiKey) -> None:
    """Count this request in the key's current one-minute window (in Django's cache, shared by
    every process); past ``rate_limit_per_minute`` answer 429 with Retry-After."""
    now = time.time()
    window = int(now // 60)
    counter = f"api-v1:rate:{key.pk}:{window}"
    # One cache operation per request once the window's counter exists (the window's first
    # request, or two of them racing, also create it).
    try:
        used = cache.incr(counter)
    except ValueError:  # the window's first request
        if cache.add(counter, 1, timeout=120):
            used = 1
        else:  # another request created it in between
            try:
                used = cache.incr(counter)
            except ValueError:  # and it expired already
                cache.set(counter, 1, timeout=120)
                used = 1
    if used > key.rate_limit_per_minute:
        retry_after = max(1, int((window + 1) * 60 - now + 0.999))
        raise ApiError(
            429,
            "rate_limited",
            _("Too many requests for this API key: at most %(n)d a minute. Try again later.")
            % {"n": key.rate_limit_per_minute},
            retry_after=retry_after,
        )


class ApiKeyAuth(APIKeyHeader):
    """Ninja auth: ``X-API-Key`` (documented in OpenAPI) or ``Authorization: Bearer``."""

    param_name = HEADER

    def _get_key(self, request: HttpRequest) -> str | None:
        return raw_key_from(request) or None

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        if not key:
            raise ApiError(
                401,
                "missing_api_key",
                _(
                    "An API key is required: send it in the X-API-Key header "
                    "(or Authorization: Bearer)."
                ),
            )
        found = ApiKey.objects.select_related("partner", "user").filter(key_hash=hash_key(key))
        api_key = found.first()
        if api_key is None:
            raise ApiError(401, "invalid_api_key", _("This API key is not valid."))
        if api_key.revoked_at is not None:
            raise ApiError(401, "revoked_api_key", _("This API key has been revoked."))
        if not api_key.partner.is_active:
            raise ApiError(
                401, "inactive_partner", _("The partner application of this key is disabled.")
            )
        check_rate_limit(api_key)
        now = timezone.now()
        if api_key.last_used_at is None or now - api_key.last_used_at > LAST_USED_RESOLUTION:
            ApiKey.objects.filter(pk=api_key.pk).update(last_used_at=now)
            api_key.last_used_at = now
        return api_key


api_key_auth = ApiKeyAuth()


def request_key(request: HttpRequest) -> ApiKey:
    key = getattr(request, "auth", None)
    if not isinstance(key, ApiKey):
        raise ApiError(401, "missing_api_key", _("An API key is required."))
    return key


def require_scope(request: HttpRequest, scope: str) -> None:
    """403 unless the request's key has ``scope``."""
    key = request_key(request)
    if not key.has_scope(scope):
        raise ApiError(
            403,
            "missing_scope",
            _("This API key does not have the “%(scope)s” scope.") % {"scope": scope},
        )


def staff_user(request: HttpRequest) -> Any:
    """The user a staff key acts as (scope ``staff`` and an active user, else 403)."""
    require_scope(request, "staff")
    user = request_key(request).user
    if user is None or not user.is_active:
        raise ApiError(
            403, "no_staff_user", _("This staff API key is not linked to an active user.")
        )
    return user
