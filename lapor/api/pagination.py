"""The one pagination of API v1: ``?page=&page_size=`` in, ``count``, ``next``, ``previous``,
``results`` out. Use ``@paginate(PageNumber)`` (re-exported here as ``paginate``) on an
operation returning a queryset or list, with ``response=list[ItemSchema]``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest
from django.utils.http import urlencode
from ninja import Field, Schema
from ninja.pagination import PaginationBase
from ninja.pagination import paginate as _ninja_paginate

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
MAX_PAGE = 100_000


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
        count: int
        next: str | None
        previous: str | None
        results: list[Any]

    items_attribute = "results"

    def paginate_queryset(
        self, queryset: Any, pagination: Any, request: HttpRequest, **params: Any
    ) -> dict[str, Any]:
        page, size = pagination.page, pagination.page_size
        count = self._items_count(queryset)
        offset = (page - 1) * size
        return {
            "count": count,
            "next": _page_url(request, page + 1, size) if offset + size < count else None,
            "previous": (
                _page_url(request, min(page - 1, max(1, -(-count // size))), size)
                if page > 1
                else None
            ),
            "results": list(queryset[offset : offset + size]),
        }


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
