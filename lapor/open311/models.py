"""Open311 GeoReport v2: partner applications and their API keys, per-service extra questions,
and what a partner sent with a request that has no column on ``Report``.

Keys are random 40-character secrets; only their SHA-256 is stored (a key has far more entropy
than a password, so a fast hash is enough and lets us look a key up by its hash). The key is
shown once, in the admin, when it is issued.
"""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

# Attribute codes with a meaning of our own on every service (see docs/api.md); admins may not
# define questions with these codes.
RESERVED_CODES = frozenset({"region_code", "privacy", "anonymous"})


class PartnerApp(models.Model):
    """An integrated application (e.g. a regency's own complaint app) allowed to POST."""

    name = models.CharField(_("name"), max_length=150)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner application")
        verbose_name_plural = _("partner applications")

    def __str__(self) -> str:
        return self.name


def hash_key(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def new_raw_key() -> str:
    return secrets.token_urlsafe(30)


class Scope(models.TextChoices):
    """What a key may do. One partner, one kind of key, for Open311 and API v1 alike."""

    OPEN311 = "open311", _("Open311: submit service requests")
    REPORTS = "reports", _("API v1: submit and track reports for citizens")
    STAFF = "staff", _("API v1: staff queues and follow-ups (acts as the key's user)")
    PARTNER = "partner", _("API v1: partner endpoints")


def default_scopes() -> list[str]:
    return [Scope.OPEN311.value]


DEFAULT_RATE_LIMIT = 120


class ApiKey(models.Model):
    partner = models.ForeignKey(PartnerApp, on_delete=models.CASCADE, related_name="keys")
    # A subset of Scope values, e.g. ["open311", "reports"].
    scopes = models.JSONField(_("scopes"), default=default_scopes, blank=True)
    rate_limit_per_minute = models.PositiveIntegerField(
        _("requests per minute"),
        default=DEFAULT_RATE_LIMIT,
        help_text=_("API v1 answers 429 past this many requests in one minute."),
    )
    # A staff key acts as this user, with the user's memberships and capabilities.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="api_keys",
        verbose_name=_("acts as user"),
        help_text=_("Required for the staff scope: the key has this user's permissions."),
    )
    # First characters of the key, to tell keys apart in the admin without storing the key.
    prefix = models.CharField(_("prefix"), max_length=8, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    label = models.CharField(_("label"), max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API key")
        verbose_name_plural = _("API keys")

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.partner})"

    def has_scope(self, scope: str) -> bool:
        return isinstance(self.scopes, list) and scope in self.scopes

    def clean(self) -> None:
        scopes = self.scopes if isinstance(self.scopes, list) else None
        if scopes is None or any(s not in Scope.values for s in scopes):
            raise ValidationError(
                {"scopes": _("Scopes must be a list of: %(s)s.") % {"s": ", ".join(Scope.values)}}
            )
        if Scope.STAFF in scopes and self.user_id is None:
            raise ValidationError({"user": _("A key with the staff scope needs a user.")})
        if self.rate_limit_per_minute < 1:
            raise ValidationError(
                {"rate_limit_per_minute": _("The rate limit must be at least 1.")}
            )

    def set_new_key(self) -> str:
        """Give this row a fresh key; returns the raw key (to be shown once)."""
        raw = new_raw_key()
        self.prefix = raw[:8]
        self.key_hash = hash_key(raw)
        return raw


class ServiceAttribute(models.Model):
    """One extra question of a service (category), as in the Service Definition."""

    class Datatype(models.TextChoices):
        STRING = "string", _("Text (one line)")
        NUMBER = "number", _("Number")
        DATETIME = "datetime", _("Date and time")
        TEXT = "text", _("Text (several lines)")
        SINGLEVALUELIST = "singlevaluelist", _("One choice from a list")
        MULTIVALUELIST = "multivaluelist", _("Several choices from a list")

    category = models.ForeignKey(
        "agencies.Category", on_delete=models.CASCADE, related_name="open311_attributes"
    )
    code = models.SlugField(_("code"), max_length=60)
    # False: display-only text shown to the person, no answer expected.
    variable = models.BooleanField(_("asks for input"), default=True)
    datatype = models.CharField(_("datatype"), max_length=16, choices=Datatype.choices)
    required = models.BooleanField(_("required"), default=False)
    datatype_description = models.CharField(_("datatype description"), max_length=255, blank=True)
    order = models.PositiveIntegerField(_("order"), default=1)
    description = models.CharField(_("question"), max_length=500)
    # For the list types: [{"key": "...", "name": "..."}, ...]
    values = models.JSONField(_("values"), default=list, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["category", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["category", "code"], name="uniq_o311_attr_code"),
            models.UniqueConstraint(fields=["category", "order"], name="uniq_o311_attr_order"),
        ]
        verbose_name = _("service question (Open311)")
        verbose_name_plural = _("service questions (Open311)")

    def __str__(self) -> str:
        return f"{self.category.code}:{self.code}"

    @property
    def is_list(self) -> bool:
        return self.datatype in (self.Datatype.SINGLEVALUELIST, self.Datatype.MULTIVALUELIST)

    def value_keys(self) -> list[str]:
        return [str(v.get("key", "")) for v in self.values or [] if isinstance(v, dict)]

    def clean(self) -> None:
        if self.code in RESERVED_CODES:
            raise ValidationError({"code": _("This code is reserved by the API.")})
        if self.order < 1:
            raise ValidationError({"order": _("The order must be a positive number.")})
        if self.is_list:
            values = self.values if isinstance(self.values, list) else None
            if not values or any(
                not isinstance(v, dict) or not v.get("key") or not v.get("name") for v in values
            ):
                raise ValidationError(
                    {"values": _('A list needs values like [{"key": "a", "name": "A"}].')}
                )
        elif self.values:
            raise ValidationError({"values": _("Only list questions have values.")})


class Open311Submission(models.Model):
    """What a partner sent with a request beyond the report itself: who sent it, the answers to
    the service's questions, and the partner's media URL and ids."""

    report = models.OneToOneField(
        "reports.Report", on_delete=models.CASCADE, related_name="open311_submission"
    )
    partner = models.ForeignKey(PartnerApp, on_delete=models.PROTECT, related_name="+")
    attributes = models.JSONField(default=dict, blank=True)
    media_url = models.URLField(max_length=1000, blank=True)
    device_id = models.CharField(max_length=120, blank=True)
    account_id = models.CharField(max_length=120, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Open311 submission of {self.report_id}"
