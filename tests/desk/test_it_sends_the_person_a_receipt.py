"""The person hears about a desk filing like any reporter: the outbox's ``submitted`` message.
Walk-in: by e-mail, sent by the real worker to a real SMTP server, with the tracking number and
never the PIN or a name; a person without an e-mail address is not written to. Telephone desk:
by SMS to the number recorded (the PIN was read out on the call, so the SMS does not carry it),
and every later message by SMS too."""

from __future__ import annotations

import re

import pytest

from lapor.notifications.models import Notification
from lapor.reports.models import Report
from tests.desk.conftest import DESK_URL, PERSON, PERSON_EMAIL, desk_post, login, run_worker

# The worker closes database connections as a real one does: rows must really be committed.
pytestmark = pytest.mark.django_db(transaction=True)


def test_the_person_gets_the_receipt_by_e_mail(cast, smtp):
    smtp.start()
    client = login(cast.officer_a)
    response = client.post(
        "/en" + DESK_URL, desk_post(consent="spoken_in_person", privacy="anonymous")
    )
    report = Report.objects.get()
    pin = re.search(r'id="pin">(\d{6})<', client.get(response["Location"]).content.decode())[1]

    run_worker()

    assert len(smtp.sink.messages) == 1
    message = smtp.sink.messages[0]
    assert message["X-RcptTo"] == PERSON_EMAIL
    body = message.get_content()
    assert report.tracking_id in body
    # In the person's language (Indonesian by default), whatever the officer's screen shows.
    assert (
        "Seorang petugas mencatatnya untuk Anda di loket pengaduan, dengan persetujuan Anda."
        in (" ".join(body.split()))
    )
    assert pin not in body
    assert PERSON not in body and PERSON not in message["Subject"]
    # The officer's name is not in the person's e-mail either ("no names here, ever").
    assert cast.officer_a.full_name not in body
    assert Notification.objects.get(report=report).status == Notification.Status.SENT


def test_no_e_mail_address_means_no_e_mail(cast, smtp):
    smtp.start()
    login(cast.officer_a).post(DESK_URL, desk_post(email=""))
    run_worker()
    assert smtp.sink.messages == []
    assert Notification.objects.get().status != Notification.Status.SENT


def test_a_caller_gets_the_receipt_by_sms(cast, directory):
    from lapor.notifications.delivery import reporter_address
    from lapor.reports import case_actions as ca

    client = login(cast.officer_a)
    response = client.post(
        DESK_URL, desk_post(channel="phone", consent="spoken_phone", email="", privacy="anonymous")
    )
    report = Report.objects.get()
    pin = re.search(r'id="pin">(\d{6})<', client.get(response["Location"]).content.decode())[1]
    row = Notification.objects.get(report=report, recipient_kind="reporter")
    assert row.channel == Notification.ChannelName.SMS
    assert report.tracking_id in row.body and "melalui telepon" in row.body
    assert pin not in row.body and "{PIN}" not in row.body and PERSON not in row.body
    assert row.address == ""  # read at sending time only, through the logged access function
    assert reporter_address(row) == "+6285643210987"

    ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.agency_admin)
    later = (
        Notification.objects.filter(report=report, recipient_kind="reporter").order_by("pk").last()
    )
    assert later.event.kind == "disposed" and later.channel == Notification.ChannelName.SMS
