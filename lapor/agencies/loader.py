"""Build the agency directory from :mod:`lapor.agencies.directory_data` and the loaded regions.

The directory is derived, not typed: 38 provinces and 514 regencies/cities come from the
Kemendagri data, and every one of them gets its government and standard units; every one
of the 7,285 districts gets its kecamatan office; every regency gets its land office and
its Kementerian Agama office. That is ~24,000 agencies from ~150 hand-written lines.

Why it is built the way it is:

* Rows are upserted on the natural key ``code`` with the regions loader's
  :func:`~lapor.regions.loader.bulk_upsert`, which compares with the database first and writes
  only rows that differ. A second run therefore writes nothing and creates no duplicates, and
  a name edited in the admin is put back (the directory owns name, kind, level, parent,
  region and unit type; ``is_active`` and ``accepts_reports`` belong to the admins).
* Parents are resolved in *stages*: national agencies, then provincial governments, then
  regency governments, then everything that hangs under them. After each stage the loader
  re-reads ``code → pk`` for what it needs, so foreign keys are plain integers and no row is
  saved twice.
* Nothing is deleted. Agencies and categories are referenced by reports with PROTECT; an
  entry that disappears from the data is left for an admin to deactivate.

Deliberately not created: village offices (83,762 desa/kelurahan; a village office is
created on demand when a report is first routed to one), a PPID pembantu per unit (the
unit type exists for admins to use), and BUMN branch offices (reports go to the head office,
which dispatches them internally).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.text import slugify

from lapor.regions.loader import UpsertResult, bulk_upsert, load_regions
from lapor.regions.models import Region

from . import directory_data as data
from .models import Agency, Category, UnitType

AGENCY_FIELDS = ("name", "short_name", "kind", "level", "parent_id", "region_id", "unit_type_id")
CATEGORY_FIELDS = (
    "name",
    "name_en",
    "parent_id",
    "handling_unit_type_id",
    "national_agency_id",
    "keywords",
    "sort_order",
)
CATEGORY_CODE_MAX = Category._meta.get_field("code").max_length or 80
# Words a shortened code should not end on ("premanisme-dan" reads as a mistake).
DANGLING_WORDS = frozenset({"dan", "di", "dalam", "terhadap", "untuk", "atau", "yang"})

Row = dict[str, Any]


@dataclass(frozen=True)
class Place:
    """A province, regency or district as read back from the regions table."""

    code: str
    name: str
    level: int
    parent_code: str | None

    @property
    def province_code(self) -> str:
        return self.code.split(".", 1)[0]


@dataclass(frozen=True)
class Style:
    """How a region appears in agency names (see the module docstring of directory_data)."""

    government: str
    government_short: str
    region: str
    short: str


# --- naming -----------------------------------------------------------------------------------


def province_style(place: Place) -> Style:
    """Aceh, DKI Jakarta and DIY have their own styles; other provinces are "Provinsi X"."""
    templates = data.PROVINCE_STYLES.get(place.code, data.PROVINCE_STYLE_DEFAULT)
    return Style(*(t.format(name=place.name) for t in templates))


def regency_style(place: Place) -> Style:
    """The Kemendagri name already says "Kabupaten X"/"Kota X"; derive the other forms."""
    for prefix, government, government_short, short in data.REGENCY_PREFIXES:
        if place.name.startswith(prefix):
            bare = place.name[len(prefix) :]
            return Style(government + bare, government_short + bare, place.name, short + bare)
    raise ValueError(f"regency {place.code}: unexpected name {place.name!r}")


def is_kabupaten(place: Place) -> bool:
    """A kabupaten with desa (Kepulauan Seribu is a kabupaten administrasi with kelurahan)."""
    return place.name.startswith("Kabupaten ") and not place.name.startswith(
        "Kabupaten Administrasi "
    )


def is_jakarta_administrative(place: Place) -> bool:
    return place.level == Region.Level.REGENCY and place.province_code == data.JAKARTA_PROVINCE


def category_code(name: str, parent_code: str | None = None) -> str:
    """``pekerjaan-umum-dan-penataan-ruang--jalan-berlubang``; cut at a word to fit 80 chars."""
    slug = slugify(name.replace("/", " "))
    if parent_code is None:
        code = slug
    else:
        room = CATEGORY_CODE_MAX - len(parent_code) - 2
        if len(slug) > room:
            words = slug[: room + 1].split("-")[:-1] or [slug[:room]]
            while len(words) > 1 and words[-1] in DANGLING_WORDS:
                words.pop()
            slug = "-".join(words)
        code = f"{parent_code}--{slug}"
    if not code or len(code) > CATEGORY_CODE_MAX:
        raise ValueError(f"category {name!r}: cannot make a code of at most 80 characters")
    return code


# --- reading what is already there ------------------------------------------------------------


def read_places() -> dict[int, list[Place]]:
    """Provinces, regencies and districts by level (villages are not needed: no agencies)."""
    places: dict[int, list[Place]] = {1: [], 2: [], 3: []}
    rows = (
        Region.objects.filter(level__lte=Region.Level.DISTRICT)
        .order_by("code")
        .values_list("code", "name", "level", "parent_id")
    )
    for code, name, level, parent in rows.iterator():
        places[level].append(Place(code, name, level, parent))
    return places


def agency_pks(**filters: Any) -> dict[str, int]:
    return dict(Agency.objects.filter(**filters).values_list("code", "pk"))


def unit_type_pks() -> dict[str, int]:
    return dict(UnitType.objects.values_list("code", "pk"))


def _require(mapping: Mapping[str, int], code: str, what: str) -> int:
    try:
        return mapping[code]
    except KeyError:
        raise ValueError(f"{what}: unknown code {code!r}") from None


# --- rows -------------------------------------------------------------------------------------


def unit_type_rows() -> list[Row]:
    return [{"code": c, "name": n, "short_name": s} for c, n, s in data.UNIT_TYPES]


def national_rows() -> list[Row]:
    """Ministries, LPNK, state institutions and BUMN head offices: roots of the tree."""
    rows = []
    for code, name, short, kind in data.NATIONAL_AGENCIES:
        level = Agency.Level.STATE_ENTERPRISE if kind == data.STATE_ENTERPRISE else "pusat"
        rows.append(_agency(code, name, short, kind, str(level)))
    return rows


def _agency(
    code: str,
    name: str,
    short: str,
    kind: str,
    level: str,
    *,
    parent: int | None = None,
    region: str | None = None,
    unit_type: int | None = None,
) -> Row:
    return {
        "code": code,
        "name": name,
        "short_name": short,
        "kind": kind,
        "level": level,
        "parent_id": parent,
        "region_id": region,
        "unit_type_id": unit_type,
    }


def provincial_government_rows(provinces: Iterable[Place]) -> list[Row]:
    rows = []
    for place in provinces:
        style = province_style(place)
        rows.append(
            _agency(
                f"pemprov-{place.code}",
                style.government,
                style.government_short,
                Agency.Kind.PROVINCIAL_GOVERNMENT,
                Agency.Level.PROVINCE,
                region=place.code,
            )
        )
    return rows


def regency_government_rows(
    regencies: Iterable[Place], governments: Mapping[str, int]
) -> list[Row]:
    rows = []
    for place in regencies:
        style = regency_style(place)
        parent = _require(governments, f"pemprov-{place.province_code}", place.code)
        rows.append(
            _agency(
                f"pemda-{place.code}",
                style.government,
                style.government_short,
                Agency.Kind.REGENCY_GOVERNMENT,
                Agency.Level.REGENCY,
                parent=parent,
                region=place.code,
            )
        )
    return rows


def provincial_unit_specs(province_code: str) -> list[data.UnitSpec]:
    """PROVINCIAL_UNITS with the province's overrides applied and its extra units appended."""
    overrides = data.PROVINCIAL_UNIT_OVERRIDES.get(province_code, {})
    specs: list[data.UnitSpec] = []
    for unit_type, name, short, kind in data.PROVINCIAL_UNITS:
        if unit_type in overrides:
            replacement = overrides[unit_type]
            if replacement is None:
                continue
            name, short = replacement
        specs.append((unit_type, name, short, kind))
    specs.extend(data.PROVINCIAL_EXTRA_UNITS.get(province_code, ()))
    return specs


