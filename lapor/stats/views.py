"""Public statistics pages: the dashboard, the league table and the agency scorecards.

Views parse the filters, call ``lapor.stats.selectors`` (rollup tables only) and render.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from lapor.agencies.models import Agency
from lapor.core.bounds import sane_date
from lapor.nodes.selectors import MIN_COUNT
from lapor.regions.models import Region
from lapor.stats import selectors
from lapor.stats.charts import Chart, Row
from lapor.stats.models import BUCKETS, CL_FIELDS, FU_FIELDS, RATING_FIELDS, AgencyScore
from lapor.stats.selectors import INDICATORS, SCORE_INDICATORS, Filters, bucket_label

CHART_SLUGS = (
    "volume",
    "regions",
    "categories",
    "agencies",
    "first-follow-up",
    "time-to-close",
    "ratings",
)


def _date(value: str | None) -> dt.date | None:
    try:
        day = dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None
    # A date no window can reach (9999-12-31) is ignored like one that does not parse.
    return day if sane_date(day) else None


def _filters(request: HttpRequest) -> Filters:
    code = (request.GET.get("region") or "").strip()
    region = None
    if code:
        region = Region.objects.filter(code=code, level__lte=3).first()
    return Filters(
        region=region,
        since=_date(request.GET.get("from")),
        until=_date(request.GET.get("to")),
        by="week" if request.GET.get("by") == "week" else "month",
    )


def _query(filters: Filters, **changes: Any) -> str:
    params = {
        "region": filters.region.code if filters.region else "",
        "from": filters.since.isoformat() if filters.since else "",
        "to": filters.until.isoformat() if filters.until else "",
        "by": filters.by if filters.by != "month" else "",
    }
    params.update(changes)
    clean = {k: v for k, v in params.items() if v}
    return "?" + urlencode(clean) if clean else ""


def pct(value: float | None) -> str:
    if value is None:
        return "—"
    # Rounded first: number_format truncates floats (2/3 would show 66.6%).
    return number_format(round(value * 100, 1), 1) + "%"


def _charts(data: dict[str, Any], filters: Filters) -> list[Chart]:
    ind = data["indicators"]
    where = filters.region.name if filters.region else _("Indonesia")
    charts = []
    period_fmt = "W/o" if filters.by == "week" else "F Y"
    charts.append(
        Chart(
            "volume",
            _("Reports received per week")
            if filters.by == "week"
            else _("Reports received per month"),
            _("Number of reports received in %(where)s, per period.") % {"where": where},
            _("Period"),
            _("Reports"),
            [
                Row(
                    _("week starting %(day)s") % {"day": date_format(p, "j M Y")}
                    if filters.by == "week"
                    else date_format(p, period_fmt),
                    n,
                    number_format(n),
                )
                for p, n in data["over_time"]
            ],
        )
    )
    if filters.region is None or filters.region.level < 3:
        charts.append(
            Chart(
                "regions",
                _("Reports by region in %(where)s") % {"where": where},
                _(
                    "Number of reports per region one level down; each name links to its own "
                    "figures."
                ),
                _("Region"),
                _("Reports"),
                [
                    Row(
                        r["name"],
                        r["n"],
                        number_format(r["n"]),
                        href=_query(filters, region=r["code"]),
                        extra=[pct(r["share_followed_up"])],
                    )
                    for r in data["regions"]
                ],
                extra_headers=[str(INDICATORS["share_followed_up"][0])],
            )
        )
    charts.append(
        Chart(
            "categories",
            _("Reports by category"),
            _("Number of reports per top-level category in %(where)s.") % {"where": where},
            _("Category"),
            _("Reports"),
            [Row(c["name"], c["n"], number_format(c["n"])) for c in data["categories"]],
        )
    )
    charts.append(
        Chart(
            "agencies",
            _("The 20 agencies with the most reports"),
            _("Number of reports handled by each agency in %(where)s.") % {"where": where},
            _("Agency"),
            _("Reports"),
            [
                Row(
                    a["name"],
                    a["n"],
                    number_format(a["n"]),
                    href=reverse("stats:scorecard", args=[a["id"]]),
                    extra=[pct(a["share_followed_up"])],
                )
                for a in data["agencies"]
            ],
            extra_headers=[str(INDICATORS["share_followed_up"][0])],
        )
    )
    charts.append(
        _histogram(
            "first-follow-up",
            _("Time to first follow-up"),
            _(
                "Number of followed-up reports by working days from disposition to the first "
                "follow-up."
            ),
            ind["fu_hist"],
        )
    )
    charts.append(
        _histogram(
            "time-to-close",
            _("Time to close"),
            _("Number of completed reports by working days from receipt to closure."),
            ind["cl_hist"],
        )
    )
    charts.append(
        Chart(
            "ratings",
            _("Ratings given by reporters"),
            _("Number of closed reports per rating, from 1 (worst) to 5 (best)."),
            _("Rating"),
            _("Reports"),
            [
                Row(_("%(n)d of 5") % {"n": i}, n, number_format(n))
                for i, n in enumerate(ind["ratings"], start=1)
            ],
        )
    )
    for chart in charts:
        chart.csv_url = reverse("stats:chart_csv", args=[chart.slug]) + _query(filters)
    return charts


def _histogram(slug: str, title: str, description: str, counts: list[int]) -> Chart:
    return Chart(
        slug,
        title,
        description,
        _("Working days"),
        _("Reports"),
        [Row(bucket_label(i), n, number_format(n)) for i, n in enumerate(counts)],
    )


@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    filters = _filters(request)
    data = selectors.dashboard(filters, (get_language() or "id")[:2])
    charts = _charts(data, filters)
    if request.GET.get("format") == "csv":
        slug = request.GET.get("chart", "volume")
        for chart in charts:
            if chart.slug == slug:
                return chart.csv_response()
        raise Http404
    ind = data["indicators"]
    kpis = [
        ("received", number_format(ind["received"])),
        ("share_followed_up", pct(ind["share_followed_up"])),
        ("share_within_5wd", pct(ind["share_within_5wd"])),
        ("median_first_follow_up", ind["median_first_follow_up"]),
        ("median_close", ind["median_close"]),
        (
            "satisfaction",
            (number_format(round(ind["mean_rating"], 2), 2) + " / 5")
            if ind["mean_rating"] is not None
            else "—",
        ),
        ("reopen_rate", pct(ind["reopen_rate"])),
        ("bounce_rate", pct(ind["bounce_rate"])),
    ]
    crumbs = selectors.breadcrumb(filters.region)
    return render(
        request,
        "stats/dashboard.html",
        {
            "filters": filters,
            "kpis": [
                {"key": k, "label": INDICATORS[k][0], "value": v, "definition": INDICATORS[k][1]}
                for k, v in kpis
            ],
            "confidential": ind["confidential"],
            "n_rated": ind["n_rated"],
            "charts": charts,
            # lapor.stats.breakdowns: channel, kind, disability status, small counts hidden.
            "breakdowns": data.get("breakdowns", []),
            "min_count": MIN_COUNT,
            "max_hidden": MIN_COUNT - 1,
            "crumbs": [(r.name, _query(filters, region=r.code)) for r in crumbs],
            "national_url": _query(filters, region=""),
        },
    )


@require_GET
def chart_csv(request: HttpRequest, slug: str) -> HttpResponse:
    if slug not in CHART_SLUGS:
        raise Http404
    filters = _filters(request)
    data = selectors.dashboard(filters, (get_language() or "id")[:2])
    for chart in _charts(data, filters):
        if chart.slug == slug:
            return chart.csv_response()
    raise Http404


def _score_values(score: AgencyScore) -> dict[str, str]:
    return {
        "connected": _("Yes") if score.connected else _("No"),
        "actions_30d": number_format(score.actions_30d),
        "n": number_format(score.n),
        "share_followed_up": pct(score.share_followed_up),
        "share_completed": pct(score.share_completed),
        "share_within_5wd": pct(score.share_within_5wd),
        "median_resolve_wd": bucket_label(
            selectors.median_bucket([getattr(score, f) for f in CL_FIELDS])
        ),
        "mean_rating": (
            number_format(round(score.mean_rating, 2), 2) + " / 5"
            if score.mean_rating is not None
            else "—"
        ),
        "reopen_rate": pct(score.reopen_rate),
        "bounce_rate": pct(score.bounce_rate),
    }


PAGE_SIZE = 50


@require_GET
def league(request: HttpRequest) -> HttpResponse:
    sort = request.GET.get("sort", "share_within_5wd")
    if sort not in selectors.SORT_BEST_FIRST:
        sort = "share_within_5wd"
    kind = request.GET.get("kind", "")
    if kind not in Agency.Kind.values:
        kind = ""
    province = request.GET.get("province", "")
    provinces = list(Region.objects.filter(level=1).values_list("code", "name"))
    if province not in {code for code, _name in provinces}:
        province = ""
    page = Paginator(selectors.league(sort=sort, kind=kind, province=province), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    scores = list(page.object_list)
    names = dict(
        Agency.objects.filter(pk__in=[s.agency_id for s in scores]).values_list("pk", "name")
    )
    base = {"kind": kind, "province": province}
    rows = [
        {
            "rank": page.start_index() + i,
            "agency_id": s.agency_id,
            "name": names.get(s.agency_id, "?"),
            "values": _score_values(s),
        }
        for i, s in enumerate(scores)
    ]
    columns = [
        {
            "key": key,
            "label": label,
            "definition": definition,
            "sortable": key in selectors.SORT_BEST_FIRST,
            "url": "?" + urlencode({k: v for k, v in {**base, "sort": key}.items() if v}),
            "current": key == sort,
        }
        for key, (label, definition) in SCORE_INDICATORS.items()
    ]
    page_query = urlencode({k: v for k, v in {**base, "sort": sort}.items() if v})
    return render(
        request,
        "stats/league.html",
        {
            "page": page,
            "rows": rows,
            "columns": columns,
            "sort": sort,
            "kind": kind,
            "province": province,
            "kinds": Agency.Kind.choices,
            "provinces": provinces,
            "page_query": page_query,
        },
    )


@require_GET
def scorecard(request: HttpRequest, agency_id: int) -> HttpResponse:
    agency = Agency.objects.filter(pk=agency_id, is_active=True).select_related("parent").first()
    score = AgencyScore.objects.filter(agency_id=agency_id).first()
    if agency is None or score is None:
        raise Http404
    values = _score_values(score)
    indicators = [
        {"label": label, "value": values[key], "definition": definition}
        for key, (label, definition) in SCORE_INDICATORS.items()
    ]
    charts = [
        _histogram(
            "time-to-resolve",
            _("Time to resolve"),
            _("Number of the agency's completed cases by working days from receipt to closure."),
            [getattr(score, f) for f in CL_FIELDS],
        ),
        _histogram(
            "first-follow-up",
            _("Time to first follow-up"),
            _("Number of the agency's followed-up cases by working days to the first follow-up."),
            [getattr(score, f) for f in FU_FIELDS],
        ),
        Chart(
            "ratings",
            _("Ratings given by reporters"),
            _("Number of the agency's completed cases per rating, from 1 (worst) to 5 (best)."),
            _("Rating"),
            _("Reports"),
            [
                Row(_("%(n)d of 5") % {"n": i}, getattr(score, f), number_format(getattr(score, f)))
                for i, f in enumerate(RATING_FIELDS, start=1)
            ],
        ),
    ]
    for chart in charts:
        chart.csv_url = (
            reverse("stats:scorecard", args=[agency_id])
            + "?"
            + urlencode({"format": "csv", "chart": chart.slug})
        )
    if request.GET.get("format") == "csv":
        for chart in charts:
            if chart.slug == request.GET.get("chart"):
                return chart.csv_response()
        raise Http404
    from lapor.ppid.selectors import scorecard_indicators
    from lapor.reports import evidence
    from lapor.skm import selectors as skm

    skm_years = skm.years_with_answers(agency)
    try:
        skm_year = int(request.GET.get("tahun", ""))
    except ValueError:
        skm_year = skm_years[0] if skm_years else timezone.localdate().year
    return render(
        request,
        "stats/scorecard.html",
        {
            # The community satisfaction survey (lapor.skm), one year.
            "skm": skm.agency_index(agency, skm_year),
            "skm_year": skm_year,
            "skm_years": skm_years,
            "skm_method": skm.method_text(),
            # The public-information service (lapor.ppid), this year.
            "ppid_indicators": scorecard_indicators(agency),
            "agency": agency,
            "score": score,
            "indicators": indicators,
            "evidence_indicators": evidence.scorecard_indicators(agency),
            "charts": charts,
            "buckets": BUCKETS,
        },
    )
