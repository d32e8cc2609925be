"""How names from the directory are shown to people."""

from __future__ import annotations


def category_name(name: str) -> str:
    """Category names in normal case: LAPOR!'s topics are written in capitals
    ("PEKERJAAN UMUM DAN PENATAAN RUANG"), which read as shouting and are harder to read.
    Abbreviations (ASN, WNI, P4GN, SP4N-LAPOR!) stay in capitals."""
    if not name.isupper():
        return name
    out = []
    for i, word in enumerate(name.split()):
        letters = "".join(c for c in word if c.isalnum())
        parts = {"".join(c for c in p if c.isalnum()) for p in word.split("-")}
        if any(c.isdigit() for c in letters) or letters in ABBREVIATIONS or parts & ABBREVIATIONS:
            out.append(word)
        elif letters in PROPER:
            out.append(word.replace(letters, PROPER[letters]))
        else:
            out.append(word.capitalize() if i == 0 else word.lower())
    return " ".join(out)


ABBREVIATIONS = {
    "ASEAN",
    "ASN",
    "BPJS",
    "BUMD",
    "BUMN",
    "DPR",
    "DPRD",
    "KPK",
    "KTP",
    "LAPOR",
    "PDAM",
    "PLN",
    "POLRI",
    "PPID",
    "RI",
    "SRGI",
    "TNI",
    "UMKM",
    "WNI",
}
PROPER = {"INDONESIAN": "Indonesian", "INDONESIA": "Indonesia"}
