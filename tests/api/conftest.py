from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client


@pytest.fixture
def make_key(db) -> Callable[..., str]:
    """``make_key(scopes=[...], user=None, rate_limit=120, partner_name=...)`` → the raw key."""
    from lapor.open311.models import ApiKey, PartnerApp

    def make(
        scopes: list[str] | None = None,
        *,
        user: Any = None,
        rate_limit: int = 120,
        partner_name: str = "LAKSA Kota Tangerang",
    ) -> str:
        partner, _ = PartnerApp.objects.get_or_create(name=partner_name)
        key = ApiKey(
            partner=partner,
            scopes=["reports"] if scopes is None else scopes,
            user=user,
            rate_limit_per_minute=rate_limit,
        )
        raw = key.set_new_key()
        key.save()
        return raw

    return make


@pytest.fixture
def api() -> Client:
    return Client()


def error_of(response: Any) -> dict[str, Any]:
    """The one error shape, checked: returns the inner ``error`` object."""
    assert response["Content-Type"].startswith("application/json"), response.content[:200]
    body = response.json()
    assert set(body) == {"error"}, body
    error = body["error"]
    assert isinstance(error["code"], str) and error["code"]
    assert isinstance(error["message"], str) and error["message"]
    assert set(error) <= {"code", "message", "fields"}
    return error
