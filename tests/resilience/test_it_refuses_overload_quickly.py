"""Overload is refused, not queued (issue 11.5): with every write slot of the process taken,
the next filing gets 503 + Retry-After at once — the web form on a page that keeps all the
person typed and sends it again with one button, the API in its error shape — and a write
whose client has most likely gone (it waited past CLIENT_GONE_SECONDS in front of us) is
filed only when it carries an idempotency key."""

from __future__ import annotations

import json
import threading
import time

import pytest
from django.db import connection
from django.test import Client

from lapor.reports import actions
from lapor.reports.models import Report
from tests.conftest import report_post_data

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def one_slot(settings):  # type: ignore[no-untyped-def]
    settings.WRITE_CONCURRENCY = 1
    settings.WRITE_QUEUE_SECONDS = 0.3


@pytest.fixture
def held(monkeypatch, one_slot):  # type: ignore[no-untyped-def]
    """A filing that holds the only slot until released."""
    entered, release = threading.Event(), threading.Event()
    real = actions.report_submit

    def slow(**kw):  # type: ignore[no-untyped-def]
        entered.set()
        release.wait(30)
        return real(**kw)

    monkeypatch.setattr(actions, "report_submit", slow)
    first: list[int] = []

    def file_one() -> None:
        try:
            first.append(Client().post("/lapor/", report_post_data()).status_code)
        finally:
            connection.close()

    thread = threading.Thread(target=file_one)
    thread.start()
    assert entered.wait(30)
    yield first
    release.set()
    thread.join(30)
    monkeypatch.setattr(actions, "report_submit", real)
    assert first == [302]  # the filing that held the slot went through


def test_the_web_form_gets_a_quick_503_that_keeps_the_text(directory, held):
    data = report_post_data(title="Lampu jalan mati di Jalan Kaliurang km 5")
    started = time.monotonic()
    r = Client(raise_request_exception=False).post("/lapor/", data)
    assert time.monotonic() - started < 5
    assert r.status_code == 503 and r["Retry-After"]
    page = r.content.decode()
    assert "Lampu jalan mati di Jalan Kaliurang km 5" in page
    assert f'name="submission_key" value="{data["submission_key"]}"' in page
    assert 'action="/lapor/"' in page and 'method="post"' in page


def test_the_api_gets_a_quick_503_in_its_shape(directory, held, make_key):
    from tests.api.test_it_takes_and_tracks_reports import payload

    r = Client(raise_request_exception=False).post(
        "/api/v1/reports",
        json.dumps(payload()),
        content_type="application/json",
        headers={"X-API-Key": make_key(["reports"])},
    )
    assert r.status_code == 503 and r["Retry-After"]
    assert r.json()["error"]["code"] == "busy"


def test_a_write_whose_client_is_gone_is_filed_only_with_a_key(directory, make_key, settings):
    from tests.api.test_it_takes_and_tracks_reports import payload

    key = make_key(["reports"])
    long_ago = f"t={time.time() - 120:.3f}"
    client = Client(raise_request_exception=False)
    without = client.post(
        "/api/v1/reports",
        json.dumps(payload()),
        content_type="application/json",
        headers={"X-API-Key": key, "X-Request-Start": long_ago},
    )
    assert without.status_code == 503 and Report.objects.count() == 0
    with_key = client.post(
        "/api/v1/reports",
        json.dumps(payload()),
        content_type="application/json",
        headers={"X-API-Key": key, "X-Request-Start": long_ago, "Idempotency-Key": "o-1"},
    )
    assert with_key.status_code == 201 and Report.objects.count() == 1
    # A web form always carries its submission key.
    web = client.post("/lapor/", report_post_data(), headers={"X-Request-Start": long_ago})
    assert web.status_code == 302 and Report.objects.count() == 2
