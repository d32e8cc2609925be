"""Our statuses as Open311's two: the ONE place that decides what is "open" and "closed".

=============================  ==========
our status (lifecycle group)   Open311
=============================  ==========
awaiting_verification          open
postponed                      open
disposed                       open
followed_up                    open
reporter_replied               open
closed_by_reporter             closed
closed_by_admin                closed
closed_by_system               closed
archived_by_admin/system       closed (never public)
=============================  ==========

Open311 says ``open`` = reported, ``closed`` = resolved; a case is "closed" exactly when it is in
the lifecycle's CLOSED group. The exact status travels as ``external_status_code`` in
service request updates and as ``status_code`` in the open data.
"""

from __future__ import annotations

from lapor.reports.lifecycle import CLOSED
from lapor.reports.models import Status

OPEN311_OPEN = "open"
OPEN311_CLOSED = "closed"
OPEN311_STATUSES = (OPEN311_OPEN, OPEN311_CLOSED)

CLOSED_STATUSES: frozenset[str] = frozenset(str(s) for s in CLOSED)
OPEN_STATUSES: frozenset[str] = frozenset(str(s) for s in Status) - CLOSED_STATUSES


def open311_status(status: str) -> str:
    return OPEN311_CLOSED if status in CLOSED_STATUSES else OPEN311_OPEN


def statuses_for(open311: str) -> frozenset[str]:
    """Our statuses that Open311's ``open`` or ``closed`` stands for."""
    return CLOSED_STATUSES if open311 == OPEN311_CLOSED else OPEN_STATUSES
