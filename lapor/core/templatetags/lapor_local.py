"""Local conventions in templates: times in the zone of the case's place, phone numbers as
Indonesians write them.

``{% place_time moment region_code %}`` shows a moment (a deadline) in the time zone of the
place whose Kemendagri code is given — "Jumat, 13 Maret 2026, 23:59 WIT" for a case in Papua,
not "21:59 WIB" — with the zone named, in the page's language. ``{{ phone|phone_local }}`` shows
an E.164 number (+6281234567890, as stored) as 0812-3456-7890.
"""

from __future__ import annotations

import datetime as dt

from django import template
from django.utils import formats, timezone

from lapor.accounts.phones import display_phone
from lapor.core.timezones import ABBREVIATION, zone_for_region

register = template.Library()

DEFAULT_FORMAT = "l, j F Y, H:i"


@register.simple_tag
def place_time(moment: dt.datetime | None, region_code: str, fmt: str = DEFAULT_FORMAT) -> str:
    if moment is None:
        return ""
    zone = zone_for_region(region_code or "")
    local = timezone.localtime(moment, zone)
    text = formats.date_format(local, fmt)
    if "H" in fmt:
        text += " " + ABBREVIATION.get(str(zone), "")
    return text.strip()


@register.filter
def phone_local(value: str) -> str:
    return display_phone(value or "")
