"""Bounds on what a query may ask for, so that arithmetic on it cannot overflow.

A date of 9999-12-31 parses, but "the day after" or "in WIB" does not exist: refused as bad
input (4xx) wherever a date arrives from outside, instead of failing later as a 500."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2999, 12, 31)


def sane_date(value: dt.date | dt.datetime | None) -> bool:
    if value is None:
        return True
    day = value.date() if isinstance(value, dt.datetime) else value
    return EARLIEST <= day <= LATEST


def validate_sane_date(value: dt.date | None) -> None:
    """A form field validator."""
    if not sane_date(value):
        raise ValidationError(
            _("Enter a date between %(start)s and %(end)s.")
            % {"start": EARLIEST.isoformat(), "end": LATEST.isoformat()},
            code="date_out_of_range",
        )
