"""What the WhatsApp channel remembers: every incoming message (once per WhatsApp message id),
what a number shared before its report was written (a location, files), which outbox row
became which WhatsApp message, and the delivery/read statuses WhatsApp reports for them.

Phone numbers (WhatsApp ids) here are identity data, as in ``lapor.sms``: no admin, page, export
or API shows these tables. The conversation itself (keywords, questions) is SMS's
``sms.Conversation``, keyed ``wa:<number>``.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class InboundMessage(models.Model):
    """One message from a WhatsApp user. ``message_id`` (WhatsApp's ``wamid``) is unique: the
    same message delivered twice by the provider is stored, and acted on, once."""

    class Type(models.TextChoices):
        TEXT = "text", _("Text")
        IMAGE = "image", _("Photo")
        AUDIO = "audio", _("Voice note or audio")
        VIDEO = "video", _("Video")
        DOCUMENT = "document", _("Document")
        LOCATION = "location", _("Location")
        OTHER = "other", _("Other")

    message_id = models.CharField(max_length=128, unique=True)
    sender = models.CharField(max_length=32)
    type = models.CharField(max_length=16, choices=Type.choices)
    text = models.TextField(blank=True)
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    place_text = models.CharField(max_length=255, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    command = models.CharField(max_length=20, blank=True)
    outcome = models.CharField(max_length=32, blank=True)
    report = models.ForeignKey(
        "reports.Report", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    received_at = models.DateTimeField(auto_now_add=True)
    duplicates = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["sender", "received_at"])]
        verbose_name = _("incoming WhatsApp message")
        verbose_name_plural = _("incoming WhatsApp messages")

    def __str__(self) -> str:
        return f"WhatsApp {self.pk} ({self.type}: {self.outcome or '-'})"


class PendingMedia(models.Model):
    """A checked, cleaned file (photo, voice note…) a number sent before its report exists; it
    becomes an attachment of the report filed (or the information added) next."""

    sender = models.CharField(max_length=32, db_index=True)
    upload = models.OneToOneField(
        "reports.PendingUpload", on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"pending media {self.pk}"


class OutboundMessage(models.Model):
    """The WhatsApp message id the provider gave an outbox row, to match statuses to it."""

    notification = models.ForeignKey(
        "notifications.Notification", on_delete=models.CASCADE, related_name="+"
    )
    message_id = models.CharField(max_length=128, unique=True)
    # "text" inside the 24-hour service window, "template" outside it.
    kind = models.CharField(max_length=16)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"wa out {self.message_id}"


class MessageStatus(models.Model):
    """A status WhatsApp reported for an outgoing message: sent, delivered, read or failed."""

    class State(models.TextChoices):
        SENT = "sent", _("Sent by WhatsApp")
        DELIVERED = "delivered", _("Delivered to the phone")
        READ = "read", _("Read")
        FAILED = "failed", _("Not delivered")

    message_id = models.CharField(max_length=128, db_index=True)
    notification = models.ForeignKey(
        "notifications.Notification",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    status = models.CharField(max_length=16, choices=State.choices)
    error = models.CharField(max_length=255, blank=True)
    occurred_at = models.DateTimeField(null=True, blank=True)
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["message_id", "status"], name="whatsapp_status_once_per_state"
            )
        ]

    def __str__(self) -> str:
        return f"{self.message_id}: {self.status}"
