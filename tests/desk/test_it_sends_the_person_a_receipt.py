"""The person hears about a desk filing like any reporter: the outbox's ``submitted`` message,
sent by the real worker to a real SMTP server, with the tracking number and never the PIN or
a name; a person without an e-mail address is not written to."""

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
        "/en" + DESK_URL, desk_post(channel="phone", consent="spoken_phone", privacy="anonymous")
    )
    report = Report.objects.get()
    pin = re.search(r'id="pin">(\d{6})<', client.get(response["Location"]).content.decode())[1]

    run_worker()

    assert len(smtp.sink.messages) == 1
    message = smtp.sink.messages[0]
    assert message["X-RcptTo"] == PERSON_EMAIL
    body = message.get_content()
    assert report.tracking_id in body
    assert "An officer filed it for you on the telephone, with your consent." in body
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
