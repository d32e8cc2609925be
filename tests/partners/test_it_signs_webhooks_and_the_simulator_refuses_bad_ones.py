"""Signatures: the simulator (a partner's receiver) refuses a wrong HMAC, a tampered body, a
missing header and a replay outside the tolerance with 401, a payload that is not an event
with 400; our sender treats such answers as failed attempts and loses nothing."""

import datetime as dt
import json
import time
import urllib.error
import urllib.request
import uuid

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from lapor.partners import actions, signing
from lapor.partners.simulator import PartnerSimulator
from lapor.partners.webhooks import MAX_ATTEMPTS, body_of
from tests.partners.conftest import deliveries, dispose, pushed, run_worker

SECRET = "whsec_test-secret"


def send(sim, body, *, secret=SECRET, timestamp=None, event_id=None, signature=None):
    event_id = event_id or json.loads(body).get("id", "")
    headers = {
        "Content-Type": "application/json",
        signing.EVENT_ID_HEADER: event_id,
        signing.EVENT_TYPE_HEADER: "report.follow_up",
    }
    if signature is None:
        signature = signing.header([secret], body, timestamp)
    if signature:
        headers[signing.SIGNATURE_HEADER] = signature
    request = urllib.request.Request(sim.url, data=body, method="POST", headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


@pytest.fixture
def sim():
    s = PartnerSimulator(SECRET).start()
    yield s
    s.stop()


def event(**extra):
    return body_of({"id": str(uuid.uuid4()), "type": "report.follow_up", **extra})


def test_a_correct_signature_is_accepted_once(sim):
    body = event()
    assert send(sim, body) == (200, {"status": "accepted"})
    assert send(sim, body) == (200, {"status": "duplicate"})
    assert len(sim.accepted) == 1


def test_a_wrong_secret_is_refused(sim):
    assert send(sim, event(), secret="whsec_someone-else") == (401, {"status": "bad_signature"})
    assert sim.accepted == []


def test_a_tampered_body_is_refused(sim):
    body = event(message="Selesai")
    signature = signing.header([SECRET], body)
    tampered = body.replace(b"Selesai", b"Ditolak")
    assert send(sim, tampered, signature=signature)[0] == 401
    assert sim.accepted == []


def test_a_missing_or_malformed_header_is_refused(sim):
    assert send(sim, event(), signature="")[0] == 401
    assert send(sim, event(), signature="v1=abc")[0] == 401
    assert send(sim, event(), signature="t=notanumber,v1=abc")[0] == 401


def test_a_replay_outside_the_tolerance_is_refused(sim):
    body = event()
    old = int(time.time()) - signing.TOLERANCE - 5
    assert send(sim, body, timestamp=old) == (401, {"status": "bad_signature"})
    future = int(time.time()) + signing.TOLERANCE + 5
    assert send(sim, body, timestamp=future)[0] == 401
    # Inside the tolerance the same body is fine.
    assert send(sim, body, timestamp=int(time.time()) - 60)[0] == 200


def test_a_signed_body_that_is_not_an_event_is_refused(sim):
    assert send(sim, b"not json", event_id="x")[0] == 400
    assert send(sim, b"[1, 2]", event_id="x")[0] == 400
    body = event()
    assert send(sim, body, event_id=str(uuid.uuid4()))[0] == 400  # header and body disagree
    assert sim.accepted == []


def test_verify_accepts_any_valid_secret_during_a_rotation():
    body = b'{"id":"1"}'
    header = signing.header(["whsec_new", "whsec_old"], body)
    assert signing.verify("whsec_old", header, body)
    assert signing.verify("whsec_new", header, body)
    with pytest.raises(signing.SignatureError):
        signing.verify("whsec_other", header, body)


@pytest.mark.django_db(transaction=True)
def test_our_sender_retries_a_401_and_delivers_once_the_secret_is_right(
    cast, directory, partner, simulator
):
    right = simulator.secret
    simulator.secret = "whsec_what-the-partner-typed-wrongly"
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        report = pushed(partner)
        dispose(report, cast, directory)
        run_worker()
    (row,) = deliveries(report)
    row.refresh_from_db()
    assert (row.status, row.last_status_code, row.last_error) == ("pending", 401, "HTTP 401")
    assert simulator.accepted == []
    simulator.secret = right  # the partner fixed its configuration
    with time_machine.travel(start + dt.timedelta(seconds=31), tick=False):
        run_worker()
    row.refresh_from_db()
    assert row.status == "delivered"
    assert simulator.accepted_ids() == [str(row.event_uuid)]


@pytest.mark.django_db(transaction=True)
def test_after_the_last_attempt_it_fails_and_can_be_sent_again(
    cast, directory, partner, simulator, settings
):
    simulator.fail_next = MAX_ATTEMPTS
    start = timezone.now()
    moment = start
    with time_machine.travel(start, tick=False):
        report = pushed(partner)
        dispose(report, cast, directory)
    (row,) = deliveries(report)
    for _attempt in range(MAX_ATTEMPTS):
        with time_machine.travel(moment, tick=False):
            run_worker()
        row.refresh_from_db()
        moment = (row.next_attempt_at or moment) + dt.timedelta(seconds=1)
    assert (row.status, row.attempts, row.last_status_code) == ("failed", MAX_ATTEMPTS, 500)
    assert row.log.count() == MAX_ATTEMPTS
    assert simulator.accepted == []
    with time_machine.travel(moment, tick=False):
        call_command("resend_webhooks", "--partner", str(partner.app.pk))
        run_worker()
    row.refresh_from_db()
    assert (row.status, row.attempts) == ("delivered", 1)
    assert simulator.accepted_ids() == [str(row.event_uuid)]


@pytest.mark.django_db(transaction=True)
def test_after_a_rotation_the_old_secret_still_verifies_for_a_while(
    cast, directory, partner, simulator
):
    old = partner.secret
    new = actions.integration_rotate_secret(integration=partner.integration)
    assert new != old and new.startswith("whsec_")
    simulator.secret = old  # the partner has not switched yet
    report = pushed(partner)
    dispose(report, cast, directory)
    run_worker()
    (row,) = deliveries(report)
    row.refresh_from_db()
    assert row.status == "delivered"
    simulator.secret = new
    from lapor.reports import case_actions as ca

    ca.report_follow_up(report=report, message="Sudah diperbaiki.", actor=cast.officer_a)
    run_worker()
    assert len(simulator.accepted) == 2
