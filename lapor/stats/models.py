"""Precomputed statistics: the public pages read these tables only, never ``reports_report``.

Three layers, all rebuilt by ``lapor.stats.rollup.refresh`` (worker job every 5 minutes,
``manage.py refresh_stats [--full]``):

* ``ReportFact`` — one row per report: its dimensions and outcome measures, computed in Python
  with the working-day calendar (which SQL cannot do).
* ``AgencyCaseFact`` — one row per (report, agency that was ever assigned it): the agency's
  own clock and outcome, for scorecards (a transferred case counts for each agency).
* ``RegionPeriod`` and ``DimPeriod`` — what the dashboard reads: per day, month and year
  (``grain``), per region (level 0 is the whole country, then province, regency, district:
  every report counts once at each level, so a drill-down reads only its own level's rows),
  all measures with histogram buckets (``fu_*``, ``cl_*``) that give medians without the
  facts; and per category or agency, the three counts their charts show. A date range is
  covered by whole years, then whole months, then days at its edges, so a national or
  province dashboard reads tens to thousands of rows, not millions. Rows exist only where
  they sum many facts (``rollup.region_rows``, ``rollup.dim_rows``): days only for the
  country and provinces, category and agency rows only per month (down to regencies) and
  year (country and provinces); the rest is read from the facts' (region, day) indexes.
  (Day rows of every region, category and agency held one or two reports each and made the
  statistics larger than the reports table at 1,000,000 reports.)
* ``AgencyScore`` — one row per agency: the DOMAIN.md §8 indicators, ready to sort and page.
"""

from __future__ import annotations

from django.db import models

# Working-day buckets for medians: exact up to 5 working days, then ranges.
# (lower bound, upper bound inclusive or None for open-ended)
BUCKETS: tuple[tuple[int, int | None], ...] = (
    (0, 0),
    (1, 1),
    (2, 2),
    (3, 3),
    (4, 4),
    (5, 5),
    (6, 7),
    (8, 10),
    (11, 14),
    (15, 20),
    (21, 30),
    (31, 60),
    (61, None),
)
FU_FIELDS = tuple(f"fu_{i}" for i in range(len(BUCKETS)))
CL_FIELDS = tuple(f"cl_{i}" for i in range(len(BUCKETS)))
RATING_FIELDS = tuple(f"rating_{i}" for i in range(1, 6))


def bucket_of(days: int) -> int:
    for i, (_low, high) in enumerate(BUCKETS):
        if high is None or days <= high:
            return i
    return len(BUCKETS) - 1


class Measures(models.Model):
    """Additive counters shared by every rollup: a sum of rows is again a valid row."""

    n = models.PositiveIntegerField(default=0)
    n_confidential = models.PositiveIntegerField(default=0)
    n_disposed = models.PositiveIntegerField(default=0)
    n_followed_up = models.PositiveIntegerField(default=0)
    # Reports whose 5-working-day window is over (followed up or not): the denominator.
    n_fu_due = models.PositiveIntegerField(default=0)
    n_fu_within_5 = models.PositiveIntegerField(default=0)
    n_completed = models.PositiveIntegerField(default=0)
    n_archived = models.PositiveIntegerField(default=0)
    n_rated = models.PositiveIntegerField(default=0)
    rating_sum = models.PositiveIntegerField(default=0)
    # Closed at least once (completed now, or reopened after a closure): re-open denominator.
    n_closed_once = models.PositiveIntegerField(default=0)
    n_reopened = models.PositiveIntegerField(default=0)
    n_bounced = models.PositiveIntegerField(default=0)
    locals().update({f: models.PositiveIntegerField(default=0) for f in FU_FIELDS})
    locals().update({f: models.PositiveIntegerField(default=0) for f in CL_FIELDS})
    locals().update({f: models.PositiveIntegerField(default=0) for f in RATING_FIELDS})

    class Meta:
        abstract = True


SUM_FIELDS = (
    "n",
    "n_confidential",
    "n_disposed",
    "n_followed_up",
    "n_fu_due",
    "n_fu_within_5",
    "n_completed",
    "n_archived",
    "n_rated",
    "rating_sum",
    "n_closed_once",
    "n_reopened",
    "n_bounced",
    *FU_FIELDS,
    *CL_FIELDS,
    *RATING_FIELDS,
)


