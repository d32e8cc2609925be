"""Transports. A channel takes one outbox row and delivers it, or raises.

The interface is deliberately one method so that SMS (Kannel), WhatsApp or a partner app plug
in beside e-mail without touching the outbox or the retry logic: register an instance under
the ``Notification.channel`` name it serves.
"""

from __future__ import annotations

import contextlib
import re
import smtplib
from typing import Protocol

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.utils import translation
from django.utils.translation import gettext as _

from lapor.notifications.models import Notification

# Seconds before an SMTP server that does not answer counts as a failed attempt. Without it a
# hung server would hold the worker (and the row in "sending") forever.
DEFAULT_TIMEOUT = 30


class DeliveryError(Exception):
    """The channel could not deliver; worth trying again later."""


class PermanentDeliveryError(DeliveryError):
    """The channel was told the message can never be delivered (e.g. SMTP 550 no such user):
    retrying would only hammer the server, so the row fails at once."""


class Channel(Protocol):
    def send(self, notification: Notification) -> None:
        """Deliver ``notification`` to ``notification.address`` or raise.

        For reporter messages ``delivery`` fills the address in memory for this attempt only
        (it is identity data and never stored in the outbox). Must not write to the database:
        recording the outcome is ``delivery``'s job, in its own short transaction.
        """


def message_id(dedupe_key: str) -> str:
    """A stable ``Message-ID`` for a dedupe key: a second delivery of the same notification
    carries the same id, so mail clients and servers can drop or thread it."""
    local = re.sub(r"[^A-Za-z0-9.\-_]", ".", dedupe_key)
    return f"<{local}@{_mail_domain()}>"


def _mail_domain() -> str:
    sender = settings.DEFAULT_FROM_EMAIL
    match = re.search(r"@([A-Za-z0-9.\-]+)", sender)
    return match.group(1) if match else "lapor.localhost"


def _reporter_extras(notification: Notification) -> tuple[str, list[str] | None, str | None]:
    """For a reporter's message: the body with a line saying they can reply (and, on the receipt
    of a report filed by e-mail, its PIN), the ``Reply-To`` address carrying the report's reply
    token (lapor.mailbox, docs/email.md), and the PIN that was added (to forget once sent).

    Done here, at send time, so that neither the token nor the PIN is ever stored in the outbox
    row that staff can read. Creating the report's token on first use is this channel's one
    database write.
    """
    if notification.recipient_kind != Notification.RecipientKind.REPORTER or not (
        notification.report_id
    ):
        return notification.body, None, None
    from lapor.mailbox import tokens

    report = notification.report
    assert report is not None
    address = tokens.reply_address(tokens.reporter_token(report))
    pin = None
    event = notification.event if notification.event_id else None
    if event is not None and event.kind == "submitted":
        pin = tokens.pin_for_receipt(report.pk)
    lines = []
    with translation.override(notification.language):
        if pin and report.emergency_suspected:
            # Filed by e-mail, where no page could show the 112 notice while typing.
            lines.append(
                _(
                    "If someone is in danger or needs help right now, call 112: a report is "
                    "not an emergency service."
                )
            )
        if pin:
            lines.append(
                _(
                    "Your PIN is %(pin)s. Keep it secret: with the tracking number %(id)s it "
                    "opens your report on the tracking page. It is sent only in this e-mail."
                )
                % {"pin": pin, "id": report.tracking_id}
            )
        lines.append(
            _(
                "You can reply to this e-mail to add information to your report or to answer "
                "the agency; your reply is added to report %(id)s."
            )
            % {"id": report.tracking_id}
        )
    body = notification.body.rstrip("\n") + "\n\n" + "\n\n".join(lines) + "\n"
    return body, [address], pin


def reached_server(notification: Notification) -> None:
    """Record that this attempt reached the server (the point after which a crash leaves the
    message's fate unknown). Before it, a crashed attempt is simply tried again."""
    from django.utils import timezone

    Notification.objects.filter(pk=notification.pk, status=Notification.Status.SENDING).update(
        reached_server_at=timezone.now()
    )


class EmailChannel:
    """Plain-text e-mail through Django's configured backend (SMTP in production)."""

    # Calls reached_server() once the SMTP connection is open (lapor.notifications.delivery).
    reports_contact = True

    def send(self, notification: Notification) -> None:
        if not notification.address:
            raise PermanentDeliveryError("no address")
        body, reply_to, pin = _reporter_extras(notification)
        message = EmailMessage(
            subject=notification.subject,
            body=body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[notification.address],
            reply_to=reply_to,
            headers={
                "Message-ID": message_id(notification.dedupe_key),
                # RFC 3834: no vacation replies or bounces-to-bounces loops.
                "Auto-Submitted": "auto-generated",
                "X-Auto-Response-Suppress": "All",
                "Content-Language": notification.language,
            },
        )
        timeout = getattr(settings, "EMAIL_TIMEOUT", None) or DEFAULT_TIMEOUT
        connection = get_connection(fail_silently=False, timeout=timeout)
        try:
            # Opened here so that send_messages() does not close it: an error while saying
            # QUIT after the server accepted the message must not count as a failed attempt
            # (it would be retried and arrive twice).
            connection.open()
            reached_server(notification)
            try:
                sent = connection.send_messages([message])
            finally:
                with contextlib.suppress(Exception):
                    connection.close()
        except smtplib.SMTPRecipientsRefused as exc:
            codes = [code for code, _msg in exc.recipients.values()]
            if codes and all(code >= 500 for code in codes):
                raise PermanentDeliveryError(f"recipient refused ({codes[0]})") from exc
            raise
        except smtplib.SMTPResponseException as exc:
            # 552 (mailbox full) is permanent on paper and temporary in practice.
            if exc.smtp_code >= 500 and exc.smtp_code != 552:
                raise PermanentDeliveryError(_smtp_text(exc)) from exc
            raise DeliveryError(_smtp_text(exc)) from exc
        if not sent:
            raise DeliveryError("the e-mail backend accepted no message")
        if pin:
            from lapor.mailbox.tokens import receipt_delivered

            # Accepted: the PIN has reached the reporter and is not sent again.
            receipt_delivered(notification.report_id or 0)


def _smtp_text(exc: smtplib.SMTPResponseException) -> str:
    text = exc.smtp_error.decode("utf-8", "replace") if isinstance(exc.smtp_error, bytes) else ""
    return f"SMTP {exc.smtp_code} {text}".strip()


CHANNELS: dict[str, Channel] = {
    Notification.ChannelName.EMAIL: EmailChannel(),
}


def register_channel(name: str, channel: Channel) -> None:
    """Plug a transport in (from the owning app's ``AppConfig.ready``)."""
    CHANNELS[name] = channel


def channel_for(name: str) -> Channel:
    try:
        return CHANNELS[name]
    except KeyError:
        raise PermanentDeliveryError(f"no channel named {name!r}") from None
