"""Reads for the public pages. Everything starts from ``reports.selectors.public_reports()``,
the one definition of what the public may see, and every text that leaves goes through
``scrub()``. Nothing here reads ``ReporterIdentity``, ``reporter_user`` or an event's actor.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.text import Truncator

from lapor.agencies.models import Category
from lapor.core.timezones import WIB
from lapor.public import search as search_module
from lapor.regions.models import Region
from lapor.reports.lifecycle import CLOSED, HIDDEN, OPEN
from lapor.reports.models import Attachment, AttachmentKind, Clock, Report, ReportEvent, Status
from lapor.reports.scrub import scrub
from lapor.reports.selectors import public_event_message, public_reports

PAGE_SIZE = 20
# Offset pagination without a total count (a count over a million rows costs more than the
# page itself); deeper than this, people should narrow the filters.
MAX_PAGE = 250
EXCERPT_CHARS = 240

STATUS_GROUPS: dict[str, frozenset[str]] = {
    "open": frozenset(OPEN - {Status.AWAITING_VERIFICATION, Status.FOLLOWED_UP}),
    "followed_up": frozenset({Status.FOLLOWED_UP}),
    "closed": frozenset(CLOSED - HIDDEN),
}

# Audit-only kinds that say nothing useful to the public.
SILENT_KINDS = frozenset({ReportEvent.Kind.TEXT_EDITED, ReportEvent.Kind.NOTE})


@dataclass
class FeedFilters:
    q: str = ""
    province: str = ""
    regency: str = ""
    district: str = ""
    agency: int | None = None
    category: int | None = None
    kind: str = ""
    status: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    sort: str = "new"
    page: int = 1


@dataclass
class FeedItem:
    tracking_id: str
    title: str
    excerpt: str
    place: str
    agency: str
    status: str
    status_code: str
    kind: str
    created_at: dt.datetime
    supports: int


@dataclass
class FeedPage:
    items: list[FeedItem]
    page: int
    has_next: bool
    has_previous: bool
    filters: FeedFilters = field(default_factory=FeedFilters)


def filtered(filters: FeedFilters) -> QuerySet[Report]:
    qs = public_reports()
    if filters.district:
        qs = qs.filter(district_code=filters.district)
    elif filters.regency:
        qs = qs.filter(regency_code=filters.regency)
    elif filters.province:
        qs = qs.filter(province_code=filters.province)
    if filters.agency:
        qs = qs.filter(agency_id=filters.agency)
    if filters.category:
        qs = qs.filter(Q(category_id=filters.category) | Q(category__parent_id=filters.category))
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.status in STATUS_GROUPS:
        qs = qs.filter(status__in=STATUS_GROUPS[filters.status])
    if filters.date_from:
        qs = qs.filter(created_at__gte=dt.datetime.combine(filters.date_from, dt.time.min, WIB))
    if filters.date_to:
        end = dt.datetime.combine(filters.date_to + dt.timedelta(days=1), dt.time.min, WIB)
        qs = qs.filter(created_at__lt=end)
    if filters.q:
        return search_module.search(qs, filters.q)
    if filters.sort == "support":
        # Reports nobody supported yet are left out of this ordering (the tally row exists
        # from the first support); sorting a million unsupported reports by nothing helps no one.
        return qs.filter(support_tally__count__gt=0).order_by(
            "-support_tally__count", "-created_at", "-id"
        )
    return qs.order_by("-created_at", "-id")


def feed_page(filters: FeedFilters) -> FeedPage:
    """One page of the feed: two queries (reports with their agency and tally; place names)."""
    page = min(max(filters.page, 1), MAX_PAGE)
    offset = (page - 1) * PAGE_SIZE
    rows = list(
        filtered(filters)
        .select_related("agency", "support_tally")
        .defer("body_original", "title_original", "pin_hash", "rating_comment")[
            offset : offset + PAGE_SIZE + 1
        ]
    )
    has_next = len(rows) > PAGE_SIZE and page < MAX_PAGE
    rows = rows[:PAGE_SIZE]
    places = place_labels(_place_code(r) for r in rows)
    items = [
        FeedItem(
            tracking_id=r.tracking_id,
            title=scrub(r.title_published),
            # Scrub first, then cut: cutting first could leave part of a number unmasked.
            excerpt=Truncator(scrub(r.body_published)).chars(EXCERPT_CHARS),
            place=places.get(_place_code(r), ""),
            agency=r.agency.name if r.agency else "",
            status=r.get_status_display(),
            status_code=r.status,
            kind=r.get_kind_display(),
            created_at=r.created_at,
            supports=_supports(r),
        )
        for r in rows
    ]
    return FeedPage(items, page, has_next, page > 1, filters)


def _supports(report: Report) -> int:
    try:
        return report.support_tally.count
    except Report.support_tally.RelatedObjectDoesNotExist:  # type: ignore[attr-defined]
        return 0


def _place_code(report: Report) -> str:
    return report.village_code or report.district_code or report.regency_code


def place_labels(codes) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """``regions.selectors.place_label`` for many codes in one query."""
    codes = {c for c in codes if c}
    chains = {}
    for code in codes:
        parts = code.split(".")
        chains[code] = [".".join(parts[: i + 1]) for i in range(len(parts))]
    wanted = {c for chain in chains.values() for c in chain}
    names = dict(Region.objects.filter(code__in=wanted).values_list("code", "name"))
    return {
        code: ", ".join(names[c] for c in reversed(chain) if c in names)
        for code, chain in chains.items()
    }


def public_report(tracking_id: str) -> Report | None:
    return (
        public_reports()
        .select_related("agency", "category", "support_tally")
        .filter(tracking_id=tracking_id)
        .first()
    )


@dataclass
class PublicEvent:
    at: dt.datetime
    kind: str
    status: str
    agency: str
    target_agency: str
    message: str
    resolved: bool
    images: list[Attachment]


def public_timeline(report: Report) -> list[PublicEvent]:
    """Public events, scrubbed, without actors; only agency messages; only agency images."""
    events = list(
        ReportEvent.objects.filter(report=report, is_public=True)
        .exclude(kind__in=SILENT_KINDS)
        .select_related("agency", "target_agency")
        .order_by("at", "id")
    )
    images: dict[int, list[Attachment]] = {}
    agency_event_ids = [e.pk for e in events if e.kind == ReportEvent.Kind.FOLLOW_UP]
    if agency_event_ids:
        for a in public_images().filter(report=report, event_id__in=agency_event_ids):
            assert a.event_id is not None  # filtered on event_id__in
            images.setdefault(a.event_id, []).append(a)
    return [
        PublicEvent(
            at=e.at,
            kind=e.get_kind_display(),
            status=e.new_status_label if e.new_status and e.new_status != e.old_status else "",
            agency=e.agency.name if e.agency else "",
            target_agency=e.target_agency.name if e.target_agency else "",
            message=public_event_message(e),
            resolved=bool((e.data or {}).get("resolved")),
            images=images.get(e.pk, []),
        )
        for e in events
    ]


def public_images() -> QuerySet[Attachment]:
    """Images the agency attached to its follow-ups: the only files shown to the public.

    A reporter's attachments may identify them (a face, a house, a document with a name, the
    voice in a voice note), and nobody reviews them for publication, so they are never shown
    publicly. Agency follow-up photos are the agency's public answer; images are re-encoded on
    upload (EXIF/GPS stripped) by lapor.reports.attachments.
    """
    return Attachment.objects.filter(
        kind=AttachmentKind.IMAGE,
        event__kind=ReportEvent.Kind.FOLLOW_UP,
        event__is_public=True,
    )


@dataclass
class PublicClock:
    kind: str
    agency: str
    due_at: dt.datetime | None
    overdue: bool


def running_clocks(report: Report) -> list[PublicClock]:
    now = timezone.now()
    return [
        PublicClock(
            kind=c.get_kind_display(),
            agency=c.agency.name if c.agency else "",
            due_at=c.due_at,
            overdue=bool(c.due_at and c.due_at < now),
        )
        for c in Clock.objects.filter(report=report, stopped_at__isnull=True)
        .exclude(kind__in=[Clock.Kind.CLARIFICATION])
        .select_related("agency")
        .order_by("due_at")
    ]


def category_ids() -> set[int]:
    return set(Category.objects.filter(is_active=True).values_list("pk", flat=True))
