"""A desk officer files a report for a person who walked in or telephoned: the person's
identity and consent are recorded, the channel is recorded, the officer is the submitted
event's actor (not the reporter), and the person gets a receipt with one tracking ID and PIN."""

from __future__ import annotations

import re

import pytest

from lapor.notifications.models import Notification
from lapor.reports import access
from lapor.reports.models import (
    Attachment,
    IdentityAccessLog,
    Report,
    ReporterIdentity,
    ReportEvent,
)
from lapor.reports.tracking import pin_matches
from tests.desk.conftest import DESK_URL, PERSON, PERSON_EMAIL, desk_post, login
from tests.helpers import jpeg_with_gps, pdf_file


def receipt_pin(html: str) -> str:
    found = re.search(r'id="pin">(\d{6})<', html)
    assert found, "the receipt shows no PIN"
    return found.group(1)


@pytest.mark.parametrize(
    ("channel", "consent", "desk_code"),
    [("desk", "signed_form", "walk_in"), ("phone", "spoken_phone", "phone")],
    ids=["walk-in", "phone"],
)
def test_it_files_on_behalf_with_identity_consent_and_channel(cast, channel, consent, desk_code):
    client = login(cast.officer_a)
    page = client.get(DESK_URL)
    assert page.status_code == 200
    assert b'name="consent"' in page.content and b'name="channel"' in page.content

    files = [jpeg_with_gps("ktp-scan.jpg"), pdf_file("surat-keterangan.pdf")]
    response = client.post(DESK_URL, desk_post(channel=channel, consent=consent, attachments=files))
    assert response.status_code == 302, response.content.decode()[:2000]
    report = Report.objects.get()
    assert response["Location"].endswith(f"/konsol/loket/tanda-terima/{report.tracking_id}/")

    assert report.channel == channel
    # The officer is not the reporter: no reporter's rights come from filing.
    assert report.reporter_user_id is None
    identity = ReporterIdentity.objects.get(report=report)
    assert identity.full_name == PERSON
    assert identity.email == PERSON_EMAIL
    assert identity.phone == "+6285643210987"
    assert identity.user_id is None
    assert identity.consent == consent
    assert identity.consent_note == "Formulir 12/2026"
    assert identity.consent_recorded_at is not None

    event = ReportEvent.objects.get(report=report)
    assert event.kind == ReportEvent.Kind.SUBMITTED
    assert event.actor_id == cast.officer_a.pk
    assert event.data == {"on_behalf": True, "desk": desk_code, "consent": consent}
    assert Attachment.objects.filter(report=report, event=event).count() == 2

    receipt = client.get(response["Location"])
    assert receipt.status_code == 200
    html = receipt.content.decode()
    assert report.tracking_id in html
    pin = receipt_pin(html)
    assert pin_matches(report.tracking_id, pin, report.pin_hash)
    # The receipt names no one: it is handed over, printed, or read out.
    assert PERSON not in html and PERSON_EMAIL not in html

    # The person's own receipt goes through the outbox like any other report's.
    row = Notification.objects.get(report=report, recipient_kind="reporter")
    assert row.event_id == event.pk and row.status == Notification.Status.PENDING


def test_the_person_follows_the_report_with_the_tracking_id_and_pin(cast, client):
    officer = login(cast.officer_a)
    response = officer.post(DESK_URL, desk_post())
    report = Report.objects.get()
    pin = receipt_pin(officer.get(response["Location"]).content.decode())

    # "No wrong door": the same tracking page as for a web report.
    unlocked = client.post("/lacak/", {"tracking_id": report.tracking_id, "pin": pin})
    assert unlocked.status_code == 302
    page = client.get(unlocked["Location"])
    assert page.status_code == 200
    assert report.title_original.encode() in page.content


def test_a_walk_in_person_without_phone_or_e_mail_gets_the_printed_receipt(cast):
    client = login(cast.agency_admin)
    response = client.post(DESK_URL, desk_post(phone="", email=""))
    assert response.status_code == 302
    identity = ReporterIdentity.objects.get()
    assert (identity.phone, identity.email) == ("", "")
    page = client.get("/en" + response["Location"]).content.decode()
    assert "No e-mail address was given" in page
    assert Notification.objects.filter(recipient_kind="reporter").count() == 1  # cancelled later


def test_the_console_shows_the_desk_and_the_consent(cast):
    client = login(cast.national_admin)
    client.post(DESK_URL, desk_post(channel="phone", consent="spoken_phone"))
    report = Report.objects.get()
    page = client.get(f"/en/konsol/laporan/{report.tracking_id}/").content.decode()
    assert "Telephone desk" in page
    assert "Filed on the person&#x27;s behalf at the telephone desk" in page
    assert "Given aloud on the telephone" in page  # the consent, with the identity


def test_an_anonymous_person_stays_hidden_from_the_officer_who_filed(cast):
    """The officer typed the identity; afterwards the ordinary rule applies to them: an
    anonymous reporter is seen by national admins only (docs/channels.md)."""
    client = login(cast.agency_admin)
    response = client.post(DESK_URL, desk_post(privacy="anonymous"))
    report = Report.objects.get()
    assert report.identity_hidden
    receipt = client.get(response["Location"]).content.decode()
    case = client.get(f"/konsol/laporan/{report.tracking_id}/").content.decode()
    for html in (receipt, case):
        assert PERSON not in html and PERSON_EMAIL not in html and "4321" not in html
    assert access.reporter_identity(report, actor=cast.agency_admin, purpose="test") is None
    assert IdentityAccessLog.objects.filter(actor=cast.agency_admin, granted=True).count() == 0


def test_a_double_submit_files_once(cast):
    client = login(cast.officer_a)
    data = desk_post()
    first = client.post(DESK_URL, data)
    second = client.post(DESK_URL, data)
    assert Report.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_handing_over_forgets_the_pin(cast):
    client = login(cast.officer_a)
    response = client.post(DESK_URL, desk_post())
    report = Report.objects.get()
    assert 'id="pin"' in client.get(response["Location"]).content.decode()
    done = client.post(f"/konsol/loket/tanda-terima/{report.tracking_id}/selesai/")
    assert done.status_code == 302 and done["Location"].endswith(DESK_URL)
    again = client.get(response["Location"]).content.decode()
    assert 'id="pin"' not in again
    assert report.tracking_id in again


def test_messages_go_in_the_person_s_language_not_the_console_s(cast):
    client = login(cast.officer_a)
    client.post("/en" + DESK_URL, desk_post())
    assert Report.objects.get().language == "id"
    client.post("/en" + DESK_URL, desk_post(person_language="en"))
    assert Report.objects.order_by("pk").last().language == "en"
    bad = client.post("/en" + DESK_URL, desk_post(person_language="jv"))
    assert b'href="#field-person_language"' in bad.content
    assert Report.objects.count() == 2


def test_an_emergency_is_flagged_once_then_filed(cast):
    client = login(cast.officer_a)
    data = desk_post(title="Ada kebakaran di pasar, api sudah besar")
    first = client.post("/en" + DESK_URL, data)
    assert first.status_code == 200
    html = first.content.decode()
    assert 'id="emergency-notice"' in html and "112" in html
    assert 'name="emergency_ack" value="1"' in html
    assert Report.objects.count() == 0
    second = client.post(DESK_URL, {**data, "emergency_ack": "1"})
    assert second.status_code == 302
    assert Report.objects.get().emergency_suspected
