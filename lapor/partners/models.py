"""Two-way integration with regional apps (LAKSA, Sambat Online, …): a partner app's
integration settings, the reports it pushed under its own IDs, and the signed webhooks we send it.

A partner is an Open311 ``PartnerApp`` (its API keys live there). ``Integration`` adds what the
two-way link needs: where to send webhooks, the signing secret, the agency the app belongs to,
and the service user that acts for the app when it posts follow-ups (a liaison officer of that
agency, so the ordinary capabilities decide what it may do).
"""

from __future__ import annotations

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lapor.partners.destinations import validate_webhook_url


def new_secret() -> str:
    return "whsec_" + secrets.token_urlsafe(32)


class Integration(models.Model):
    partner = models.OneToOneField(
        "open311.PartnerApp",
        on_delete=models.CASCADE,
        related_name="integration",
        verbose_name=_("partner application"),
    )
    agency = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("agency"),
        help_text=_("The government agency the app belongs to."),
    )
    service_user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    # https, and only to public addresses (lapor.partners.destinations): checked here when
    # saved through a form and by the integration actions, and again at every send.
    webhook_url = models.URLField(
        _("webhook URL"), max_length=500, blank=True, validators=[validate_webhook_url]
    )
    # HMAC needs the secret itself, not a hash of it. It is shown once (when issued or rotated)
    # and never rendered again; the previous one keeps signing for a grace period after a
    # rotation, so the partner can switch without losing a webhook.
    signing_secret = models.CharField(max_length=100, editable=False)
    previous_secret = models.CharField(max_length=100, blank=True, editable=False)
    previous_secret_until = models.DateTimeField(null=True, blank=True, editable=False)
    secret_rotated_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("partner integration")
        verbose_name_plural = _("partner integrations")

    def __str__(self) -> str:
        return str(self.partner)


class ExternalReference(models.Model):
    """A report pushed by a partner under the partner's own ID."""

    partner = models.ForeignKey(
        "open311.PartnerApp", on_delete=models.PROTECT, related_name="external_references"
    )
    external_id = models.CharField(max_length=100)
    report = models.OneToOneField(
        "reports.Report", on_delete=models.CASCADE, related_name="external_reference"
    )
    # SHA-256 of the canonical request: a resend with the same ID and the same content is
    # the same report; the same ID with other content is a conflict.
    payload_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["partner", "external_id"], name="uniq_partner_external_id"
            )
        ]

    def __str__(self) -> str:
        return f"{self.partner_id}:{self.external_id}"


class FollowUpReference(models.Model):
    """A follow-up posted by a partner under its own ID: a resend returns the same event."""

    partner = models.ForeignKey("open311.PartnerApp", on_delete=models.PROTECT, related_name="+")
    external_id = models.CharField(max_length=100)
    event = models.OneToOneField("reports.ReportEvent", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["partner", "external_id"], name="uniq_partner_follow_up_id"
            )
        ]

    def __str__(self) -> str:
        return f"{self.partner_id}:{self.external_id}"


class WebhookDelivery(models.Model):
    """One event for one partner: the unit of delivery, retried until the partner says 2xx."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENDING = "sending", _("Being sent")
        DELIVERED = "delivered", _("Delivered")
        FAILED = "failed", _("Failed")

    # The event ID the partner deduplicates by: stable across every attempt.
    event_uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    partner = models.ForeignKey(
        "open311.PartnerApp", on_delete=models.CASCADE, related_name="webhook_deliveries"
    )
    report = models.ForeignKey("reports.Report", on_delete=models.CASCADE, related_name="+")
    event = models.ForeignKey("reports.ReportEvent", on_delete=models.CASCADE, related_name="+")
    event_type = models.CharField(max_length=40)
    # Frozen when the event happened: a retry sends exactly what the first attempt sent.
    payload = models.JSONField()
    status = models.CharField(
        max_length=12, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True, db_index=True)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    last_status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "partner"], name="uniq_webhook_event_partner")
        ]
        indexes = [models.Index(fields=["partner", "report", "status"], name="webhook_order_idx")]
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")

    def __str__(self) -> str:
        return f"{self.event_type} → {self.partner_id} ({self.status})"


class DeliveryAttempt(models.Model):
    """One HTTP attempt of a delivery: when, how long, what came back."""

    delivery = models.ForeignKey(WebhookDelivery, on_delete=models.CASCADE, related_name="log")
    number = models.PositiveIntegerField()
    started_at = models.DateTimeField()
    duration_ms = models.PositiveIntegerField(default=0)
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    error = models.CharField(max_length=500, blank=True)
    succeeded = models.BooleanField(default=False)

    class Meta:
        ordering = ["delivery", "number"]

    def __str__(self) -> str:
        return f"{self.delivery_id}#{self.number}"
