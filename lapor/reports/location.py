"""What the public learns of where a report is: one definition for every public output (Open311,
the open-data dump and API, the public pages).

- **Address text.** A public report's address is published with personal data masked. The
  free-text address of an anonymous or confidential report is never published: it is often
  the reporter's own street, house or boarding room. For any report the verifier may set a
  public address (``report_set_public_address``), which is published instead (masked too).
- **Coordinates.** A public report's are published as given. An anonymous report's are
  published snapped to the centre of a grid cell of ``GRID_DEGREES`` (0.001° ≈ 111 m north to
  south, and 109–111 m east to west across Indonesia's latitudes): the published point is at
  most ~80 m from the true one. Snapping is deterministic, so every read returns the same
  point: unlike random noise, repeated reads cannot be averaged back to the true position.
  A report that was anonymous once (``identity_hidden``) is treated as anonymous.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal

from lapor.reports.models import Privacy, Report
from lapor.reports.scrub import scrub

GRID_DEGREES = Decimal("0.001")
_HALF_CELL = GRID_DEGREES / 2
# The published precision of a snapped point: the cell centre, exactly.
_SNAPPED_PLACES = Decimal("0.0001")


@dataclass(frozen=True)
class PublicLocation:
    address: str
    lat: float | None
    long: float | None


def hides_location(report: Report) -> bool:
    """True when the reporter's own words about the place and the exact point stay private."""
    return report.privacy != Privacy.PUBLIC or report.identity_hidden


def snap(value: Decimal | float | str) -> Decimal:
    """``value`` (degrees) moved to the centre of its grid cell."""
    degrees = Decimal(str(value))
    cell = (degrees / GRID_DEGREES).to_integral_value(rounding=ROUND_FLOOR)
    return (cell * GRID_DEGREES + _HALF_CELL).quantize(_SNAPPED_PLACES)


def public_address(report: Report) -> str:
    """The address text the public may read (masked), or ``""``."""
    if report.address_public:
        return scrub(report.address_public)
    if hides_location(report):
        return ""
    return scrub(report.address)


def public_coordinates(report: Report) -> tuple[float | None, float | None]:
    coarse = hides_location(report)

    def one(value: Decimal | None) -> float | None:
        if value is None:
            return None
        return float(snap(value) if coarse else value)

    return one(report.latitude), one(report.longitude)


def public_location(report: Report) -> PublicLocation:
    lat, long = public_coordinates(report)
    return PublicLocation(address=public_address(report), lat=lat, long=long)


# The columns ``public_location`` reads, for querysets narrowed with ``.only()``.
COLUMNS = ("privacy", "identity_hidden", "address", "address_public", "latitude", "longitude")
