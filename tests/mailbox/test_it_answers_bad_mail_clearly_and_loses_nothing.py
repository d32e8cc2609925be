"""Bad input on the e-mail channel: a clear answer on that channel (Indonesian, then English)
where a person can read it, nothing half-saved, the raw message kept for staff, and never an
answer to automatic mail (no loops)."""

from __future__ import annotations

import os
import smtplib
from pathlib import Path

import pytest
from django.utils import translation
from django.utils.translation import gettext

from lapor.mailbox.models import InboundMessage
from lapor.mailbox.replies import MAX_AUTO_REPLIES_PER_HOUR
from lapor.mailbox.server import build
from lapor.reports.models import Attachment, PendingUpload, Report
from tests.mailbox.conftest import INTAKE, SENDER, Intake, mail, photo_with_gps
from tests.notifications.conftest import free_port

pytestmark = pytest.mark.django_db(transaction=True)


def nothing_filed(settings) -> None:
    assert not Report.objects.exists()
    assert not Attachment.objects.exists()
    assert not PendingUpload.objects.exists()
    stored = [p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()]
    assert stored == [], "no orphan files"


def both_languages(text: str, msgid: str) -> None:
    indonesian, english = text.split("———— English ————")
    with translation.override("id"):
        assert gettext(msgid) in " ".join(indonesian.split())
    assert msgid in " ".join(english.split())


def test_a_mail_without_text_is_answered_and_kept(cast, directory, intake, outgoing, settings):
    intake.send(mail(subject="", body=""))
    nothing_filed(settings)
    (answer,) = outgoing.sink.messages
    assert answer["X-RcptTo"] == SENDER and answer["Auto-Submitted"] == "auto-replied"
    both_languages(
        answer.get_content(),
        "Your e-mail reached us, but it contains no text, so nothing was filed.",
    )
    row = InboundMessage.objects.get()
    assert (row.outcome, row.reason, row.auto_replied) == ("refused", "no_text", True)
    assert b"rahmat.hidayat@example.id" in bytes(row.raw), "kept whole for staff"


def test_a_forbidden_attachment_refuses_the_whole_mail(cast, directory, intake, outgoing, settings):
    program = b"MZ\x90\x00" + os.urandom(2000)
    intake.send(
        mail(
            files=[
                ("foto.jpg", photo_with_gps(), "image/jpeg"),
                ("foto2.jpg", program, "image/jpeg"),  # the name lies; the content decides
            ]
        )
    )
    nothing_filed(settings)
    (answer,) = outgoing.sink.messages
    text = answer.get_content()
    both_languages(text, "Your e-mail was not filed because of its attachments:")
    assert "foto2.jpg" in text and "“foto.jpg”" not in text
    assert InboundMessage.objects.get().reason == "bad_files"


def test_a_too_large_attachment_is_named_with_the_limit(
    cast, directory, intake, outgoing, settings
):
    settings.ATTACHMENT_MAX_FILE_BYTES = 500
    intake.send(mail(files=[("besar.jpg", photo_with_gps(), "image/jpeg")]))
    nothing_filed(settings)
    (answer,) = outgoing.sink.messages
    assert "besar.jpg" in answer.get_content() and "500" in answer.get_content()


def test_a_message_over_the_size_limit_is_refused_by_the_server(
    cast, directory, outgoing, settings
):
    settings.ATTACHMENT_MAX_TOTAL_BYTES = 10_000
    server = Intake(free_port())
    server.controller = build("127.0.0.1", server.port)
    server.controller.start()
    try:
        with pytest.raises((smtplib.SMTPSenderRefused, smtplib.SMTPDataError)) as refused:
            server.send(
                mail(files=[("besar.pdf", b"%PDF-1.4\n" + b"0" * 2_000_000, "application/pdf")])
            )
        assert refused.value.smtp_code == 552  # the sending server bounces with this reason
    finally:
        server.controller.stop()
    nothing_filed(settings)


def test_malformed_mail_is_kept_and_not_answered(cast, directory, intake, outgoing, settings):
    intake.send(b"Subject: no sender at all\r\n\r\nJalan rusak di Sleman\r\n")
    intake.send(b"\x00\xff garbage \r\n\r\n\r\n")
    nothing_filed(settings)
    assert outgoing.sink.messages == []
    rows = list(InboundMessage.objects.order_by("pk"))
    assert [(r.outcome, r.reason) for r in rows] == [("failed", "malformed")] * 2
    assert all(r.raw for r in rows)


@pytest.mark.parametrize(
    "headers,sender,envelope",
    [
        ({"Auto-Submitted": "auto-replied"}, SENDER, SENDER),
        ({"Precedence": "bulk"}, SENDER, SENDER),
        ({"X-Autoreply": "yes"}, SENDER, SENDER),
        ({}, "MAILER-DAEMON@mx.example.id", "MAILER-DAEMON@mx.example.id"),
        ({}, SENDER, ""),  # a bounce: null envelope sender
    ],
)
def test_automatic_mail_is_never_answered(
    cast, directory, intake, outgoing, settings, headers, sender, envelope
):
    intake.send(mail(subject="Out of office", headers=headers, sender=sender), mail_from=envelope)
    nothing_filed(settings)
    assert outgoing.sink.messages == []
    row = InboundMessage.objects.get()
    assert row.outcome == "ignored" and row.raw


def test_unknown_recipients_are_refused_at_rcpt_with_a_reason(cast, directory, intake, outgoing):
    for to in (
        "someone@lapor.localhost",
        "balas+aaaaaaaaaaaaaaaa@lapor.localhost",  # well-formed, but no such token
        "balas+notatoken@lapor.localhost",
        "lapor@elsewhere.example",
    ):
        with pytest.raises(smtplib.SMTPRecipientsRefused) as refused:
            intake.send(mail(to=to), to=to)
        ((code, text),) = refused.value.recipients.values()
        assert code == 550 and INTAKE.encode() in text
    assert not InboundMessage.objects.exists()
    assert not Report.objects.exists()


def test_auto_replies_to_one_sender_are_capped(cast, directory, intake, outgoing):
    for _ in range(MAX_AUTO_REPLIES_PER_HOUR + 2):
        intake.send(mail(subject="", body=""))
    assert len(outgoing.sink.messages) == MAX_AUTO_REPLIES_PER_HOUR
    assert InboundMessage.objects.count() == MAX_AUTO_REPLIES_PER_HOUR + 2, "all kept"


def test_an_unreachable_outgoing_server_loses_nothing(cast, directory, intake, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", free_port(), 2
    intake.send(mail(subject="", body=""))
    row = InboundMessage.objects.get()
    assert row.raw and not row.auto_replied and row.reply_error
