"""Public breakdowns of the statistics by channel, kind and disability status.

Counts of the reports received in the dashboard's place and period, by how they came in (web,
SMS, WhatsApp, desk …), what they are (complaint, aspiration, information request, report of
wrongdoing) and the reporter's disability status (optional and private). Every table is
published with a privacy threshold: counts from 1 to ``MIN_COUNT - 1`` are shown as "fewer
than N" and, when that hides a single cell, the next smallest too, so the total cannot give it
away (``lapor.nodes.selectors.suppress``, the one rule for small counts); the disability table
is not shown at all below ``MIN_COUNT`` reports.

The three read the ``DimPeriod`` rollup rows of whole months and years and the per-report facts
(``ReportFact``: kind, channel, disability status, place, date) of the days at the edges
(``lapor.stats.selectors.coded_counts``): the same number of rows whatever the number of
reports (at 10,000,000 reports a count over the identity table took 4.8 s). A report whose
reporter did not say, or answered in free text through another channel, counts as "none". The
dashboard caches them with everything else until the next statistics refresh.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from lapor.nodes.selectors import MIN_COUNT, suppress
from lapor.regions.models import Region
from lapor.reports.models import Channel, Kind
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


def _table(slug: str, counts: dict[str, int], labels: dict[str, str]) -> Breakdown:
    return Breakdown(slug, _rows(counts, labels, keep_empty=False))


def breakdowns(
    region: Region | None, since: dt.date | None, until: dt.date | None
) -> list[Breakdown]:
    from lapor.stats.selectors import coded_counts

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
        disability.rows = _rows(coded["d"], labels, keep_empty=True)
    tables.append(disability)
    return tables
