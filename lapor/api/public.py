"""The public feed (no API key): what the public pages show, from
``lapor.reports.selectors.public_reports()`` through ``lapor.public.selectors``; published
text only, scrubbed; never the reporter's identity, never the reporter's later messages."""

# No "from __future__ import annotations": ninja reads the annotations of paginated
# operations in the paginator's module, where these names do not exist.
import datetime as dt
from typing import Any, Literal

from django.http import HttpRequest
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from lapor.api.errors import ApiError, ErrorOut
from lapor.api.pagination import Mapped, paginate
from lapor.core.bounds import EARLIEST, LATEST
from lapor.public import selectors
from lapor.reports.scrub import scrub
from lapor.reports.tracking import normalize_tracking_id

router = Router(tags=["public"])


class PublicReportItem(Schema):
    tracking_id: str
    title: str
    excerpt: str
    place: str
    agency: str
    status: str
    status_label: str
    kind: str
    created_at: dt.datetime
    supports: int


class PublicEventOut(Schema):
    at: dt.datetime
    kind: str
    status: str
    agency: str
    target_agency: str
    message: str
    resolved: bool


class PublicReportOut(PublicReportItem):
    body: str
    category: str
    timeline: list[PublicEventOut]


class FeedQuery(Schema):
    q: str = Field("", max_length=200, description="Words to search for.")
    province: str = Field("", max_length=13, description="Kemendagri province code, e.g. 34.")
    regency: str = Field("", max_length=13, description="Regency/city code, e.g. 34.04.")
    district: str = Field("", max_length=13, description="District code, e.g. 34.04.07.")
    agency: int | None = Field(None, ge=1, le=2**31 - 1)
    category: int | None = Field(None, ge=1, le=2**31 - 1)
    kind: Literal["", "complaint", "aspiration", "information_request"] = ""
    status: Literal["", "open", "followed_up", "closed"] = ""
    date_from: dt.date | None = Field(None, ge=EARLIEST, le=LATEST)
    date_to: dt.date | None = Field(None, ge=EARLIEST, le=LATEST)
    sort: Literal["new", "support"] = "new"


def _item(r: Any, places: dict[str, str]) -> dict[str, Any]:
    return {
        "tracking_id": r.tracking_id,
        "title": scrub(r.title_published),
        # Scrub first, then cut: cutting first could leave part of a number unmasked.
        "excerpt": Truncator(scrub(r.body_published)).chars(selectors.EXCERPT_CHARS),
        "place": places.get(selectors._place_code(r), ""),
        "agency": r.agency.name if r.agency else "",
        "status": r.status,
        "status_label": str(r.get_status_display()),
        "kind": r.kind,
        "created_at": r.created_at,
        "supports": selectors._supports(r),
    }


def _rows(reports: list[Any]) -> list[dict[str, Any]]:
    places = selectors.place_labels(selectors._place_code(r) for r in reports)
    return [_item(r, places) for r in reports]


@router.get(
    "/reports",
    response={200: list[PublicReportItem], 422: ErrorOut},
    summary="The public feed, newest first (or most supported), with the feed's filters",
)
@paginate
def public_feed(request: HttpRequest, filters: FeedQuery = Query(...)) -> Any:  # noqa: B008
    feed = selectors.FeedFilters(
        q=filters.q.strip(),
        province=filters.province,
        regency=filters.regency,
        district=filters.district,
        agency=filters.agency,
        category=filters.category,
        kind=filters.kind,
        status=filters.status,
        date_from=filters.date_from,
        date_to=filters.date_to,
        sort=filters.sort,
    )
    qs = (
        selectors.filtered(feed)
        .select_related("agency", "support_tally")
        .defer("body_original", "title_original", "pin_hash", "rating_comment")
    )
    return Mapped(qs, _rows)


@router.get(
    "/reports/{tracking_id}",
    response={200: PublicReportOut, 404: ErrorOut},
    summary="One public report with its public timeline",
)
def public_report(request: HttpRequest, tracking_id: str) -> PublicReportOut:
    report = selectors.public_report(normalize_tracking_id(tracking_id))
    if report is None:
        raise ApiError(404, "not_found", _("No public report with this tracking number."))
    item = _rows([report])[0]
    return PublicReportOut(
        **item,
        body=scrub(report.body_published),
        category=report.category.name if report.category else "",
        timeline=[
            PublicEventOut(
                at=e.at,
                kind=str(e.kind),
                status=str(e.status),
                agency=e.agency,
                target_agency=e.target_agency,
                message=e.message,
                resolved=e.resolved,
            )
            for e in selectors.public_timeline(report)
        ],
    )
