"""Which staff member may act on which case: ONE rule for the console, the staff API, exports,
digests, delivery-status pages and notification recipients.

A case is in a staff member's scope when ONE of these holds (one condition per line below):

1. the user is a national admin;
2. the case awaits verification (``VERIFICATION_STATUSES``: new, or postponed while the
   reporter clarifies; for an information request, while the verifier may still turn it back
   into a complaint) in a region the user verifies, and was not sent on to national routing —
   the place-based verifier's right ends with the verification;
3. one of its **active** assignments is to an agency in the user's part of the agency tree
   where the user holds the capability asked about.

Reports of wrongdoing (whistleblowing, ``lapor.reports.whistle``) add two conditions: never the
accused unit's side (the accused unit and the units under it), and after verification only the
internal auditor's own staff — the tree does not give a government's admins an investigation.

So an agency admin whose area holds the report's location loses the case once it is
dispositioned to an agency outside its tree, and an agency that handed the case on (transfer,
"not our authority") loses it with its assignment. Bringing another agency in ("involve") or
handing the case on ("transfer") is for holders of an active assignment (with TRANSFER) and
national admins only (``may_reassign``), so nobody can pull their own unit into a case to
reach it.

Lists use ``case_scope_q`` — a plain filter on ``status``, the region codes and an EXISTS on
active assignments (``Assignment(agency, active)`` is indexed) — and single cases use
``may_access_case``, which applies the same three conditions to one row; tests assert both
agree for every role and case state.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db import connections, router
from django.db.models import Q
from django.db.models.expressions import RawSQL

from lapor.accounts.models import User
from lapor.agencies.capabilities import (
    ROLE_CAPABILITIES,
    Capability,
    Role,
    memberships,
    scope_agency_ids,
    user_can,
    verification_regions,
)
from lapor.reports import lifecycle, whistle
from lapor.reports.models import Assignment, CaseKey, Kind, Report, Status

AnyUser = User | AnonymousUser | None

# While a case is in one of these, the verifier of its place acts on it.
VERIFICATION_STATUSES = frozenset(
    {Status.AWAITING_VERIFICATION, Status.POSTPONED}
    | {status for (kind, status) in lifecycle.CONVERSIONS if kind == Kind.INFORMATION_REQUEST}
)


def is_national_admin(user: AnyUser) -> bool:
    """An active national-admin membership (memberships are cached per request)."""
    return any(m.role == Role.NATIONAL_ADMIN for m in memberships(user))


def _scope(user: AnyUser, capability: Capability) -> set[int] | None:
    """``scope_agency_ids`` remembered on the user object for the request (a page asks for the
    same scope several times and each answer walks the tree)."""
    cache: dict[Capability, set[int] | None] | None = getattr(user, "_case_scopes", None)
    if cache is None:
        cache = {}
        if user is not None:
            user._case_scopes = cache  # type: ignore[union-attr]
    if capability not in cache:
        cache[capability] = scope_agency_ids(user, capability)
    return cache[capability]


# --- one case ------------------------------------------------------------------------------


def awaits_verification(report: Report) -> bool:
    return report.status in VERIFICATION_STATUSES and not report.needs_national_routing


def may_verify(user: AnyUser, report: Report) -> bool:
    """Verify, postpone, archive, merge, return or convert: national admins any time; the
    verifier of the report's region (or province) only while it awaits verification there."""
    if whistle.is_accused_side(user, report):
        return False
    regions = verification_regions(user)
    if regions is None:
        return True
    if not awaits_verification(report):
        return False
    return any(r in (report.regency_code, report.province_code) for r in regions)


def assignment_of(user: AnyUser, report: Report, capability: Capability) -> Assignment | None:
    """The case's active assignment through which ``user`` holds ``capability`` (any active
    assignment for a national admin), else None."""
    for assignment in report.assignments.filter(active=True).select_related("agency"):
        if user_can(user, capability, assignment.agency_id):
            return assignment
    return None


