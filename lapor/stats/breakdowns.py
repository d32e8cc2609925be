"""Public breakdowns of the statistics by channel, kind and disability status.

Counts of the reports received in the dashboard's place and period, by how they came in (web,
SMS, WhatsApp, desk …), what they are (complaint, aspiration, information request, report of
wrongdoing) and the reporter's disability status (optional and private). Every table is
published with a privacy threshold: counts from 1 to ``MIN_COUNT - 1`` are shown as "fewer
than N" and, when that hides a single cell, the next smallest too, so the total cannot give it
away (``lapor.nodes.selectors.suppress``, the one rule for small counts); the disability table
is not shown at all below ``MIN_COUNT`` reports.

The channel and kind counts read the ``DimPeriod`` rollup rows of whole months and years and
the per-report facts (``ReportFact``: kind, channel, place, date) of the days at the edges
(``lapor.stats.selectors.coded_counts``); the disability status reads the identity table's one
column through the facts' report ids. The dashboard caches them with everything else until
the next statistics refresh.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count

from lapor.nodes.selectors import MIN_COUNT, suppress
from lapor.regions.models import Region
from lapor.reports.models import Channel, Kind, ReporterIdentity
from lapor.stats.models import ReportFact
from lapor.web.forms import DISABILITY_CHOICES


@dataclass
class Row:
    label: str
    count: int | None  # None: not shown
    # Why not shown: "small" (1 to MIN_COUNT - 1) or "complement" (larger, hidden so that a
    # single small cell cannot be worked out from the total).
    hidden: str = ""


def _rows(counts: dict[str, int], labels: dict[str, str], keep_empty: bool) -> list[Row]:
    shown = suppress({key: counts.get(key, 0) for key in labels}, MIN_COUNT)
    rows = []
    for key, label in labels.items():
        n = counts.get(key, 0)
        if not n and not keep_empty:
            continue
        hidden = "" if shown[key] is not None else ("small" if n < MIN_COUNT else "complement")
        rows.append(Row(label, shown[key], hidden))
    return rows


@dataclass
class Breakdown:
    slug: str
    rows: list[Row] = field(default_factory=list)
    hidden: bool = False  # too few reports to show any of it


def _facts(region: Region | None, since: dt.date | None, until: dt.date | None) -> Any:
    facts = ReportFact.objects.all()
    if region is not None:
        column = {1: "province_code", 2: "regency_code", 3: "district_code"}.get(region.level)
        if column:
            facts = facts.filter(**{column: region.code})
    if since:
        facts = facts.filter(received_on__gte=since)
    if until:
        facts = facts.filter(received_on__lte=until)
    return facts


def _table(slug: str, counts: dict[str, int], labels: dict[str, str]) -> Breakdown:
    return Breakdown(slug, _rows(counts, labels, keep_empty=False))


def breakdowns(
    region: Region | None, since: dt.date | None, until: dt.date | None
) -> list[Breakdown]:
    from lapor.stats.selectors import coded_counts

    facts = _facts(region, since, until)
    # From the rollups (whole months and years) and the facts of the edge days: flat as the
    # reports grow (a GROUP BY over every fact was most of the uncached dashboard at 1M).
    coded = coded_counts(region, since, until)
    by_channel, by_kind = coded["h"], coded["k"]
    tables = [
        _table("channel", by_channel, {c.value: str(c.label) for c in Channel}),
        _table("kind", by_kind, {k.value: str(k.label) for k in Kind}),
    ]
    total = sum(by_kind.values())
    labels = {key: str(label) for key, label in DISABILITY_CHOICES}
    disability = Breakdown("disability", hidden=total < MIN_COUNT)
    if not disability.hidden:
        raw = dict(
            ReporterIdentity.objects.filter(report_id__in=facts.values("report_id"))
            .values_list("disability")
            .annotate(n=Count("pk"))
            .order_by()
        )
        counts: dict[str, int] = {}
        for key, n in raw.items():
            key = key if key in labels else ""
            counts[key] = counts.get(key, 0) + n
        disability.rows = _rows(counts, labels, keep_empty=True)
    tables.append(disability)
    return tables