def regency_unit_specs(place: Place) -> list[data.UnitSpec]:
    """The standard set; Jakarta's administrative cities get their suku dinas instead."""
    if is_jakarta_administrative(place):
        return list(data.JAKARTA_ADMINISTRATIVE_UNITS)
    kabupaten = is_kabupaten(place)
    return [
        spec
        for spec in data.REGENCY_UNITS
        if kabupaten or spec[0] not in data.KABUPATEN_ONLY_UNIT_TYPES
    ]


def unit_rows(
    provinces: Iterable[Place],
    regencies: Iterable[Place],
    governments: Mapping[str, int],
    unit_types: Mapping[str, int],
) -> list[Row]:
    """Every government's units (OPD), coded "<region>:<unit type>", e.g. "34.04:dinas-pupr"."""
    rows = []
    batches: list[tuple[Place, str, Style, list[data.UnitSpec], str]] = [
        (p, f"pemprov-{p.code}", province_style(p), provincial_unit_specs(p.code), "provinsi")
        for p in provinces
    ] + [
        (r, f"pemda-{r.code}", regency_style(r), regency_unit_specs(r), "kabupaten/kota")
        for r in regencies
    ]
    for place, government_code, style, specs, level in batches:
        parent = _require(governments, government_code, place.code)
        for unit_type, name, short, kind in specs:
            rows.append(
                _agency(
                    f"{place.code}:{unit_type}",
                    name.format(region=style.region, short=style.short),
                    short.format(region=style.region, short=style.short),
                    kind,
                    Agency.Level.REGIONAL_ENTERPRISE if kind == data.REGIONAL_ENTERPRISE else level,
                    parent=parent,
                    region=place.code,
                    unit_type=_require(unit_types, unit_type, f"unit of {place.code}"),
                )
            )
    return rows