def may_access_case(
    user: AnyUser, report: Report, capability: Capability = Capability.VIEW
) -> bool:
    """Is ``report`` in ``user``'s scope for ``capability``? The rule of the module docstring."""
    if not memberships(user):
        return False
    if is_national_admin(user):
        return True
    if whistle.is_whistle(report):
        return whistle.may_open(user, report, capability, verifier=may_verify(user, report))
    if may_verify(user, report):
        return True
    return assignment_of(user, report, capability) is not None


def may_reassign(user: AnyUser, report: Report) -> bool:
    """Involve another agency or transfer: national admins, or whoever holds TRANSFER through
    an active assignment of the case. A place-based verifier has no such right by place."""
    if is_national_admin(user):
        return True
    return assignment_of(user, report, Capability.TRANSFER) is not None


# --- lists ---------------------------------------------------------------------------------


def verification_q(regions: list[str], prefix: str = "") -> Q:
    """Cases awaiting verification in these regions (not sent on to national routing)."""
    return (
        (Q(**{f"{prefix}regency_code__in": regions}) | Q(**{f"{prefix}province_code__in": regions}))
        & Q(**{f"{prefix}status__in": sorted(VERIFICATION_STATUSES)})
        & Q(**{f"{prefix}needs_national_routing": False})
    )


def assigned_q(agency_ids: set[int] | list[int], prefix: str = "") -> Q:
    """Cases with an active assignment to one of these agencies.

    ``pk IN (ids)`` as an indexable array (``lapor.core.counting.InIds``): ORed with the region
    condition, an EXISTS would make PostgreSQL read every report (measured in bench/scale.py;
    ``tests/console/test_it_counts_queues_flat.py`` checks the plan)."""
    ids = Assignment.objects.filter(active=True, agency_id__in=sorted(agency_ids)).values(
        "report_id"
    )
    return Q(**{f"{prefix}pk__in_ids": ids})


def case_scope_q(
    user: AnyUser, capability: Capability = Capability.VIEW, prefix: str = ""
) -> Q | None:
    """The same rule as ``may_access_case`` as a filter on reports (``prefix`` for a related
    model, e.g. ``"report__"``). None means everything (a national admin); ``Q(pk__in=[])``
    nothing."""
    nothing = Q(**{f"{prefix}pk__in": []})
    if not memberships(user):
        return nothing
    if is_national_admin(user):
        return None
    condition = nothing
    regions = verification_regions(user)
    if regions:
        condition |= verification_q(regions, prefix)
    agencies = _scope(user, capability)
    if agencies:
        condition |= assigned_q(agencies, prefix)
    return condition & whistle.visible_q(user, capability, prefix)


def scoped_cases(user: AnyUser, capability: Capability = Capability.VIEW):  # type: ignore[no-untyped-def]
    """Every report ``user`` may reach for ``capability`` (a queryset)."""
    condition = case_scope_q(user, capability)
    if condition is None:
        return Report.objects.all()
    if not memberships(user):
        return Report.objects.none()
    return Report.objects.filter(condition)


# --- the scope index (console queues) --------------------------------------------------------


def case_keys(
    user: AnyUser, capability: Capability, *, agencies: bool = True, regions: bool = True
) -> list[str] | None:
    """The same rule as ``case_scope_q`` as keys of ``CaseKey`` (the scope index): with
    ``agencies``, one ``a<agency>`` per membership agency holding ``capability`` (its subtree
    is in the index under that key); with ``regions``, one ``r<code>`` per region the user
    verifies. None means everything (a national admin); [] nothing."""
    if not memberships(user):
        return []
    if is_national_admin(user):
        return None
    keys = []
    if agencies:
        keys += [
            f"a{m.agency_id}"
            for m in memberships(user)
            if capability in ROLE_CAPABILITIES[m.role] and m.role != Role.NATIONAL_ADMIN
        ]
    if regions:
        keys += [f"r{code}" for code in verification_regions(user) or [] if code]
    return sorted(set(keys))


