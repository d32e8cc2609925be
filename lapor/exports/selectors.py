"""Which reports a user may export, and the export's rows, read in bulk.

An export can hold a whole province's reports for a year (hundreds of thousands of rows), so
nothing here loads everything at once or queries per row: the reports come as plain values
(``values_list``, no model instances) through a server-side cursor, ``CHUNK_SIZE`` at a time;
per chunk, their events, the region and agency names not seen yet and the reporters' names
are read in bulk. The names go through ``access.reporter_names``, which decides and logs
every read (one log row per report, one insert per chunk): a bounded number of queries per
chunk of ``CHUNK_SIZE`` reports (``tests/exports/test_it_exports_without_n_plus_one.py``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import Expression, Q, QuerySet
from django.db.models.fields import BooleanField

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
    ExportEvent,
    ExportRecord,
    ParentAgency,
    RowContext,
    build_row,
)
from lapor.regions.models import Region
from lapor.reports import lifecycle
from lapor.reports.access import reporter_names
from lapor.reports.models import Assignment, Report, ReportEvent, Status
from lapor.reports.scope import (
    case_keys,
    case_scope_q,
    indexed_cases,
    indexed_scope_available,
)

# Rows fetched per round trip; also the unit of the bulk look-ups below.
CHUNK_SIZE = 2000
# Written to IdentityAccessLog.purpose for every report exported.
EXPORT_PURPOSE = "export"
# The report's columns an export row needs, in the order of ``ExportRecord``'s fields.
RECORD_FIELDS = (
    "pk",
    "tracking_id",
    "created_at",
    "kind",
    "privacy",
    "identity_hidden",
    "reporter_user_id",
    "channel",
    "status",
    "title_published",
    "body_original",
    "body_published",
    "province_code",
    "regency_code",
    "district_code",
    "village_code",
    "rating",
    "category_id",
    "category__name",
    "agency_id",
    "agency__name",
)

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


def _handled_by(agency_ids: list[int] | set[int]) -> Q:
    """Reports that are, or once were, with one of these agencies.

    A subquery rather than a join, so a report with several assignments is not repeated.
    """
    ids = list(agency_ids)
    # ``in_ids``: an indexable array (lapor.core.counting), or the OR reads every report.
    return Q(pk__in_ids=Assignment.objects.filter(agency_id__in=ids).values("report_id")) | Q(
        agency_id__in=ids
    )


def exportable_reports(user: User, filters: ExportFilters | None = None) -> QuerySet[Report]:
    """The reports ``user`` may export, filtered, oldest first.

    The scope is the console's (``lapor.reports.scope.case_scope_q`` with EXPORT): national
    admins everything; other staff the cases with an ACTIVE assignment to an agency in their
    EXPORT scope, plus — for verifiers — the reports awaiting verification in their regions.
    A case dispositioned or transferred out of the user's tree leaves their exports with it.
    On PostgreSQL a scoped user's cases come from the scope index (``scope.IndexedCases``,
    its (key, received) index): the rows of the date range only, where the same rule as a
    filter read every case the agencies ever had (43 s at 10,000,000 reports).
    """
    filters = filters or ExportFilters()
    since = _start_of(filters.received_from) if filters.received_from is not None else None
    before = (
        _start_of(filters.received_to + dt.timedelta(days=1))
        if filters.received_to is not None
        else None
    )
    statuses = STATUS_GROUPS[filters.status_group] if filters.status_group else None
    reports = Report.objects.all()
    keys = case_keys(user, Capability.EXPORT)
    if keys is not None and indexed_scope_available():
        cases = indexed_cases(
            user, Capability.EXPORT, statuses=statuses, created_from=since, created_before=before
        )
        # The index's rows carry the date and status: nothing more to filter on the reports.
        reports = reports.filter(pk__in=cases.id_subquery())
    else:
        scope = case_scope_q(user, Capability.EXPORT)
        if scope is not None:
            reports = reports.filter(scope)
        if since is not None:
            reports = reports.filter(created_at__gte=since)
        if before is not None:
            reports = reports.filter(created_at__lt=before)
        if statuses is not None:
            reports = reports.filter(status__in=statuses)
    if filters.agency_id is not None:
        reports = reports.filter(_handled_by(subtree_ids(filters.agency_id)))
    return reports.order_by("created_at", "pk")


def _start_of(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=EXPORT_TZ)


class AnyOf(Expression):
    """``column = ANY(%s)`` with the ids as ONE array parameter (PostgreSQL only)."""

    output_field = BooleanField()
    conditional = True

    def __init__(self, name: str, ids: list[int]) -> None:
        super().__init__()
        self.name, self.ids = name, ids
        self.column: Any = None

    def resolve_expression(self, query: Any = None, *args: Any, **kwargs: Any) -> Any:
        resolved = super().resolve_expression(query, *args, **kwargs)
        resolved.column = query.resolve_ref(self.name).resolve_expression(query)
        return resolved

    def as_sql(self, compiler: Any, connection: Any) -> Any:
        column, params = compiler.compile(self.column)
        return f"{column} = ANY(%s)", (*params, self.ids)


class _RegionNames:
    """Kemendagri codes -> names, fetched once per chunk for the codes not seen yet."""

    def __init__(self) -> None:
        self.names: dict[str, str] = {}

    def load(self, records: list[ExportRecord]) -> None:
        wanted = {
            code
            for r in records
            for code in (r.province_code, r.regency_code, r.district_code, r.village_code)
            if code and code not in self.names
        }
        if wanted:
            self.names.update(Region.objects.filter(code__in=wanted).values_list("code", "name"))
            # Unknown codes are remembered too, so they are not asked for again.
            self.names.update({code: "" for code in wanted if code not in self.names})


class _ParentAgencies:
    """Disposed agency -> its "Instansi Induk", remembered per agency for the whole export.

    The agencies of a chunk that were not seen yet are read with their ancestors, one query
    per level of the tree at most (``TREE_DEPTH``), whatever the number of rows.
    """

    def __init__(self) -> None:
        self.parents: dict[int, ParentAgency | None] = {}
        self._tree: dict[int, tuple[int | None, str, str]] = {}  # id -> (parent, kind, name)

    def load(self, records: list[ExportRecord]) -> None:
        wanted = {r.agency_id for r in records if r.agency_id is not None} - set(self.parents)
        missing = wanted - set(self._tree)
        for _level in range(TREE_DEPTH + 1):
            if not missing:
                break
            rows = Agency.objects.filter(pk__in=sorted(missing)).values_list(
                "pk", "parent_id", "kind", "name"
            )
            for pk, parent_id, kind, name in rows:
                self._tree[pk] = (parent_id, kind, name)
            missing = {
                parent
                for pk in missing
                if pk in self._tree
                for parent in (self._tree[pk][0],)
                if parent is not None and parent not in self._tree
            }
        for agency_id in wanted:
            self.parents[agency_id] = self._walk(agency_id)

    def _walk(self, agency_id: int) -> ParentAgency | None:
        current = agency_id
        for _level in range(TREE_DEPTH):
            node = self._tree.get(current)
            if node is None:
                return None
            parent_id, kind, _name = node
            if kind in PARENT_KINDS or parent_id is None or parent_id not in self._tree:
                break
            current = parent_id
        node = self._tree.get(current)
        return ParentAgency(current, node[2]) if node is not None else None


def _events_of(ids: list[int]) -> dict[int, list[ExportEvent]]:
    """The reason and privacy events of a chunk's reports, in one query."""
    events: dict[int, list[ExportEvent]] = {i: [] for i in ids}
    rows = ReportEvent.objects.filter(kind__in=EVENT_KINDS).filter(_ids_q("report_id", ids))
    for report_id, pk, kind, message, data, at in rows.values_list(
        "report_id", "pk", "kind", "message", "data", "at"
    ).order_by():
        events[report_id].append(ExportEvent(pk, kind, message, data, at))
    return events


