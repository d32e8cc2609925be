"""The public map's points: the same reports as the feed's filters give, with a point, inside a
box, newest first, at most ``limit`` of them. One selector serves the map's JSON and the list
beside the map, so the two always show the same reports.

Privacy (docs/privacy.md, lapor.reports.location): every point is ``public_coordinates()`` — an
anonymous report's point is the centre of its ~111 m grid cell, never the point given. The box
is matched against the *published* point too: an anonymous report is selected by whole grid
cells (its cell's centre lies in the box), so moving a box edge across the true point reveals
nothing that the published centre does not already say.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q, QuerySet

from lapor.public.selectors import FeedFilters, _place_code, filtered, place_labels
from lapor.reports.location import GRID_DEGREES, hides_location, public_coordinates
from lapor.reports.models import Privacy, Report
from lapor.reports.scrub import scrub

DEFAULT_LIMIT = 200
MAX_LIMIT = 500
# Indonesia and its waters, as (west, south, east, north): the box the map opens on, and the
# bounds of any box asked for.
INDONESIA = (Decimal("94"), Decimal("-11.5"), Decimal("142"), Decimal("6.5"))


@dataclass(frozen=True)
class Box:
    west: Decimal
    south: Decimal
    east: Decimal
    north: Decimal

    def as_list(self) -> list[float]:
        return [float(self.west), float(self.south), float(self.east), float(self.north)]

    def contains(self, lat: float, lon: float) -> bool:
        return float(self.south) <= lat <= float(self.north) and float(self.west) <= lon <= float(
            self.east
        )


COUNTRY = Box(*INDONESIA)


def parse_box(value: str) -> Box:
    """``west,south,east,north`` in degrees, clipped to Indonesia; anything unreadable (or
    empty) is the whole country. Never an error: a hand-edited link still shows a map."""
    try:
        parts = [Decimal(p.strip()) for p in value.split(",")]
    except (ArithmeticError, ValueError):
        return COUNTRY
    if len(parts) != 4 or not all(p.is_finite() for p in parts):
        return COUNTRY
    west, south, east, north = parts
    west, east = max(west, COUNTRY.west), min(east, COUNTRY.east)
    south, north = max(south, COUNTRY.south), min(north, COUNTRY.north)
    if west >= east or south >= north:
        return COUNTRY
    # Six decimals (~0.1 m) is all the stored points have.
    q = Decimal("0.000001")
    return Box(west.quantize(q), south.quantize(q), east.quantize(q), north.quantize(q))


def parse_limit(value: str) -> int:
    try:
        return min(max(int(value), 1), MAX_LIMIT)
    except (TypeError, ValueError):
        return DEFAULT_LIMIT


def _cells(low: Decimal, high: Decimal) -> tuple[Decimal, Decimal]:
    """The raw range [start, end) whose grid cells have their centre in [low, high]."""
    half = GRID_DEGREES / 2
    first = math.ceil((low - half) / GRID_DEGREES)
    last = math.floor((high - half) / GRID_DEGREES)
    return first * GRID_DEGREES, (last + 1) * GRID_DEGREES


def _in_box(box: Box) -> Q:
    exact = Q(
        latitude__gte=box.south,
        latitude__lte=box.north,
        longitude__gte=box.west,
        longitude__lte=box.east,
    )
    lat_start, lat_end = _cells(box.south, box.north)
    lon_start, lon_end = _cells(box.west, box.east)
    by_cell = Q(
        latitude__gte=lat_start,
        latitude__lt=lat_end,
        longitude__gte=lon_start,
        longitude__lt=lon_end,
    )
    # The same test as lapor.reports.location.hides_location, in SQL.
    coarse = Q(identity_hidden=True) | ~Q(privacy=Privacy.PUBLIC)
    return (~coarse & exact) | (coarse & by_cell)


@dataclass(frozen=True)
class MapPoint:
    tracking_id: str
    lat: float
    lon: float
    coarse: bool
    title: str
    place: str
    status: str
    status_code: str


@dataclass(frozen=True)
class MapPoints:
    points: list[MapPoint]
    box: Box
    limit: int
    truncated: bool


def _queryset(filters: FeedFilters, box: Box) -> QuerySet[Report]:
    # Search ranking and support order are the feed's; the map lists newest first.
    qs = filtered(FeedFilters(**{**filters.__dict__, "q": "", "sort": "new"}))
    return qs.filter(latitude__isnull=False, longitude__isnull=False).filter(_in_box(box))


def map_points(filters: FeedFilters, box: Box, limit: int) -> MapPoints:
    """At most ``limit`` newest public reports whose published point lies in ``box``."""
    rows = list(
        _queryset(filters, box).only(
            "tracking_id",
            "title_published",
            "status",
            "privacy",
            "identity_hidden",
            "latitude",
            "longitude",
            "village_code",
            "district_code",
            "regency_code",
            "created_at",
        )[: limit + 1]
    )
    truncated = len(rows) > limit
    rows = rows[:limit]
    places = place_labels(_place_code(r) for r in rows)
    points = []
    for r in rows:
        lat, lon = public_coordinates(r)
        assert lat is not None and lon is not None
        points.append(
            MapPoint(
                tracking_id=r.tracking_id,
                lat=lat,
                lon=lon,
                coarse=hides_location(r),
                title=scrub(r.title_published),
                place=places.get(_place_code(r), ""),
                status=r.get_status_display(),
                status_code=r.status,
            )
        )
    return MapPoints(points=points, box=box, limit=limit, truncated=truncated)
