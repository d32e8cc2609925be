"""Tracking IDs and PINs.

A tracking ID is 9 random digits (LAPOR!'s are 7–9): short enough to read out over the phone
or send by SMS, random so that one ID tells nothing about others. The PIN (6 digits) is the
secret; we keep only an HMAC of it keyed with SECRET_KEY, so a stolen database alone cannot be
brute-forced offline, and online guessing is rate-limited (lapor.reports.access).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from django.conf import settings

TRACKING_ID_DIGITS = 9
PIN_DIGITS = 6


def new_tracking_id() -> str:
    # First digit 1-9 so the ID never loses a leading zero in a spreadsheet.
    first = secrets.choice("123456789")
    rest = "".join(secrets.choice("0123456789") for _ in range(TRACKING_ID_DIGITS - 1))
    return first + rest


def new_pin() -> str:
    return "".join(secrets.choice("0123456789") for _ in range(PIN_DIGITS))


def hash_pin(tracking_id: str, pin: str) -> str:
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, f"{tracking_id}:{pin}".encode(), hashlib.sha256).hexdigest()


def pin_matches(tracking_id: str, pin: str, pin_hash: str) -> bool:
    return hmac.compare_digest(hash_pin(tracking_id, pin.strip()), pin_hash)


def normalize_tracking_id(raw: str) -> str:
    """People write '#123 456 789' or '123-456-789'; keep the digits."""
    return "".join(ch for ch in (raw or "") if ch.isdigit())
