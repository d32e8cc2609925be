"""``working_days_between`` counts weekdays and subtracts days off instead of walking every day
(issue 12: a console page of cases years overdue); it must agree with the walk everywhere."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lapor.core.calendar import WorkingCalendar
from lapor.core.timezones import WIB

EXTRA = {dt.date(2025, 3, 3): "Hari jadi kabupaten", dt.date(2026, 1, 10): "Sabtu libur daerah"}
CALENDAR = WorkingCalendar("34.04", extra_days=EXTRA)
moments = st.datetimes(min_value=dt.datetime(2023, 1, 1), max_value=dt.datetime(2028, 12, 31)).map(
    lambda d: d.replace(tzinfo=WIB)
)


@settings(max_examples=300, deadline=None)
@given(start=moments, end=moments)
def test_it_agrees_with_walking_every_day(start, end):
    assert CALENDAR.working_days_between(start, end) == CALENDAR.working_days_between_walked(
        start, end
    )


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (dt.datetime(2025, 3, 1, 10, tzinfo=WIB), dt.datetime(2025, 3, 7, 10, tzinfo=WIB), 4),
        (dt.datetime(2025, 3, 7, 10, tzinfo=WIB), dt.datetime(2025, 3, 1, 10, tzinfo=WIB), 0),
        (dt.datetime(2025, 3, 7, 10, tzinfo=WIB), dt.datetime(2025, 3, 7, 23, tzinfo=WIB), 0),
    ],
)
def test_known_spans(start, end, expected):
    # 2025-03-03 (Monday) is an admin day off; 3-4 to 3-7 count.
    assert CALENDAR.working_days_between(start, end) == expected
