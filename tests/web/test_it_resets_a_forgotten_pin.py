"""A forgotten PIN is replaced through the phone or e-mail on file: a code goes there through
the outbox, works only in the browser that asked, a limited number of times, and gives a new
PIN (the old one stops working). The answer is the same whatever was typed. The receipt can be
sent to the reporter's own phone or e-mail — never with the PIN."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from lapor.notifications.models import Notification
from lapor.reports.models import Report
from tests.conftest import report_post_data

pytestmark = pytest.mark.django_db


def _file(client: Client) -> tuple[Report, str]:
    receipt = client.get(client.post("/lapor/", report_post_data())["Location"]).content.decode()
    return Report.objects.get(), receipt.split('id="pin">')[1].split("<")[0]


def _code() -> str:
    note = Notification.objects.filter(dedupe_key__startswith="pin-reset:").latest("pk")
    return re.search(r"\b(\d{6})\b", note.body).group(1)


@pytest.mark.parametrize(
    ("contact", "channel"), [("0812 3456 7890", "sms"), ("SITI@example.id", "email")]
)
def test_it_sends_a_code_to_the_contact_on_file(client, directory, contact, channel) -> None:
    report, old_pin = _file(client)
    person = Client()  # a new browser: only the number and the phone or e-mail
    response = person.post(
        "/lacak/pin-baru/", {"tracking_id": report.tracking_id, "contact": contact}
    )
    assert response["Location"] == "/lacak/pin-baru/kode/"
    note = Notification.objects.get(dedupe_key__startswith="pin-reset:")
    assert note.channel == channel and note.report == report
    assert note.address == ""  # the worker reads the address when it sends
    assert old_pin not in note.body

    # The code from the message in another browser opens nothing.
    stranger = Client()
    assert stranger.get("/lacak/pin-baru/kode/")["Location"] == "/lacak/pin-baru/"

    wrong = person.post(
        "/lacak/pin-baru/kode/", {"code": "000000" if _code() != "000000" else "111111"}
    )
    assert (
        "The code is not right" in wrong.content.decode()
        or "Kode tidak tepat" in wrong.content.decode()
    )
    receipt = person.post("/lacak/pin-baru/kode/", {"code": _code()})
    page = person.get(receipt["Location"]).content.decode()
    new_pin = page.split('id="pin">')[1].split("<")[0]
    assert re.fullmatch(r"\d{6}", new_pin) and new_pin != old_pin
    # The new PIN opens the report on any device; the old one no longer does.
    assert (
        Client().post("/lacak/", {"tracking_id": report.tracking_id, "pin": new_pin}).status_code
        == 302
    )
    assert (
        Client().post("/lacak/", {"tracking_id": report.tracking_id, "pin": old_pin}).status_code
        == 200
    )


def test_it_answers_alike_when_nothing_matches(client, directory) -> None:
    report, _pin = _file(client)
    for data in (
        {"tracking_id": report.tracking_id, "contact": "0899 0000 1111"},
        {"tracking_id": "123456789", "contact": "0812 3456 7890"},
    ):
        person = Client()
        assert person.post("/lacak/pin-baru/", data)["Location"] == "/lacak/pin-baru/kode/"
        # No code can open anything.
        for _ in range(5):
            person.post("/lacak/pin-baru/kode/", {"code": "123456"})
        page = person.post("/lacak/pin-baru/kode/", {"code": "123456"}).content.decode()
        assert "no longer valid" in page or "tidak berlaku lagi" in page
    assert not Notification.objects.filter(dedupe_key__startswith="pin-reset:").exists()


def test_it_limits_requests(client, directory) -> None:
    report, _pin = _file(client)
    person = Client()
    for _ in range(3):
        person.post(
            "/lacak/pin-baru/", {"tracking_id": report.tracking_id, "contact": "0812 3456 7890"}
        )
    page = person.post(
        "/en/lacak/pin-baru/", {"tracking_id": report.tracking_id, "contact": "0812 3456 7890"}
    ).content.decode()
    assert "Too many requests for a new PIN" in page
    assert Notification.objects.filter(dedupe_key__startswith="pin-reset:").count() == 3


def test_it_sends_the_receipt_without_the_pin(client, directory) -> None:
    report, pin = _file(client)
    url = f"/en/lapor/terkirim/{report.tracking_id}/"
    response = client.post(url, {"channel": "sms"})
    assert response["Location"] == f"{url}?terkirim=sms#sent"
    note = Notification.objects.get(dedupe_key__startswith="receipt:")
    assert note.channel == "sms" and report.tracking_id in note.body and pin not in note.body
    assert "We are sending the tracking number" in client.get(response["Location"]).content.decode()
    # Only the reporter's own session can ask.
    assert Client().post(url, {"channel": "email"}).status_code == 404
