"""Reads of the region tree: small lists served from the (parent, name) index."""

from __future__ import annotations

import functools
import time

from lapor.regions.models import Region

# resolve_chain's per-process cache: entries live at most this long, and this many are kept
# (about 200 bytes each; Indonesia has ~84,000 villages, most filings come from far fewer).
CHAIN_CACHE_SECONDS = 600
CHAIN_CACHE_SIZE = 20_000
_FIELDS = ("code", "parent_id", "level", "name")


def children(parent_code: str | None) -> list[tuple[str, str]]:
    """(code, name) of the regions directly under ``parent_code`` (provinces for None)."""
    qs = Region.objects.filter(parent_id=parent_code or None).order_by("name")
    return list(qs.values_list("code", "name"))


def resolve_chain(
    province: str, regency: str, district: str = "", village: str = ""
) -> Region | None:
    """The most specific region of a picked chain, or None if the chain is inconsistent.

    Consistency comes from the codes themselves: "34.04.07" lies in "34.04" lies in "34".
    Every level must exist: checked with one query, then cached (``_chain_end``).
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
    try:
        values = _chain_end(tuple(chain), _period())
    except Region.DoesNotExist:
        return None
    return Region.from_db(None, _FIELDS, values)


def _period() -> int:
    return int(time.monotonic() // CHAIN_CACHE_SECONDS)


@functools.lru_cache(maxsize=CHAIN_CACHE_SIZE)
def _chain_end(chain: tuple[str, ...], period: int) -> tuple[str, str | None, int, str]:
    """The last region of a chain whose every level exists, as plain values (one query).

    Cached per process: every filing checks its chain, and the tree only grows (the loader
    adds and renames regions, never deletes one a report could point to). ``period`` (the
    current ``CHAIN_CACHE_SECONDS`` slot) ages entries out, so a rename loaded by another
    process shows within that time; a chain that is not found raises, and is not cached."""
    del period  # part of the cache key only
    found = {row[0]: row for row in Region.objects.filter(code__in=chain).values_list(*_FIELDS)}
    if len(found) != len(chain):
        raise Region.DoesNotExist(chain[-1])
    return found[chain[-1]]


def forget_chains(**_kwargs: object) -> None:
    """Empty this process's chain cache (a region saved or deleted here; tests)."""
    _chain_end.cache_clear()


def place_label(code: str) -> str:
    """ "Caturtunggal, Depok, Kabupaten Sleman, Daerah Istimewa Yogyakarta" in one query."""
    parts = code.split(".")
    chain = [".".join(parts[: i + 1]) for i in range(len(parts))]
    names = dict(Region.objects.filter(code__in=chain).values_list("code", "name"))
    return ", ".join(names[c] for c in reversed(chain) if c in names)