def district_office_rows(
    districts: Iterable[Place],
    regencies: Iterable[Place],
    governments: Mapping[str, int],
    unit_types: Mapping[str, int],
) -> list[Row]:
    """ "Kecamatan Depok" for every district, under its regency/city government."""
    short_of = {r.code: regency_style(r).short for r in regencies}
    kecamatan = _require(unit_types, "kecamatan", "district offices")
    return [
        _agency(
            f"kec-{place.code}",
            f"Kecamatan {place.name}",
            f"Kec. {place.name}, {short_of[place.parent_code or '']}",
            Agency.Kind.DISTRICT_OFFICE,
            Agency.Level.DISTRICT,
            parent=_require(governments, f"pemda-{place.parent_code}", place.code),
            region=place.code,
            unit_type=kecamatan,
        )
        for place in districts
    ]


def vertical_office_rows(
    regencies: Iterable[Place], nationals: Mapping[str, int], unit_types: Mapping[str, int]
) -> list[Row]:
    """One office per regency/city for each entry of VERTICAL_OFFICES (land, religion)."""
    rows = []
    regencies = list(regencies)
    for prefix, unit_type, name, short, parent_code, *rest in data.VERTICAL_OFFICES:
        level = rest[0] if rest else Agency.Level.VERTICAL
        parent = _require(nationals, parent_code, f"vertical office {prefix}")
        type_pk = _require(unit_types, unit_type, f"vertical office {prefix}")
        for place in regencies:
            style = regency_style(place)
            rows.append(
                _agency(
                    f"{prefix}-{place.code}",
                    f"{name} {style.region}",
                    f"{short} {style.short}",
                    Agency.Kind.VERTICAL_OFFICE,
                    level,
                    parent=parent,
                    region=place.code,
                    unit_type=type_pk,
                )
            )
    return rows


def _override(
    value: str | None, inherited: int | None, mapping: Mapping[str, int], what: str
) -> int | None:
    """None inherits the topic's value, "" clears it, a code is looked up."""
    if value is None:
        return inherited
    if value == "":
        return None
    return _require(mapping, value, what)


def top_category_rows(unit_types: Mapping[str, int], nationals: Mapping[str, int]) -> list[Row]:
    rows = []
    for order, (name, name_en, unit, agency, keywords, _subs) in enumerate(data.CATEGORIES, 1):
        rows.append(
            {
                "code": category_code(name),
                "name": name,
                "name_en": name_en,
                "parent_id": None,
                "handling_unit_type_id": _override(unit, None, unit_types, name),
                "national_agency_id": _override(agency, None, nationals, name),
                "keywords": keywords,
                "sort_order": order,
            }
        )
    return rows


