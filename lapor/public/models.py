"""Public participation on a report: support (+1, "Dukung") and follow ("Ikuti").

Nothing here points at the reporter: a supporter or follower never learns who filed the report,
and these rows cannot be joined back to the reporter's identity.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Support(models.Model):
    """One +1. ``voter_hash`` is an HMAC of the account id or the browser's signed cookie id, so
    the table holds no raw cookie, account-to-report link a leak could expose, or IP address;
    ``ip_hash`` is an HMAC of the client address and the day (it cannot be reversed into the
    address, and it changes daily, so it cannot track a person across days)."""

    report = models.ForeignKey("reports.Report", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    voter_hash = models.CharField(max_length=64)
    ip_hash = models.CharField(max_length=64)
    day = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["report", "voter_hash"], name="uniq_support_voter")
        ]
        indexes = [models.Index(fields=["report", "ip_hash", "day"], name="support_ip_day_idx")]
        verbose_name = _("support")
        verbose_name_plural = _("supports")

    def __str__(self) -> str:
        return f"+1 on {self.report_id}"


class SupportTally(models.Model):
    """The support count of a report, kept current in the transaction that adds a support, so
    the feed can show and sort by it without counting rows (1,000,000 reports)."""

    report = models.OneToOneField(
        "reports.Report", primary_key=True, on_delete=models.CASCADE, related_name="support_tally"
    )
    count = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["-count", "report"], name="support_tally_count_idx")]

    def __str__(self) -> str:
        return f"{self.report_id}: {self.count}"


def new_token() -> str:
    return secrets.token_urlsafe(32)


class Follow(models.Model):
    """A person who asked to hear about a report's public updates.

    Double opt-in: a row starts unconfirmed and only the link e-mailed to the address confirms
    it, so nobody can subscribe someone else's inbox. A logged-in person following with the
    account's own address is confirmed at once. ``token`` confirms and unsubscribes.
    """

    report = models.ForeignKey("reports.Report", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    email = models.EmailField()
    language = models.CharField(max_length=8, default="id")
    token = models.CharField(max_length=64, unique=True, default=new_token)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["report", "email"], name="uniq_follow_email")
        ]
        indexes = [
            models.Index(
                fields=["report"],
                name="follow_confirmed_idx",
                condition=models.Q(confirmed_at__isnull=False),
            )
        ]
        verbose_name = _("follower")
        verbose_name_plural = _("followers")

    def __str__(self) -> str:
        return f"follower of {self.report_id}"


class SearchWord(models.Model):
    """A word of the published title or body of publicly visible reports: the vocabulary a
    misspelled search word is corrected against (lapor.public.vocabulary). Rebuilt by the
    worker; on PostgreSQL a trigram GIN index on ``word`` finds the closest words."""

    word = models.CharField(max_length=40, primary_key=True)
    reports = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return self.word
