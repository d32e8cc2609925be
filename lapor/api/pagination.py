"""The one pagination of API v1: ``?page=&page_size=`` in, ``count``, ``next``, ``previous``,
``results`` out (``count`` stops at ``COUNT_CAP`` or at the end of the page asked for, whichever
is further, and ``count_capped`` says when it stopped: a count of every row would cost as much
as the table is long, lapor.core.counting). Use ``@paginate(PageNumber)`` (re-exported here
as ``paginate``) on an operation returning a queryset or list,
with ``response=list[ItemSchema]``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.http import urlencode
from ninja import Field, Schema
from ninja.pagination import PaginationBase
from ninja.pagination import paginate as _ninja_paginate

from lapor.core.counting import Capped, capped_count

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
MAX_PAGE = 100_000
# ``count`` counts no further than this (or than the end of the page asked for).
COUNT_CAP = 10_000


class PageNumber(PaginationBase):
    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE, description="Page number, from 1.")
        page_size: int = Field(
            DEFAULT_PAGE_SIZE,
            ge=1,
            le=MAX_PAGE_SIZE,
            description=f"Items per page, 1 to {MAX_PAGE_SIZE}.",
        )

    class Output(Schema):
        count: int = Field(
            description=f"Number of items, counted up to {COUNT_CAP:,} (or to the end of the"
            " page asked for): when count_capped is true there are more."
        )
        count_capped: bool = Field(
            False, description="True when count stopped counting: at least count items."
        )
        next: str | None
        previous: str | None
        results: list[Any]

    items_attribute = "results"

    def paginate_queryset(
        self, queryset: Any, pagination: Any, request: HttpRequest, **params: Any
    ) -> dict[str, Any]:
        page, size = pagination.page, pagination.page_size
        offset = (page - 1) * size
        counted = _count(queryset, max(COUNT_CAP, offset + size))
        count = counted.value
        more = offset + size < count or counted.capped
        return {
            "count": count,
            "count_capped": counted.capped,
            "next": _page_url(request, page + 1, size) if more else None,
            "previous": (
                _page_url(request, min(page - 1, max(1, -(-count // size))), size)
                if page > 1
                else None
            ),
            "results": list(queryset[offset : offset + size]),
        }


def _count(queryset: Any, cap: int) -> Capped:
    if isinstance(queryset, Mapped):
        queryset = queryset.queryset
    if isinstance(queryset, QuerySet) or hasattr(queryset, "capped_count_sql"):
        # a queryset, or a scoped console queue read from the scope index
        return capped_count(queryset, cap)
    return Capped(len(queryset), False)


def _page_url(request: HttpRequest, page: int, size: int) -> str:
    query = request.GET.copy()
    query["page"] = str(page)
    query["page_size"] = str(size)
    pairs = [(k, v) for k in query for v in query.getlist(k)]
    return request.build_absolute_uri(request.path) + "?" + urlencode(pairs)


class Mapped:
    """A queryset whose pages are turned into output rows one page at a time, e.g. with a
    selector that loads what a whole page needs in one query: return
    ``Mapped(queryset, rows_of_page)`` from a paginated operation."""

    def __init__(self, queryset: Any, rows: Callable[[list[Any]], list[Any]]) -> None:
        self.queryset = queryset
        self.rows = rows

    def __len__(self) -> int:
        return int(self.queryset.count())

    def __getitem__(self, window: slice) -> list[Any]:
        return self.rows(list(self.queryset[window]))


def paginate(func: Any) -> Any:
    """``@paginate`` with the one pagination of API v1."""
    return _ninja_paginate(PageNumber)(func)
