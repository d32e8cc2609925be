"""Explicit features for what a report names: agencies and their acronyms, words that name a
level of government, and places.

TF-IDF sees "bpjs", "kantor pos" or "kementerian" as words among thousands, each learned from
the few reports that use it. A gazetteer feature groups the ways of naming one thing ("pt pos",
"kantor pos", "pos indonesia" → ``alias:pos-indonesia``; "gubernur", "pemprov", "provinsi" →
``level:provinsi``) so that a name seen rarely in training still points where its group does,
and national or state-enterprise matters stop defaulting to the regency. Chosen by grouped
cross-validation on real reports (docs/routing.md).

Features are binary, computed on the normalised text (:func:`lapor.routing.text.normalise`),
scaled by the model's ``gazetteer`` parameter and appended to the TF-IDF columns.
"""

from __future__ import annotations

import csv
import gzip
import re
from collections.abc import Iterator

import numpy as np

from lapor.routing import text as textmod

# Words that name a level of government (normalised text: lowercase, "kab" -> "kabupaten").
LEVEL_WORDS: dict[str, str] = {
    "pusat": r"\bkementerian\b|\bkemen[a-z]+\b|\bmenteri\b|\bpusat\b|\bnasional\b|\bdirektorat\b|"
    r"\bditjen\b|\bdirjen\b|\bpresiden\b|\brepublik indonesia\b|\bri\b|\bbadan nasional\b",
    "provinsi": r"\bprovinsi\b|\bprov\b|\bgubernur\b|\bpemprov\b|\bpropinsi\b",
    "kabupaten-kota": r"\bkabupaten\b|\bkota\b|\bbupati\b|\bwali ?kota\b|\bpemkab\b|\bpemkot\b|"
    r"\bdprd\b|\bpemda\b|\bdinas\b",
    "kecamatan": r"\bkecamatan\b|\bcamat\b",
    "kelurahan-desa": r"\bdesa\b|\bkelurahan\b|\blurah\b|\bkades\b|\bkepala desa\b|\brt\b|\brw\b",
    "instansi-vertikal": r"\bkanwil\b|\bkantor wilayah\b|\bkantor regional\b|\bbalai\b|"
    r"\bkanim\b|\bkantor imigrasi\b|\bkantor pertanahan\b|\bkantah\b|\bkopertis\b",
    "bumn": r"\bpersero\b|\bbumn\b|\bpt\b|\btbk\b|\bkantor cabang\b|\bkc\b|\bkcp\b|\bcabang\b",
    "bumd": r"\bbumd\b|\bpdam\b|\bperumda\b|\bbank daerah\b|\bbpd\b",
}

# What reports name that points to a unit without naming it (services, programmes, places of
# service). Each is one feature.
SERVICE_WORDS: tuple[tuple[str, str], ...] = (
    (r"\bbpjs\b", "bpjs"),
    (r"\be ?ktp\b|\bktp\b|\bkartu keluarga\b|\bakta\b|\bnik\b", "adminduk"),
    (r"\bpaspor\b", "paspor"),
    (r"\bsekolah\b|\bsd\b|\bsmp\b|\bsma\b|\bsmk\b|\bguru\b", "sekolah"),
    (r"\bkampus\b|\buniversitas\b|\bmahasiswa\b|\bkuliah\b|\bdosen\b", "kampus"),
    (r"\bsamsat\b|\bstnk\b|\bsim\b", "samsat"),
    (r"\bpuskesmas\b", "puskesmas"),
    (r"\brumah sakit\b|\brs\b|\brsud\b", "rumah-sakit"),
    (
        r"\bkemensos\b|\bkementerian sosial\b|\bpkh\b|\bbpnt\b|\brastra\b|\braskin\b|\bkks\b|"
        r"\bkps\b",
        "bansos",
    ),
    (r"\bcpns\b|\basn\b|\bpns\b|\bhonorer\b|\bnip\b", "asn"),
    (r"\blistrik\b|\bmeteran\b|\btoken\b", "listrik"),
    (r"\bkantor pos\b|\bpos indonesia\b|\bpaket\b|\bkiriman\b", "pos"),
    (r"\bjalan\b|\bjembatan\b|\bdrainase\b|\bgot\b|\bselokan\b", "jalan"),
    (r"\bparkir\b|\bangkot\b|\blampu lalu lintas\b|\bangkutan\b|\btrayek\b", "angkutan"),
    (r"\bpkl\b|\bpedagang kaki lima\b|\bbangunan liar\b|\bsatpol\b", "ketertiban"),
    (r"\bsertifikat\b|\btanah\b|\bprona\b|\bptsl\b", "tanah"),
)

# Regency names that are also common words: counted only after "kabupaten"/"kota".
AMBIGUOUS_PLACES = frozenset(
    {
        "batu",
        "malang",
        "bone",
        "buru",
        "muna",
        "agam",
        "pati",
        "baru",
        "barat",
        "timur",
        "selatan",
        "utara",
        "tengah",
        "kota",
        "banjar",
        "lima",
        "puluh",
        "tanah",
        "laut",
        "sumba",
        "asahan",
    }
)


