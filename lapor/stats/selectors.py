"""Reads for the statistics pages: only the rollup tables, a fixed number of queries each.

Population (documented on the page): every report received, whatever its privacy or status —
confidential (*rahasia*) reports are counted, but the rollups hold no text, no identity and no
tracking id, so nothing of their content can reach a page. Reports still awaiting
verification and archived reports are counted in the volumes; rates use the denominators
given in ``INDICATORS``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, cast

from django.db.models import F, QuerySet, Sum
from django.db.models.functions import TruncMonth, TruncWeek
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from lapor.agencies.models import Agency, Category
from lapor.regions.models import Region
from lapor.stats.models import (
    BUCKETS,
    CL_FIELDS,
    FU_FIELDS,
    RATING_FIELDS,
    SUM_FIELDS,
    AgencyScore,
    DailyRollup,
)
from lapor.stats.rollup import median_bucket

# Indicator definitions, published on the pages next to the figures.
INDICATORS: dict[str, tuple[Any, Any]] = {
    "received": (
        _("Reports received"),
        _(
            "Every report received in the period, by the day it arrived (Western Indonesian "
            "Time), whatever its privacy or status. Confidential reports are counted but never "
            "shown."
        ),
    ),
    "share_followed_up": (
        _("Followed up"),
        _(
            "Share of dispositioned reports (sent to at least one agency) that received at "
            "least one follow-up from an agency."
        ),
    ),
    "share_within_5wd": (
        _("Followed up within 5 working days"),
        _(
            "Share of dispositioned reports whose first follow-up came within 5 working days "
            "of the disposition. Reports whose 5 days have not yet passed are left out. "
            "Weekends, national holidays, collective leave and local days off do not count."
        ),
    ),
    "median_first_follow_up": (
        _("Median time to first follow-up"),
        _(
            "Working days from the disposition to the first follow-up, for followed-up "
            "reports. Exact up to 5 working days; beyond that it is shown as a range "
            "(6–7, 8–10, 11–14, 15–20, 21–30, 31–60, more than 60)."
        ),
    ),
    "median_close": (
        _("Median time to close"),
        _(
            "Working days from receipt to closure for completed reports (closed by the "
            "reporter, an admin or the system; archived reports excluded). Same ranges as above."
        ),
    ),
    "satisfaction": (
        _("Satisfaction"),
        _(
            "Mean rating (1 to 5) that reporters gave when closing their report, and how many "
            "gave each rating."
        ),
    ),
    "reopen_rate": (
        _("Re-open rate"),
        _(
            "Share of reports closed at least once whose closure the reporter disputed, "
            "reopening the case."
        ),
    ),
    "bounce_rate": (
        _("“Not our authority” rate"),
        _(
            "Share of received reports that an agency returned at least once as “not our "
            "authority”."
        ),
    ),
}

SCORE_INDICATORS: dict[str, tuple[Any, Any]] = {
    "connected": (
        _("Connected"),
        _(
            "The agency has its team appointed: at least one active agency admin or liaison "
            "officer."
        ),
    ),
    "actions_30d": (
        _("Admin activity"),
        _(
            "Actions by the agency's staff on cases in the last 30 days: follow-ups, "
            "questions to reporters, transfers, “not our authority”, deadline changes."
        ),
    ),
    "n": (
        _("Cases received"),
        _(
            "Reports dispositioned to the agency at any time (a transferred case counts for "
            "each agency)."
        ),
    ),
    "share_followed_up": (
        _("Followed up"),
        _("Share of the agency's cases it followed up at least once."),
    ),
    "share_completed": (
        _("Completed"),
        _("Share of the agency's cases closed (not archived) while the agency still handled them."),
    ),
    "share_within_5wd": (
        _("Followed up within 5 working days"),
        _(
            "Share of the agency's cases with a first follow-up within 5 working days of "
            "reaching the agency; cases still inside their 5 days are left out."
        ),
    ),
    "median_resolve_wd": (
        _("Median time to resolve"),
        _(
            "Working days from the case reaching the agency to its closure, for completed "
            "cases; exact up to 5, then in ranges (the lower bound is used for sorting)."
        ),
    ),
    "mean_rating": (
        _("Satisfaction"),
        _("Mean rating (1 to 5) given by reporters on the agency's completed cases."),
    ),
    "reopen_rate": (
        _("Re-open rate"),
        _("Share of the agency's cases closed at least once whose closure was disputed."),
    ),
    "bounce_rate": (
        _("“Not our authority”"),
        _("Share of the agency's cases it returned as “not our authority”."),
    ),
}
# Sort direction that puts the best agencies first.
SORT_BEST_FIRST = {
    "n": "desc",
    "actions_30d": "desc",
    "share_followed_up": "desc",
    "share_completed": "desc",
    "share_within_5wd": "desc",
    "median_resolve_wd": "asc",
    "mean_rating": "desc",
    "reopen_rate": "asc",
    "bounce_rate": "asc",
}


def bucket_label(index: int | None) -> str:
    if index is None:
        return "—"
    low, high = BUCKETS[index]
    if high is None:
        return gettext("more than %(n)d working days") % {"n": low - 1}
    if low == high:
        return ngettext("%(n)d working day", "%(n)d working days", low) % {"n": low}
    return gettext("%(low)d–%(high)d working days") % {"low": low, "high": high}


@dataclass
class Filters:
    region: Region | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    by: str = "month"


def sums() -> dict[str, Sum]:
    return {f: Sum(f) for f in SUM_FIELDS}


def _scoped(filters: Filters) -> tuple[QuerySet[DailyRollup], QuerySet[DailyRollup] | None]:
    """Rows for the totals and rows for the next region level down (None at district)."""
    qs = DailyRollup.objects.all()
    if filters.since:
        qs = qs.filter(day__gte=filters.since)
    if filters.until:
        qs = qs.filter(day__lte=filters.until)
    region = filters.region
    if region is None:
        return qs.filter(region_level=1), qs.filter(region_level=1)
    here = qs.filter(region_level=region.level, region_code=region.code)
    if region.level >= DailyRollup.Level.DISTRICT:
        return here, None
    below = qs.filter(region_level=region.level + 1, region_code__startswith=region.code + ".")
    return here, below


def _clean(row: dict[str, Any]) -> dict[str, int]:
    return {k: (v or 0) for k, v in row.items()}


def indicators_of(m: dict[str, int]) -> dict[str, Any]:
    def rate(a: str, b: str) -> float | None:
        return m[a] / m[b] if m.get(b) else None

    return {
        "received": m.get("n", 0),
        "confidential": m.get("n_confidential", 0),
        "disposed": m.get("n_disposed", 0),
        "share_followed_up": rate("n_followed_up", "n_disposed"),
        "share_within_5wd": rate("n_fu_within_5", "n_fu_due"),
        "median_first_follow_up": bucket_label(median_bucket([m[f] for f in FU_FIELDS])),
        "median_close": bucket_label(median_bucket([m[f] for f in CL_FIELDS])),
        "mean_rating": rate("rating_sum", "n_rated"),
        "n_rated": m.get("n_rated", 0),
        "ratings": [m[f] for f in RATING_FIELDS],
        "reopen_rate": rate("n_reopened", "n_closed_once"),
        "bounce_rate": rate("n_bounced", "n"),
        "fu_hist": [m[f] for f in FU_FIELDS],
        "cl_hist": [m[f] for f in CL_FIELDS],
    }


CACHE_SECONDS = 15 * 60


def dashboard(filters: Filters, language: str) -> dict[str, Any]:
    """Everything the dashboard shows. Cached per filter set until the next refresh (the key
    holds the refresh's timestamp): one query on a hit, eight on a miss, whatever the data size.
    """
    from django.core.cache import cache

    from lapor.stats.models import Watermark

    stamp = Watermark.objects.filter(name="facts").values_list("last_run_at", flat=True).first()
    key = "stats:dashboard:" + ":".join(
        [
            language,
            filters.region.code if filters.region else "",
            str(filters.since or ""),
            str(filters.until or ""),
            filters.by,
            stamp.isoformat() if stamp else "never",
        ]
    )
    data = cache.get(key)
    if data is None:
        data = _dashboard(filters, language)
        cache.set(key, data, CACHE_SECONDS)
    return data


def _dashboard(filters: Filters, language: str) -> dict[str, Any]:
    here, below = _scoped(filters)
    totals = _clean(here.aggregate(**sums()))
    trunc = TruncWeek("day") if filters.by == "week" else TruncMonth("day")
    over_time = [
        (row["period"], row["n"] or 0)
        for row in here.annotate(period=trunc)
        .values("period")
        .order_by("period")
        .annotate(n=Sum("n"))
    ]
    regions: list[dict[str, Any]] = []
    if below is not None:
        rows = list(
            below.values("region_code")
            .order_by()
            .annotate(n=Sum("n"), fu=Sum("n_followed_up"), disposed=Sum("n_disposed"))
        )
        names = dict(
            Region.objects.filter(code__in=[r["region_code"] for r in rows]).values_list(
                "code", "name"
            )
        )
        for r in rows:
            regions.append(
                {
                    "code": r["region_code"],
                    "name": names.get(r["region_code"], r["region_code"]),
                    "n": r["n"] or 0,
                    "share_followed_up": (r["fu"] or 0) / r["disposed"] if r["disposed"] else None,
                }
            )
        regions.sort(key=lambda r: (-r["n"], r["name"]))
    cat_rows = list(here.values("category_id").order_by().annotate(n=Sum("n")))
    categories_by_id = {
        c.pk: c
        for c in Category.objects.filter(
            pk__in=[r["category_id"] for r in cat_rows if r["category_id"]]
        )
    }
    categories: list[dict[str, Any]] = sorted(
        (
            {
                "id": r["category_id"],
                "name": (
                    categories_by_id[r["category_id"]].display_name(language)
                    if r["category_id"] in categories_by_id
                    else str(_("No category"))
                ),
                "n": r["n"] or 0,
            }
            for r in cat_rows
        ),
        key=lambda r: (-r["n"], r["name"]),
    )
    agency_rows = list(
        here.exclude(agency_id=None)
        .values("agency_id")
        .order_by()
        .annotate(n=Sum("n"), fu=Sum("n_followed_up"), disposed=Sum("n_disposed"))
        .order_by("-n", "agency_id")[:20]
    )
    agency_names = dict(
        Agency.objects.filter(pk__in=[r["agency_id"] for r in agency_rows]).values_list(
            "pk", "name"
        )
    )
    agencies = [
        {
            "id": r["agency_id"],
            "name": agency_names.get(cast(int, r["agency_id"]), "?"),  # agency_id=None excluded
            "n": r["n"] or 0,
            "share_followed_up": (r["fu"] or 0) / r["disposed"] if r["disposed"] else None,
        }
        for r in agency_rows
    ]
    return {
        "totals": totals,
        "indicators": indicators_of(totals),
        "over_time": over_time,
        "regions": regions,
        "categories": categories,
        "agencies": agencies,
    }


def breadcrumb(region: Region | None) -> list[Region]:
    if region is None:
        return []
    return list(Region.objects.filter(code__in=region.ancestor_codes).order_by("level"))


def league(*, sort: str, kind: str = "", province: str = "") -> QuerySet[AgencyScore]:
    qs = AgencyScore.objects.all()
    if kind:
        qs = qs.filter(agency_kind=kind)
    if province:
        qs = qs.filter(province_code=province)
    if sort not in SORT_BEST_FIRST:
        sort = "share_within_5wd"
    field = F(sort)
    order = (
        field.desc(nulls_last=True)
        if SORT_BEST_FIRST[sort] == "desc"
        else field.asc(nulls_last=True)
    )
    return qs.order_by(order, "-n", "agency_id")
