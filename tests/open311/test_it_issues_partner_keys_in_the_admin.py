"""Admins issue partner API keys (shown once, stored hashed) and edit service questions."""

from __future__ import annotations

import re

import pytest

from lapor.accounts.models import User
from lapor.open311.models import ApiKey, PartnerApp, ServiceAttribute, hash_key

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, directory):
    root = User.objects.create_superuser("root@example.id", "Rahasia-Kuat-2026")
    client.force_login(root)
    return client


def test_a_new_key_is_shown_once_and_stored_hashed(admin_client, questions):
    partner = PartnerApp.objects.create(name="Sambat Online Malang")
    r = admin_client.post(
        "/admin/open311/apikey/add/", {"partner": partner.pk, "label": "produksi"}, follow=True
    )
    assert r.status_code == 200
    html = r.content.decode()
    shown = re.search(r"(?:API key is|Kunci API baru:) ([A-Za-z0-9_\-]{30,})", html)
    assert shown, html[:2000]
    raw = shown.group(1)
    key = ApiKey.objects.get()
    assert key.key_hash == hash_key(raw) and raw not in (key.prefix, key.key_hash)
    assert key.prefix == raw[:8]
    # Shown once: the key's page and the list do not show it again.
    again = admin_client.get(f"/admin/open311/apikey/{key.pk}/change/").content.decode()
    assert raw not in again
    assert raw not in admin_client.get("/admin/open311/apikey/").content.decode()
    # And it works.
    post = admin_client.post(
        "/open311/v2/requests.json",
        {
            "api_key": raw,
            "service_code": "jalan-berlubang",
            "address_id": "34.04",
            "attribute[size]": "small",
            "description": "Lubang.",
        },
    )
    assert post.status_code == 200, post.content


def test_revoking_a_key_from_the_admin(admin_client, partner_key):
    key = ApiKey.objects.get()
    admin_client.post("/admin/open311/apikey/", {"action": "revoke", "_selected_action": [key.pk]})
    key.refresh_from_db()
    assert key.revoked_at is not None
    r = admin_client.post("/open311/v2/requests.json", {"api_key": partner_key})
    assert r.status_code == 403


def test_admins_edit_service_questions(admin_client, questions):
    assert admin_client.get("/admin/open311/serviceattribute/").status_code == 200
    assert admin_client.get("/admin/open311/partnerapp/add/").status_code == 200
    r = admin_client.post(
        "/admin/open311/serviceattribute/add/",
        {
            "category": questions.pk,
            "code": "lane",
            "variable": "on",
            "datatype": "string",
            "order": 6,
            "description": "Lajur mana?",
            "values": "[]",
            "datatype_description": "",
        },
    )
    assert r.status_code == 302, r.content.decode()[:3000]
    assert ServiceAttribute.objects.filter(code="lane").exists()
    data = admin_client.get("/open311/v2/services/jalan-berlubang.json").json()
    assert "lane" in [a["code"] for a in data["attributes"]]
