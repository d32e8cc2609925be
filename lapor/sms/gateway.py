"""The Kannel SMS channel (filled in below)."""

from __future__ import annotations

from lapor.notifications.channels import DeliveryError
from lapor.notifications.models import Notification


class KannelSmsChannel:
    def send(self, notification: Notification) -> None:
        raise DeliveryError("SMS channel not configured yet")
