import datetime as dt

import pytest
import time_machine

from lapor.core.actions import calendar_day_add, calendar_day_remove
from lapor.core.errors import DomainError
from lapor.reports.models import Clock, ReportEvent
from tests.cases.conftest import at, submit

pytestmark = pytest.mark.django_db


def test_a_holiday_added_while_a_case_is_open_moves_its_deadline(cast):
    with time_machine.travel(at(2026, 11, 2), tick=False):  # Monday
        report = submit()
        clock = Clock.objects.get(report=report, kind=Clock.Kind.VERIFY)
        assert clock.due_at.date() == dt.date(2026, 11, 5)
        day = calendar_day_add(
            date=dt.date(2026, 11, 4), name="Cuti bersama tambahan", actor=cast.national_admin
        )
        clock.refresh_from_db()
        assert clock.due_at.date() == dt.date(2026, 11, 6)
        event = ReportEvent.objects.get(report=report, kind=ReportEvent.Kind.DEADLINE_MOVED)
        assert event.data["old_due"].startswith("2026-11-05")
        assert event.data["new_due"].startswith("2026-11-06")
        report.refresh_from_db()
        assert report.due_at == clock.due_at
        calendar_day_remove(day=day, actor=cast.national_admin)
        clock.refresh_from_db()
        assert clock.due_at.date() == dt.date(2026, 11, 5)


def test_a_regional_holiday_moves_only_that_regions_deadlines(cast):
    with time_machine.travel(at(2026, 11, 2), tick=False):
        report = submit()
        calendar_day_add(
            date=dt.date(2026, 11, 4),
            name="Libur daerah Semarang",
            region_code="33.74",
            actor=cast.national_admin,
        )
        assert Clock.objects.get(report=report).due_at.date() == dt.date(2026, 11, 5)
        calendar_day_add(
            date=dt.date(2026, 11, 4),
            name="Hari Jadi Kabupaten Sleman",
            region_code="34.04",
            actor=cast.agency_admin,
        )
        assert Clock.objects.get(report=report).due_at.date() == dt.date(2026, 11, 6)


def test_only_admins_of_the_region_may_change_the_calendar(cast):
    with pytest.raises(DomainError):
        calendar_day_add(date=dt.date(2026, 11, 4), name="x", actor=cast.officer_a)
    with pytest.raises(DomainError):  # Sleman's admin cannot decree a national day off
        calendar_day_add(date=dt.date(2026, 11, 4), name="x", actor=cast.agency_admin)
    with pytest.raises(DomainError):
        calendar_day_add(
            date=dt.date(2026, 11, 4), name="x", region_code="33.74", actor=cast.agency_admin
        )
