"""Reads for the statistics pages: only the rollup tables, a fixed number of queries each.

Population (documented on the page): every report received, whatever its privacy or status —
confidential (*rahasia*) reports are counted, but the rollups hold no text, no identity and no
tracking id, so nothing of their content can reach a page. Reports still awaiting
verification and archived reports are counted in the volumes; rates use the denominators
given in ``INDICATORS``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, cast

from django.db.models import Count, F, Q, QuerySet, Sum
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
    ReportFact,
)
from lapor.stats.rollup import (
    CODED_DIMS,
    DIM_YEAR_LEVELS,
    DIMS,
    LEVEL_FIELDS,
    dim_rows,
    fact_sums,
    median_bucket,
    region_rows,
)

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


def _split(segs: list[Segment], kept: Callable[[str], bool]) -> tuple[list[Segment], list[Segment]]:
    """(the segments a rollup keeps rows of, the segments to read from the facts)."""
    return [s for s in segs if kept(s[0])], [s for s in segs if not kept(s[0])]


def _segment_end(grain: str, last: dt.date) -> dt.date:
    if grain == Grain.DAY:
        return last
    if grain == Grain.MONTH:
        return _month_end(last)
    return dt.date(last.year, 12, 31)


def _facts(segs: list[Segment], region: Region | None) -> QuerySet[ReportFact]:
    """The facts received in ``segs`` in ``region``: a range of a (region, day) index each."""
    scope = Q()
    if region is not None:
        scope = Q(**{LEVEL_FIELDS[region.level]: region.code})
    q = Q(pk__in=[])
    for grain, first, last in segs:
        q |= scope & Q(received_on__gte=first, received_on__lte=_segment_end(grain, last))
    return ReportFact.objects.filter(q)


def _dicts(rows: Any) -> Iterable[dict[str, Any]]:
    """A ``values()`` queryset's rows, typed as the plain dicts they are."""
    return cast("Iterable[dict[str, Any]]", rows)


def _add(into: dict[Any, dict[str, int]], key: Any, row: dict[str, Any]) -> None:
    have = into.setdefault(key, {})
    for name, value in row.items():
        have[name] = have.get(name, 0) + (value or 0)


