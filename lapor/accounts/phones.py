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


def display_phone(stored: str) -> str:
    """An Indonesian number as people write it: +6281234567890 → 0812-3456-7890 (mobile
    numbers in groups of 4-4-rest after the 0; landlines 0274-123456 keep the area code).
    Other countries' numbers keep their international form; anything else is shown as is."""
    stored = (stored or "").strip()
    try:
        number = phonenumbers.parse(stored, "ID")
    except phonenumbers.NumberParseException:
        return stored
    if not phonenumbers.is_valid_number(number):
        return stored
    if number.country_code != 62:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    national = "0" + str(number.national_number)
    if phonenumbers.number_type(number) in (
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    ) and national.startswith("08"):
        return "-".join(part for part in (national[:4], national[4:8], national[8:]) if part)
    digits = str(number.national_number)
    area = phonenumbers.length_of_geographical_area_code(number)
    return f"0{digits[:area]}-{digits[area:]}" if area else national
