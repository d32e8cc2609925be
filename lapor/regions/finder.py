"""Find the place a free text names: "jalan rusak di Kec. Depok, Sleman" → the district Depok
of Kabupaten Sleman.

Channels without a place picker (SMS, e-mail) need a region of at least regency level before a
report can be filed. This reads the regency or city the text names, then a district of it and
a village of that district when they are named too. It prefers saying nothing to guessing:
``find_place`` returns None when no regency is named or two are named equally strongly, and the
channel then asks the person.

How a regency is recognised, strongest first:
- explicitly: "Kabupaten Sleman", "Kab. Sleman", "Kota Semarang", "Kota Adm. Jakarta Selatan";
- by its bare name: "Sleman", "Jakarta Selatan" — except names that are also everyday words
  ("batu", "malang", "serang", "puncak" …), which count only when written explicitly.
A bare name shared by a regency and a city ("Semarang", "Bandung", "Bogor") means the city,
unless a district named in the text lies in the regency ("Bawen, Semarang").
A bare regency name that is also the name of a district of another named regency is read as
that district ("Depok, Sleman" is Kecamatan Depok in Sleman, not Kota Depok).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from lapor.regions.models import Region

# Abbreviations people write before place names, mapped to the word the names are matched with.
PREFIXES = {
    "kab": "kabupaten",
    "kabupaten": "kabupaten",
    "kota": "kota",
    "kot": "kota",
    "kec": "kecamatan",
    "kecamatan": "kecamatan",
    "distrik": "kecamatan",
    "kel": "kelurahan",
    "kelurahan": "kelurahan",
    "desa": "desa",
    "ds": "desa",
    "kampung": "desa",
    "nagari": "desa",
    "gampong": "desa",
}
# "Kota Adm." / "Kabupaten Administrasi" add nothing to the match.
FILLERS = {"adm", "administrasi", "administratif"}
# Common spellings of city names.
ALIASES = {
    "jogja": "yogyakarta",
    "jogjakarta": "yogyakarta",
    "yogya": "yogyakarta",
    "jkt": "jakarta",
    "jakpus": "jakarta pusat",
    "jaksel": "jakarta selatan",
    "jaktim": "jakarta timur",
    "jakbar": "jakarta barat",
    "jakut": "jakarta utara",
}
# Region names that are everyday Indonesian words: matched only after an explicit prefix.
EVERYDAY_WORDS = frozenset(
    {
        "agam",
        "banjar",
        "baru",
        "batu",
        "bone",
        "buru",
        "kaur",
        "kota",
        "kudus",
        "lebak",
        "lingga",
        "malang",
        "metro",
        "muna",
        "padang",
        "pati",
        "puncak",
        "serang",
        "sorong",
        "tegal",
        "tengah",
        "barat",
        "timur",
        "utara",
        "selatan",
        "pusat",
        "jaya",
        "raya",
        "kota baru",
        "tanah",
        "pasar",
        "sungai",
        "gunung",
        "pantai",
        "kali",
        "teluk",
        "air",
    }
)
# Districts and villages with names this short are too often parts of other words.
MIN_BARE_LENGTH = 4

EXPLICIT_KINDS = {
    "kabupaten": ("kabupaten",),
    "kota": ("kota",),
}
_TOKEN = re.compile(r"[a-z0-9]+")


def _tokens(text: str) -> list[str]:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    out: list[str] = []
    for token in _TOKEN.findall(text):
        if token in FILLERS:
            continue
        out.extend(ALIASES.get(token, token).split())
    return [PREFIXES.get(t, t) for t in out]


@lru_cache(maxsize=100_000)
def _name_tokens(name: str) -> tuple[str, tuple[str, ...]]:
    """("kabupaten", ("aceh", "selatan")) for "Kabupaten Aceh Selatan"."""
    tokens = _tokens(name)
    if tokens and tokens[0] in ("kabupaten", "kota"):
        return tokens[0], tuple(tokens[1:])
    return "", tuple(tokens)


@dataclass
class _Match:
    region: Region
    start: int
    end: int
    explicit: bool


def _find(
    tokens: list[str], name: tuple[str, ...], prefixes: tuple[str, ...]
) -> list[tuple[int, int, bool]]:
    """(start, end, explicit) of each occurrence of ``name`` in ``tokens``."""
    found: list[tuple[int, int, bool]] = []
    n = len(name)
    if not n:
        return found
    for i in range(len(tokens) - n + 1):
        if tuple(tokens[i : i + n]) != name:
            continue
        explicit = i > 0 and tokens[i - 1] in prefixes
        found.append((i - 1 if explicit else i, i + n, explicit))
    return found


def _bare_allowed(name: tuple[str, ...]) -> bool:
    joined = " ".join(name)
    return joined not in EVERYDAY_WORDS and len(joined) >= MIN_BARE_LENGTH


def _matches(
    tokens: list[str], regions: list[Region], prefixes: tuple[str, ...], kind_aware: bool
) -> list[_Match]:
    out = []
    present = set(tokens)
    for region in regions:
        kind, name = _name_tokens(region.name)
        if not name or name[0] not in present:
            continue
        wanted = (kind,) if kind_aware and kind else prefixes
        for start, end, explicit in _find(tokens, name, wanted):
            if explicit or _bare_allowed(name):
                out.append(_Match(region, start, end, explicit))
    return out


def _overlaps(a: _Match, b: _Match) -> bool:
    return a.start < b.end and b.start < a.end


def find_place(text: str) -> Region | None:
    """The most specific region ``text`` names (a regency/city, or a district or village of it),
    or None when it names none or is ambiguous."""
    tokens = _tokens(text)
    if not tokens:
        return None
    regencies = list(Region.objects.filter(level=Region.Level.REGENCY))
    candidates = _matches(tokens, regencies, ("kabupaten", "kota"), kind_aware=True)
    if not candidates:
        return None
    # A longer name wins over a shorter one inside it ("Bandung Barat" over "Bandung").
    candidates = [
        c
        for c in candidates
        if not any(
            o is not c and _overlaps(o, c) and (o.end - o.start) > (c.end - c.start)
            for o in candidates
        )
    ]
    by_code = {c.region.code: c for c in sorted(candidates, key=lambda c: not c.explicit)}
    districts = list(
        Region.objects.filter(level=Region.Level.DISTRICT, parent_id__in=list(by_code))
    )
    district_hits: dict[str, list[_Match]] = {}
    for match in _matches(tokens, districts, ("kecamatan",), kind_aware=False):
        district_hits.setdefault(match.region.parent_id or "", []).append(match)

    scored = []
    for code, match in by_code.items():
        # This name is better read as a district of another named regency.
        if not match.explicit and any(
            other != code and any(_overlaps(d, match) for d in hits)
            for other, hits in district_hits.items()
        ):
            continue
        own = [d for d in district_hits.get(code, []) if not _overlaps(d, match)]
        best = max(own, key=lambda d: (d.explicit, d.end - d.start), default=None)
        kind, _name = _name_tokens(match.region.name)
        score = (4 if match.explicit else 2) + (0 if best is None else (2 if best.explicit else 1))
        # A bare name shared by a regency and a city means the city.
        tie_break = 1 if kind == "kota" else 0
        scored.append((score, tie_break, match, best))
    if not scored:
        return None
    scored.sort(key=lambda s: (s[0], s[1]), reverse=True)
    top = [s for s in scored if s[0] == scored[0][0]]
    # Two different places named as strongly: ask. One name shared by a regency and a city:
    # the city (sorted first by the tie-break).
    if len({_name_tokens(s[2].region.name)[1] for s in top}) > 1:
        return None
    if len(top) > 1 and top[0][1] == top[1][1]:
        return None
    _score, _tie, match, district = scored[0]
    if district is None:
        return match.region
    return _village(tokens, district.region) or district.region


def _village(tokens: list[str], district: Region) -> Region | None:
    """A village of ``district`` named explicitly ("Desa Caturtunggal", "Kel. Condongcatur")."""
    villages = list(Region.objects.filter(parent_id=district.code))
    hits = [
        m for m in _matches(tokens, villages, ("desa", "kelurahan"), kind_aware=False) if m.explicit
    ]
    if len({m.region.code for m in hits}) == 1:
        return hits[0].region
    return None