class ReportFact(models.Model):
    # No foreign key: facts are derived data and must never block deleting a report.
    report_id = models.BigIntegerField(primary_key=True)
    received_on = models.DateField(db_index=True)
    province_code = models.CharField(max_length=2)
    regency_code = models.CharField(max_length=5)
    district_code = models.CharField(max_length=8, blank=True)
    agency_id = models.BigIntegerField(null=True)
    category_id = models.BigIntegerField(null=True)  # top-level category
    kind = models.CharField(max_length=24)
    channel = models.CharField(max_length=16)
    # The reporter's disability status as one of the form's keys ("" not said, none, or a
    # free-text answer of another channel): counted only in the public breakdown, by rollup.
    disability = models.CharField(max_length=16, blank=True, default="")
    is_confidential = models.BooleanField(default=False)
    disposed = models.BooleanField(default=False)
    followed_up = models.BooleanField(default=False)
    first_follow_up_wd = models.PositiveIntegerField(null=True)
    # None while the 5-working-day window is still open and nothing was posted.
    followed_up_within_5wd = models.BooleanField(null=True)
    completed = models.BooleanField(default=False)
    archived = models.BooleanField(default=False)
    close_wd = models.PositiveIntegerField(null=True)
    rating = models.PositiveSmallIntegerField(null=True)
    reopened = models.BooleanField(default=False)
    bounced_not_authority = models.BooleanField(default=False)
    computed_at = models.DateTimeField()

    class Meta:
        # The periods the rollups do not keep (``rollup.region_rows``/``dim_rows``: a small
        # region's days, its categories and agencies) and the breakdowns read a region's facts.
        indexes = [
            models.Index(fields=["province_code", "received_on"], name="fact_province_day_idx"),
            models.Index(fields=["regency_code", "received_on"], name="fact_regency_day_idx"),
            models.Index(fields=["district_code", "received_on"], name="fact_district_day_idx"),
        ]

    def __str__(self) -> str:
        return f"fact of report {self.report_id}"


class AgencyCaseFact(models.Model):
    report_id = models.BigIntegerField()
    agency_id = models.BigIntegerField()
    received_on = models.DateField()
    followed_up = models.BooleanField(default=False)
    first_follow_up_wd = models.PositiveIntegerField(null=True)
    followed_up_within_5wd = models.BooleanField(null=True)
    completed = models.BooleanField(default=False)
    resolve_wd = models.PositiveIntegerField(null=True)
    rating = models.PositiveSmallIntegerField(null=True)
    reopened = models.BooleanField(default=False)
    bounced_not_authority = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["report_id", "agency_id"], name="uniq_agency_case")
        ]
        indexes = [models.Index(fields=["agency_id"])]

    def __str__(self) -> str:
        return f"{self.report_id}@{self.agency_id}"


class Grain(models.TextChoices):
    DAY = "d"
    MONTH = "m"
    YEAR = "y"


class RegionPeriod(Measures):
    """A day, month or year (``period`` is its first day) of one region; level 0 = Indonesia."""

    grain = models.CharField(max_length=1, choices=Grain.choices)
    period = models.DateField()
    region_level = models.PositiveSmallIntegerField()
    region_code = models.CharField(max_length=8, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["region_level", "region_code", "grain", "period"]),
            models.Index(fields=["grain", "period"]),
        ]

    def __str__(self) -> str:
        return f"{self.grain}{self.period} {self.region_code or 'ID'}"


class DimPeriod(models.Model):
    """Counts per category (``dim`` "c") or agency ("a") in a region and period."""

    grain = models.CharField(max_length=1, choices=Grain.choices)
    period = models.DateField()
    region_level = models.PositiveSmallIntegerField()
    region_code = models.CharField(max_length=8, blank=True)
    dim = models.CharField(max_length=1)
    dim_id = models.BigIntegerField(null=True)
    n = models.PositiveIntegerField(default=0)
    n_followed_up = models.PositiveIntegerField(default=0)
    n_disposed = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [
            models.Index(fields=["region_level", "region_code", "dim", "grain", "period"]),
            models.Index(fields=["grain", "period"]),
        ]

    def __str__(self) -> str:
        return f"{self.grain}{self.period} {self.region_code or 'ID'} {self.dim}{self.dim_id}"


class AgencyScore(Measures):
    agency_id = models.BigIntegerField(primary_key=True)
    agency_kind = models.CharField(max_length=32)
    province_code = models.CharField(max_length=2, blank=True)
    connected = models.BooleanField(default=False)
    actions_30d = models.PositiveIntegerField(default=0)
    # Indicators, 0..1 shares or day counts; None when there is nothing to measure.
    share_followed_up = models.FloatField(null=True)
    share_completed = models.FloatField(null=True)
    share_within_5wd = models.FloatField(null=True)
    median_resolve_wd = models.FloatField(null=True)
    mean_rating = models.FloatField(null=True)
    reopen_rate = models.FloatField(null=True)
    bounce_rate = models.FloatField(null=True)
    computed_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["agency_kind"]), models.Index(fields=["province_code"])]

    def __str__(self) -> str:
        return f"score of {self.agency_id}"


class Watermark(models.Model):
    """Where the last incremental refresh stopped (one row, name="facts")."""

    name = models.CharField(max_length=40, primary_key=True)
    last_event_id = models.BigIntegerField(default=0)
    last_run_at = models.DateTimeField(null=True)
    # Held while a refresh runs, so two workers never rebuild the same rows at once; a lease
    # (not a lock) so a crashed run does not block the next ones for long.
    lease_until = models.DateTimeField(null=True)

    def __str__(self) -> str:
        return self.name
