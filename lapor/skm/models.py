"""Answers to the community satisfaction survey (SKM, PermenPANRB 14/2017).

Anonymous by construction: an answer does not point at its report. ``report_key`` is a keyed
hash of the report (unique: one answer per report), so the agency, the console and the open
data cannot tell which reporter gave which answer; what is kept is what the index needs — the
agency that handled the case, the month it closed, the nine values — plus the optional comment,
which is never published.
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from lapor.skm.method import FIELDS

SCALE_VALIDATORS = [MinValueValidator(1), MaxValueValidator(4)]


class SurveyResponse(models.Model):
    report_key = models.CharField(max_length=64, unique=True)
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="+")
    # The first day of the month the case closed: the period it counts for.
    closed_month = models.DateField()
    channel = models.CharField(max_length=16)
    requirements = models.PositiveSmallIntegerField(validators=SCALE_VALIDATORS)
    procedure = models.PositiveSmallIntegerField(validators=SCALE_VALIDATORS)
    time = models.PositiveSmallIntegerField(validators=SCALE_VALIDATORS)
    cost = models.PositiveSmallIntegerField(validators=SCALE_VALIDATORS)
    product = models.PositiveSmallIntegerField(validators=SCALE_VALIDATORS)
    competence = models.PositiveSmallIntegerField(validators=SCALE_VALIDATORS)
    behaviour = models.PositiveSmallIntegerField(validators=SCALE_VALIDATORS)
    complaint_handling = models.PositiveSmallIntegerField(validators=SCALE_VALIDATORS)
    facilities = models.PositiveSmallIntegerField(validators=SCALE_VALIDATORS)
    comment = models.TextField(blank=True)
    answered_on = models.DateField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["agency", "closed_month"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(**{f"{name}__gte": 1}) & Q(**{f"{name}__lte": 4}),
                name=f"skm_{name}_on_scale",
            )
            for name in FIELDS
        ]
        verbose_name = _("satisfaction survey answer")
        verbose_name_plural = _("satisfaction survey answers")

    def __str__(self) -> str:
        return f"SKM answer {self.pk}"
