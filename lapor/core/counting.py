"""Counts and id sets that cost the same at 100,000 and at 10,000,000 rows.

- ``capped_count``: ``COUNT(*)`` of at most ``cap + 1`` rows (``SELECT count(*) FROM (… LIMIT
  cap + 1)``). With an index that matches the filter, it reads at most ``cap + 1`` index
  entries whatever the table's size; a page shows "more than 10,000" instead of the exact
  number, as large sites do.
- ``capped_counts``: the same for several querysets in ONE round trip (the console dashboard);
  a scoped console queue read from the scope index (``lapor.reports.scope.IndexedCases``)
  brings its own SQL, which stops each key's index range at ``cap + 1`` rows.
- ``CappedPaginator``: Django's paginator over a capped count (pages past the cap are not
  offered: narrow the list with a filter instead).
- ``InIds``: ``pk IN (subquery)`` written as ``pk = ANY(ARRAY(subquery))`` on PostgreSQL. Inside
  an ``OR`` (a staff scope: "my region's reports OR the ones assigned to my agency"), PostgreSQL
  cannot use an index for ``EXISTS``/``IN (subquery)`` and scans the whole table; an array
  computed once is an index condition on the primary key, so the ``OR`` becomes a
  ``BitmapOr`` of index scans. Same rows, same meaning; other databases get ``IN (subquery)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import Field, Lookup, QuerySet
from django.utils.functional import cached_property

# The console's lists and counts stop counting here.
COUNT_CAP = 10_000


@dataclass(frozen=True)
class Capped:
    """A count that stopped at ``cap``: ``value`` is exact when ``capped`` is False."""

    value: int
    capped: bool

    def __int__(self) -> int:
        return self.value


def _limited_sql(queryset: QuerySet[Any], cap: int) -> tuple[str, tuple[Any, ...]]:
    inner = queryset.order_by().values("pk")[: cap + 1]
    sql, params = inner.query.sql_with_params()
    # The inner SQL is Django's own compilation of the queryset; values stay parameters.
    return f"SELECT count(*) FROM ({sql}) AS capped", tuple(params)  # noqa: S608


def capped_count(queryset: Any, cap: int | None = None) -> Capped:
    """How many rows ``queryset`` has, counting no further than ``cap`` (``COUNT_CAP``)."""
    return capped_counts([queryset], cap)[0]


def capped_counts(querysets: list[Any], cap: int | None = None) -> list[Capped]:
    """``capped_count`` of each queryset, in one query (none if all are empty)."""
    cap = COUNT_CAP if cap is None else cap
    parts: list[str] = []
    params: list[Any] = []
    alias = None
    for qs in querysets:
        if hasattr(qs, "capped_count_sql"):  # lapor.reports.scope.IndexedCases
            if not qs.keys:
                parts.append("0")
                continue
            sql, p = qs.capped_count_sql(cap)
            alias = alias or qs.db
            parts.append(f"({sql})")
            params.extend(p)
            continue
        if qs.query.is_empty():
            parts.append("0")
            continue
        try:
            sql, p = _limited_sql(qs, cap)
        except EmptyResultSet:  # e.g. ``pk__in=[]``: nothing can match (Django's count() says 0)
            parts.append("0")
            continue
        alias = alias or qs.db
        parts.append(f"({sql})")
        params.extend(p)
    if alias is None:
        return [Capped(0, False) for _ in querysets]
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts), params)
        row = cursor.fetchone()
    return [Capped(min(n, cap), n > cap) for n in row]


class CappedPaginator(Paginator):
    """A paginator whose ``count`` stops at ``cap`` (``capped`` says whether it did)."""

    def __init__(self, object_list: Any, per_page: int, cap: int | None = None) -> None:
        super().__init__(object_list, per_page)
        self.cap = cap

    @cached_property
    def _capped(self) -> Capped:
        return capped_count(self.object_list, self.cap)  # type: ignore[arg-type]

    @cached_property
    def count(self) -> int:  # type: ignore[override]
        return self._capped.value

    @property
    def capped(self) -> bool:
        return self._capped.capped


@Field.register_lookup
class InIds(Lookup):
    """``field__in_ids=<subquery of one column>``: ``IN (subquery)``, as an indexable array
    on PostgreSQL (module docstring)."""

    lookup_name = "in_ids"

    def as_sql(self, compiler: Any, connection: Any) -> Any:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        if not rhs.startswith("("):
            rhs = f"({rhs})"
        if connection.vendor == "postgresql":
            return f"{lhs} = ANY(ARRAY{rhs})", [*lhs_params, *rhs_params]
        return f"{lhs} IN {rhs}", [*lhs_params, *rhs_params]
