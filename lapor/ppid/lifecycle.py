"""What a requester may do now, whatever the channel (web, SMS, e-mail, API).

The transition table itself is ``lapor.reports.lifecycle.INFO_TRANSITIONS`` (one table per
kind, one ``transition()``); this module only answers the requester's side, from the status
and the running clocks.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from lapor.reports.models import Clock, Report, Status

K = Clock.Kind


def _window_open(report: Report, kind: str, now: dt.datetime) -> bool:
    return Clock.objects.filter(
        report=report, kind=kind, stopped_at__isnull=True, due_at__gte=now
    ).exists()


def requester_actions(report: Report, now: dt.datetime | None = None) -> set[str]:
    """``identity`` (complete the identity the law requires), ``info`` (clarify or add
    information), ``object`` (keberatan, while its 30-day window runs), ``commission`` (record
    a dispute at the Information Commission, while its 14-day window runs)."""
    now = now or timezone.now()
    status = report.status
    allowed: set[str] = set()
    if status == Status.INFO_IDENTITY_NEEDED:
        allowed.add("identity")
    if status in (Status.INFO_REGISTERED, Status.INFO_CLARIFICATION):
        allowed.add("info")
    if status in (
        Status.INFO_REGISTERED,
        Status.INFO_ANSWERED,
    ) and _window_open(report, K.INFO_OBJECTION_WINDOW, now):
        allowed.add("object")
    if status in (
        Status.INFO_OBJECTED,
        Status.INFO_OBJECTION_DECIDED,
    ) and _window_open(report, K.INFO_DISPUTE_WINDOW, now):
        allowed.add("commission")
    return allowed
