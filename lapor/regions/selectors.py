"""Reads of the region tree: small lists served from the (parent, name) index."""

from __future__ import annotations

from lapor.regions.models import Region


def children(parent_code: str | None) -> list[tuple[str, str]]:
    """(code, name) of the regions directly under ``parent_code`` (provinces for None)."""
    qs = Region.objects.filter(parent_id=parent_code or None).order_by("name")
    return list(qs.values_list("code", "name"))


def resolve_chain(
    province: str, regency: str, district: str = "", village: str = ""
) -> Region | None:
    """The most specific region of a picked chain, or None if the chain is inconsistent.

    Consistency comes from the codes themselves: "34.04.07" lies in "34.04" lies in "34".
    """
    chain = [c for c in (province, regency, district, village) if c]
    if not chain:
        return None
    for parent, child in zip(chain, chain[1:], strict=False):
        if not child.startswith(parent + "."):
            return None
    # Skipped levels (a village without its district) are inconsistent too, and each code must
    # be of its level: a province has no dot, a regency one, a district two, a village three.
    picked = [province, regency, district, village]
    if "" in picked[: len(chain)]:
        return None
    if any(code.count(".") != level for level, code in enumerate(chain)):
        return None
    # One query: every level of the chain must exist; the last one is the answer.
    found = {region.code: region for region in Region.objects.filter(code__in=chain)}
    if len(found) != len(chain):
        return None
    return found[chain[-1]]


def place_label(code: str) -> str:
    """ "Caturtunggal, Depok, Kabupaten Sleman, Daerah Istimewa Yogyakarta" in one query."""
    parts = code.split(".")
    chain = [".".join(parts[: i + 1]) for i in range(len(parts))]
    names = dict(Region.objects.filter(code__in=chain).values_list("code", "name"))
    return ", ".join(names[c] for c in reversed(chain) if c in names)