def _dashboard(filters: Filters, language: str) -> dict[str, Any]:
    from lapor.stats.breakdowns import breakdowns

    level = filters.region.level if filters.region is not None else 0
    segs = segments(filters.since, filters.until)
    here = _level(filters.region)
    rolled, loose = _split(segs, lambda grain: region_rows(grain, level))
    totals = _clean(RegionPeriod.objects.filter(_in(rolled, here)).aggregate(**sums()))
    if loose:
        extra = _clean(_facts(loose, filters.region).aggregate(**fact_sums()))
        totals = {f: totals.get(f, 0) + extra.get(f, 0) for f in SUM_FIELDS}
    if filters.by == "week":
        trunc: TruncWeek | TruncMonth = TruncWeek("period")
        fact_trunc: TruncWeek | TruncMonth = TruncWeek("received_on")
        timeline_segs: list[Segment] = [(Grain.DAY, *_bounds(filters))]
    else:
        trunc, fact_trunc = TruncMonth("period"), TruncMonth("received_on")
        timeline_segs = segments(filters.since, filters.until, years=False)
    rolled_t, loose_t = _split(timeline_segs, lambda grain: region_rows(grain, level))
    over: dict[Any, dict[str, int]] = {}
    for row in _dicts(
        RegionPeriod.objects.filter(_in(rolled_t, here))
        .annotate(p=trunc)
        .values("p")
        .order_by()
        .annotate(n=Sum("n"))
    ):
        _add(over, row["p"], {"n": row["n"]})
    if loose_t:
        for row in _dicts(
            _facts(loose_t, filters.region)
            .annotate(p=fact_trunc)
            .values("p")
            .order_by()
            .annotate(n=Count("pk"))
        ):
            _add(over, row["p"], {"n": row["n"]})
    over_time = [(p, over[p]["n"]) for p in sorted(over)]
    regions: list[dict[str, Any]] = []
    children = _children(filters.region)
    if children is not None:
        child_level, names = children
        child_field = LEVEL_FIELDS[child_level]
        by_code: dict[Any, dict[str, int]] = {}
        rolled_c, loose_c = _split(segs, lambda grain: region_rows(grain, child_level))
        for r in _dicts(
            RegionPeriod.objects.filter(
                _in(rolled_c, Q(region_level=child_level, region_code__in=sorted(names)))
            )
            .values("region_code")
            .order_by()
            .annotate(n=Sum("n"), fu=Sum("n_followed_up"), disposed=Sum("n_disposed"))
        ):
            _add(by_code, r.pop("region_code"), r)
        if loose_c:
            for r in _dicts(
                _facts(loose_c, filters.region)
                .filter(**{f"{child_field}__in": sorted(names)})
                .values(child_field)
                .order_by()
                .annotate(
                    n=Count("pk"),
                    fu=Count("pk", filter=Q(followed_up=True)),
                    disposed=Count("pk", filter=Q(disposed=True)),
                )
            ):
                _add(by_code, r.pop(child_field), r)
        for code, r in by_code.items():
            regions.append(
                {
                    "code": code,
                    "name": names.get(code, code),
                    "n": r["n"],
                    "share_followed_up": r["fu"] / r["disposed"] if r["disposed"] else None,
                }
            )
        regions.sort(key=lambda r: (-r["n"], r["name"]))
    dim_segs = segments(filters.since, filters.until, years=level <= DIM_YEAR_LEVELS)
    rolled_d, loose_d = _split(dim_segs, lambda grain: dim_rows(grain, level))
    dims = DimPeriod.objects.filter(_in(rolled_d, here))
    loose_facts = _facts(loose_d, filters.region) if loose_d else None
    by_category: dict[Any, dict[str, int]] = {}
    for r in _dicts(dims.filter(dim="c").values("dim_id").order_by().annotate(n=Sum("n"))):
        _add(by_category, r["dim_id"], {"n": r["n"]})
    if loose_facts is not None:
        for r in _dicts(loose_facts.values("category_id").order_by().annotate(n=Count("pk"))):
            _add(by_category, r["category_id"], {"n": r["n"]})
    categories_by_id = {
        c.pk: c for c in Category.objects.filter(pk__in=[k for k in by_category if k])
    }
    categories: list[dict[str, Any]] = sorted(
        (
            {
                "id": category_id,
                "name": (
                    categories_by_id[category_id].display_name(language)
                    if category_id in categories_by_id
                    else str(_("No category"))
                ),
                "n": r["n"],
            }
            for category_id, r in by_category.items()
        ),
        key=lambda r: (-r["n"], r["name"]),
    )
    agency_sums = {"n": Sum("n"), "fu": Sum("n_followed_up"), "disposed": Sum("n_disposed")}
    agency_rows = dims.filter(dim="a").exclude(dim_id=None).values("dim_id").order_by()
    by_agency: dict[Any, dict[str, int]] = {}
    if loose_facts is None:
        # Rollup rows only: the database keeps the top 20.
        agency_rows = agency_rows.annotate(**agency_sums).order_by("-n", "dim_id")[:20]
    else:
        agency_rows = agency_rows.annotate(**agency_sums)
        for r in _dicts(
            loose_facts.exclude(agency_id=None)
            .values("agency_id")
            .order_by()
            .annotate(
                n=Count("pk"),
                fu=Count("pk", filter=Q(followed_up=True)),
                disposed=Count("pk", filter=Q(disposed=True)),
            )
        ):
            _add(by_agency, r.pop("agency_id"), r)
    for r in _dicts(agency_rows):
        _add(by_agency, r.pop("dim_id"), r)
    top = sorted(by_agency.items(), key=lambda item: (-item[1]["n"], item[0]))[:20]
    agency_names = dict(
        Agency.objects.filter(pk__in=[agency_id for agency_id, _r in top]).values_list("pk", "name")
    )
    agencies = [
        {
            "id": agency_id,
            "name": agency_names.get(cast(int, agency_id), "?"),  # agency_id=None excluded
            "n": r["n"],
            "share_followed_up": r["fu"] / r["disposed"] if r["disposed"] else None,
        }
        for agency_id, r in top
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


def coded_counts(
    region: Region | None, since: dt.date | None, until: dt.date | None
) -> dict[str, dict[str, int]]:
    """Reports received in ``region`` between ``since`` and ``until`` (open ends: all), by
    channel (``"h"``), kind (``"k"``) and the reporter's disability status (``"d"``):
    ``{"h": {"web": 12, …}, "k": {…}, "d": {…}}``, for the public breakdowns. Whole months and
    years are read from their ``DimPeriod`` rows (one query for all three), the days at the
    edges — and every period of a district, which keeps no rows — from the facts through their
    (region, day) indexes (one query each): the same rows whatever the number of reports, as
    the rest of the dashboard."""
    level = region.level if region is not None else 0
    segs = segments(since, until, years=level <= DIM_YEAR_LEVELS)
    rolled, loose = _split(segs, lambda grain: dim_rows(grain, level))
    out: dict[str, dict[str, int]] = {dim: {} for dim in CODED_DIMS}
    if rolled:
        values = {dim: {i: v for v, i in ids.items()} for dim, ids in CODED_DIMS.items()}
        for r in _dicts(
            DimPeriod.objects.filter(_in(rolled, _level(region)), dim__in=sorted(CODED_DIMS))
            .values("dim", "dim_id")
            .order_by()
            .annotate(n=Sum("n"))
        ):
            value = values[r["dim"]].get(r["dim_id"])
            if value is not None:
                counts = out[r["dim"]]
                counts[value] = counts.get(value, 0) + r["n"]
    if loose:
        facts = _facts(loose, region)
        for dim, ids in CODED_DIMS.items():
            field = DIMS[dim]
            for value, n in (
                facts.filter(**{f"{field}__in": list(ids)})
                .values_list(field)
                .annotate(n=Count("pk"))
                .order_by()
            ):
                out[dim][value] = out[dim].get(value, 0) + n
    return out


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
