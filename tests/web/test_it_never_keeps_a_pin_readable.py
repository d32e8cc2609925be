"""Issue 10.7: PINs are never stored in clear, and guessing them is slow without locking the
owner out. Each test performs the attack: read the session store and the cache as someone who
got the server's storage would, retry the API, guess PINs from several addresses."""

from __future__ import annotations

import json
import pickle
import re

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.test import Client

from lapor.reports import pin_guard
from lapor.reports.models import Report
from tests.api.conftest import make_key  # noqa: F401  (fixture re-export)
from tests.conftest import report_post_data
from tests.desk.conftest import DESK_URL, desk_post, login
from tests.web.test_it_tracks_a_report import asks_for_the_pin

pytestmark = pytest.mark.django_db

PIN_RE = re.compile(r'id="pin">(\d{6})<')


def _stored_text() -> str:
    """Everything the session store and the cache hold, decoded as far as the server can."""
    parts = []
    for session in Session.objects.all():
        parts.append(session.session_data)
        parts.append(json.dumps(session.get_decoded()))
    for raw in cache._cache.values():  # locmem: pickled values
        parts.append(repr(pickle.loads(raw)))  # noqa: S301 (our own cache)
    return "\n".join(parts)


def _file(client: Client, **overrides) -> tuple[Report, str]:
    response = client.post("/lapor/", report_post_data(**overrides))
    receipt = client.get(response["Location"]).content.decode()
    found = PIN_RE.search(receipt)
    assert found, "the receipt shows no PIN"
    return Report.objects.get(tracking_id=response["Location"].rstrip("/").split("/")[-1]), (
        found.group(1)
    )


def test_the_session_store_never_holds_a_readable_receipt_pin(client, directory):
    response = client.post("/lapor/", report_post_data())
    report = Report.objects.latest("pk")
    # Between the form and the receipt the PIN waits, sealed; the key is only in the browser.
    assert client.cookies["lapor_receipt_key"].value
    stored = _stored_text()
    receipt = client.get(response["Location"])
    pin = PIN_RE.search(receipt.content.decode()).group(1)
    assert pin not in stored
    assert pin not in _stored_text()
    assert receipt["Cache-Control"] == "no-store"
    # Shown once: the reload has no PIN, and the session no longer even holds it sealed.
    again = client.get(response["Location"]).content.decode()
    assert not PIN_RE.search(again)
    assert report.tracking_id not in json.dumps(
        Session.objects.get().get_decoded().get("receipt_pins", {})
    )


def test_a_stolen_receipt_without_the_browser_key_shows_no_pin(client, directory):
    response = client.post("/lapor/", report_post_data())
    # The filing wrote no session: the receipt travels in a signed cookie, its PIN sealed.
    assert "sessionid" not in client.cookies
    handed = client.cookies["lapor_receipt"].value
    assert not re.search(r"\d{6}", handed.split(":", 1)[0])
    thief = Client()
    thief.cookies["lapor_receipt"] = handed  # the receipt cookie, not the key
    page = thief.get(response["Location"])
    assert page.status_code == 200
    assert not PIN_RE.search(page.content.decode())
    # And after the receipt was opened, the session it made shows no PIN without the key.
    thief_of_session = Client()
    owner_page = client.get(response["Location"]).content.decode()
    assert PIN_RE.search(owner_page)
    thief_of_session.cookies["sessionid"] = client.cookies["sessionid"].value
    assert not PIN_RE.search(thief_of_session.get(response["Location"]).content.decode())


def test_a_forged_receipt_cookie_opens_nothing(client, directory):
    response = client.post("/lapor/", report_post_data())
    tampered = client.cookies["lapor_receipt"].value[:-2] + "xx"
    thief = Client()
    thief.cookies["lapor_receipt"] = tampered
    assert thief.get(response["Location"]).status_code == 404


def test_the_desk_receipt_pin_is_sealed_until_handed_over(cast, directory):
    client = login(cast.officer_a)
    response = client.post(DESK_URL, desk_post())
    assert response.status_code == 302, response.content[:500]
    receipt = client.get(response["Location"]).content.decode()
    pin = PIN_RE.search(receipt).group(1)
    assert pin not in _stored_text()
    # A reprint still has it (the print may have failed) ...
    assert pin in client.get(response["Location"]).content.decode()
    tracking_id = Report.objects.latest("pk").tracking_id
    client.post(f"/konsol/loket/tanda-terima/{tracking_id}/selesai/")
    # ... until the officer marks it handed over.
    assert not PIN_RE.search(client.get(response["Location"]).content.decode())


def _api_post(api, key: str, idempotency_key: str):
    from tests.api.test_it_takes_and_tracks_reports import payload

    return api.post(
        "/api/v1/reports",
        json.dumps(payload()),
        content_type="application/json",
        headers={"X-API-Key": key, "Idempotency-Key": idempotency_key},
    )


def test_an_idempotent_api_retry_gets_the_pin_the_cache_cannot_read(make_key, directory):  # noqa: F811
    key = make_key(["reports"])
    api = Client()
    first = _api_post(api, key, "order-7f3a-2291")
    assert first.status_code == 201
    pin = first.json()["pin"]
    stored = _stored_text()
    assert pin not in stored
    # Neither the Idempotency-Key nor the report's submission key is a cache key.
    assert "order-7f3a-2291" not in stored and "order-7f3a-2291" not in repr(list(cache._cache))
    retry = _api_post(api, key, "order-7f3a-2291")
    assert retry.status_code == 200
    assert retry.json()["pin"] == pin
    assert retry.json()["tracking_id"] == first.json()["tracking_id"]
    # Another partner using the same Idempotency-Key files its own report, and gets no PIN of
    # the first.
    other = _api_post(Client(), make_key(["reports"], partner_name="Other app"), "order-7f3a-2291")
    assert other.status_code == 201 and other.json()["tracking_id"] != first.json()["tracking_id"]


