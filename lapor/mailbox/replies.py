"""Automatic answers to inbound mail, in Indonesian and then English.

They go straight to the sender after the processing transaction, not through the outbox: the
outbox stores addresses that staff can browse, and these senders may be anonymous reporters.
Every answer says ``Auto-Submitted: auto-replied`` (RFC 3834), is never sent to automatic mail,
and a sender gets at most ``MAX_AUTO_REPLIES_PER_HOUR`` of them, so two robots cannot loop.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from lapor.mailbox.models import InboundMessage
from lapor.mailbox.tokens import sender_hash

log = logging.getLogger(__name__)

MAX_AUTO_REPLIES_PER_HOUR = 10
LANGUAGES = ("id", "en")


@dataclass(frozen=True)
class AutoReply:
    subject: str
    body: str
    reply_to: str = ""


def bilingual(subject: Callable[[], str], paragraphs: Callable[[], list[str]]) -> tuple[str, str]:
    """Render the same message in Indonesian, then in English."""
    subjects: list[str] = []
    bodies: list[str] = []
    for language in LANGUAGES:
        with translation.override(language):
            subjects.append(subject())
            bodies.append("\n\n".join(p for p in paragraphs() if p))
    separator = "\n\n———— English ————\n\n"
    return " / ".join(dict.fromkeys(subjects)), separator.join(bodies) + "\n"


def _signature() -> str:
    return _("This is an automatic answer from %(site)s.") % {"site": settings.SITE_NAME}


def ask_for_place(*, again: bool, reply_to: str) -> AutoReply:
    def paragraphs() -> list[str]:
        return [
            _("We could not recognise the place in your message.")
            if again
            else _("Thank you, we have received your message and kept it."),
            _(
                "To send it to the right agency we need to know where it happened. Please "
                "reply to this e-mail with the regency or city (and, if you know them, the "
                'district and village), for example: "Kecamatan Depok, Kabupaten Sleman".'
            ),
            _("Your report is filed as soon as we know the place; you will then get a receipt."),
            _signature(),
        ]

    subject, body = bilingual(lambda: _("Where did it happen?"), paragraphs)
    return AutoReply(subject, body, reply_to)


def refusal(reason: str, details: dict[str, list[str]] | None = None, **kw: str) -> AutoReply:
    """Why a message was not taken, and what to do instead. ``details`` are messages already
    rendered per language (e.g. which attachment and why)."""

    def paragraphs() -> list[str]:
        language = translation.get_language() or "id"
        lines = (details or {}).get(language, [])
        if reason == "no_text":
            return [
                _("Your e-mail reached us, but it contains no text, so nothing was filed."),
                _(
                    "Please write what happened, where (regency or city) and when in the body "
                    "of the e-mail and send it again."
                ),
                _signature(),
            ]
        if reason == "bad_files":
            return [
                _("Your e-mail was not filed because of its attachments:"),
                "\n".join(f"- {line}" for line in lines),
                _(
                    "Please send it again without these files, or with photos, PDF documents, "
                    "voice recordings or videos within the limits. Nothing was saved."
                ),
                _signature(),
            ]
        if reason == "closed":
            return [
                _("Your report %(id)s is closed, so your message was not added to it.")
                % {"id": kw.get("tracking_id", "")},
                _(
                    "If the problem is not solved, you can dispute the closure within 30 days: "
                    "open %(url)s, enter your tracking number and PIN, and use the section "
                    '"Not solved?". For a new problem, send a new e-mail to %(intake)s.'
                )
                % {"url": kw.get("tracking_url", ""), "intake": settings.MAIL_INTAKE_ADDRESS},
                _signature(),
            ]
        if reason == "archived":
            return [
                _("Your report %(id)s has been archived and can no longer receive messages.")
                % {"id": kw.get("tracking_id", "")},
                _("To report the problem again, send a new e-mail to %(intake)s.")
                % {"intake": settings.MAIL_INTAKE_ADDRESS},
                _signature(),
            ]
        if reason == "sender_mismatch":
            return [
                _(
                    "Your message was not added: replies are accepted only from the e-mail "
                    "address our message was sent to."
                ),
                _(
                    "If you are the reporter, reply from that address, or use the tracking page "
                    "with your tracking number and PIN."
                ),
                _signature(),
            ]
        if reason == "intake_closed":
            return [
                _("This message was already filed or can no longer be completed."),
                _("To report a problem, send a new e-mail to %(intake)s.")
                % {"intake": settings.MAIL_INTAKE_ADDRESS},
                _signature(),
            ]
        return [
            _("Your e-mail could not be processed, so nothing was filed."),
            "\n".join(lines),
            _("It has been kept for our staff to look at. You may also try again."),
            _signature(),
        ]

    subject, body = bilingual(lambda: _("Your e-mail could not be processed"), paragraphs)
    return AutoReply(subject, body)


def may_auto_reply(address: str) -> bool:
    since = timezone.now() - dt.timedelta(hours=1)
    recent = InboundMessage.objects.filter(
        sender_hash=sender_hash(address), auto_replied=True, received_at__gte=since
    ).count()
    return recent < MAX_AUTO_REPLIES_PER_HOUR


def send_auto_reply(
    reply: AutoReply, *, to: str, in_reply_to: str = "", log_row: InboundMessage | None = None
) -> bool:
    """Send ``reply`` to ``to`` now; record on ``log_row`` that it was sent (or why not)."""
    headers = {
        "Auto-Submitted": "auto-replied",
        "X-Auto-Response-Suppress": "All",
        "Content-Language": "id, en",
    }
    if in_reply_to:
        headers["In-Reply-To"] = in_reply_to
        headers["References"] = in_reply_to
    message = EmailMessage(
        subject=reply.subject[:255],
        body=reply.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        reply_to=[reply.reply_to] if reply.reply_to else None,
        headers=headers,
    )
    error = ""
    try:
        connection = get_connection(fail_silently=False, timeout=settings.EMAIL_TIMEOUT or 30)
        connection.open()
        try:
            connection.send_messages([message])
        finally:
            with contextlib.suppress(Exception):
                connection.close()
    except Exception as exc:  # noqa: BLE001 — recorded for staff; the mail itself is kept
        error = f"{type(exc).__name__}"[:255]
        log.warning("auto-reply not sent: %s", error)
    if log_row is not None:
        InboundMessage.objects.filter(pk=log_row.pk).update(
            auto_replied=not error, reply_error=error
        )
    return not error
