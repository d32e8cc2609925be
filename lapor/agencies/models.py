"""The directory of who is responsible: agencies (a tree), kinds of unit, categories, staff."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class UnitType(models.Model):
    """A kind of unit that governments have, e.g. Dinas PUPR or Disdukcapil.

    Categories map to a unit type; the jurisdiction resolver (routing issue) turns
    (unit type, region) into the concrete unit, e.g. "Dinas PUPR Kabupaten Sleman".
    """

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=200)
    short_name = models.CharField(max_length=60)

    class Meta:
        ordering = ["name"]
        verbose_name = _("unit type")
        verbose_name_plural = _("unit types")

    def __str__(self) -> str:
        return self.short_name


class Agency(models.Model):
    class Kind(models.TextChoices):
        MINISTRY = "ministry", _("Ministry")
        NON_MINISTERIAL = "non_ministerial", _("Non-ministerial agency")
        STATE_INSTITUTION = "state_institution", _("State institution")
        PROVINCIAL_GOVERNMENT = "provincial_government", _("Provincial government")
        REGENCY_GOVERNMENT = "regency_government", _("Regency/city government")
        REGIONAL_UNIT = "regional_unit", _("Regional government unit (OPD)")
        DISTRICT_OFFICE = "district_office", _("District office (kecamatan)")
        VILLAGE_OFFICE = "village_office", _("Village office")
        VERTICAL_OFFICE = "vertical_office", _("Vertical office of a ministry")
        STATE_ENTERPRISE = "state_enterprise", _("State-owned enterprise (BUMN)")
        REGIONAL_ENTERPRISE = "regional_enterprise", _("Regional enterprise (BUMD)")
        INFORMATION_OFFICE = "information_office", _("Information officer (PPID)")

    class Level(models.TextChoices):
        # The government levels used in routing evaluation (issue: routing intelligence).
        NATIONAL = "pusat", _("National")
        PROVINCE = "provinsi", _("Province")
        REGENCY = "kabupaten/kota", _("Regency/city")
        DISTRICT = "kecamatan", _("District")
        VILLAGE = "kelurahan/desa", _("Village")
        VERTICAL = "instansi vertikal", _("Vertical office")
        STATE_ENTERPRISE = "BUMN", _("State-owned enterprise")
        REGIONAL_ENTERPRISE = "BUMD", _("Regional enterprise")

    # Stable natural key used by the idempotent loader, e.g. "pemda-34.04" or
    # "34.04:dinas-pupr"; never shown to the public.
    code = models.CharField(max_length=80, unique=True)
    name = models.CharField(max_length=255)
    short_name = models.CharField(max_length=120, blank=True)
    kind = models.CharField(max_length=32, choices=Kind.choices)
    level = models.CharField(max_length=24, choices=Level.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    region = models.ForeignKey(
        "regions.Region", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    unit_type = models.ForeignKey(
        UnitType, null=True, blank=True, on_delete=models.PROTECT, related_name="agencies"
    )
    accepts_reports = models.BooleanField(default=True)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]
        indexes = [
            models.Index(fields=["unit_type", "region"]),
            models.Index(fields=["kind", "name"]),
        ]
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")

    def __str__(self) -> str:
        return self.name


class Category(models.Model):
    """LAPOR!'s topics (*kategori*): 38 top-level topics, each with sub-topics."""

    code = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=200)
    name_en = models.CharField(max_length=200, blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    # The kind of unit that normally handles it in a regional government ...
    handling_unit_type = models.ForeignKey(
        UnitType, null=True, blank=True, on_delete=models.PROTECT, related_name="categories"
    )
    # ... and the national agency that owns the topic (ministry, LPNK or BUMN).
    national_agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="categories"
    )
    keywords = models.TextField(blank=True)
    sort_order = models.PositiveIntegerField(default=0)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self) -> str:
        if self.parent_id:
            return f"{self.parent} > {self.name}"
        return self.name

    def display_name(self, language: str) -> str:
        """The name for people, in normal case (see lapor.agencies.names)."""
        from lapor.agencies.names import category_name

        return category_name(self.name_en if language == "en" and self.name_en else self.name)


class Membership(models.Model):
    """A staff member's role in an agency. Capabilities derive from the role (case issue)."""

    class Role(models.TextChoices):
        NATIONAL_ADMIN = "national_admin", _("National admin")
        AGENCY_ADMIN = "agency_admin", _("Agency admin")
        LIAISON_OFFICER = "liaison_officer", _("Liaison officer")
        PPID_OFFICER = "ppid_officer", _("Information officer (PPID)")
        # Decides objections (keberatan) to the PPID's answers; usually the regional secretary
        # or the head of the agency (UU 14/2008 Pasal 36).
        ATASAN_PPID = "atasan_ppid", _("PPID's superior (Atasan PPID)")
        SUPERVISOR = "supervisor", _("Supervisor")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=24, choices=Role.choices)
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "agency", "role"], name="uniq_membership")
        ]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} @ {self.agency}"


def decree_path(instance: models.Model, filename: str) -> str:
    return f"sk-tim/{filename}"


class TeamDecree(models.Model):
    """The agency's *SK tim pengelola* (the decree appointing its complaint-handling team),
    which KemenPANRB's evaluation asks for (lapor.stats.evaluation). The file is cleaned like
    every upload; the latest decree in force counts."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="decrees")
    number = models.CharField(max_length=120)
    signed_on = models.DateField()
    # In force until this day (inclusive); empty: until a new decree replaces it.
    valid_until = models.DateField(null=True, blank=True)
    file = models.FileField(upload_to=decree_path)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-signed_on", "-id"]

    def __str__(self) -> str:
        return self.number