def _ids_q(field: str, ids: list[int]) -> Q:
    """``field IN ids`` — on PostgreSQL as ``= ANY(%s)`` with ONE array parameter: Django
    prepares an ``IN`` list value by value, a noticeable cost at 2,000 ids per chunk."""
    if connection.vendor == "postgresql":
        return Q(AnyOf(field, ids))
    return Q(**{f"{field}__in": ids})


def export_rows(user: User, filters: ExportFilters | None = None) -> Iterator[list[str]]:
    """The export's rows (without the header), one per report, produced chunk by chunk.

    The reports are read as plain values (no model instances, no per-row query) through a
    server-side cursor, ``CHUNK_SIZE`` at a time; per chunk, a fixed number of queries: their
    events, region and agency names not seen yet, and the reporters' names through
    ``access.reporter_names`` (purpose "export"), which decides every read and logs it
    in one insert, so every exported report leaves an IdentityAccessLog row, granted or not.
    """
    records = (
        exportable_reports(user, filters)
        .values_list(*RECORD_FIELDS)
        .iterator(chunk_size=CHUNK_SIZE)
    )
    regions = _RegionNames()
    parents = _ParentAgencies()
    batch: list[ExportRecord] = []
    for values in records:
        batch.append(ExportRecord(*values))
        if len(batch) >= CHUNK_SIZE:
            yield from _rows(batch, user, regions, parents)
            batch = []
    if batch:
        yield from _rows(batch, user, regions, parents)


def _rows(
    batch: list[ExportRecord], user: User, regions: _RegionNames, parents: _ParentAgencies
) -> Iterator[list[str]]:
    regions.load(batch)
    parents.load(batch)
    events = _events_of([r.pk for r in batch])
    names = reporter_names(batch, actor=user, purpose=EXPORT_PURPOSE)
    for record in batch:
        context = RowContext(
            reporter_name=names[record.pk] or "",
            region_names=regions.names,
            parent_agency=parents.parents.get(record.agency_id)
            if record.agency_id is not None
            else None,
        )
        yield build_row(record, events[record.pk], context)
