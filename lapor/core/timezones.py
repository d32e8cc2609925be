"""Indonesia's three time zones by province code (WIB UTC+7, WITA UTC+8, WIT UTC+9).

Deadlines end at the end of a working day *where the case is*, and are shown in the viewer's
zone with its abbreviation.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

WIB = ZoneInfo("Asia/Jakarta")
WITA = ZoneInfo("Asia/Makassar")
WIT = ZoneInfo("Asia/Jayapura")

# Bali, NTB, NTT, Kalimantan Selatan/Timur/Utara, all of Sulawesi.
_WITA = {"51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"}
# Maluku, Maluku Utara, all Papua provinces.
_WIT = {"81", "82", "91", "92", "93", "94", "95", "96"}

ABBREVIATION = {"Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}


def zone_for_region(code: str) -> ZoneInfo:
    province = (code or "")[:2]
    if province in _WIT:
        return WIT
    if province in _WITA:
        return WITA
    return WIB
