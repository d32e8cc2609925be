"""Shared models: the days that are not working days beyond those the `holidays` package knows."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CalendarDay(models.Model):
    """A day off added by an admin: nationally (empty region) or for a province or regency.

    Weekends, national holidays and *cuti bersama* come from the ``holidays`` package; these
    rows add what it cannot know (a newly decreed collective leave day, a regional holiday such
    as Nyepi-related days in Bali or a local election day).
    """

    date = models.DateField(db_index=True)
    # "" = national; "51" = a province; "34.04" = a regency/city.
    region_code = models.CharField(max_length=5, blank=True, default="")
    name = models.CharField(max_length=150)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(fields=["date", "region_code"], name="uniq_calendar_day")
        ]
        verbose_name = _("day off")
        verbose_name_plural = _("days off")

    def __str__(self) -> str:
        return f"{self.date} {self.name} ({self.region_code or 'nasional'})"
