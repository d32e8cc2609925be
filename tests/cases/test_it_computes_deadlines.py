"""Deadlines across weekends, national holidays and collective leave (frozen time)."""

import datetime as dt

import pytest
import time_machine
from django.utils import translation

from lapor.core.calendar import WorkingCalendar
from lapor.core.timezones import WIB
from lapor.reports.models import Clock
from tests.cases.conftest import at, submit

pytestmark = pytest.mark.django_db


def test_it_skips_a_weekend_a_national_holiday_and_a_collective_leave_day(directory):
    # Wed 11 Feb 2026 → Thu 12 (1), Fri 13 (2), Sat, Sun, Mon 16 = cuti bersama Imlek,
    # Tue 17 = Tahun Baru Imlek, Wed 18 (3).
    with time_machine.travel(at(2026, 2, 11), tick=False):
        report = submit()
    clock = Clock.objects.get(report=report, kind=Clock.Kind.VERIFY)
    assert clock.due_at == dt.datetime(2026, 2, 18, 23, 59, 59, tzinfo=WIB)
    assert clock.due_at.astimezone(WorkingCalendar("34.04").zone).date() == dt.date(2026, 2, 18)
    report.refresh_from_db()
    assert report.due_at == clock.due_at


def test_it_explains_how_the_date_was_computed(directory):
    with translation.override("id"):
        due = WorkingCalendar("34.04").due(at(2026, 2, 11), 3)
        lines = due.explanation()
    assert lines[0].endswith("hari kerja 1") or "1" in lines[0]
    text = "\n".join(lines)
    assert "Cuti Bersama Tahun Baru Imlek" in text
    assert "Tahun Baru Imlek" in text
    assert len(lines) == 7  # Thu, Fri, Sat, Sun, Mon, Tue skipped/counted, Wed


def test_the_deadline_ends_in_the_local_time_zone(directory):
    # Bali is WITA (UTC+8): the working day there ends an hour earlier in absolute time.
    bali = WorkingCalendar("51.71").due(at(2026, 2, 11), 1).due_at
    yogya = WorkingCalendar("34.04").due(at(2026, 2, 11), 1).due_at
    assert yogya - bali == dt.timedelta(hours=1)


def test_a_lebaran_week_stretches_three_working_days_to_two_weeks(directory):
    # Fri 13 Mar 2026: Nyepi (19) and Idul Fitri (21–22) with cuti bersama 18, 20, 23, 24.
    due = WorkingCalendar("34.04").due(at(2026, 3, 13), 3).due_at
    assert due.date() == dt.date(2026, 3, 25)
