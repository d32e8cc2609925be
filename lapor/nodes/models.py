"""Community nodes (*simpul*): organisations whose volunteer helpers file reports for people.

A ``Node`` is registered by an agency admin (for their agency) or a national admin; its
``NodeHelper`` rows are ordinary citizen accounts, never staff: a helper gains no console
right. A ``NodeFiling`` ties one report to the node (and the helper) that filed it, with the
person's consent and how they want to hear back. The person's identity and optional
disability status stay in ``ReporterIdentity``; statistics read them only as counts
(``lapor.nodes.selectors.node_statistics``).

The person keeps the tracking ID and PIN and may take the report back at any time
(``withdrawn_at``): from then on the node sees nothing of it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Node(models.Model):
    class Kind(models.TextChoices):
        DISABILITY = "disability", _("Disability association")
        VILLAGE = "village", _("Village information centre")
        WOMEN = "women", _("Women's group")
        SCHOOL = "school", _("School")
        OTHER = "other", _("Other community organisation")

    name = models.CharField(_("name"), max_length=150)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    region = models.ForeignKey(
        "regions.Region", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # The agency whose admins registered and manage it; empty when a national admin did.
    agency = models.ForeignKey(
        "agencies.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("community node")
        verbose_name_plural = _("community nodes")

    def __str__(self) -> str:
        return self.name


class NodeHelper(models.Model):
    """A volunteer of a node: an ordinary account (not staff) that may file for people."""

    node = models.ForeignKey(Node, on_delete=models.CASCADE, related_name="helpers")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="node_helpers"
    )
    is_active = models.BooleanField(default=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["node", "user"], name="uniq_node_helper"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} @ {self.node_id}"


class NodeConsent(models.TextChoices):
    SPOKEN = "spoken", _("Given aloud to the helper")
    SIGNED_FORM = "signed_form", _("Signed consent form")
    SMS_CODE = "sms_code", _("Confirmed by the person with an SMS code")


class HearBack(models.TextChoices):
    HELPER = "helper", _("Through the helper")
    SMS = "sms", _("By SMS")
    VOICE_CALL = "voice_call", _("By a telephone call: the helper reads the answers out")
    EMAIL = "email", _("By e-mail")


class NodeFiling(models.Model):
    report = models.OneToOneField(
        "reports.Report", on_delete=models.CASCADE, related_name="node_filing"
    )
    node = models.ForeignKey(Node, on_delete=models.PROTECT, related_name="filings")
    # The helper who filed; for an anonymous report shown to nobody outside the node.
    helper = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    consent = models.CharField(max_length=16, choices=NodeConsent.choices)
    consent_note = models.CharField(max_length=255, blank=True)
    consent_recorded_at = models.DateTimeField()
    hear_back = models.CharField(max_length=16, choices=HearBack.choices)
    # The person took the report back: the node no longer sees it or acts for it.
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["node", "withdrawn_at"], name="nodefiling_node_idx")]

    def __str__(self) -> str:
        return f"{self.report_id} via {self.node_id}"

    @property
    def active(self) -> bool:
        return self.withdrawn_at is None


class ConsentCode(models.Model):
    """A code sent by SMS to the person, who reads it to the helper: their own confirmation.

    Only keyed hashes are kept (of the number and of the code); a code is good for
    ``lapor.nodes.actions.CODE_MINUTES`` and for one report."""

    node = models.ForeignKey(Node, on_delete=models.CASCADE, related_name="+")
    helper = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    phone_hash = models.CharField(max_length=64)
    code_hash = models.CharField(max_length=64)
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["helper", "phone_hash"], name="consentcode_lookup_idx")]

    def __str__(self) -> str:
        return f"consent code {self.pk}"
