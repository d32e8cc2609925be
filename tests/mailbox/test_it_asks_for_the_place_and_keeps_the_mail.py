"""A mail that names no regency or city is kept whole; the sender is asked where it happened;
the answer (to the question's own reply address) files the report with the original text and
attachments."""

from __future__ import annotations

import smtplib

import pytest

from lapor.mailbox.actions import MAX_PLACE_QUESTIONS
from lapor.mailbox.models import InboundMessage, PendingIntake, ReplyToken
from lapor.reports.models import Attachment, Report
from tests.mailbox.conftest import SENDER, mail, photo_with_gps, reply_to
from tests.notifications.conftest import run_worker

pytestmark = pytest.mark.django_db(transaction=True)

NO_PLACE = "Lampu jalan di depan rumah saya mati sudah dua minggu, gelap dan rawan."


def test_no_place_keeps_the_mail_and_the_answer_files_it(cast, directory, intake, outgoing):
    intake.send(
        mail(
            subject="Lampu jalan mati",
            body=NO_PLACE,
            files=[("lampu.jpg", photo_with_gps(), "image/jpeg")],
        )
    )
    assert not Report.objects.exists()
    pending = PendingIntake.objects.get()
    assert pending.status == "waiting" and pending.raw
    (question,) = outgoing.sink.messages
    assert question["X-RcptTo"] == SENDER
    assert question["Auto-Submitted"] == "auto-replied"
    assert "English" in question.get_content() and "regency or city" in question.get_content()
    token = ReplyToken.objects.get(intake=pending).token
    assert str(question["Reply-To"]) == f"balas+{token}@lapor.localhost"
    outgoing.sink.messages.clear()

    # An answer that still names no place: asked again, nothing filed.
    intake.send(reply_to(question, "Di dekat pasar."), to=str(question["Reply-To"]))
    assert not Report.objects.exists()
    assert len(outgoing.sink.messages) == 1
    outgoing.sink.messages.clear()

    intake.send(
        reply_to(question, "Kabupaten Sleman, Kecamatan Berbah"), to=str(question["Reply-To"])
    )

    report = Report.objects.get()
    assert report.title_original == "Lampu jalan mati"
    assert report.body_original == NO_PLACE, "the original text, not the answer"
    assert report.district_code == "34.04.08"
    assert Attachment.objects.filter(report=report).count() == 1, "attachments kept"
    pending.refresh_from_db()
    assert (pending.status, pending.report_id, bytes(pending.raw)) == ("filed", report.pk, b"")
    assert ReplyToken.objects.get(token=token).revoked_at is not None
    run_worker()
    (receipt,) = outgoing.sink.messages
    assert report.tracking_id in str(receipt["Subject"]) and "PIN" in receipt.get_content()

    # The question's address is spent: refused at RCPT, so the sender's server says why.
    with pytest.raises(smtplib.SMTPRecipientsRefused) as refused:
        intake.send(reply_to(question, "Sleman"), to=str(question["Reply-To"]))
    ((code, _text),) = refused.value.recipients.values()
    assert code == 550
    assert Report.objects.count() == 1


def test_questions_stop_after_a_few_and_the_mail_waits_for_staff(cast, directory, intake, outgoing):
    intake.send(mail(subject="Lampu jalan mati", body=NO_PLACE))
    (question,) = outgoing.sink.messages
    for i in range(MAX_PLACE_QUESTIONS + 1):
        intake.send(reply_to(question, f"Tidak tahu ({i})"), to=str(question["Reply-To"]))
    # The first question plus MAX-1 repeats; then silence.
    assert len(outgoing.sink.messages) == MAX_PLACE_QUESTIONS
    assert PendingIntake.objects.get().status == "waiting"
    assert not Report.objects.exists()


def test_only_the_sender_can_complete_a_pending_mail(cast, directory, intake, outgoing):
    intake.send(mail(subject="Lampu jalan mati", body=NO_PLACE))
    (question,) = outgoing.sink.messages
    intake.send(
        reply_to(question, "Kabupaten Sleman", sender="lain@example.org"),
        to=str(question["Reply-To"]),
        mail_from="lain@example.org",
    )
    assert not Report.objects.exists()
    assert InboundMessage.objects.latest("pk").reason == "sender_mismatch"
    assert PendingIntake.objects.get().status == "waiting"
