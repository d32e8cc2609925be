"""Kemendagri administrative areas: province → regency/city → district → village.

Loaded from the vendored copy of the npm package ``idn-area-data`` (ODbL) by
``manage.py load_directory``; nothing here is typed by hand.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Region(models.Model):
    class Level(models.IntegerChoices):
        PROVINCE = 1, _("Province")
        REGENCY = 2, _("Regency/city")
        DISTRICT = 3, _("District")
        VILLAGE = 4, _("Village")

    # Official dotted Kemendagri code, e.g. "34.04.07.2001".
    code = models.CharField(primary_key=True, max_length=13)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    level = models.PositiveSmallIntegerField(choices=Level.choices)
    name = models.CharField(max_length=120)

    class Meta:
        ordering = ["code"]
        indexes = [models.Index(fields=["parent", "name"])]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return self.name

    @property
    def is_kelurahan(self) -> bool:
        # Kemendagri village codes: 1xxx = kelurahan (urban), 2xxx = desa (rural).
        return self.level == self.Level.VILLAGE and self.code.rsplit(".", 1)[-1].startswith("1")

    @property
    def ancestor_codes(self) -> list[str]:
        """Codes from the province down to this region, derived from the dotted code."""
        parts = self.code.split(".")
        return [".".join(parts[: i + 1]) for i in range(len(parts))]
