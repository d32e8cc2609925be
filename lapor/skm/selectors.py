"""The published SKM results: per agency and year, computed from the answers' sums (never from
single answers) with ``lapor.skm.method``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Sum
from django.utils.translation import gettext as _

from lapor.agencies.models import Agency
from lapor.reports.models import Report
from lapor.skm.actions import SURVEYED_KINDS, SURVEYED_STATUSES
from lapor.skm.method import ELEMENTS, FIELDS, Index, compute
from lapor.skm.models import SurveyResponse


def population(agency_id: int, year: int) -> int:
    """The service users of the period: the agency's cases closed that year (each may answer)."""
    return Report.objects.filter(
        agency_id=agency_id,
        kind__in=SURVEYED_KINDS,
        status__in=SURVEYED_STATUSES,
        closed_at__year=year,
    ).count()


def agency_index(agency: Agency, year: int) -> Index | None:
    totals = SurveyResponse.objects.filter(agency=agency, closed_month__year=year).aggregate(
        n=Count("pk"), **{name: Sum(name) for name in FIELDS}
    )
    n = totals.pop("n") or 0
    if not n:
        return None
    return compute({k: int(v or 0) for k, v in totals.items()}, n, population(agency.pk, year))


@dataclass(frozen=True)
class YearTotals:
    """An agency's answers of one year, as totals: the year, how many, each element's sum."""

    year: int
    responses: int
    sums: dict[str, int]


def latest_year_totals(agency_ids: Iterable[int]) -> dict[int, YearTotals]:
    """Per agency with answers, the totals of its latest year with answers: the year its public
    scorecard shows first (``lapor.stats.views``). One grouped query for all the agencies."""
    grouped = (
        SurveyResponse.objects.filter(agency_id__in=list(agency_ids))
        .values("agency_id", "closed_month__year")
        .annotate(n=Count("pk"), **{name: Sum(name) for name in FIELDS})
        .order_by("agency_id", "-closed_month__year")
    )
    found: dict[int, YearTotals] = {}
    for grouped_row in grouped:
        row: dict[str, Any] = dict(grouped_row)
        if row["agency_id"] not in found:
            found[row["agency_id"]] = YearTotals(
                year=row["closed_month__year"],
                responses=row["n"],
                sums={name: int(row[name] or 0) for name in FIELDS},
            )
    return found


def years_with_answers(agency: Agency | None = None) -> list[int]:
    qs = SurveyResponse.objects.all()
    if agency is not None:
        qs = qs.filter(agency=agency)
    return sorted({d.year for d in qs.dates("closed_month", "year")}, reverse=True)


def published_rows() -> list[dict[str, Any]]:
    """Every agency and year with answers, as open data: totals only, no answer, comment,
    report or date finer than the year."""
    grouped = (
        SurveyResponse.objects.values("agency_id", "closed_month__year")
        .annotate(n=Count("pk"), **{name: Sum(name) for name in FIELDS})
        .order_by("agency_id", "closed_month__year")
    )
    agencies = {
        a.pk: a
        for a in Agency.objects.filter(pk__in={row["agency_id"] for row in grouped}).only(
            "pk", "code", "name"
        )
    }
    rows = []
    for grouped_row in grouped:
        row: dict[str, Any] = dict(grouped_row)
        year = row["closed_month__year"]
        index = compute(
            {name: int(row[name]) for name in FIELDS}, row["n"], population(row["agency_id"], year)
        )
        if index is None:
            continue
        agency = agencies[row["agency_id"]]
        record: dict[str, Any] = {
            "agency_code": agency.code,
            "agency_name": agency.name,
            "year": year,
            "responses": index.responses,
            "population": index.population,
            "minimum_sample": index.minimum,
            "sample_sufficient": index.sufficient,
        }
        for element in index.elements:
            record[f"nrr_{element.field}"] = str(element.average)
        record.update(
            {
                "ikm": str(index.value),
                "ikm_converted": str(index.converted),
                "grade": index.grade,
            }
        )
        rows.append(record)
    return rows


def method_text() -> list[str]:
    """The method, written out for the scorecard and the open data (in the active language)."""
    elements = "; ".join(str(label) for _name, label, _q in ELEMENTS)
    return [
        _(
            "Community satisfaction survey (SKM) as PermenPANRB 14/2017 prescribes. After a case "
            "closes its reporter is invited, on the channel they used, to rate nine elements "
            "from 1 (not good) to 4 (very good): %(elements)s. One answer per report; answers "
            "are anonymous and only totals are published."
        )
        % {"elements": elements},
        _(
            "Per element, the average value (NRR) is the sum of the answers divided by the "
            "number of answers. The index is the weighted average of the nine NRR with equal "
            "weights of 1/9 (IKM = sum of NRR × 1/9), converted to 25–100 by multiplying by 25. "
            "The regulation's worked example rounds the weight to 0.11; the exact 1/9 is used "
            "here."
        ),
        _(
            "Grades from the converted value (rounded to two decimals): 88.31–100.00 A (very "
            "good); 76.61–88.30 B (good); 65.00–76.60 C (not quite good); 25.00–64.99 D (not "
            "good)."
        ),
        _(
            "Period: the calendar year in which the cases closed. Population: the agency's "
            "complaints and aspirations closed in that year. Minimum sample: the Krejcie–Morgan "
            "table the regulation recommends (confidence level 0.95, margin of error 0.05), "
            "for the smallest tabulated population at least as large; below the minimum the "
            "index is shown but marked as not yet representative."
        ),
    ]
