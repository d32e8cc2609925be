"""The outbox: one row per message to send, written in the transaction of the change that caused it.

A row is the unit of delivery. ``dedupe_key`` is unique, so the same event can never produce two
messages for the same recipient and channel, whatever retries or duplicated tasks happen; the
channel derives the e-mail ``Message-ID`` from it, so even a duplicate that slipped through at
the transport level is recognisable by the receiving side.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    class RecipientKind(models.TextChoices):
        REPORTER = "reporter", _("Reporter")
        STAFF = "staff", _("Staff member")
        # A member of the public following a public report (lapor.public.models.Follow);
        # addressed through ``address``, which the follower gave for this purpose.
        FOLLOWER = "follower", _("Follower")

    class ChannelName(models.TextChoices):
        EMAIL = "email", _("E-mail")
        # Registered by lapor.sms (Kannel); reports filed by SMS are answered by SMS.
        SMS = "sms", _("SMS")
        # Registered by lapor.whatsapp; reports filed on WhatsApp are answered on WhatsApp.
        WHATSAPP = "whatsapp", _("WhatsApp")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        CANCELLED = "cancelled", _("Cancelled")

    recipient_kind = models.CharField(max_length=16, choices=RecipientKind.choices)
    # The staff member for staff messages; reporters are addressed only through ``address``,
    # never linked, so this table cannot be joined back to an anonymous reporter's account.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    channel = models.CharField(
        max_length=16, choices=ChannelName.choices, default=ChannelName.EMAIL
    )
    # Staff rows only. A reporter's address is identity data: the worker reads it from the
    # identity table when it sends (logged, see delivery.reporter_address) and never stores it.
    address = models.CharField(max_length=254, blank=True)
    language = models.CharField(max_length=8, default="id")
    subject = models.CharField(max_length=255)
    body = models.TextField()
    report = models.ForeignKey(
        "reports.Report",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    event = models.ForeignKey(
        "reports.ReportEvent",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="notifications",
    )
    dedupe_key = models.CharField(max_length=160, unique=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    # Never contains the recipient's address (see delivery.describe_error).
    last_error = models.TextField(blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    # When the last attempt reached the server (SMTP connection open, sendsms request about to
    # go): a row "sending" without it was claimed but never tried, and is safely retried.
    reached_server_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            # The safety net looks for due pending rows and stale sending rows.
            models.Index(
                fields=["status", "next_attempt_at"],
                name="notif_unsent_idx",
                condition=models.Q(status__in=["pending", "sending"]),
            ),
        ]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")

    def __str__(self) -> str:
        return f"{self.dedupe_key} ({self.status})"


class StaffPreference(models.Model):
    """How a staff member wants to hear about work. No row means the defaults below."""

    class Digest(models.TextChoices):
        DAILY = "daily", _("Daily summary at 07:00 WIB")
        NONE = "none", _("No summary")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    digest = models.CharField(max_length=8, choices=Digest.choices, default=Digest.DAILY)
    # One e-mail per new item is a flood for a busy unit: off unless asked for.
    immediate = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")

    def __str__(self) -> str:
        return f"{self.user_id}: digest {self.digest}, immediate {self.immediate}"


class ScheduledJob(models.Model):
    """When a periodic job is next due. Several workers may run schedulers: the conditional
    update of ``next_run_at`` lets exactly one of them enqueue each run."""

    name = models.CharField(max_length=40, unique=True)
    next_run_at = models.DateTimeField()
    last_run_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.name} next at {self.next_run_at}"


class WorkerHeartbeat(models.Model):
    """A running worker's sign of life, written every few seconds (``run_worker``).

    Shown in the console's delivery page and at ``/health/worker``; tasks left "running" by a
    worker whose heartbeat stopped are handed to another worker (``lapor.notifications.leases``).
    """

    worker_id = models.CharField(max_length=64, unique=True)
    hostname = models.CharField(max_length=255, blank=True)
    pid = models.PositiveIntegerField(default=0)
    started_at = models.DateTimeField()
    beat_at = models.DateTimeField(db_index=True)
    # The last outage the worker rode out (database or cache), for the operator.
    last_error = models.TextField(blank=True)
    last_error_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.worker_id} at {self.beat_at}"
