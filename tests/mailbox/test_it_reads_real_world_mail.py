"""Parsing: quoted history and signatures cut off (English and Indonesian clients), HTML-only
mail turned into text, odd charsets survive, the language guessed, the privacy chosen in the
subject; and the intake server also speaks LMTP (behind Postfix)."""

from __future__ import annotations

import smtplib
from email.message import EmailMessage
from email.policy import SMTP

import pytest

from lapor.mailbox.parsing import guess_language, html_to_text, parse, strip_quoted
from lapor.mailbox.server import build
from lapor.reports.models import Privacy, Report
from tests.mailbox.conftest import INTAKE, SENDER, mail
from tests.notifications.conftest import free_port


def test_quoted_history_and_signatures_are_cut():
    assert (
        strip_quoted("Sudah diperbaiki?\n\n> Laporan Anda diterima\n> PIN") == "Sudah diperbaiki?"
    )
    gmail = "Masih rusak.\n\nPada Sab, 28 Nov 2026 pukul 10.00 Lapor <noreply@x> menulis:\n> teks"
    assert strip_quoted(gmail) == "Masih rusak."
    wrapped = "Still broken.\n\nOn Sat, 28 Nov 2026 at 10:00, Lapor\n<noreply@x> wrote:\nold"
    assert strip_quoted(wrapped) == "Still broken."
    outlook = "Oke.\n\n-----Original Message-----\nFrom: Lapor\nSubject: x"
    assert strip_quoted(outlook) == "Oke."
    assert strip_quoted("Terima kasih.\n-- \nBudi\n0812") == "Terima kasih."
    footer = "Jawaban saya.\n\nYou can reply to this e-mail to add information ..."
    assert strip_quoted(footer) == "Jawaban saya."


def test_html_only_mail_becomes_text():
    html = (
        "<html><head><style>p{color:red}</style></head><body><p>Jalan rusak&nbsp;di "
        "<b>Sleman</b>.</p><div>Mohon diperbaiki.</div><script>alert(1)</script>"
        "<blockquote>kutipan lama</blockquote></body></html>"
    )
    assert html_to_text(html) == "Jalan rusak di Sleman.\n\nMohon diperbaiki."
    parsed = parse(mail(body="", html=html).as_bytes(policy=SMTP))
    assert parsed.text == "Jalan rusak di Sleman.\n\nMohon diperbaiki."


def test_unknown_charsets_and_missing_message_ids_do_not_break_parsing():
    raw = (
        b"From: Budi <budi@example.id>\r\nSubject: Jalan\r\n"
        b"Content-Type: text/plain; charset=x-unknown-charset\r\n\r\nJalan rusak \xe9 di Sleman\r\n"
    )
    parsed = parse(raw)
    assert "Jalan rusak" in parsed.text
    assert parsed.dedupe_key.startswith("sha:")
    assert parse(raw).dedupe_key == parsed.dedupe_key, "the same bytes, the same key"


def test_language_is_guessed_with_indonesian_as_default():
    assert guess_language("Jalan di depan rumah saya rusak dan tidak diperbaiki") == "id"
    assert guess_language("The road in front of my house has not been repaired") == "en"
    assert guess_language("OK") == "id"


def test_subject_prefixes_are_dropped():
    message = mail(subject="Re: Fwd: Jalan berlubang")
    assert parse(message.as_bytes(policy=SMTP)).subject == "Jalan berlubang"


@pytest.mark.django_db(transaction=True)
def test_lmtp_intake_files_a_report_with_privacy_from_the_subject(
    cast, directory, outgoing, settings
):
    settings.MAIL_DOMAIN, settings.MAIL_INTAKE_ADDRESS = "lapor.localhost", INTAKE
    port = free_port()
    controller = build("127.0.0.1", port, lmtp=True)
    controller.start()
    try:
        message: EmailMessage = mail(subject="[RAHASIA] Guru meminta uang ujian di Sleman")
        with smtplib.LMTP("127.0.0.1", port) as client:
            refused = client.sendmail(SENDER, [INTAKE], message.as_bytes(policy=SMTP))
        assert refused == {}
    finally:
        controller.stop()
    report = Report.objects.get()
    assert report.privacy == Privacy.CONFIDENTIAL
    assert report.title_original == "Guru meminta uang ujian di Sleman"
