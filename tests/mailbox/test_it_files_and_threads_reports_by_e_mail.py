"""The whole loop over real SMTP: a mail to the intake address files a report; the receipt
carries the tracking number, the PIN (once) and a reply address; replying threads onto the
report's timeline, as added information or as the answer to a follow-up."""

from __future__ import annotations

import io
import re
import smtplib
import time

import pytest
from django.utils import translation
from django.utils.translation import gettext
from PIL import Image

from lapor.mailbox.models import InboundMessage, PinCourier, ReplyToken
from lapor.notifications.models import Notification
from lapor.reports import case_actions as ca
from lapor.reports.models import Attachment, Channel, Report, ReportEvent, Status
from lapor.reports.tracking import pin_matches
from tests.mailbox.conftest import SENDER, mail, photo_with_gps, reply_to
from tests.notifications.conftest import run_worker

pytestmark = pytest.mark.django_db(transaction=True)


def in_id(msgid: str) -> str:
    with translation.override("id"):
        return gettext(msgid)


def only_report() -> Report:
    (report,) = Report.objects.all()
    return report


def test_mail_becomes_a_report_and_replies_thread_onto_it(cast, directory, intake, outgoing):
    intake.send(mail(files=[("foto-lubang.jpg", photo_with_gps(), "image/jpeg")]))

    report = only_report()
    assert report.channel == Channel.EMAIL
    assert report.title_original == "Jalan berlubang di depan SD Negeri Caturtunggal"
    assert "Kabupaten Sleman berlubang" in report.body_original
    assert (report.regency_code, report.district_code) == ("34.04", "34.04.07")
    assert report.status == Status.AWAITING_VERIFICATION
    (photo,) = Attachment.objects.filter(report=report)
    with Image.open(io.BytesIO(photo.file.read())) as img:
        assert not img.getexif(), "EXIF (owner, GPS) must be stripped like on the web"
    assert InboundMessage.objects.get().outcome == "filed"
    assert InboundMessage.objects.get().raw is None, "a processed mail is not kept twice"

    # The receipt: sent by the worker, to the sender only, with the PIN exactly once.
    run_worker()
    (receipt,) = outgoing.sink.messages
    assert receipt["X-RcptTo"] == SENDER
    text = receipt.get_content()
    assert report.tracking_id in str(receipt["Subject"])
    pin = re.search(r"PIN\D{0,20}(\d{6})", text).group(1)
    assert pin_matches(report.tracking_id, pin, report.pin_hash)
    assert pin not in Notification.objects.get(report=report).body, "staff read outbox rows"
    assert not PinCourier.objects.exists(), "forgotten once delivered"
    token = ReplyToken.objects.get(report=report, purpose="reporter").token
    assert str(receipt["Reply-To"]) == f"balas+{token}@lapor.localhost"
    assert "Anda dapat membalas e-mail ini" in text

    # A reply while the report awaits verification: added information, quote stripped.
    intake.send(
        reply_to(receipt, "Lubangnya sekarang makin lebar, sudah dua motor jatuh."),
        to=str(receipt["Reply-To"]),
    )
    event = ReportEvent.objects.filter(report=report).latest("pk")
    assert event.kind == ReportEvent.Kind.REPORTER_INFO
    assert event.message == "Lubangnya sekarang makin lebar, sudah dua motor jatuh."

    # The agency follows up; the reporter answers by e-mail: "replied by the reporter".
    ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.agency_admin)
    ca.report_follow_up(report=report, message="Sudah ditambal sementara.", actor=cast.officer_a)
    outgoing.sink.messages.clear()
    run_worker()
    to_reporter = [m for m in outgoing.sink.messages if m["X-RcptTo"] == SENDER]
    assert len(to_reporter) == 2  # dispositioned, followed up
    for message in to_reporter:
        assert str(message["Reply-To"]) == f"balas+{token}@lapor.localhost", "one per report"
    (follow_up,) = [m for m in to_reporter if "Sudah ditambal" in m.get_content()]
    assert pin not in follow_up.get_content(), "the PIN travels only in the receipt"
    intake.send(
        reply_to(follow_up, "Terima kasih, tapi tambalannya sudah lepas lagi."),
        to=str(follow_up["Reply-To"]),
    )
    report.refresh_from_db()
    assert report.status == Status.REPORTER_REPLIED
    event = ReportEvent.objects.filter(report=report).latest("pk")
    assert (event.kind, event.message) == (
        ReportEvent.Kind.REPORTER_REPLY,
        "Terima kasih, tapi tambalannya sudah lepas lagi.",
    )


def test_the_same_mail_delivered_twice_files_one_report(cast, directory, intake, outgoing):
    message = mail()
    intake.send(message)
    intake.send(message)  # the sending server retried after a lost "250 OK"
    assert Report.objects.count() == 1
    assert InboundMessage.objects.count() == 1
    run_worker()
    assert len(outgoing.sink.messages) == 1


def test_an_english_mail_gets_english_messages(cast, directory, intake, outgoing):
    intake.send(
        mail(
            subject="Broken street lights",
            body="The street lights in Depok, Sleman have been broken for two weeks and the "
            "road is not safe at night. Please fix them.",
        )
    )
    report = only_report()
    assert report.language == "en"
    run_worker()
    (receipt,) = outgoing.sink.messages
    text = receipt.get_content()
    assert "Your PIN is " in text and "You can reply to this e-mail" in text


