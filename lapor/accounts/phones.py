"""Phone numbers are stored in E.164 (+62...) so one person has one identity across channels."""

from __future__ import annotations

import phonenumbers


def normalize_phone(raw: str) -> str | None:
    """Return the E.164 form of an Indonesian (or international) number, or None if invalid."""
    raw = (raw or "").strip()
    if not raw:
        return None
    try:
        number = phonenumbers.parse(raw, "ID")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