def indexed_scope_available(using: str | None = None) -> bool:
    """Is the scope index kept on this database? PostgreSQL only (its triggers, migration
    ``reports.0016_case_keys``); SQLite lists the queues through ``case_scope_q``."""
    alias = using or router.db_for_read(CaseKey)
    return bool(connections[alias].vendor == "postgresql")


_ORDER = "due_sort, created_at, report_id"
_NOTHING = (
    "SELECT NULL::timestamptz AS due_sort, NULL::timestamptz AS created_at,"
    " NULL::bigint AS report_id WHERE false"
)


@dataclass(frozen=True)
class IndexedCases:
    """A queue of the cases under some scope keys, oldest deadline first, read from the scope
    index: each key is a range of ``casekey_queue_order_idx`` read in order, the ranges merged
    (PostgreSQL's Merge Append) and the duplicates (a case under two keys) dropped as they
    come, so that a page of 50 reads about 50 rows per key, and a count stops at its cap —
    whatever the number of reports. It behaves as much like a queryset of reports as the
    console and the staff API use: slices, iteration, ``count``, ``filter(channel=…)``,
    ``select_related``/``prefetch_related``; any other filter raises ``TypeError`` (a filter
    applied after the page is picked would drop rows from it)."""

    keys: tuple[str, ...]
    statuses: tuple[str, ...] | None = None
    due_before: dt.datetime | None = None
    hidden_accused: tuple[int, ...] = ()
    channel: str | None = None
    # Received in [created_from, created_before) (the exports' date range; both optional).
    created_from: dt.datetime | None = None
    created_before: dt.datetime | None = None
    related: tuple[str, ...] = ()
    prefetch: tuple[str, ...] = ()
    using: str | None = None
    ordered = True  # for Django's Paginator: the order is the index's

    # -- queryset-like --------------------------------------------------------------------

    @property
    def db(self) -> str:
        return self.using or router.db_for_read(CaseKey)

    def filter(self, *, channel: str | None = None, **other: object) -> IndexedCases:
        if other:
            raise TypeError(f"IndexedCases cannot filter on {sorted(other)}")
        return replace(self, channel=channel)

    def select_related(self, *fields: str) -> IndexedCases:
        return replace(self, related=self.related + fields)

    def prefetch_related(self, *fields: str) -> IndexedCases:
        return replace(self, prefetch=self.prefetch + fields)

    def __getitem__(self, item: slice | int) -> Any:
        if isinstance(item, int):
            found = self._reports(item, 1)
            if not found:
                raise IndexError(item)
            return found[0]
        if item.step not in (None, 1):
            raise ValueError("IndexedCases slices have no step")
        start = item.start or 0
        limit = None if item.stop is None else max(0, item.stop - start)
        return self._reports(start, limit)

    def __iter__(self) -> Iterator[Report]:
        return iter(self._reports(0, None))

    def __len__(self) -> int:
        return self.count()

    def count(self) -> int:
        sql, params = self._union(limit=None, ordered=False)
        with connections[self.db].cursor() as cursor:
            cursor.execute(f"SELECT count(DISTINCT report_id) FROM ({sql}) AS u", params)  # noqa: S608
            return int(cursor.fetchone()[0])

    def capped_count_sql(self, cap: int) -> tuple[str, list[Any]]:
        """SQL counting at most ``cap + 1`` of the cases (``lapor.core.counting``): each key's
        range stops at ``cap + 1`` rows."""
        sql, params = self._union(limit=cap + 1, ordered=False)
        return (
            f"SELECT count(*) FROM (SELECT DISTINCT report_id FROM ({sql}) AS u"  # noqa: S608
            " LIMIT %s) AS capped",
            [*params, cap + 1],
        )

    def id_subquery(self) -> RawSQL:
        """The cases' report ids as a subquery for ``Report.objects.filter(pk__in=…)``, in no
        order (a case under two keys may come twice; ``IN`` does not mind): each key's range
        of an index — with a date range, ``casekey_created_idx`` (key, created_at)."""
        sql, params = self._union(limit=None, ordered=False)
        return RawSQL(f"SELECT report_id FROM ({sql}) AS u", params)  # noqa: S608, S611

    def ids(self, offset: int = 0, limit: int | None = None) -> list[int]:
        """The report ids of the window, in the queue's order."""
        if not self.keys:
            return []
        sql, params = self._union(limit=None, ordered=True)
        page = f"SELECT DISTINCT {_ORDER} FROM ({sql}) AS u ORDER BY {_ORDER}"  # noqa: S608
        if limit is not None:
            page += " LIMIT %s"
            params.append(limit)
        if offset:
            page += " OFFSET %s"
            params.append(offset)
        with connections[self.db].cursor() as cursor:
            cursor.execute(page, params)
            return [row[2] for row in cursor.fetchall()]

    # -- SQL --------------------------------------------------------------------------------

    def _union(self, limit: int | None, ordered: bool) -> tuple[str, list[Any]]:
        if not self.keys:
            return _NOTHING, []
        branches, params = [], []
        for key in self.keys:
            sql = "SELECT k.due_sort, k.created_at, k.report_id FROM reports_casekey k"
            where = ["k.key = %s"]
            args: list[Any] = [key]
            if self.channel:
                sql += " JOIN reports_report r ON r.id = k.report_id"
                where.append("r.channel = %s")
                args.append(self.channel)
            if self.statuses is not None:
                where.append("k.status = ANY(%s)")
                args.append(list(self.statuses))
            if self.due_before is not None:
                where.append("k.due_sort < %s")
                args.append(self.due_before)
            if self.created_from is not None:
                where.append("k.created_at >= %s")
                args.append(self.created_from)
            if self.created_before is not None:
                where.append("k.created_at < %s")
                args.append(self.created_before)
            if self.hidden_accused:
                where.append("(k.accused_agency_id IS NULL OR NOT k.accused_agency_id = ANY(%s))")
                args.append(list(self.hidden_accused))
            sql += " WHERE " + " AND ".join(where)
            if ordered:
                sql += " ORDER BY k.due_sort, k.created_at, k.report_id"
            if limit is not None:
                sql += " LIMIT %s"
                args.append(limit)
            branches.append(f"({sql})")
            params += args
        return " UNION ALL ".join(branches), params

    def _reports(self, offset: int, limit: int | None) -> list[Report]:
        ids = self.ids(offset, limit)
        if not ids:
            return []
        qs = Report.objects.using(self.db).filter(pk__in=ids)
        if self.related:
            qs = qs.select_related(*self.related)
        if self.prefetch:
            qs = qs.prefetch_related(*self.prefetch)
        found = {r.pk: r for r in qs}
        return [found[pk] for pk in ids if pk in found]


def indexed_cases(
    user: AnyUser,
    capability: Capability = Capability.VIEW,
    *,
    agencies: bool = True,
    regions: bool = True,
    statuses: Iterable[str] | None = None,
    due_before: dt.datetime | None = None,
    created_from: dt.datetime | None = None,
    created_before: dt.datetime | None = None,
) -> IndexedCases:
    """The cases of ``case_scope_q(user, capability)`` — its assignment part with
    ``agencies``, its verification part with ``regions`` — narrowed to ``statuses``, to
    deadlines before ``due_before`` and to reports received in [``created_from``,
    ``created_before``), read from the scope index. For a scoped user
    (``case_keys`` is not None) on PostgreSQL."""
    keys = case_keys(user, capability, agencies=agencies, regions=regions)
    assert keys is not None, "a national admin's queues read the reports table in order"
    return IndexedCases(
        keys=tuple(keys),
        statuses=None if statuses is None else tuple(sorted(statuses)),
        due_before=due_before,
        created_from=created_from,
        created_before=created_before,
        hidden_accused=tuple(sorted(whistle.accused_side_ids(user))),
    )