def test_a_reply_to_a_closed_report_explains_how_to_dispute(cast, directory, intake, outgoing):
    intake.send(mail())
    report = only_report()
    run_worker()
    (receipt,) = outgoing.sink.messages
    ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.agency_admin)
    ca.report_follow_up(report=report, message="Sudah diperbaiki.", actor=cast.officer_a)
    ca.report_close_by_reporter(report=report, rating=5, actor=None)
    events_before = ReportEvent.objects.filter(report=report).count()
    outgoing.sink.messages.clear()

    intake.send(reply_to(receipt, "Ternyata rusak lagi."), to=str(receipt["Reply-To"]))

    assert ReportEvent.objects.filter(report=report).count() == events_before
    (answer,) = outgoing.sink.messages
    assert answer["Auto-Submitted"] == "auto-replied"
    text = answer.get_content()
    closed = "Your report %(id)s is closed, so your message was not added to it."
    indonesian, english = text.split("———— English ————")
    assert in_id(closed) % {"id": f"#{report.tracking_id}"} in " ".join(indonesian.split())
    assert closed % {"id": f"#{report.tracking_id}"} in " ".join(english.split())
    assert f"?id={report.tracking_id}" in text, "where to dispute: the tracking page"
    row = InboundMessage.objects.latest("pk")
    assert (row.outcome, row.reason) == ("refused", "closed")
    assert row.raw, "kept for staff"


def test_a_reply_from_another_address_is_not_added_and_reveals_nothing(
    cast, directory, intake, outgoing
):
    intake.send(mail())
    report = only_report()
    run_worker()
    (receipt,) = outgoing.sink.messages
    outgoing.sink.messages.clear()
    events_before = ReportEvent.objects.filter(report=report).count()

    stranger = "orang.lain@example.org"
    intake.send(
        reply_to(receipt, "Saya juga mau menambahkan.", sender=stranger),
        to=str(receipt["Reply-To"]),
        mail_from=stranger,
    )

    assert ReportEvent.objects.filter(report=report).count() == events_before
    (answer,) = outgoing.sink.messages
    assert answer["X-RcptTo"] == stranger
    text = answer.get_content() + str(answer["Subject"])
    assert report.tracking_id not in text
    assert "Jalan berlubang" not in text and SENDER not in text
    assert InboundMessage.objects.latest("pk").reason == "sender_mismatch"


def test_concurrent_deliveries_of_one_mail_file_one_report_and_leave_no_files(
    cast, directory, intake, outgoing, settings
):
    """Two servers hand over the same message at the same moment (MX failover): one report,
    one log row, and the loser's stored attachment copies are removed."""
    import threading
    from pathlib import Path

    from lapor.reports.models import PendingUpload

    messages = [mail(files=[("foto.jpg", photo_with_gps(), "image/jpeg")]) for _ in range(4)]
    errors: list[BaseException] = []

    def deliver(message, barrier):
        barrier.wait()
        for _attempt in range(20):
            try:
                intake.send(message)
                return
            except smtplib.SMTPDataError as exc:
                # 451 (e.g. SQLite's shared test database is locked): a real MTA retries.
                if exc.smtp_code != 451:
                    errors.append(exc)
                    return
                time.sleep(0.05)
            except BaseException as exc:  # noqa: BLE001 — reported below
                errors.append(exc)
                return
        errors.append(AssertionError("still 451 after 20 attempts"))

    for message in messages:
        barrier = threading.Barrier(2)
        threads = [threading.Thread(target=deliver, args=(message, barrier)) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
    assert errors == []
    assert Report.objects.count() == len(messages)
    assert InboundMessage.objects.count() == len(messages)
    assert Attachment.objects.count() == len(messages)
    assert not PendingUpload.objects.exists()
    stored = {p.name for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()}
    assert stored == {Path(a.file.name).name for a in Attachment.objects.all()}


def test_signed_mail_keeps_its_photo_and_an_emergency_gets_the_112_line(
    cast, directory, intake, outgoing
):
    """An S/MIME signature or a contact card is not content (dropped, not refused); a text that
    looks like an emergency gets the 112 line in its receipt, as the web form shows it."""
    intake.send(
        mail(
            subject="Kebakaran di pasar",
            body="Ada kebakaran besar di pasar Kecamatan Depok, Kabupaten Sleman sekarang, "
            "banyak orang terjebak di dalam.",
            files=[
                ("foto.jpg", photo_with_gps(), "image/jpeg"),
                ("smime.p7s", b"0\x82\x05\x00" + b"\x01" * 200, "application/pkcs7-signature"),
                ("kontak.vcf", b"BEGIN:VCARD\r\nFN:Rahmat\r\nEND:VCARD\r\n", "text/vcard"),
            ],
        )
    )
    report = only_report()
    assert report.emergency_suspected
    assert [a.original_name for a in Attachment.objects.filter(report=report)] == ["foto.jpg"]
    run_worker()
    (receipt,) = outgoing.sink.messages
    assert "112" in receipt.get_content()
