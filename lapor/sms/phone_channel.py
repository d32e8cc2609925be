"""What the two phone channels share: the send path of an outbox row to a phone number.

The SMS channel (``lapor.sms.gateway``) and the WhatsApp channel (``lapor.whatsapp.channel``)
differ only in how a text reaches the phone. Around that, both:

- answer an incoming message at the number that sent it (``direct_address``: the outbox row's
  dedupe key names the inbound message, ``<prefix><pk>:answer``);
- refuse a row without a number (permanent: retrying cannot help);
- fill the receipt's PIN into its slot at send time, never storing it in the outbox row, and
  forget the PIN once the message was accepted (a failure there must not turn into a failed
  attempt, which would send the message again).

A channel subclasses :class:`PhoneChannel`, names its ``answer_prefix`` and inbound model, and
implements :meth:`PhoneChannel.deliver`.
"""

from __future__ import annotations

import contextlib
from typing import Any, ClassVar

from lapor.notifications.channels import PermanentDeliveryError
from lapor.notifications.models import Notification
from lapor.sms.compose import PIN_SLOT
from lapor.sms.models import ReceiptPin


class PhoneChannel:
    # The dedupe-key prefix of answers to an incoming message, and that message's model (it
    # has a ``sender`` field holding the number).
    answer_prefix: ClassVar[str]
    inbound_model: ClassVar[Any]

    def direct_address(self, notification: Notification) -> str | None:
        """Answers to an incoming message go to the number that sent it; None for other rows
        ("" when the message is gone: the row then fails for want of a number)."""
        if not notification.dedupe_key.startswith(self.answer_prefix):
            return None
        try:
            pk = int(notification.dedupe_key.split(":")[2])
        except (IndexError, ValueError):
            return ""
        sender = self.inbound_model.objects.filter(pk=pk).values_list("sender", flat=True).first()
        return sender or ""

    def send(self, notification: Notification) -> None:
        if not notification.address:
            raise PermanentDeliveryError("no phone number")
        body = notification.body
        pin = None
        if PIN_SLOT in body:
            pin = ReceiptPin.objects.filter(notification_id=notification.pk).first()
            body = body.replace(PIN_SLOT, pin.pin if pin is not None else "-")
        self.deliver(notification, body)
        if pin is not None:
            # Accepted: the PIN has no reason to stay.
            with contextlib.suppress(Exception):
                pin.delete()

    def deliver(self, notification: Notification, body: str) -> None:
        """Hand ``body`` (the row's text, PIN filled in) to the provider for
        ``notification.address``; raise ``DeliveryError`` or ``PermanentDeliveryError`` as
        ``lapor.notifications.channels`` describes. Returning means accepted."""
        raise NotImplementedError
