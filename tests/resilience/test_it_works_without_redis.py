"""Redis down (our own redis-server, stopped for real): the site keeps working on the
database cache — API calls with their rate limit, the PIN check, the statistics, Open311 and
API filings with a same-PIN retry — and when no cache at all answers, 503 with Retry-After in
the channel's format, never 500 (issue 11.3)."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from lapor.reports.models import Report
from tests.conftest import report_post_data
from tests.open311.test_it_accepts_service_requests import body as open311_body

pytestmark = pytest.mark.django_db


@pytest.fixture
def web() -> Client:
    # See the answer a person would get, not the exception.
    return Client(raise_request_exception=False)


def _api_report(web: Client, key: str, idempotency: str):
    from tests.api.test_it_takes_and_tracks_reports import payload

    return web.post(
        "/api/v1/reports",
        json.dumps(payload()),
        content_type="application/json",
        headers={"X-API-Key": key, "Idempotency-Key": idempotency},
    )


def test_the_cache_really_is_redis_until_it_stops(redis_cache):
    from django.core.cache import cache, caches

    cache.set("probe", 1)
    assert caches["fallback"].get("probe") is None  # written to Redis
    redis_cache.stop()
    cache.set("probe", 2)
    assert caches["fallback"].get("probe") == 2 and cache.get("probe") == 2


def test_authenticated_api_calls_keep_their_rate_limit(redis_cache, web, make_key, directory):
    key = make_key(["reports"], rate_limit=3)
    redis_cache.stop()
    answers = [web.get("/api/v1/key", headers={"X-API-Key": key}).status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]


def test_a_filing_and_its_retry_get_the_same_pin(redis_cache, web, make_key, directory):
    key = make_key(["reports"])
    redis_cache.stop()
    first = _api_report(web, key, "order-redis-1")
    again = _api_report(web, key, "order-redis-1")
    assert first.status_code == 201 and again.status_code == 200
    assert first.json()["pin"] and again.json()["pin"] == first.json()["pin"]
    assert Report.objects.count() == 1


def test_the_web_form_the_pin_check_and_the_statistics(redis_cache, web, directory):
    redis_cache.stop()
    filed = web.post("/lapor/", report_post_data())
    assert filed.status_code == 302
    receipt = web.get(filed["Location"]).content.decode()
    pin = receipt.split('id="pin">')[1].split("<")[0]
    report = Report.objects.get()
    visitor = Client(raise_request_exception=False)
    opened = visitor.post("/lacak/", {"tracking_id": report.tracking_id, "pin": pin})
    assert opened.status_code == 302
    for _ in range(10):
        visitor.post("/en/lacak/", {"tracking_id": report.tracking_id, "pin": "999999"})
    blocked = visitor.post("/en/lacak/", {"tracking_id": report.tracking_id, "pin": pin})
    assert "Too many wrong attempts" in blocked.content.decode()  # still counted
    assert web.get("/statistik/").status_code == 200


def test_open311_files_once(redis_cache, web, cast, questions, partner_key):
    redis_cache.stop()
    r = web.post("/open311/v2/requests.json", open311_body(partner_key))
    assert r.status_code == 200, r.content
    assert Report.objects.count() == 1


def test_without_any_cache_the_answer_is_503_with_retry_after(
    redis_cache, settings, web, make_key, directory
):
    # The fallback cache is broken too (its table is missing): nothing can count requests.
    settings.CACHES = {
        **settings.CACHES,
        "fallback": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "no_such_cache_table",
        },
    }
    key = make_key(["reports"])
    redis_cache.stop()
    api = web.get("/api/v1/key", headers={"X-API-Key": key})
    assert api.status_code == 503 and api["Retry-After"]
    assert api.json()["error"]["code"] == "unavailable"
    page = web.post("/en/lacak/", {"tracking_id": "123456789", "pin": "123456"})
    assert page.status_code == 503 and page["Retry-After"]
    text = page.content.decode()
    assert "briefly unavailable" in text
    # What was typed comes back in a form that sends it again.
    assert 'name="tracking_id" value="123456789"' in text and 'method="post"' in text
