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

from django.db.models import F, Q, QuerySet, Sum
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
    DimPeriod,
    Grain,
    RegionPeriod,
)
from lapor.stats.rollup import DIM_YEAR_LEVELS, median_bucket

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


Segment = tuple[str, dt.date, dt.date]  # grain, first period start, last period start


def _month_end(day: dt.date) -> dt.date:
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)


def _by_months(a: dt.date, b: dt.date) -> list[Segment]:
    """[a, b] as whole months inside it, and days at its edges."""
    first = a if a.day == 1 else _month_end(a) + dt.timedelta(days=1)
    last = b if b == _month_end(b) else b.replace(day=1) - dt.timedelta(days=1)
    if first > last:
        return [(Grain.DAY, a, b)]
    out: list[Segment] = [(Grain.MONTH, first, last.replace(day=1))]
    if a < first:
        out.append((Grain.DAY, a, first - dt.timedelta(days=1)))
    if last < b:
        out.append((Grain.DAY, last + dt.timedelta(days=1), b))
    return out


def segments(since: dt.date | None, until: dt.date | None, *, years: bool = True) -> list[Segment]:
    """The fewest rollup periods covering [since, until] exactly (open ends: everything):
    whole years (if ``years``), then whole months, then days at the edges."""
    lo, hi = since or dt.date(1900, 1, 1), until or dt.date(9998, 12, 31)
    if lo > hi:
        return []
    if not years:
        return _by_months(lo, hi)
    first = lo.year if (lo.month, lo.day) == (1, 1) else lo.year + 1
    last = hi.year if (hi.month, hi.day) == (12, 31) else hi.year - 1
    if first > last:
        return _by_months(lo, hi)
    out: list[Segment] = [(Grain.YEAR, dt.date(first, 1, 1), dt.date(last, 1, 1))]
    if lo < dt.date(first, 1, 1):
        out += _by_months(lo, dt.date(first - 1, 12, 31))
    if hi > dt.date(last, 12, 31):
        out += _by_months(dt.date(last + 1, 1, 1), hi)
    return out


def _in(segs: list[Segment], scope: Q) -> Q:
    """Rows of ``scope`` in the periods of ``segs``. The scope is repeated in every branch so
    each one is a range of the (region, grain, period) index, not a filter over all grains."""
    q = Q(pk__in=[])
    for grain, first, last in segs:
        q |= scope & Q(grain=grain, period__gte=first, period__lte=last)
    return q


def _level(region: Region | None) -> Q:
    if region is None:
        return Q(region_level=0, region_code="")
    return Q(region_level=region.level, region_code=region.code)


def _children(region: Region | None) -> tuple[int, dict[str, str]] | None:
    """The next level down and its regions' names (None below a district)."""
    if region is None:
        return 1, dict(Region.objects.filter(level=1).values_list("code", "name"))
    if region.level >= 3:
        return None
    return region.level + 1, dict(Region.objects.filter(parent=region).values_list("code", "name"))


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
    from lapor.stats.breakdowns import breakdowns

    segs = segments(filters.since, filters.until)
    here = _level(filters.region)
    totals = _clean(RegionPeriod.objects.filter(_in(segs, here)).aggregate(**sums()))
    if filters.by == "week":
        trunc: TruncWeek | TruncMonth = TruncWeek("period")
        timeline = _in([(Grain.DAY, *_bounds(filters))], here)
    else:
        trunc = TruncMonth("period")
        timeline = _in(segments(filters.since, filters.until, years=False), here)
    over_time = [
        (row["p"], row["n"] or 0)
        for row in RegionPeriod.objects.filter(timeline)
        .annotate(p=trunc)
        .values("p")
        .order_by("p")
        .annotate(n=Sum("n"))
    ]
    regions: list[dict[str, Any]] = []
    children = _children(filters.region)
    if children is not None:
        level, names = children
        rows = list(
            RegionPeriod.objects.filter(
                _in(segs, Q(region_level=level, region_code__in=sorted(names)))
            )
            .values("region_code")
            .order_by()
            .annotate(n=Sum("n"), fu=Sum("n_followed_up"), disposed=Sum("n_disposed"))
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
    dims = DimPeriod.objects.all()
    if filters.region is not None and filters.region.level > DIM_YEAR_LEVELS:
        segs = segments(filters.since, filters.until, years=False)  # no year rows down there
    cat_rows = [
        {"category_id": r["dim_id"], "n": r["n"]}
        for r in dims.filter(_in(segs, here & Q(dim="c")))
        .values("dim_id")
        .order_by()
        .annotate(n=Sum("n"))
    ]
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
    agency_rows = [
        {"agency_id": r["dim_id"], "n": r["n"], "fu": r["fu"], "disposed": r["disposed"]}
        for r in dims.filter(_in(segs, here & Q(dim="a")))
        .exclude(dim_id=None)
        .values("dim_id")
        .order_by()
        .annotate(n=Sum("n"), fu=Sum("n_followed_up"), disposed=Sum("n_disposed"))
        .order_by("-n", "dim_id")[:20]
    ]
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
        # By channel, kind and disability status, with the small-count threshold.
        "breakdowns": breakdowns(filters.region, filters.since, filters.until),
    }


def _bounds(filters: Filters) -> tuple[dt.date, dt.date]:
    return filters.since or dt.date(1900, 1, 1), filters.until or dt.date(9998, 12, 31)


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
