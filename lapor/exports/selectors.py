"""Which reports a user may export, and the export's rows, loaded in bulk.

An export can hold a whole province's reports for a year (hundreds of thousands of rows), so
nothing here loads everything at once or queries per row: reports come in chunks with their
category, agency and events; region names and parent agencies are looked up once per chunk
and remembered. The reporters' names are read per chunk through
``access.reporter_identities``, which decides and logs every read (one log row per report, one
insert per chunk): a bounded number of queries per chunk of ``CHUNK_SIZE`` reports.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet

from lapor.accounts.models import User
from lapor.agencies.capabilities import (
    TREE_DEPTH,
    Capability,
    scope_agency_ids,
    subtree_ids,
)
from lapor.agencies.models import Agency
from lapor.exports.columns import (
    EVENT_KINDS,
    EXPORT_TZ,
    PARENT_KINDS,
    RowContext,
    build_row,
)
from lapor.regions.models import Region
from lapor.reports import lifecycle
from lapor.reports.access import reporter_identities
from lapor.reports.models import Assignment, Report, ReportEvent, Status
from lapor.reports.scope import case_scope_q

# Rows fetched per round trip; also the unit of the bulk look-ups below.
CHUNK_SIZE = 2000
# Written to IdentityAccessLog.purpose for every report exported.
EXPORT_PURPOSE = "export"

# The status filter offers groups, never single labels (ARCHITECTURE.md §4).
STATUS_GROUPS: dict[str, frozenset[Status]] = {
    "open": lifecycle.OPEN,
    "waiting": lifecycle.WAITING_ON_REPORTER,
    "closed": lifecycle.CLOSED,
    "archived": lifecycle.HIDDEN,
}


@dataclass(frozen=True)
class ExportFilters:
    """What the person asked for; dates are calendar days in WIB, both ends included."""

    received_from: dt.date | None = None
    received_to: dt.date | None = None
    status_group: str = ""
    agency_id: int | None = None


def may_export(user: User) -> bool:
    """Does ``user`` hold the EXPORT capability anywhere?"""
    scope = scope_agency_ids(user, Capability.EXPORT)
    return scope is None or bool(scope)


def export_agency_choices(user: User) -> QuerySet[Agency]:
    """Agencies offered in the form's agency filter.

    Staff get the agencies in their export scope. A national admin gets the top of the tree
    (ministries, national bodies, provincial and regency governments): the whole directory is
    too long for one list, and choosing a government exports all of its units.
    """
    scope = scope_agency_ids(user, Capability.EXPORT)
    agencies = Agency.objects.order_by("name").only("pk", "name")
    if scope is None:
        return agencies.filter(parent__isnull=True)
    return agencies.filter(pk__in=scope)


def _handled_by(agency_ids: Iterable[int]) -> Q:
    """Reports that are, or once were, with one of these agencies.

    A subquery rather than a join, so a report with several assignments is not repeated.
    """
    ids = list(agency_ids)
    # ``in_ids``: an indexable array (lapor.core.counting), or the OR reads every report.
    return Q(pk__in_ids=Assignment.objects.filter(agency_id__in=ids).values("report_id")) | Q(
        agency_id__in=ids
    )


def exportable_reports(user: User, filters: ExportFilters | None = None) -> QuerySet[Report]:
    """The reports ``user`` may export, filtered, oldest first, with related rows loaded.

    The scope is the console's (``lapor.reports.scope.case_scope_q`` with EXPORT): national
    admins everything; other staff the cases with an ACTIVE assignment to an agency in their
    EXPORT scope, plus — for verifiers — the reports awaiting verification in their regions.
    A case dispositioned or transferred out of the user's tree leaves their exports with it.
    """
    filters = filters or ExportFilters()
    scope = case_scope_q(user, Capability.EXPORT)
    reports = Report.objects.all()
    if scope is not None:
        reports = reports.filter(scope)
    if filters.received_from is not None:
        reports = reports.filter(created_at__gte=_start_of(filters.received_from))
    if filters.received_to is not None:
        reports = reports.filter(
            created_at__lt=_start_of(filters.received_to + dt.timedelta(days=1))
        )
    if filters.status_group:
        reports = reports.filter(status__in=STATUS_GROUPS[filters.status_group])
    if filters.agency_id is not None:
        reports = reports.filter(_handled_by(subtree_ids(filters.agency_id)))
    events = ReportEvent.objects.filter(kind__in=EVENT_KINDS).only(
        "pk", "report_id", "kind", "message", "data", "at"
    )
    return (
        reports.select_related("category", "agency", "agency__parent")
        .prefetch_related(Prefetch("events", queryset=events, to_attr="export_events"))
        .order_by("created_at", "pk")
    )


def _start_of(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=EXPORT_TZ)


class _RegionNames:
    """Kemendagri codes -> names, fetched once per chunk for the codes not seen yet."""

    def __init__(self) -> None:
        self.names: dict[str, str] = {}

    def load(self, reports: list[Report]) -> None:
        wanted = {
            code
            for r in reports
            for code in (r.province_code, r.regency_code, r.district_code, r.village_code)
            if code and code not in self.names
        }
        if wanted:
            self.names.update(Region.objects.filter(code__in=wanted).values_list("code", "name"))
            # Unknown codes are remembered too, so they are not asked for again.
            self.names.update({code: "" for code in wanted if code not in self.names})


class _ParentAgencies:
    """Disposed agency -> its "Instansi Induk", remembered per agency.

    ``agency__parent`` comes with the report, which answers the usual case (a unit of a
    regency government); deeper chains cost a query per level, once per distinct agency.
    """

    def __init__(self) -> None:
        self.parents: dict[int, Agency] = {}

    def of(self, agency: Agency | None) -> Agency | None:
        if agency is None:
            return None
        if agency.pk not in self.parents:
            current = agency
            for _level in range(TREE_DEPTH):
                if current.kind in PARENT_KINDS or current.parent_id is None:
                    break
                assert current.parent is not None
                current = current.parent
            self.parents[agency.pk] = current
        return self.parents[agency.pk]


def export_rows(user: User, filters: ExportFilters | None = None) -> Iterator[list[str]]:
    """The export's rows (without the header), one per report, produced chunk by chunk.

    Reads the reporters' names with ``access.reporter_identities`` once per chunk (purpose
    "export"), so every exported report leaves an IdentityAccessLog row, granted or not.
    """
    reports = exportable_reports(user, filters)
    regions = _RegionNames()
    parents = _ParentAgencies()
    batch: list[Report] = []
    for report in reports.iterator(chunk_size=CHUNK_SIZE):
        batch.append(report)
        if len(batch) >= CHUNK_SIZE:
            yield from _rows(batch, user, regions, parents)
            batch = []
    if batch:
        yield from _rows(batch, user, regions, parents)


def _rows(
    batch: list[Report], user: User, regions: _RegionNames, parents: _ParentAgencies
) -> Iterator[list[str]]:
    regions.load(batch)
    identities = reporter_identities(batch, actor=user, purpose=EXPORT_PURPOSE)
    for report in batch:
        identity = identities[report.pk]
        context = RowContext(
            reporter_name=identity.full_name if identity is not None else "",
            region_names=regions.names,
            parent_agency=parents.of(report.agency),
        )
        yield build_row(report, getattr(report, "export_events", ()), context)
