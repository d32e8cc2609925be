"""API keys: header or bearer, wrong/revoked/disabled keys, scopes, the per-key rate limit."""

from __future__ import annotations

import datetime as dt

import time_machine
from django.utils import timezone

from lapor.open311.models import ApiKey, PartnerApp
from tests.api.conftest import error_of

URL = "/api/v1/key"


def test_a_key_in_the_header_or_as_a_bearer_token_is_accepted(api, make_key):
    raw = make_key(["reports", "partner"])
    for headers in ({"X-API-Key": raw}, {"Authorization": f"Bearer {raw}"}):
        r = api.get(URL, headers=headers)
        assert r.status_code == 200, r.content
        assert r.json()["scopes"] == ["reports", "partner"]
        assert r.json()["partner"] == "LAKSA Kota Tangerang"
    assert ApiKey.objects.get().last_used_at is not None


def test_no_key_a_wrong_key_and_a_revoked_key_get_401_in_the_error_shape(api, make_key):
    raw = make_key()
    assert error_of(api.get(URL))["code"] == "missing_api_key"
    r = api.get(URL, headers={"X-API-Key": raw + "x"})
    assert r.status_code == 401
    assert error_of(r)["code"] == "invalid_api_key"
    r = api.get(URL, headers={"Authorization": "Basic abc"})
    assert error_of(r)["code"] == "missing_api_key"
    ApiKey.objects.update(revoked_at=timezone.now())
    r = api.get(URL, headers={"X-API-Key": raw})
    assert r.status_code == 401
    assert error_of(r)["code"] == "revoked_api_key"


def test_a_disabled_partner_key_gets_401(api, make_key):
    raw = make_key()
    PartnerApp.objects.update(is_active=False)
    r = api.get(URL, headers={"X-API-Key": raw})
    assert r.status_code == 401
    assert error_of(r)["code"] == "inactive_partner"


def test_messages_are_indonesian_by_default_and_english_on_request(api):
    r = api.get(URL)
    assert r["Content-Language"] == "id"
    r = api.get(URL, headers={"Accept-Language": "en-GB,en;q=0.9"})
    assert r["Content-Language"] == "en"
    assert "Accept-Language" in r["Vary"]
    assert "API key is required" in error_of(r)["message"]


def test_past_the_rate_limit_a_key_gets_429_with_retry_after_then_recovers(api, make_key):
    raw = make_key(rate_limit=3)
    start = dt.datetime(2026, 3, 2, 9, 0, 10, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False) as clock:
        for _ in range(3):
            assert api.get(URL, headers={"X-API-Key": raw}).status_code == 200
        r = api.get(URL, headers={"X-API-Key": raw})
        assert r.status_code == 429
        assert error_of(r)["code"] == "rate_limited"
        assert r["Retry-After"] == "50"
        # Another key of the same partner has its own budget.
        assert api.get(URL, headers={"X-API-Key": make_key()}).status_code == 200
        clock.shift(dt.timedelta(seconds=51))
        assert api.get(URL, headers={"X-API-Key": raw}).status_code == 200


def test_unknown_paths_and_methods_answer_in_the_error_shape(api):
    r = api.get("/api/v1/no-such-thing")
    assert r.status_code == 404
    assert error_of(r)["code"] == "not_found"
    r = api.delete(URL)
    assert r.status_code == 405
    assert error_of(r)["code"] == "method_not_allowed"
    assert "GET" in r["Allow"]


def test_the_openapi_document_and_the_docs_are_served(api):
    r = api.get("/api/v1/openapi.json")
    assert r.status_code == 200
    doc = r.json()
    assert doc["openapi"].startswith("3.")
    assert "/api/v1/key" in doc["paths"]
    docs = api.get("/api/v1/docs")
    assert docs.status_code == 200
    # Served from our own static files (no CDN), and those files exist.
    html = docs.content.decode()
    assert "cdn." not in html and "/static/ninja/swagger-ui-bundle.js" in html
    assert api.get("/static/ninja/swagger-ui-bundle.js").status_code == 200


def test_open311_needs_the_open311_scope(api, make_key, directory):
    raw = make_key(["reports"])
    r = api.post("/open311/v2/requests.json", {"api_key": raw, "service_code": "x"})
    assert r.status_code == 403
    assert "open311" in r.json()[0]["description"]
    raw = make_key(["open311"])
    r = api.post("/open311/v2/requests.json", {"api_key": raw, "service_code": "no-such"})
    assert r.status_code == 404  # past the key check


def test_existing_keys_get_the_open311_scope_from_the_data_migration(transactional_db):
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    before = [("open311", "0001_initial")]
    executor.migrate(before)
    old_apps = executor.loader.project_state(before).apps
    OldPartner = old_apps.get_model("open311", "PartnerApp")
    OldKey = old_apps.get_model("open311", "ApiKey")
    partner = OldPartner.objects.create(name="Lama")
    OldKey.objects.create(partner=partner, prefix="abcdefgh", key_hash="0" * 64)
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    key = ApiKey.objects.get(prefix="abcdefgh")
    assert key.scopes == ["open311"]
    assert key.rate_limit_per_minute > 0 and key.user is None


def test_a_body_too_large_gets_413_in_the_error_shape_and_nothing_is_read(api, make_key):
    from django.conf import settings

    from lapor.api.urls import MAX_BODY_BYTES

    raw = make_key()
    for size in (MAX_BODY_BYTES + 1, settings.REQUEST_MAX_BYTES + 1):
        r = api.generic(
            "POST",
            "/api/v1/reports",
            b"x",
            content_type="application/json",
            headers={"X-API-Key": raw},
            CONTENT_LENGTH=str(size),
        )
        assert r.status_code == 413
        assert error_of(r)["code"] == "payload_too_large"
    # Follow-ups may carry evidence files, up to what Django reads into memory.
    url = "/api/v1/staff/reports/123/follow-ups"
    for size, status in (
        (MAX_BODY_BYTES + 1, 401),
        (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1, 413),
    ):
        r = api.generic(
            "POST", url, b"x", content_type="application/json", CONTENT_LENGTH=str(size)
        )
        assert r.status_code == status
