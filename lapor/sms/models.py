"""What SMS 1708 remembers: every incoming message (deduplicated), the state of the
conversation with each number, which reports a number filed, receipt PINs until sent, and the
gateway's delivery reports.

Phone numbers here are identity data. No admin, page, export or API shows these tables; the
numbers are kept because an SMS can only be answered to the number that wrote it.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class InboundSms(models.Model):
    """One SMS received from the gateway. ``dedupe_key`` (hash of sender, receiver, SMSC time
    and text) is unique: the same message delivered twice is stored, and acted on, once."""

    dedupe_key = models.CharField(max_length=64, unique=True)
    sender = models.CharField(max_length=32)
    receiver = models.CharField(max_length=32, blank=True)
    text = models.TextField(blank=True)
    smsc = models.CharField(max_length=32, blank=True)
    smsc_time = models.CharField(max_length=32, blank=True)
    gateway_id = models.CharField(max_length=64, blank=True)
    command = models.CharField(max_length=16, blank=True)
    outcome = models.CharField(max_length=32, blank=True)
    report = models.ForeignKey(
        "reports.Report", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    received_at = models.DateTimeField(auto_now_add=True)
    duplicates = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["sender", "received_at"])]
        verbose_name = _("incoming SMS")
        verbose_name_plural = _("incoming SMS")

    def __str__(self) -> str:
        return f"SMS {self.pk} ({self.command or '-'}: {self.outcome or '-'})"


class Conversation(models.Model):
    """Where the exchange with one number stands: a report waiting for its place, or a free
    text waiting for the sender's "YA" to become a report."""

    class State(models.TextChoices):
        IDLE = "idle", _("Nothing pending")
        AWAITING_PLACE = "awaiting_place", _("Waiting for the regency or city")
        AWAITING_CONFIRM = "awaiting_confirm", _("Waiting for confirmation")
        # An information request (PERMINTAAN) waiting for the identity the law requires.
        AWAITING_IDENTITY = "awaiting_identity", _("Waiting for the requester's identity")

    phone = models.CharField(max_length=32, unique=True)
    state = models.CharField(max_length=20, choices=State.choices, default=State.IDLE)
    pending_text = models.TextField(blank=True)
    pending_privacy = models.CharField(max_length=16, blank=True)
    pending_kind = models.CharField(max_length=24, blank=True)
    pending_since = models.ForeignKey(
        InboundSms, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"conversation {self.pk} ({self.state})"


class FiledBy(models.Model):
    """A report filed from a number: free text from that number threads onto its open one."""

    phone = models.CharField(max_length=32)
    report = models.ForeignKey("reports.Report", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["phone", "report"], name="sms_filed_by_unique")
        ]

    def __str__(self) -> str:
        return f"filed-by {self.pk}"


class ReceiptPin(models.Model):
    """The PIN of a report filed by SMS, in clear only until its receipt SMS is accepted by the
    gateway; then deleted. The outbox body carries a placeholder, so staff never see it."""

    notification = models.OneToOneField(
        "notifications.Notification", on_delete=models.CASCADE, related_name="+"
    )
    pin = models.CharField(max_length=12)

    def __str__(self) -> str:
        return f"receipt pin {self.pk}"


class DeliveryReport(models.Model):
    """A delivery report (DLR) from Kannel for one outgoing message (one per part and state)."""

    notification = models.ForeignKey(
        "notifications.Notification",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    status = models.PositiveSmallIntegerField()
    answer = models.CharField(max_length=255, blank=True)
    received_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"dlr {self.status} for {self.notification_id}"
