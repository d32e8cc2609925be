"""The intake server: aiosmtpd speaking SMTP (or LMTP behind Postfix) on a configured address.

Recipients are checked at RCPT time: the intake address and live reply addresses are accepted,
anything else gets ``550 5.1.1`` with a sentence saying where mail should go, so the sender's
own server bounces it with a clear reason. Each accepted message is handed to
``lapor.mailbox.actions.receive_mail`` in a worker thread (the ORM is synchronous). If the
database is unavailable the server answers ``451`` and the sending server tries again later:
nothing is lost.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.lmtp import LMTP
from aiosmtpd.smtp import SMTP
from django.conf import settings
from django.db import close_old_connections, connections

from lapor.mailbox.actions import receive_mail
from lapor.mailbox.tokens import classify_recipient

log = logging.getLogger(__name__)

UNKNOWN_RECIPIENT = (
    "550 5.1.1 No such mailbox here (alamat tidak dikenal). New reports go to {intake}; "
    "reply addresses work only as written in our e-mails."
)
TEMPORARY = "451 4.3.0 Temporary problem, please try again later"


def max_message_bytes() -> int:
    # Base64 makes attachments a third larger; a little room for the text and headers.
    return int(settings.ATTACHMENT_MAX_TOTAL_BYTES * 4 / 3) + 1024 * 1024


def _accepts(address: str) -> bool:
    close_old_connections()
    try:
        return classify_recipient(address) is not None
    finally:
        # Executor threads outlive the message: do not leave their connections open.
        connections.close_all()


def _receive(raw: bytes, recipient: str, mail_from: str | None) -> str:
    close_old_connections()
    try:
        result = receive_mail(raw=raw, recipient=recipient, envelope_sender=mail_from)
        return result.outcome
    finally:
        connections.close_all()


class IntakeHandler:
    def __init__(self, *, lmtp: bool = False) -> None:
        self.lmtp = lmtp

    async def handle_RCPT(  # noqa: N802 — aiosmtpd's hook name
        self, server: SMTP, session: Any, envelope: Any, address: str, rcpt_options: list[str]
    ) -> str:
        loop = asyncio.get_running_loop()
        try:
            ok = await loop.run_in_executor(None, _accepts, address)
        except Exception:  # noqa: BLE001 — database trouble: let the sender retry
            log.exception("recipient check failed")
            return TEMPORARY
        if not ok:
            return UNKNOWN_RECIPIENT.format(intake=settings.MAIL_INTAKE_ADDRESS)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Any, envelope: Any) -> str:  # noqa: N802
        raw = envelope.original_content or envelope.content
        if isinstance(raw, str):
            raw = raw.encode("utf-8", "surrogateescape")
        loop = asyncio.get_running_loop()
        answers = []
        for recipient in envelope.rcpt_tos:
            try:
                outcome = await loop.run_in_executor(
                    None, _receive, raw, recipient, envelope.mail_from
                )
                answers.append(f"250 2.0.0 OK {outcome}")
            except Exception:  # noqa: BLE001 — not stored: the sender's server retries
                log.exception("processing an inbound message failed")
                answers.append(TEMPORARY)
        if not answers:
            return "554 5.5.1 No valid recipients"
        if self.lmtp:
            return "\r\n".join(answers)  # LMTP: one answer per recipient
        return answers[0] if all(a == answers[0] for a in answers) else TEMPORARY


class LMTPController(Controller):
    def factory(self) -> SMTP:
        return LMTP(self.handler, **self.SMTP_kwargs)


def build(host: str, port: int, *, lmtp: bool = False) -> Controller:
    # aiosmtpd logs every envelope sender and recipient at INFO: addresses of (possibly
    # anonymous) reporters and reply tokens must not reach the logs.
    logging.getLogger("mail.log").setLevel(logging.WARNING)
    cls = LMTPController if lmtp else Controller
    return cls(
        IntakeHandler(lmtp=lmtp),
        hostname=host,
        port=port,
        data_size_limit=max_message_bytes(),
        enable_SMTPUTF8=True,
        server_hostname=settings.MAIL_DOMAIN,
    )
