"""The e-mail channel's own records: reply tokens, the inbound log, mail waiting for a place,
and PINs waiting for their one receipt.

Sender addresses are identity data. They are stored only where the channel cannot work without
them (a pending intake must know whom to ask) and in the raw copy of a message that could not
be processed; the admin shows those to superusers only (``lapor/mailbox/admin.py``). The inbound
log otherwise keeps a keyed hash of the sender, enough to rate-limit auto-replies.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReplyToken(models.Model):
    """The secret part of a reply address ``balas+<token>@domain``.

    80 random bits (16 lower-case base-32 characters: mail systems may change the case of a
    local part). Holding the token is the proof that a reply belongs to a report: nothing is
    guessed from subjects, tracking numbers or sender addresses. Revoked tokens are refused at
    RCPT time.
    """

    class Purpose(models.TextChoices):
        REPORTER = "reporter", _("Reporter of a report")
        INTAKE = "intake", _("Mail waiting for its place")

    token = models.CharField(max_length=32, unique=True)
    purpose = models.CharField(max_length=16, choices=Purpose.choices)
    report = models.ForeignKey(
        "reports.Report", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    intake = models.ForeignKey(
        "mailbox.PendingIntake",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="tokens",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["report", "purpose"],
                condition=models.Q(revoked_at__isnull=True, report__isnull=False),
                name="uniq_active_reply_token",
            )
        ]
        verbose_name = _("reply token")
        verbose_name_plural = _("reply tokens")

    def __str__(self) -> str:
        return f"{self.purpose} token {self.pk}"


class PendingIntake(models.Model):
    """A mail to the intake address that names no regency or city: kept whole until the sender
    says where it happened (by replying through its token), so nothing is lost."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting for the place")
        FILED = "filed", _("Filed as a report")
        ABANDONED = "abandoned", _("Abandoned")

    sender = models.EmailField()
    sender_name = models.CharField(max_length=150, blank=True)
    language = models.CharField(max_length=8, default="id")
    raw = models.BinaryField()
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.WAITING)
    asked = models.PositiveSmallIntegerField(default=1)
    report = models.ForeignKey(
        "reports.Report", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("mail waiting for its place")
        verbose_name_plural = _("mails waiting for their place")

    def __str__(self) -> str:
        return f"intake {self.pk} ({self.status})"


class InboundMessage(models.Model):
    """One row per message received. ``dedupe_key`` (the Message-ID, or a hash of the bytes
    when there is none) is unique: a mail delivered twice is processed once."""

    class Outcome(models.TextChoices):
        FILED = "filed", _("Filed as a report")
        PENDING = "pending", _("Kept: waiting for the place")
        THREADED = "threaded", _("Added to a report")
        REFUSED = "refused", _("Refused (the sender was told why)")
        IGNORED = "ignored", _("Ignored (automatic mail or bounce)")
        FAILED = "failed", _("Could not be processed")

    dedupe_key = models.CharField(max_length=255, unique=True)
    recipient = models.CharField(max_length=32)  # "intake" or "reply"; never a token
    outcome = models.CharField(max_length=16, choices=Outcome.choices)
    reason = models.CharField(max_length=64, blank=True)
    # HMAC of the lower-cased sender address keyed with SECRET_KEY.
    sender_hash = models.CharField(max_length=64, blank=True, db_index=True)
    report = models.ForeignKey(
        "reports.Report", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    intake = models.ForeignKey(
        PendingIntake, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    size = models.PositiveIntegerField(default=0)
    # Kept only when the message was not turned into a report or a reply, for inspection.
    raw = models.BinaryField(null=True, blank=True)
    auto_replied = models.BooleanField(default=False)
    reply_error = models.CharField(max_length=255, blank=True)
    received_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("received e-mail")
        verbose_name_plural = _("received e-mails")

    def __str__(self) -> str:
        return f"{self.received_at:%Y-%m-%d %H:%M} {self.outcome}"


class PinCourier(models.Model):
    """The PIN of a report filed by e-mail, waiting for the receipt that carries it.

    The PIN exists in clear only at submission; an e-mail reporter sees no receipt page, so it
    travels in the ``submitted`` e-mail, added by the channel at send time (never in the outbox
    row, which staff can read) and deleted once that e-mail was accepted. It is stored masked
    with a pad derived from SECRET_KEY (like the PIN hash: the database alone does not reveal it).
    """

    report = models.OneToOneField("reports.Report", on_delete=models.CASCADE, related_name="+")
    masked_pin = models.CharField(max_length=12)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"PIN courier for {self.report_id}"
