"""Real SMTP on loopback both ways: our intake server (aiosmtpd, started on a free port)
receives mail sent with smtplib; outgoing notifications and auto-replies are captured by an
aiosmtpd sink on another free port (settings EMAIL_HOST/EMAIL_PORT point at it)."""

from __future__ import annotations

import io
import smtplib
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import make_msgid
from typing import Any

import pytest
from PIL import Image

from lapor.mailbox.server import build
from tests.notifications.conftest import Sink, SmtpServer, free_port

SENDER = "rahmat.hidayat@example.id"
INTAKE = "lapor@lapor.localhost"


@dataclass
class Intake:
    port: int
    controller: Any = None

    def send(
        self,
        message: EmailMessage | bytes,
        to: str | list[str] = INTAKE,
        mail_from: str = SENDER,
    ) -> dict:
        """Deliver with smtplib; returns refused recipients (raises like smtplib on errors)."""
        recipients = [to] if isinstance(to, str) else to
        with smtplib.SMTP("127.0.0.1", self.port, timeout=30) as client:
            raw = message if isinstance(message, bytes) else message.as_bytes(policy=SMTP)
            return client.sendmail(mail_from, recipients, raw)


@pytest.fixture
def outgoing(settings: Any) -> Iterator[SmtpServer]:
    server = SmtpServer(Sink(), free_port())
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_TIMEOUT = 5
    server.start()
    yield server
    server.stop()


@pytest.fixture
def intake(settings: Any) -> Iterator[Intake]:
    settings.MAIL_DOMAIN = "lapor.localhost"
    settings.MAIL_INTAKE_ADDRESS = INTAKE
    settings.MAIL_REPLY_PREFIX = "balas"
    server = Intake(free_port())
    server.controller = build("127.0.0.1", server.port)
    server.controller.start()
    yield server
    server.controller.stop()


def mail(
    *,
    subject: str = "Jalan berlubang di depan SD Negeri Caturtunggal",
    body: str = (
        "Sudah tiga bulan jalan di depan sekolah di Kecamatan Depok, Kabupaten Sleman berlubang "
        "besar dan membahayakan anak-anak. Mohon segera diperbaiki."
    ),
    sender: str = SENDER,
    name: str = "Rahmat Hidayat",
    to: str = INTAKE,
    html: str | None = None,
    files: list[tuple[str, bytes, str]] = (),  # type: ignore[assignment]
    headers: dict[str, str] | None = None,
) -> EmailMessage:
    message = EmailMessage()
    message["From"] = f"{name} <{sender}>" if name else sender
    message["To"] = to
    message["Subject"] = subject
    message["Message-ID"] = make_msgid(domain="example.id")
    message["Date"] = "Fri, 27 Nov 2026 09:00:00 +0700"
    for key, value in (headers or {}).items():
        message[key] = value
    if body:
        message.set_content(body)
    if html is not None:
        if body:
            message.add_alternative(html, subtype="html")
        else:
            message.set_content(html, subtype="html")
    for filename, content, ctype in files:
        maintype, subtype = ctype.split("/")
        message.add_attachment(content, maintype=maintype, subtype=subtype, filename=filename)
    return message


def reply_to(original: EmailMessage, text: str, sender: str = SENDER) -> EmailMessage:
    """What a mail client sends when the person presses Reply and types ``text`` above."""
    quoted = "\n".join("> " + line for line in original.get_content().splitlines())
    message = EmailMessage()
    message["From"] = sender
    message["To"] = str(original["Reply-To"])
    message["Subject"] = "Re: " + str(original["Subject"])
    message["Message-ID"] = make_msgid(domain="example.id")
    message["In-Reply-To"] = str(original["Message-ID"])
    message.set_content(f"{text}\n\nOn Sat, 28 Nov 2026 at 10:00, Lapor wrote:\n{quoted}\n")
    return message


def photo_with_gps() -> bytes:
    """A JPEG carrying EXIF (camera owner, GPS): the pipeline must strip it."""
    img = Image.new("RGB", (64, 48), (200, 30, 30))
    exif = Image.Exif()
    exif[0x013B] = "Rahmat Hidayat"  # Artist
    exif[0x8825] = {1: "S", 2: (7.0, 46.0, 0.0)}  # GPS
    out = io.BytesIO()
    img.save(out, format="JPEG", exif=exif)
    return out.getvalue()