def _place_names() -> tuple[frozenset[str], frozenset[str]]:
    """Normalised regency/city names (without "Kabupaten"/"Kota") and province names, from
    the vendored Kemendagri area codes."""
    from lapor.regions.loader import DATA_DIR

    def names(stem: str) -> set[str]:
        with gzip.open(DATA_DIR / f"{stem}.csv.gz", "rt", encoding="utf-8", newline="") as fh:
            return {row["name"] for row in csv.DictReader(fh)}

    regencies = {
        textmod.normalise(re.sub(r"^(Kabupaten|Kota)( Administrasi)? ", "", n))
        for n in names("regencies")
    }
    provinces = {textmod.normalise(n) for n in names("provinces")}
    return frozenset(regencies), frozenset(provinces)


def _directory_names() -> dict[str, list[str]]:
    """{unit code: [normalised names and short names]} of the directory's unit types and
    national agencies."""
    from lapor.agencies.directory_data import NATIONAL_AGENCIES, UNIT_TYPES

    by_code: dict[str, list[str]] = {}
    entries = [(code, [name, short]) for code, name, short in UNIT_TYPES]
    entries += [
        (code, [name, short, *name.split("/")]) for code, name, short, _k in NATIONAL_AGENCIES
    ]
    for code, names in entries:
        for n in names:
            folded = textmod.normalise(n)
            if len(folded) >= 3 and folded not in by_code.setdefault(code, []):
                by_code[code].append(folded)
    return by_code


def _phrases_in(
    tokens: list[str], table: dict[str, list[tuple[tuple[str, ...], str]]]
) -> Iterator[tuple[int, tuple[str, ...], str]]:
    """(position, words, value) of every phrase of ``table`` (keyed by its first word) that
    stands in ``tokens``."""
    for i, token in enumerate(tokens):
        for words, value in table.get(token, ()):
            if tuple(tokens[i : i + len(words)]) == words:
                yield i, words, value


class Gazetteer:
    """Binary features for a normalised text; built at training time and pickled with the
    model, so a model keeps the gazetteer it was trained with."""

    def __init__(self) -> None:
        patterns: list[tuple[str, str]] = [("alias:" + c, p) for p, c in textmod.AGENCY_ALIASES]
        patterns += [("service:" + c, p) for p, c in SERVICE_WORDS]
        patterns += [("level:" + lv, p) for lv, p in LEVEL_WORDS.items()]
        self.patterns = [(name, re.compile(p)) for name, p in patterns]
        # Names are whole-word phrases: looked up by their first word (fast, no regex).
        self.phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for code, alts in _directory_names().items():
            for alt in alts:
                words = tuple(alt.split())
                self.phrases.setdefault(words[0], []).append((words, "directory:" + code))
        regencies, provinces = _place_names()
        self.places: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for place_names, kind in ((regencies, "regency"), (provinces, "province")):
            for place in sorted(place_names):
                words = tuple(place.split())
                self.places.setdefault(words[0], []).append((words, kind))
        names = {n for n, _p in self.patterns}
        names |= {name for entries in self.phrases.values() for _w, name in entries}
        names |= {"place:regency", "place:regency-named", "place:province"}
        self.names = sorted(names)
        self.index = {n: i for i, n in enumerate(self.names)}

    def __len__(self) -> int:
        return len(self.names)

    def _names(self, tokens: list[str]) -> set[str]:
        return {name for _i, _words, name in _phrases_in(tokens, self.phrases)}

    def _places(self, tokens: list[str]) -> set[str]:
        found: set[str] = set()
        for i, words, kind in _phrases_in(tokens, self.places):
            if kind == "province":
                found.add("place:province")
                continue
            if i and tokens[i - 1] in ("kabupaten", "kota"):
                found.add("place:regency-named")
            gram = " ".join(words)
            if gram not in AMBIGUOUS_PLACES and len(gram) >= 4:
                found.add("place:regency")
        return found

    def matches(self, norm: str) -> list[str]:
        """The names of the features a normalised text turns on, sorted."""
        tokens = norm.split()
        found = {name for name, p in self.patterns if p.search(norm)}
        return sorted(found | self._names(tokens) | self._places(tokens))

    def columns(self, norm: str) -> np.ndarray:
        return np.array(sorted(self.index[n] for n in self.matches(norm)), dtype=np.int64)

    def matrix(self, norms: list[str], scale: float):
        """A (texts × features) sparse matrix of ``scale`` where a feature is on."""
        from scipy.sparse import csr_matrix

        rows: list[int] = []
        cols: list[int] = []
        for i, norm in enumerate(norms):
            found = self.columns(norm)
            rows += [i] * len(found)
            cols += found.tolist()
        data = np.full(len(rows), scale, dtype=np.float64)
        return csr_matrix((data, (rows, cols)), shape=(len(norms), len(self.names)))
