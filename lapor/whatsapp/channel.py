"""The WhatsApp channel: outbox rows go out through the provider's send-message API.

Inside the 24-hour customer service window (the reporter wrote to us in the last 24 hours) the
message is free text; outside it WhatsApp only delivers approved templates, so the same text is
sent as the one parameter-carrying template ``WHATSAPP_TEMPLATE_NAME`` (docs/channels.md shows
its wording for approval). Retries, back-off and "never twice" are the outbox's
(``lapor.notifications.delivery``), exactly as for SMS and e-mail; the answer address, the PIN
and the missing-number refusal are ``lapor.sms.phone_channel``'s, shared with SMS.
"""

from __future__ import annotations

import contextlib
import logging

from django.conf import settings

from lapor.notifications.models import Notification
from lapor.sms.phone_channel import PhoneChannel
from lapor.whatsapp.actions import ANSWER_PREFIX, window_open
from lapor.whatsapp.models import InboundMessage, OutboundMessage
from lapor.whatsapp.providers import provider

logger = logging.getLogger(__name__)

# WhatsApp refuses template parameters with newlines, tabs or long runs of spaces.
TEMPLATE_PARAMETER_MAX = 1000


def template_parameters(notification: Notification) -> list[str]:
    report = notification.report
    tracking = report.tracking_id if report is not None else "-"
    text = " ".join(notification.body.split())
    if len(text) > TEMPLATE_PARAMETER_MAX:
        text = text[: TEMPLATE_PARAMETER_MAX - 3].rstrip() + "..."
    return [tracking or "-", text or "-"]


class WhatsAppChannel(PhoneChannel):
    answer_prefix = ANSWER_PREFIX
    inbound_model = InboundMessage

    def deliver(self, notification: Notification, body: str) -> None:
        to = notification.address.lstrip("+")
        if window_open(notification.address):
            kind = "text"
            message_id = provider().send_text(to, body)
        else:
            kind = "template"
            with_pin = Notification(
                body=body, report=notification.report, report_id=notification.report_id
            )
            message_id = provider().send_template(
                to,
                settings.WHATSAPP_TEMPLATE_NAME,
                settings.WHATSAPP_TEMPLATE_LANGUAGE,
                template_parameters(with_pin),
            )
        # Accepted. Remembering the id (for statuses) must not turn into a failed attempt,
        # which would send the message again.
        with contextlib.suppress(Exception):
            OutboundMessage.objects.create(
                notification_id=notification.pk, message_id=message_id[:128], kind=kind
            )
