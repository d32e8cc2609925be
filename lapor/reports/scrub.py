"""Masking personal data in text that is published: national ID numbers (NIK), phone numbers
and e-mail addresses.

Applied whenever a report's text leaves for the public (pages, feeds, search results, open
data, Open311). The reporter and authorised staff read the stored text unmasked. Masking is
deliberately greedy: a false positive hides a harmless number, a false negative exposes a
person.
"""

from __future__ import annotations

import re

# NIK: 16 digits (often written in groups: 3404 0712 3456 0001, 3404-0712-...). Also catches
# the 16-digit KK (family card) number, which is just as personal.
_NIK = re.compile(r"(?<!\d)(?:\d[\s.\-]?){15}\d(?!\d)")
# Indonesian phone numbers: +62 / 62 / 0 then 8–13 more digits, with spaces, dots or dashes.
_PHONE = re.compile(r"(?<![\w])(?:\+?62|0)[\s.\-]?(?:\(?\d\)?[\s.\-]?){7,13}\d(?!\d)")
_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")

NIK_MASK = "[NIK disamarkan]"
PHONE_MASK = "[nomor telepon disamarkan]"
EMAIL_MASK = "[email disamarkan]"


def scrub(text: str) -> str:
    """``text`` with NIK/KK numbers, phone numbers and e-mail addresses masked."""
    if not text:
        return text
    text = _EMAIL.sub(EMAIL_MASK, text)
    text = _NIK.sub(NIK_MASK, text)
    return _PHONE.sub(PHONE_MASK, text)


MASKS = (NIK_MASK, PHONE_MASK, EMAIL_MASK)
# Numbers this long are dropped from queries along with what ``scrub`` recognises: nobody
# searches a complaint by a 6-digit number, and a fragment of a NIK or a phone number is one.
LONG_NUMBER = re.compile(r"^\d{6,}$")


def without_personal_data(text: str) -> str:
    """``text`` with NIK/KK numbers, phone numbers and e-mail addresses removed, not masked:
    for what people type into a search or a lookup, which must never ask about them."""
    text = scrub(text or "")
    for mask in MASKS:
        text = text.replace(mask, " ")
    return text
