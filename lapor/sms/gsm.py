"""How many SMS a text costs: GSM-7 when every character is in the GSM 03.38 alphabet,
otherwise UCS-2 (UTF-16). A single SMS holds 160 septets or 70 UCS-2 units; a concatenated
message spends 6 bytes of header per part, leaving 153 septets or 67 units.

Kannel does the splitting (``concatenation = true`` in the sendsms-user group); this module
chooses the coding Lapor asks for and counts parts, so long texts can be shortened first.
"""

from __future__ import annotations

BASIC = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
# The extension table: each costs an escape septet plus itself.
EXTENDED = set("^{}\\[~]|€\f")

GSM_SINGLE, GSM_PART = 160, 153
UCS2_SINGLE, UCS2_PART = 70, 67


def is_gsm7(text: str) -> bool:
    return all(ch in BASIC or ch in EXTENDED for ch in text)


def units(text: str) -> tuple[str, int]:
    """("gsm7", septets) or ("ucs2", UTF-16 code units)."""
    if is_gsm7(text):
        return "gsm7", sum(2 if ch in EXTENDED else 1 for ch in text)
    return "ucs2", len(text.encode("utf-16-be")) // 2


def part_count(text: str) -> int:
    coding, n = units(text)
    single, part = (GSM_SINGLE, GSM_PART) if coding == "gsm7" else (UCS2_SINGLE, UCS2_PART)
    if n <= single:
        return 1
    return -(-n // part)


def fit(text: str, max_parts: int) -> str:
    """``text`` shortened (with "…") so that it costs at most ``max_parts`` SMS."""
    if part_count(text) <= max_parts:
        return text
    low, high = 0, len(text)
    while low < high:
        mid = (low + high + 1) // 2
        if part_count(text[:mid].rstrip() + "...") <= max_parts:
            low = mid
        else:
            high = mid - 1
    return text[:low].rstrip() + "..."