def sub_category_rows(
    tops: Sequence[Row],
    categories: Mapping[str, int],
    unit_types: Mapping[str, int],
    nationals: Mapping[str, int],
) -> list[Row]:
    """Sub-topics, ordered as written, inheriting their topic's unit type and agency."""
    rows = []
    for top, spec in zip(tops, data.CATEGORIES, strict=True):
        parent = _require(categories, top["code"], "category")
        for order, sub in enumerate(spec[5], 1):
            name, name_en, keywords = (str(s) for s in sub[:3])
            unit, agency = (sub[3], sub[4]) if len(sub) == 5 else (None, None)
            rows.append(
                {
                    "code": category_code(name, top["code"]),
                    "name": name,
                    "name_en": name_en,
                    "parent_id": parent,
                    "handling_unit_type_id": _override(
                        unit, top["handling_unit_type_id"], unit_types, name
                    ),
                    "national_agency_id": _override(
                        agency, top["national_agency_id"], nationals, name
                    ),
                    "keywords": keywords,
                    "sort_order": order,
                }
            )
    return rows


def _unique(rows: Sequence[Row], what: str) -> Sequence[Row]:
    """Two rows with one code would silently overwrite each other in a bulk upsert."""
    seen: set[str] = set()
    for row in rows:
        if row["code"] in seen:
            raise ValueError(f"duplicate {what} code {row['code']!r}")
        seen.add(row["code"])
    return rows


# --- stages -----------------------------------------------------------------------------------


def upsert_agencies(rows: Sequence[Row]) -> UpsertResult:
    return bulk_upsert(Agency, _unique(rows, "agency"), fields=AGENCY_FIELDS)


StageReporter = Callable[[str, UpsertResult, float], None]


def load_directory(
    *, regions: bool = True, report: StageReporter | None = None
) -> list[tuple[str, UpsertResult]]:
    """Load everything in one transaction; call ``report(stage, result, seconds)`` per stage."""
    results: list[tuple[str, UpsertResult]] = []

    def stage(label: str, work: Callable[[], UpsertResult]) -> None:
        started = time.perf_counter()
        result = work()
        results.append((label, result))
        if report is not None:
            report(label, result, time.perf_counter() - started)

    national_kinds = [
        Agency.Kind.MINISTRY,
        Agency.Kind.NON_MINISTERIAL,
        Agency.Kind.STATE_INSTITUTION,
        Agency.Kind.STATE_ENTERPRISE,
    ]
    government_kinds = [Agency.Kind.PROVINCIAL_GOVERNMENT, Agency.Kind.REGENCY_GOVERNMENT]

    with transaction.atomic():
        if regions:
            stage("regions", load_regions)
        places = read_places()
        provinces, regencies, districts = places[1], places[2], places[3]
        stage(
            "unit types",
            lambda: bulk_upsert(
                UnitType, _unique(unit_type_rows(), "unit type"), fields=("name", "short_name")
            ),
        )
        unit_types = unit_type_pks()
        stage("national agencies", lambda: upsert_agencies(national_rows()))
        nationals = agency_pks(kind__in=national_kinds)
        stage(
            "provincial governments", lambda: upsert_agencies(provincial_government_rows(provinces))
        )
        governments = agency_pks(kind=Agency.Kind.PROVINCIAL_GOVERNMENT)
        stage(
            "regency/city governments",
            lambda: upsert_agencies(regency_government_rows(regencies, governments)),
        )
        governments = agency_pks(kind__in=government_kinds)
        stage(
            "government units",
            lambda: upsert_agencies(unit_rows(provinces, regencies, governments, unit_types)),
        )
        stage(
            "kecamatan offices",
            lambda: upsert_agencies(
                district_office_rows(districts, regencies, governments, unit_types)
            ),
        )
        stage(
            "vertical offices",
            lambda: upsert_agencies(vertical_office_rows(regencies, nationals, unit_types)),
        )
        tops = top_category_rows(unit_types, nationals)
        stage(
            "categories",
            lambda: bulk_upsert(Category, _unique(tops, "category"), fields=CATEGORY_FIELDS),
        )
        top_pks = dict(Category.objects.filter(parent=None).values_list("code", "pk"))
        stage(
            "sub-categories",
            lambda: bulk_upsert(
                Category,
                _unique(sub_category_rows(tops, top_pks, unit_types, nationals), "category"),
                fields=CATEGORY_FIELDS,
            ),
        )
    return results