def test_a_retry_after_the_cache_forgot_gets_no_pin(make_key, directory):  # noqa: F811
    key = make_key(["reports"])
    api = Client()
    _api_post(api, key, "k-1")
    cache.clear()
    retry = _api_post(api, key, "k-1")
    assert retry.status_code == 200 and retry.json()["pin"] is None


# --- guessing --------------------------------------------------------------------------------


def _guess(client: Client, tracking_id: str, pin: str) -> str:
    return client.post("/en/lacak/", {"tracking_id": tracking_id, "pin": pin}).content.decode()


def test_guessing_gets_growing_delays_per_client(client, directory):
    report, pin = _file(client)
    other, _other_pin = _file(client)
    stranger = Client(REMOTE_ADDR="203.0.113.9")
    with time_machine.travel("2026-03-02 09:00:00+07:00", tick=False) as clock:
        for _ in range(pin_guard.FREE_FAILURES):
            assert "do not match" in _guess(stranger, report.tracking_id, "000000")
        # Now even the right PIN is refused unchecked: the client must wait.
        assert "Too many wrong attempts" in _guess(stranger, report.tracking_id, pin)
        # The client is slowed on every report, not only the one it guessed at.
        assert "Too many wrong attempts" in _guess(stranger, other.tracking_id, "123456")
        clock.shift(pin_guard.BASE_DELAY + 1)
        assert "do not match" in _guess(stranger, other.tracking_id, "123456")
        # One more failure doubles the wait.
        clock.shift(pin_guard.BASE_DELAY + 1)
        assert "Too many wrong attempts" in _guess(stranger, other.tracking_id, "123456")
        clock.shift(pin_guard.BASE_DELAY)
        assert "do not match" in _guess(stranger, other.tracking_id, "123456")
    assert pin_guard.delay_after(40) == pin_guard.MAX_DELAY


def test_guessing_from_many_addresses_is_slowed_per_report(client, directory):
    report, pin = _file(client)
    with time_machine.travel("2026-03-02 09:00:00+07:00", tick=False):
        for n in range(pin_guard.FREE_FAILURES):
            _guess(Client(REMOTE_ADDR=f"198.51.100.{n}"), report.tracking_id, "000000")
        fresh = Client(REMOTE_ADDR="198.51.100.200")
        assert "Too many wrong attempts" in _guess(fresh, report.tracking_id, pin)
        assert asks_for_the_pin(fresh.get(f"/lacak/{report.tracking_id}/"), report)


def test_a_stranger_guessing_does_not_lock_the_owner_out(directory):
    owner = Client(REMOTE_ADDR="10.1.1.1")
    report, pin = _file(owner)
    # The owner's session ends (logout, closed browser); the device cookie stays.
    owner.cookies.pop("sessionid")
    assert asks_for_the_pin(owner.get(f"/lacak/{report.tracking_id}/"), report)
    # A stranger on the same (carrier-shared) address, and others elsewhere, guess away.
    with time_machine.travel("2026-03-02 09:00:00+07:00", tick=False):
        for n in range(3 * pin_guard.FREE_FAILURES):
            _guess(
                Client(REMOTE_ADDR="10.1.1.1" if n % 2 else f"192.0.2.{n}"),
                report.tracking_id,
                "000000",
            )
        assert "Too many wrong attempts" in _guess(
            Client(REMOTE_ADDR="192.0.2.77"), report.tracking_id, pin
        )
        # The owner, from their own browser, still gets in with the PIN.
        response = owner.post("/en/lacak/", {"tracking_id": report.tracking_id, "pin": pin})
        assert response.status_code == 302
        assert owner.get(f"/lacak/{report.tracking_id}/").status_code == 200


def test_the_device_cookie_alone_opens_nothing_and_cannot_be_forged(client, directory):
    report, pin = _file(client)
    client.cookies.pop("sessionid")
    # The cookie only vouches for PIN tries; the report still needs the PIN.
    assert asks_for_the_pin(client.get(f"/lacak/{report.tracking_id}/"), report)
    forger = Client(REMOTE_ADDR="192.0.2.5")
    forger.cookies["lapor_device"] = "eyJkIjoiYWJjIiwiciI6W119:forged"
    for _ in range(pin_guard.FREE_FAILURES):
        _guess(forger, report.tracking_id, "000000")
    assert "Too many wrong attempts" in _guess(forger, report.tracking_id, pin)


def test_forget_this_report_on_this_device(client, directory):
    report, pin = _file(client)
    page = client.get(f"/en/lacak/{report.tracking_id}/").content.decode()
    assert "Forget this report on this device" in page
    forgotten = client.post(f"/en/lacak/{report.tracking_id}/lupakan/")
    assert forgotten.status_code == 200
    assert "forgotten" in forgotten.content.decode()
    assert asks_for_the_pin(client.get(f"/lacak/{report.tracking_id}/"), report)
    # The device no longer vouches for it: its tries share the report's bucket again.
    assert not any(
        k.endswith(report.tracking_id) for k in client.session.get("tracked_reports", [])
    )
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.COOKIES = {k: v.value for k, v in client.cookies.items()}
    assert not pin_guard.device_trusted(request, report.tracking_id)
    # With the tracking ID and PIN it opens again.
    assert (
        client.post("/lacak/", {"tracking_id": report.tracking_id, "pin": pin}).status_code == 302
    )
