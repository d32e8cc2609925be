"""The interface a WhatsApp provider implements: read (and authenticate) its webhooks, fetch
the media a user sent, and send text or an approved template. Everything else — the
conversation, the outbox, retries, statuses — is the channel's and stays the same for every
provider.

Errors: ``send_*`` raise ``lapor.notifications.channels.DeliveryError`` when nothing was
accepted and a retry may work (provider down, 5xx, rate limited), ``PermanentDeliveryError``
when it never will (refused, bad number), ``UnknownDelivery`` when the request went out and
no answer came (not retried automatically: it may have been sent). ``fetch_media`` raises
``MediaUnavailable``; the webhook then answers 503 so the provider delivers it again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Protocol

from django.http import HttpRequest

from lapor.notifications.channels import PermanentDeliveryError


class UnknownDelivery(PermanentDeliveryError):
    """The request reached the provider but no answer came back."""


class MediaUnavailable(Exception):
    """The media of an incoming message could not be fetched now."""


@dataclass(frozen=True)
class Incoming:
    message_id: str
    sender: str  # international number without "+", as WhatsApp gives it
    type: str  # text, image, audio, video, document, location, other
    text: str = ""  # the text, or a media caption
    media_id: str = ""
    mime_type: str = ""
    filename: str = ""
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    place_text: str = ""  # a shared location's name and address
    sent_at: dt.datetime | None = None


@dataclass(frozen=True)
class StatusUpdate:
    message_id: str
    status: str  # sent, delivered, read, failed
    occurred_at: dt.datetime | None = None
    error: str = ""


@dataclass
class Webhook:
    messages: list[Incoming] = field(default_factory=list)
    statuses: list[StatusUpdate] = field(default_factory=list)


@dataclass(frozen=True)
class Media:
    content: bytes
    mime_type: str


class Provider(Protocol):
    def handshake(self, request: HttpRequest) -> str | None:
        """The answer to the provider's subscription check (a GET), or None to refuse."""

    def authentic(self, request: HttpRequest) -> bool:
        """Whether a POST really comes from the provider (signature over the raw body)."""

    def parse(self, body: bytes) -> Webhook:
        """The messages and statuses in one webhook delivery (ValueError if unreadable)."""

    def fetch_media(self, media_id: str) -> Media: ...

    def send_text(self, to: str, body: str) -> str:
        """Send free text (inside the service window); return the provider's message id."""

    def send_template(self, to: str, name: str, language: str, parameters: list[str]) -> str:
        """Send an approved template (outside the window); return the message id."""
