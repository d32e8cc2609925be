"""Writes on the working-day calendar. A change recomputes the deadlines of open cases."""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from lapor.accounts.models import User
from lapor.agencies.capabilities import Capability, memberships, user_can
from lapor.core.errors import DomainError
from lapor.core.models import CalendarDay


def _may_manage(actor: User, region_code: str) -> bool:
    if user_can(actor, Capability.MANAGE_CALENDAR, None):  # national admin
        return True
    if not region_code:
        return False
    return any(
        m.agency.region_id == region_code and user_can(actor, Capability.MANAGE_CALENDAR, m.agency)
        for m in memberships(actor)
    )


@transaction.atomic
def calendar_day_add(
    *, date: dt.date, name: str, region_code: str = "", actor: User
) -> CalendarDay:
    """Add a day off nationally (national admins) or for the admin's own region."""
    if not name.strip():
        raise DomainError(_("Give the name of the day off."), code="name_required")
    if not _may_manage(actor, region_code):
        raise DomainError(_("You are not allowed to do this."), code="forbidden")
    try:
        with transaction.atomic():
            day = CalendarDay.objects.create(
                date=date, name=name.strip(), region_code=region_code, created_by=actor
            )
    except IntegrityError as exc:
        raise DomainError(_("This day is already a day off here."), code="duplicate") from exc
    _recompute(region_code, actor)
    return day


@transaction.atomic
def calendar_day_remove(*, day: CalendarDay, actor: User) -> None:
    if not _may_manage(actor, day.region_code):
        raise DomainError(_("You are not allowed to do this."), code="forbidden")
    region_code = day.region_code
    day.delete()
    _recompute(region_code, actor)


def _recompute(region_code: str, actor: User) -> None:
    from lapor.reports.case_actions import _event
    from lapor.reports.deadlines import recompute_open_clocks, refresh_report_due
    from lapor.reports.models import ReportEvent

    moved = recompute_open_clocks(region_code)
    for clock, old_due in moved:
        refresh_report_due(clock.report)
        _event(
            clock.report,
            ReportEvent.Kind.DEADLINE_MOVED,
            actor=actor,
            agency=clock.agency,
            data={
                "clock": clock.kind,
                "old_due": old_due.isoformat() if old_due else None,
                "new_due": clock.due_at.isoformat() if clock.due_at else None,
            },
        )
