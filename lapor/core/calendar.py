"""The one working-day calendar: every legal deadline is computed — and explained — here.

A working day is a day that is not a Saturday or Sunday, not a national holiday or *cuti
bersama* (from the ``holidays`` package, categories public + government), and not a day off an
admin added nationally or for the case's province or regency (``CalendarDay``).

Counting rule (documented in docs/lifecycle.md): the day a clock starts does not count; each
following working day counts one; the deadline is the end (23:59:59) of the last counted day in
the case's local time zone. Days inside a pause (from the day it began to the day it ended) do
not count. An open pause has no deadline.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from lapor.core.timezones import zone_for_region

MAX_SPAN_DAYS = 800  # a 60-working-day clock with long pauses still ends well within this

Pause = tuple[dt.date, dt.date | None]


@lru_cache(maxsize=64)
def _package_holidays(year: int, language: str) -> dict[dt.date, str]:
    lang = "id" if language == "id" else "en_US"
    days = holidays.country_holidays(
        "ID", years=year, categories=("public", "government"), language=lang
    )
    return dict(days.items())


@dataclass
class Step:
    date: dt.date
    counted: int | None  # n-th working day, or None when skipped
    reason: str = ""


@dataclass
class Due:
    due_at: dt.datetime | None
    steps: list[Step] = field(default_factory=list)
    zone: ZoneInfo | None = None

    def explanation(self) -> list[str]:
        """Human sentences, in the active language, saying how ``due_at`` was reached."""
        lines = []
        for step in self.steps:
            day = date_format(step.date, "l, j F Y")
            if step.counted is None:
                lines.append(
                    _("%(day)s — not counted: %(reason)s") % {"day": day, "reason": step.reason}
                )
            else:
                lines.append(_("%(day)s — working day %(n)d") % {"day": day, "n": step.counted})
        return lines


class WorkingCalendar:
    """Working days for one place. Build one per computation batch: it caches the admin days."""

    def __init__(self, region_code: str = "", extra_days: dict[dt.date, str] | None = None):
        self.region_code = region_code or ""
        self.zone = zone_for_region(self.region_code)
        if extra_days is None:
            extra_days = self._load_extra_days(self.region_code)
        self.extra_days = extra_days

    @staticmethod
    def _load_extra_days(region_code: str) -> dict[dt.date, str]:
        from lapor.core.models import CalendarDay

        scopes = {"", region_code[:2], region_code[:5]} if region_code else {""}
        rows = CalendarDay.objects.filter(region_code__in=scopes).values_list("date", "name")
        return dict(rows)

    def non_working_reason(self, day: dt.date) -> str:
        """Why ``day`` is not a working day, or "" if it is one."""
        if day.weekday() == 5:
            return _("Saturday")
        if day.weekday() == 6:
            return _("Sunday")
        name = _package_holidays(day.year, (get_language() or "id")[:2]).get(day)
        if name:
            return name
        return self.extra_days.get(day, "")

    def is_working_day(self, day: dt.date) -> bool:
        return not self.non_working_reason(day)

    def local_date(self, moment: dt.datetime) -> dt.date:
        return moment.astimezone(self.zone).date()

    def end_of_day(self, day: dt.date) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(23, 59, 59), tzinfo=self.zone)

    def due(self, start: dt.datetime, working_days: int, pauses: list[Pause] | None = None) -> Due:
        """The deadline ``working_days`` working days after ``start``, with its explanation."""
        pauses = pauses or []
        day = self.local_date(start)
        steps: list[Step] = []
        counted = 0
        for _i in range(MAX_SPAN_DAYS):
            if counted >= working_days:
                break
            day += dt.timedelta(days=1)
            paused = self._pause_covering(day, pauses)
            if paused == "open":
                steps.append(Step(day, None, _("paused, waiting for the reporter")))
                return Due(None, steps, self.zone)
            if paused:
                steps.append(Step(day, None, _("paused, waiting for the reporter")))
                continue
            reason = self.non_working_reason(day)
            if reason:
                steps.append(Step(day, None, reason))
                continue
            counted += 1
            steps.append(Step(day, counted))
        return Due(self.end_of_day(day), steps, self.zone)

    def working_days_between(self, start: dt.datetime, end: dt.datetime) -> int:
        """Working days after ``start``'s day up to and including ``end``'s day.

        Counted, not walked: the weekdays of the span, less the days off that fall on a
        weekday (a case years overdue costs the same as one a day late; a console page shows
        fifty of them)."""
        first = self.local_date(start) + dt.timedelta(days=1)
        last = self.local_date(end)
        if last < first:
            return 0
        span = (last - first).days + 1
        weeks, rest = divmod(span, 7)
        n = 5 * weeks + sum(
            1 for i in range(rest) if (first + dt.timedelta(days=7 * weeks + i)).weekday() < 5
        )
        off = {d for d in self.extra_days if first <= d <= last}
        for year in range(first.year, last.year + 1):
            off.update(d for d in _package_holidays(year, "id") if first <= d <= last)
        return n - sum(1 for d in off if d.weekday() < 5)

    def working_days_between_walked(self, start: dt.datetime, end: dt.datetime) -> int:
        """``working_days_between`` by walking every day (the definition; tests compare)."""
        day, last, n = self.local_date(start), self.local_date(end), 0
        while day < last:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                n += 1
        return n

    def _pause_covering(self, day: dt.date, pauses: list[Pause]) -> str:
        for begin, end in pauses:
            if end is None and day >= begin:
                return "open"
            if end is not None and begin <= day <= end:
                return "closed"
        return ""
