"""Builders for notification tests: reports moved through the real actions, a real SMTP server
(aiosmtpd on loopback) and the real worker command."""

from __future__ import annotations

import datetime as dt
import email
import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import default as default_policy
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command

from lapor.notifications.models import Notification
from lapor.regions.models import Region
from lapor.reports import actions
from lapor.reports import case_actions as ca
from lapor.reports.models import Report

# Distinctive, so "appears nowhere" cannot be fooled by another word.
NAME = "Wulandari Sekar Pertiwi"
EMAIL = "wulan.sekar@example.id"
PHONE = "0813-7777-1357"


def file_report(
    *,
    privacy: str = "public",
    email_address: str | None = EMAIL,
    language: str = "id",
    name: str = NAME,
    title: str = "Jalan berlubang di depan SD Negeri Caturtunggal",
) -> Report:
    return actions.report_submit(
        kind="complaint",
        title=title,
        body="Lubang besar sudah tiga bulan, banyak pengendara jatuh di sana.",
        incident_date=dt.date(2026, 1, 5),
        region=Region.objects.get(code="34.04.07.2001"),
        privacy=privacy,
        language=language,
        contact=actions.ReporterContact(full_name=name, phone=PHONE, email=email_address or ""),
    ).report


def disposed(cast: Any, directory: Any, **kw: Any) -> Report:
    report = file_report(**kw)
    ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.agency_admin)
    report.refresh_from_db()
    return report


def run_worker() -> None:
    """What `make run` runs in the background, once: due schedule + every ready task."""
    call_command("run_worker", "--once")


def reporter_rows(report: Report) -> list[Notification]:
    return list(
        Notification.objects.filter(
            report=report, recipient_kind=Notification.RecipientKind.REPORTER
        ).order_by("pk")
    )


@dataclass
class Sink:
    """Records what the SMTP server accepted; can refuse the next few messages."""

    messages: list[EmailMessage] = field(default_factory=list)
    refuse_data: int = 0
    refuse_rcpt: int = 0
    data_reply: str = "451 4.3.0 Temporary local problem, try again later"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: ANN001
        if self.refuse_rcpt > 0:
            self.refuse_rcpt -= 1
            # Real servers quote the address back: it must not reach staff pages.
            return f"450 4.2.1 <{address}>: mailbox busy, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: ANN001
        if self.refuse_data > 0:
            self.refuse_data -= 1
            return self.data_reply
        message = email.message_from_bytes(envelope.content, policy=default_policy)
        assert isinstance(message, EmailMessage)
        message["X-RcptTo"] = ", ".join(envelope.rcpt_tos)
        self.messages.append(message)
        return "250 OK"


@dataclass
class SmtpServer:
    sink: Sink
    port: int
    controller: Controller | None = None

    def start(self) -> None:
        self.controller = Controller(self.sink, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def smtp(settings: Any) -> Iterator[SmtpServer]:
    """A real SMTP server on a free loopback port, NOT started: the test starts it, so that
    "the server is down" can be the first thing the worker meets."""
    server = SmtpServer(Sink(), free_port())
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_TIMEOUT = 5
    yield server
    server.stop()
