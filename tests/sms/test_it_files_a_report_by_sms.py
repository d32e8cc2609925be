"""LAPOR <isi> files a report in the place the text names; without a place, the text is kept
and the number is asked for the regency or city, and the next SMS files it."""

import pytest

from lapor.notifications.models import Notification
from lapor.reports.models import Channel, Report, ReporterIdentity, Status
from lapor.reports.tracking import pin_matches
from lapor.sms.compose import PIN_SLOT
from lapor.sms.models import Conversation, InboundSms, ReceiptPin
from tests.sms.conftest import PHONE, answers, last_answer, sms

pytestmark = pytest.mark.django_db


def test_lapor_with_a_place_files_a_report_and_queues_the_receipt(directory):
    assert (
        sms("LAPOR jalan berlubang besar di depan SD Caturtunggal, Kec. Depok Kab. Sleman") == "ok"
    )
    report = Report.objects.get()
    assert report.channel == Channel.SMS and report.status == Status.AWAITING_VERIFICATION
    assert report.regency_code == "34.04" and report.district_code == "34.04.07"
    assert report.body_original.startswith("jalan berlubang besar")
    assert ReporterIdentity.objects.get(report=report).phone == PHONE
    receipt = Notification.objects.get(channel="sms", event__kind="submitted")
    assert receipt.dedupe_key.endswith(":reporter:sms")
    assert report.tracking_id in receipt.body and PIN_SLOT in receipt.body
    # The PIN is kept apart until the gateway takes the receipt; the outbox never has it.
    pin = ReceiptPin.objects.get(notification=receipt).pin
    assert pin not in receipt.body and pin_matches(report.tracking_id, pin, report.pin_hash)
    assert len(answers()) == 1  # the receipt is the answer


@pytest.mark.parametrize(
    "text",
    [
        "lapor#Lampu jalan mati sebulan di Kota Semarang",
        "  Lapor   Lampu jalan mati sebulan di kota semarang ",
    ],
)
def test_keywords_are_tolerant(directory, text):
    sms(text)
    assert Report.objects.get().regency_code == "33.74"


def test_without_a_place_it_asks_and_keeps_the_text(directory):
    sms("LAPOR ada pungutan liar di kantor kelurahan saat urus KTP")
    assert not Report.objects.exists()
    assert "regency or city" in last_answer() or "kabupaten" in last_answer().lower()
    conversation = Conversation.objects.get(phone=PHONE)
    assert conversation.state == "awaiting_place"

    sms("di planet mars")  # not a place: asked again, nothing lost
    assert not Report.objects.exists()
    assert Conversation.objects.get(phone=PHONE).pending_text.startswith("ada pungutan liar")

    sms("Kab. Sleman")
    report = Report.objects.get()
    assert report.body_original == "ada pungutan liar di kantor kelurahan saat urus KTP"
    assert report.regency_code == "34.04" and report.address == "Kab. Sleman"
    assert Conversation.objects.get(phone=PHONE).state == "idle"
    outcomes = list(InboundSms.objects.order_by("pk").values_list("outcome", flat=True))
    assert outcomes == ["asked_place", "asked_place", "filed"]


def test_batal_cancels_a_pending_report(directory):
    sms("LAPOR ada pungutan liar di kantor kelurahan saat urus KTP")
    sms("batal")
    sms("Kab. Sleman")  # no longer an answer: free text from a number with nothing open
    assert not Report.objects.exists()
    assert Conversation.objects.get(phone=PHONE).state == "awaiting_confirm"


def test_lapor_rahasia_files_a_confidential_report(directory):
    sms("LAPOR RAHASIA petugas puskesmas minta uang tambahan di Kota Semarang")
    report = Report.objects.get()
    assert report.privacy == "confidential"
    assert not report.body_original.upper().startswith("RAHASIA")


def test_an_unanswered_question_expires(directory):
    import datetime as dt

    import time_machine

    from tests.cases.conftest import at

    with time_machine.travel(at(2026, 11, 2), tick=False):
        sms("LAPOR ada pungutan liar di kantor kelurahan saat urus KTP")
    with time_machine.travel(at(2026, 11, 2) + dt.timedelta(days=4), tick=False):
        sms("Kab. Sleman")  # days later: not the answer any more
    assert not Report.objects.exists()
    conversation = Conversation.objects.get(phone=PHONE)
    assert conversation.state == "awaiting_confirm" and conversation.pending_text == "Kab. Sleman"
    # The first text is not lost: it is in the log.
    assert InboundSms.objects.filter(text__startswith="LAPOR ada pungutan").exists()


# PERMINTAAN (information requests) asks for the requester's identity first, not the place:
# tests/sms/test_it_files_and_answers_an_information_request.py and tests/ppid.
@pytest.mark.parametrize(("keyword", "kind"), [("ASPIRASI", "aspiration"), ("LAPOR", "complaint")])
def test_the_keyword_chooses_the_kind_also_across_the_place_question(directory, keyword, kind):
    sms(f"{keyword} mohon taman kota diperbanyak dan diberi lampu")
    sms("Kota Semarang")
    report = Report.objects.get()
    assert report.kind == kind and report.regency_code == "33.74"
