"""What a WhatsApp webhook does. The conversation is SMS 1708's (``lapor.sms.actions``: the same
keywords, questions and case actions — one way of doing each thing); WhatsApp adds what SMS
cannot carry: photos, voice notes and documents (fetched from the provider and put through the
same attachment checks and cleaning as the web's uploads) and shared locations.

- A text (or a media caption) is read as an SMS would be.
- A file without words goes onto the sender's one open report, or is kept for the report being
  written (``PendingMedia``) and attached when it is filed.
- A location without words answers "where did it happen?", or is kept for the next report: its
  coordinates are stored on the report and its name/address tried as the place.

Each WhatsApp message id is taken once (``InboundMessage.message_id`` unique): a redelivered
webhook changes nothing. A message whose media cannot be fetched now is not recorded at all
and the webhook answers 503, so the provider delivers it again later.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from lapor.accounts.phones import normalize_phone
from lapor.notifications.delivery import enqueue_send
from lapor.notifications.models import Notification
from lapor.reports.attachments import AttachmentError, CheckedFile, check_file, stage
from lapor.reports.models import Channel, PendingUpload, Report
from lapor.sms import actions as conversation
from lapor.sms.parser import Command, parse
from lapor.whatsapp.models import InboundMessage, MessageStatus, OutboundMessage, PendingMedia
from lapor.whatsapp.providers import provider
from lapor.whatsapp.providers.base import Incoming, StatusUpdate

logger = logging.getLogger(__name__)

ANSWER_PREFIX = "wa:in:"
# Files and locations sent before the words of a report wait as long as SMS questions do.
PENDING_TTL = conversation.PENDING_TTL
EXTENSIONS = {
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/webp": "webp",
    "audio/ogg": "ogg",
    "audio/mpeg": "mp3",
    "audio/mp4": "m4a",
    "audio/amr": "amr",
    "video/mp4": "mp4",
    "video/3gpp": "3gp",
    "application/pdf": "pdf",
}


@dataclass(frozen=True)
class Received:
    inbound: InboundMessage
    duplicate: bool


def sender_number(raw: str) -> str:
    """WhatsApp gives ``6281234567890``; reports and the SMS channel keep ``+6281234567890``."""
    raw = raw.strip()
    return normalize_phone(raw if raw.startswith("+") else f"+{raw}") or raw[:32]


def _file_name(incoming: Incoming) -> str:
    if incoming.filename:
        return incoming.filename
    mime = incoming.mime_type.split(";", 1)[0].strip().lower()
    names = {"image": "foto", "audio": "pesan-suara", "video": "video", "document": "dokumen"}
    return f"{names.get(incoming.type, 'berkas')}.{EXTENSIONS.get(mime, 'bin')}"


def wa_receive(incoming: Incoming) -> Received:
    """Take one incoming WhatsApp message (once, whatever the provider repeats)."""
    existing = InboundMessage.objects.filter(message_id=incoming.message_id).first()
    if existing is not None:
        InboundMessage.objects.filter(pk=existing.pk).update(duplicates=F("duplicates") + 1)
        return Received(existing, True)
    checked: CheckedFile | None = None
    refusal = ""
    if incoming.media_id:
        # Outside any transaction; MediaUnavailable propagates (the webhook answers 503).
        media = provider().fetch_media(incoming.media_id)
        try:
            checked = check_file(SimpleUploadedFile(_file_name(incoming), media.content))
        except AttachmentError as exc:
            refusal = exc.message
    try:
        with transaction.atomic():
            inbound = InboundMessage.objects.create(
                message_id=incoming.message_id[:128],
                sender=sender_number(incoming.sender),
                type=incoming.type,
                text=incoming.text,
                latitude=incoming.latitude,
                longitude=incoming.longitude,
                place_text=incoming.place_text[:255],
                sent_at=incoming.sent_at,
            )
            if checked is not None:
                PendingMedia.objects.create(sender=inbound.sender, upload=stage(checked))
            if incoming.type == InboundMessage.Type.OTHER:
                # A reaction, a contact card, an unsupported type: kept, not answered (a 👍 to
                # our message must not start a conversation).
                inbound.outcome = "ignored"
                inbound.save(update_fields=["outcome"])
            elif refusal:
                inbound.outcome = "refused:file"
                _answer(inbound, _("Not done: %(why)s") % {"why": refusal})
                inbound.save(update_fields=["outcome"])
            else:
                conversation.handle(inbound, _command(incoming))
                if inbound.outcome == "filed":
                    InboundMessage.objects.filter(
                        sender=inbound.sender, type=InboundMessage.Type.LOCATION
                    ).exclude(pk=inbound.pk).filter(outcome="place_kept").update(
                        outcome="place_used"
                    )
    except IntegrityError:
        existing = InboundMessage.objects.filter(message_id=incoming.message_id).first()
        if existing is None:
            raise
        return Received(existing, True)
    return Received(inbound, False)


def _command(incoming: Incoming) -> Command:
    if incoming.type == "location":
        return Command("place")
    if incoming.text.strip():
        return parse(incoming.text)
    if incoming.media_id:
        return Command("attachment")
    return Command("empty")


def wa_status(update: StatusUpdate) -> MessageStatus | None:
    """Record a sent/delivered/read/failed status for one of our messages (once per state)."""
    if not update.message_id or not update.status:
        return None
    notification_id = (
        OutboundMessage.objects.filter(message_id=update.message_id)
        .values_list("notification_id", flat=True)
        .first()
    )
    try:
        with transaction.atomic():
            return MessageStatus.objects.create(
                message_id=update.message_id[:128],
                notification_id=notification_id,
                status=update.status,
                error=update.error,
                occurred_at=update.occurred_at,
            )
    except IntegrityError:
        return None


# --- the conversation medium ----------------------------------------------------------------


def _answer(inbound: InboundMessage, text: str, report: Report | None = None) -> Notification:
    notification = Notification.objects.create(
        recipient_kind=Notification.RecipientKind.REPORTER,
        channel=Notification.ChannelName.WHATSAPP,
        language=conversation.LANGUAGE,
        subject=_("Answer to a WhatsApp message")[:255],
        body=text,
        report=report,
        dedupe_key=f"{ANSWER_PREFIX}{inbound.pk}:answer",
        next_attempt_at=timezone.now(),
    )
    enqueue_send(notification.pk)
    return notification


def _take_uploads(inbound: Any) -> list[PendingUpload]:
    since = timezone.now() - PENDING_TTL
    rows = list(
        PendingMedia.objects.select_related("upload")
        .filter(sender=inbound.sender, created_at__gte=since)
        .order_by("pk")
    )
    PendingMedia.objects.filter(pk__in=[r.pk for r in rows]).delete()
    return [r.upload for r in rows]


def _shared_place(inbound: Any) -> tuple[Decimal | None, Decimal | None, str]:
    if inbound.type == InboundMessage.Type.LOCATION:
        place = inbound
    else:
        place = (
            InboundMessage.objects.filter(
                sender=inbound.sender,
                type=InboundMessage.Type.LOCATION,
                outcome="place_kept",
                received_at__gte=timezone.now() - PENDING_TTL,
            )
            .order_by("-pk")
            .first()
        )
    if place is None:
        return None, None, ""
    return place.latitude, place.longitude, place.place_text


def window_open(phone: str, now: dt.datetime | None = None) -> bool:
    """Whether the 24-hour customer service window with ``phone`` is open (they wrote to us in
    the last 24 hours): free text may be sent; otherwise only approved templates."""
    now = now or timezone.now()
    return InboundMessage.objects.filter(
        sender=phone, received_at__gte=now - dt.timedelta(hours=24)
    ).exists()


conversation.register_medium(
    InboundMessage,
    conversation.Medium(
        report_channel=Channel.WHATSAPP,
        notification_channel=Notification.ChannelName.WHATSAPP,
        conversation_prefix="wa:",
        answer=_answer,
        take_uploads=_take_uploads,
        shared_place=_shared_place,
        information_requests=False,
    ),
)
