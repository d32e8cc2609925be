"""Issuing a key with scopes, a rate limit and a staff user in the Django admin."""

from __future__ import annotations

import re

import pytest

from lapor.accounts.models import User
from lapor.open311.models import ApiKey, PartnerApp
from tests.api.conftest import error_of


@pytest.fixture
def admin_client(client, directory):
    root = User.objects.create_superuser("root@example.id", "Rahasia-Kuat-2026")
    client.force_login(root)
    return client


def _issue(admin_client, **data):
    r = admin_client.post("/admin/open311/apikey/add/", data, follow=True)
    html = r.content.decode()
    shown = re.search(r"(?:API key is|Kunci API baru:?\S*) ([A-Za-z0-9_\-]{30,})", html)
    return r, shown.group(1) if shown else None


def test_a_staff_key_with_scopes_and_a_rate_limit(admin_client, api, cast):
    partner = PartnerApp.objects.create(name="Sambat Online Malang")
    r, raw = _issue(
        admin_client,
        partner=partner.pk,
        label="dasbor",
        scopes=["staff", "reports"],
        rate_limit_per_minute="30",
        user=cast.officer_a.pk,
    )
    assert raw, r.content.decode()[:2000]
    key = ApiKey.objects.get()
    assert sorted(key.scopes) == ["reports", "staff"] and key.rate_limit_per_minute == 30
    assert key.user == cast.officer_a
    info = api.get("/api/v1/key", headers={"X-API-Key": raw}).json()
    assert info["acts_as_staff_user"] is True and info["rate_limit_per_minute"] == 30


def test_the_staff_scope_without_a_user_is_refused(admin_client, cast):
    partner = PartnerApp.objects.create(name="Sambat Online Malang")
    r, raw = _issue(admin_client, partner=partner.pk, scopes=["staff"])
    assert raw is None and not ApiKey.objects.exists()
    assert "needs a user" in r.content.decode() or "memerlukan" in r.content.decode()


def test_a_key_of_a_deactivated_staff_user_gets_403(api, make_key, cast):
    raw = make_key(["staff"], user=cast.officer_a)
    User.objects.filter(pk=cast.officer_a.pk).update(is_active=False)
    r = api.get("/api/v1/staff/queues/all", headers={"X-API-Key": raw})
    assert r.status_code == 403 and error_of(r)["code"] == "no_staff_user"
