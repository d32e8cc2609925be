"""Outgoing SMS through the real Kannel: waits while the gateway is down and goes out once it
is back, exactly once; long texts arrive as correctly concatenated parts (GSM-7 and UCS-2);
a refusal by the gateway fails the row at once; bad input by SMS gets an answer by SMS."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from lapor.notifications.delivery import deliver
from lapor.notifications.models import Notification
from lapor.reports.models import Report
from lapor.sms import gsm
from lapor.sms.models import InboundSms
from tests.sms.conftest import PHONE, pause, sms
from tests.sms.kannel import Kannel
from tests.sms.test_it_runs_through_kannel import wait_for

pytestmark = [pytest.mark.kannel, pytest.mark.django_db(transaction=True)]


def _make_due(notification: Notification) -> None:
    Notification.objects.filter(pk=notification.pk).update(
        next_attempt_at=timezone.now() - dt.timedelta(seconds=1)
    )


def test_gateway_down_the_answer_waits_and_goes_out_once_it_is_back(
    kannel: Kannel, run_outbox, directory
):
    sms("INFO")
    answer = Notification.objects.get(channel="sms")
    kannel.stop_smsbox()

    assert run_outbox() == 0
    answer.refresh_from_db()
    assert answer.status == "pending" and answer.attempts == 1
    assert "unreachable" in answer.last_error
    assert answer.next_attempt_at > timezone.now()  # back-off, not hammering
    assert run_outbox() == 0  # not due yet
    assert kannel.received() == []

    _make_due(answer)
    assert run_outbox() == 0  # still down: a second failed attempt
    answer.refresh_from_db()
    assert answer.status == "pending" and answer.attempts == 2

    kannel.start_smsbox()
    _make_due(answer)
    assert run_outbox() == 1
    got = kannel.wait_received(1)
    assert "LAPOR" in got[0].text and got[0].receiver == PHONE
    answer.refresh_from_db()
    assert answer.status == "sent" and answer.attempts == 3

    # A duplicated task or a second worker changes nothing: still one SMS.
    assert deliver(answer.pk) == "skipped"
    _make_due(answer)
    assert run_outbox() == 0
    wait_for(lambda: Notification.objects.filter(pk=answer.pk, status="sent").exists())
    pause(1)
    assert len(kannel.received()) == 1


@pytest.mark.parametrize(
    ("text", "coding"),
    [
        ("Jalan di depan SD sudah kami tambal, trotoar diperbaiki minggu depan. " * 6, "gsm7"),
        ("Perbaikan jalan selesai — terima kasih 🙏 atas laporannya. " * 4, "ucs2"),
    ],
)
def test_long_texts_arrive_in_correct_parts(kannel: Kannel, run_outbox, directory, text, coding):
    from lapor.notifications.delivery import enqueue_send

    body = gsm.fit(text, 4)
    assert gsm.units(body)[0] == coding
    expected_parts = gsm.part_count(body)
    assert expected_parts > 1
    notification = Notification.objects.create(
        recipient_kind=Notification.RecipientKind.STAFF,
        channel=Notification.ChannelName.SMS,
        address=PHONE,
        subject="test",
        body=body,
        dedupe_key=f"test:parts:{coding}",
        next_attempt_at=timezone.now(),
    )
    enqueue_send(notification.pk)
    assert run_outbox() == 1
    got = kannel.wait_received(1)
    assert len(got) == 1
    message = got[0]
    assert message.parts == message.total == expected_parts
    assert message.ucs2 == (coding == "ucs2")
    if coding == "ucs2":
        assert message.text == body
    else:
        assert message.text.replace("\x00", "").strip() == body.strip()


def test_a_refusal_by_the_gateway_fails_at_once(kannel: Kannel, run_outbox, directory, settings):
    settings.SMS_SENDSMS_PASSWORD = "wrong-password"
    sms("BANTUAN")
    assert run_outbox() == 0
    answer = Notification.objects.get(channel="sms")
    assert answer.status == "failed" and answer.attempts == 1
    assert "refused (403)" in answer.last_error and "wrong-password" not in answer.last_error


def test_bad_input_by_sms_gets_a_clear_answer_and_nothing_is_lost(
    kannel: Kannel, run_outbox, directory
):
    long_text = "LAPOR " + ("Jalan rusak parah di Kab. Sleman dekat pasar. " * 50)[:1994]
    assert len(long_text) == 2000
    for i, text in enumerate(["HALO APA KABAR", long_text]):
        kannel.send_mo(PHONE, text)
        wait_for(lambda i=i: InboundSms.objects.count() == i + 1, what=f"SMS {i}")
    assert InboundSms.objects.get(text=long_text).smsc_time  # X-Kannel-Time arrived
    # fakesmsc cannot send an empty text; Kannel delivers one as text= (the same call).
    sms("", ts="1")
    wait_for(lambda: InboundSms.objects.count() == 3, what="the empty SMS")
    assert run_outbox() == 3
    got = kannel.wait_received(3)
    assert all(m.receiver == PHONE for m in got)
    unknown, receipt, empty = (m.text for m in got)
    assert "YA" in unknown and "BATAL" in unknown  # asked before filing free text
    report = Report.objects.get()
    assert report.tracking_id in receipt
    assert report.body_original == long_text[len("LAPOR ") :].strip()
    assert "empty" in empty or "kosong" in empty
    stored = list(InboundSms.objects.order_by("pk").values_list("text", "outcome"))
    assert stored == [
        ("HALO APA KABAR", "asked_confirm"),
        (long_text, "filed"),
        ("", "empty"),
    ]


def test_a_unicode_sms_arrives_intact(kannel: Kannel, run_outbox, directory):
    text = "LAPOR Jalan rusak parah 🙏 di depan pasar — Kota Semarang"
    kannel.send_mo(PHONE, text, ucs2=True)
    report = wait_for(Report.objects.first, what="the report")
    assert report.body_original == text[len("LAPOR ") :]
    assert report.regency_code == "33.74"
