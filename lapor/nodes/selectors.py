"""Reads for community nodes: their reports, the console's list, and statistics.

Statistics are counts only. The breakdown by disability status reads ``ReporterIdentity``
through one aggregate (``GROUP BY disability``): no row, name or contact leaves the database,
and every count between 1 and ``MIN_COUNT - 1`` is shown as "fewer than N" — with a second
cell hidden when one alone would let the total give it away.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lapor.nodes.models import HearBack, Node, NodeFiling, NodeHelper
from lapor.reports import lifecycle
from lapor.reports.models import Kind, Report, ReporterIdentity

# Counts from 1 to MIN_COUNT - 1 are never shown in the disability breakdown.
MIN_COUNT = int(getattr(settings, "NODE_STATS_MIN_COUNT", 5))

DISABILITY_LABELS: dict[str, object] = {
    "physical": _("Physical disability"),
    "visual": _("Visual impairment (blind or low vision)"),
    "hearing": _("Deaf or hard of hearing / speech"),
    "intellectual": _("Intellectual disability"),
    "mental": _("Psychosocial (mental) disability"),
    "multiple": _("Multiple disabilities"),
    "": _("Not said / none"),
}


def hears_by_sms(report: Report) -> bool:
    return NodeFiling.objects.filter(
        report=report, hear_back=HearBack.SMS, withdrawn_at__isnull=True
    ).exists()


def node_of_report(report: Report) -> NodeFiling | None:
    """The filing of a report a node filed (also after the person took it back: the agency
    still knows a node helped file it)."""
    return NodeFiling.objects.select_related("node", "helper").filter(report=report).first()


def node_filings(node: Node) -> QuerySet[NodeFiling]:
    """The node's reports, newest first; none the person took back."""
    return (
        NodeFiling.objects.filter(node=node, withdrawn_at__isnull=True)
        .select_related("report", "report__agency", "helper")
        .order_by("-created_at", "-id")
    )


def node_helpers(node: Node) -> QuerySet[NodeHelper]:
    return NodeHelper.objects.filter(node=node, is_active=True).select_related("user")


def managed_nodes(scope: set[int] | None) -> QuerySet[Node]:
    """Nodes of the agencies in ``scope`` (None: every node, for national admins), with
    their number of active helpers and of reports."""
    nodes = Node.objects.all()
    if scope is not None:
        nodes = nodes.filter(agency_id__in=scope)
    return nodes.select_related("agency", "region").annotate(
        helper_count=Count("helpers", filter=Q(helpers__is_active=True), distinct=True),
        report_count=Count("filings", filter=Q(filings__withdrawn_at__isnull=True), distinct=True),
    )


@dataclass
class Cell:
    key: str
    label: object
    # None: between 1 and MIN_COUNT - 1, not shown.
    count: int | None


@dataclass
class NodeStats:
    total: int = 0
    open: int = 0
    waiting: int = 0
    closed: int = 0
    by_kind: list[Cell] = field(default_factory=list)
    by_month: list[Cell] = field(default_factory=list)
    by_disability: list[Cell] = field(default_factory=list)
    # The whole breakdown is hidden when there are too few reports to show any of it.
    disability_hidden: bool = False
    min_count: int = MIN_COUNT

    @property
    def max_hidden(self) -> int:
        return self.min_count - 1


def suppress(counts: dict[str, int], minimum: int = MIN_COUNT) -> dict[str, int | None]:
    """Hide every count from 1 to ``minimum - 1``; if that hides exactly one cell, hide the
    next smallest too, so the total cannot reveal it (complementary suppression)."""
    shown: dict[str, int | None] = {k: (None if 0 < v < minimum else v) for k, v in counts.items()}
    hidden = [k for k, v in shown.items() if v is None]
    if len(hidden) == 1:
        rest = sorted((v, k) for k, v in shown.items() if v)
        if rest:
            shown[rest[0][1]] = None
    return shown


def node_statistics(nodes: Node | Iterable[Node]) -> NodeStats:
    """Counts over the reports the node(s) filed and the person did not take back."""
    node_ids = [nodes.pk] if isinstance(nodes, Node) else [n.pk for n in nodes]
    reports = Report.objects.filter(
        node_filing__node_id__in=node_ids, node_filing__withdrawn_at__isnull=True
    )
    stats = NodeStats()
    by_status = dict(reports.values_list("status").annotate(n=Count("id")).order_by())
    stats.total = sum(by_status.values())
    stats.open = sum(n for s, n in by_status.items() if s in lifecycle.OPEN)
    stats.waiting = sum(n for s, n in by_status.items() if s in lifecycle.WAITING_ON_REPORTER)
    stats.closed = sum(n for s, n in by_status.items() if s in lifecycle.CLOSED)
    kinds = dict(reports.values_list("kind").annotate(n=Count("id")).order_by())
    stats.by_kind = [Cell(k.value, k.label, kinds.get(k.value, 0)) for k in Kind if kinds.get(k)]
    today = timezone.localdate()
    months = []
    year, month = today.year, today.month
    for _step in range(6):
        months.append((year, month))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    since = timezone.make_aware(dt.datetime(months[-1][0], months[-1][1], 1))
    per_month: dict[tuple[int, int], int] = {}
    for created in reports.filter(created_at__gte=since).values_list("created_at", flat=True):
        local = timezone.localtime(created)
        per_month[(local.year, local.month)] = per_month.get((local.year, local.month), 0) + 1
    stats.by_month = [
        Cell(f"{y}-{m:02d}", dt.date(y, m, 1), per_month.get((y, m), 0))
        for y, m in reversed(months)
    ]
    raw = dict(
        ReporterIdentity.objects.filter(report__in=reports)
        .values_list("disability")
        .annotate(n=Count("id"))
        .order_by()
    )
    counts = {key: 0 for key in DISABILITY_LABELS}
    for key, n in raw.items():
        counts[key if key in DISABILITY_LABELS else ""] += n
    if stats.total < MIN_COUNT:
        stats.disability_hidden = True
    else:
        shown = suppress(counts)
        stats.by_disability = [Cell(k, DISABILITY_LABELS[k], shown[k]) for k in DISABILITY_LABELS]
    return stats
