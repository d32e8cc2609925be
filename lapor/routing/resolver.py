"""The jurisdiction resolver: category × location × asset owner → the competent unit.

``resolve(category=..., region_code=..., text=...)`` returns the candidate units in order,
each with the rule that chose it and a short explanation in Indonesian and English
("kategori Jalan Berlubang; jalan kabupaten/kota; lokasi Kab. Sleman").

How a decision is made:
1. The rules that apply: those naming the category (or its parent topic), those for any
   category handled by the category's unit type, and global ones (no scope: e.g. PLN, BPJS
   Kesehatan, land), restricted to the report's province when the rule has one.
2. Rules whose keywords occur in the text come first (lower priority first), then default
   rules. This is how the asset owner is read: "jalan provinsi", "SMA", "RSUP", ...
3. Without any rule: the category's handling unit type in the regency (then the province),
   else the category's national agency.
4. A level becomes a unit: regency → the unit of that type in the regency (falling back to the
   province's, e.g. Jakarta's administrative cities have no RSUD of their own); province → the
   province's unit; district → the kecamatan office; national → the agency's vertical office in
   the regency or province when it has one (Kantor Pertanahan ``bpn-34.04``, a Balai), else
   the agency itself.
"""

from __future__ import annotations

import functools
import re
import time
import uuid
from dataclasses import dataclass, field
from typing import cast

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q

from lapor.agencies.models import Agency, Category
from lapor.regions.models import Region

RULES_VERSION_KEY = "routing:rules:version"
_WORD = re.compile(r"[^0-9a-z]+")


@dataclass(frozen=True)
class Decision:
    agency: Agency
    explanation: str  # Indonesian
    explanation_en: str
    rule_id: int | None = None
    matched: bool = False  # a keyword of the rule occurs in the text (asset owner read)
    fallback: bool = False  # no rule: the category's own mapping


@dataclass
class _Rule:
    id: int
    category_id: int | None
    applies_to_unit_type_id: int | None
    province_code: str
    keywords: list[str]
    is_default: bool
    level: str
    unit_type_id: int | None
    agency_id: int | None
    priority: int
    note: str
    note_en: str
    global_: bool = field(default=False)


# Each process re-reads the shared version at most once a second: an edit of the table is
# live everywhere within a second, and a decision costs no cache round trip.
RECHECK_SECONDS = 1.0
_cache: dict[str, object] = {"version": None, "rules": [], "checked": 0.0}


def bump_rules_version() -> None:
    """Call after any edit of the rule table: every process reloads on its next decision."""
    cache.set(RULES_VERSION_KEY, uuid.uuid4().hex, None)
    _cache["checked"] = 0.0  # this process reloads at once


def _rules() -> list[_Rule]:
    from lapor.routing.models import RoutingRule

    now = time.monotonic()
    recheck = 0.0 if settings.TESTING else RECHECK_SECONDS  # tests clear the cache each time
    if _cache["version"] is not None and now - float(_cache["checked"]) < recheck:  # type: ignore[arg-type]
        return _cache["rules"]  # type: ignore[return-value]
    _cache["checked"] = now
    version = cache.get(RULES_VERSION_KEY)
    if version is None:
        # A cleared or new cache: a fresh token, so no process trusts what it held before.
        cache.add(RULES_VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(RULES_VERSION_KEY)
    if _cache["version"] == version:
        return _cache["rules"]  # type: ignore[return-value]
    rows = [
        _Rule(
            id=r.pk,
            category_id=r.category_id,
            applies_to_unit_type_id=r.applies_to_unit_type_id,
            province_code=r.province_code,
            keywords=[k.strip().lower() for k in r.keywords.split(",") if k.strip()],
            is_default=r.is_default,
            level=r.level,
            unit_type_id=r.unit_type_id,
            agency_id=r.agency_id,
            priority=r.priority,
            note=r.note,
            note_en=r.note_en,
            global_=r.category_id is None and r.applies_to_unit_type_id is None,
        )
        for r in RoutingRule.objects.filter(is_active=True).order_by("priority", "pk")
    ]
    _cache["version"], _cache["rules"] = version, rows
    return rows


def normalise(text: str) -> str:
    return " " + _WORD.sub(" ", text.lower()).strip() + " "


def _matches(rule: _Rule, padded: str) -> bool:
    return any(f" {k} " in padded for k in rule.keywords)


@functools.lru_cache(maxsize=8192)
def short_place(region_code: str) -> str:
    """ "Kab. Sleman", "Kota Yogyakarta", "Prov. Jawa Tengah": the region named briefly."""
    from lapor.agencies.directory_data import REGENCY_PREFIXES

    codes = [region_code[:5], region_code[:2]] if len(region_code) >= 5 else [region_code[:2]]
    names = dict(Region.objects.filter(code__in=codes).values_list("code", "name"))
    if len(region_code) >= 5 and codes[0] in names:
        name = names[codes[0]]
        for prefix, _gov, _gov_short, short in REGENCY_PREFIXES:
            if name.startswith(prefix):
                return short + name[len(prefix) :]
        return name
    return f"Prov. {names.get(codes[-1], region_code)}"


def _receiving() -> object:
    return Agency.objects.filter(is_active=True, accepts_reports=True)


class _Units:
    """Every receiving agency a decision for one place may need, read in ONE query: the units
    of the candidate types in the district, regency and province, the national agencies, and
    their vertical offices there (routing must stay under 10 ms per report)."""

    def __init__(self, unit_type_ids: set[int], national_ids: set[int], codes: list[str]) -> None:
        codes = [c for c in codes if c]
        query = Q(pk__in=national_ids) | Q(
            parent_id__in=national_ids, kind=Agency.Kind.VERTICAL_OFFICE, region_id__in=codes
        )
        if unit_type_ids:
            query |= Q(unit_type_id__in=unit_type_ids, region_id__in=codes)
        rows = (
            list(_receiving().filter(query).select_related("unit_type", "parent"))  # type: ignore[attr-defined]
            if (national_ids or unit_type_ids)
            else []
        )
        self.by_type = {(a.unit_type_id, a.region_id): a for a in rows if a.unit_type_id}
        self.by_pk = {a.pk: a for a in rows}
        self.offices = {
            (a.parent_id, a.region_id): a for a in rows if a.kind == Agency.Kind.VERTICAL_OFFICE
        }

    def unit(self, unit_type_id: int, region_codes: list[str]) -> Agency | None:
        """The unit of that type in the first of ``region_codes`` that has one."""
        for code in region_codes:
            if code and (unit_type_id, code) in self.by_type:
                return self.by_type[(unit_type_id, code)]
        return None

    def national(self, agency_id: int, regency: str, province: str) -> tuple[Agency | None, bool]:
        """The agency's vertical office for the place when there is one (True), else itself."""
        for code in (regency, province):
            if code and (agency_id, code) in self.offices:
                return self.offices[(agency_id, code)], True
        return self.by_pk.get(agency_id), False


def _category_chain(category: Category | None) -> list[Category]:
    chain: list[Category] = []
    while category is not None and len(chain) < 4:
        chain.append(category)
        category = category.parent if category.parent_id else None
    return chain


def _handling(chain: list[Category]) -> tuple[int | None, int | None]:
    unit_type_id = next((c.handling_unit_type_id for c in chain if c.handling_unit_type_id), None)
    agency_id = next((c.national_agency_id for c in chain if c.national_agency_id), None)
    return unit_type_id, agency_id


def _explain(
    category: Category | None, note: str, note_en: str, place: str, extra: tuple[str, str] | None
) -> tuple[str, str]:
    parts_id, parts_en = [], []
    if category is not None:
        parts_id.append(f"kategori {category.name}")
        parts_en.append(f"category {category.name_en or category.name}")
    if note:
        parts_id.append(note)
        parts_en.append(note_en or note)
    parts_id.append(f"lokasi {place}")
    parts_en.append(f"location {place}")
    if extra:
        parts_id.append(extra[0])
        parts_en.append(extra[1])
    return "; ".join(parts_id), "; ".join(parts_en)


def resolve(
    *, category: Category | None, region_code: str, text: str = "", limit: int = 3
) -> list[Decision]:
    """The units competent for a report, best first (at most ``limit``, no repeats)."""
    region_code = region_code or ""
    province, regency = region_code[:2], region_code[:5] if len(region_code) >= 5 else ""
    district = region_code[:8] if len(region_code) >= 8 else ""
    chain = _category_chain(category)
    chain_ids = {c.pk for c in chain}
    unit_type_id, national_id = _handling(chain)
    padded = normalise(text)
    applicable = [
        r
        for r in _rules()
        if (not r.province_code or r.province_code == province)
        and (
            (r.category_id is not None and r.category_id in chain_ids)
            or (
                r.applies_to_unit_type_id is not None
                and r.applies_to_unit_type_id == unit_type_id
                and r.category_id is None
            )
            or r.global_
        )
    ]
    matched = [r for r in applicable if r.keywords and _matches(r, padded)]
    defaults = [r for r in applicable if r.is_default and not r.global_ and r not in matched]
    chosen = [*matched, *defaults]
    units = _Units(
        {r.unit_type_id for r in chosen if r.unit_type_id}
        | cast("set[int]", {unit_type_id} - {None}),
        {r.agency_id for r in chosen if r.agency_id} | cast("set[int]", {national_id} - {None}),
        [district, regency, province],
    )
    place = short_place(region_code) if region_code else "?"
    decisions: list[Decision] = []
    seen: set[int] = set()

    def add(agency: Agency | None, note: str, note_en: str, rule: _Rule | None, **kw: object):
        if agency is None or agency.pk in seen or len(decisions) >= limit:
            return
        seen.add(agency.pk)
        extra = kw.pop("extra", None)
        explanation, explanation_en = _explain(category, note, note_en, place, extra)  # type: ignore[arg-type]
        decisions.append(
            Decision(
                agency=agency,
                explanation=explanation,
                explanation_en=explanation_en,
                rule_id=rule.id if rule else None,
                **kw,  # type: ignore[arg-type]
            )
        )

    for rule in chosen:
        agency, extra = _apply(units, rule, province, regency, district)
        add(agency, rule.note, rule.note_en, rule, matched=rule in matched, extra=extra)
    # The category's own mapping, always offered after the rules (an admin's second choice).
    if unit_type_id is not None:
        agency = units.unit(unit_type_id, [regency, province])
        add(agency, "", "", None, fallback=True)
    if national_id is not None:
        agency, _vertical = units.national(national_id, regency, province)
        add(agency, "", "", None, fallback=True)
    return decisions


def _apply(
    units: _Units, rule: _Rule, province: str, regency: str, district: str
) -> tuple[Agency | None, tuple[str, str] | None]:
    if rule.level == "national" and rule.agency_id is not None:
        agency, vertical = units.national(rule.agency_id, regency, province)
        if vertical:
            return agency, ("instansi vertikal di daerah", "the ministry's regional office")
        return agency, None
    if rule.unit_type_id is None:
        return None, None
    if rule.level == "province":
        return units.unit(rule.unit_type_id, [province]), None
    if rule.level == "district":
        # No village offices in the directory: the kecamatan office answers for the village.
        # Without a district in the report the rule gives way to the next one.
        return units.unit(rule.unit_type_id, [district]), None
    agency = units.unit(rule.unit_type_id, [regency, province])
    if agency is not None and regency and agency.region_id == province:
        return agency, ("unit kabupaten/kota tidak ada: unit provinsi", "no regency unit: province")
    return agency, None


# --- from a kind of unit to the units of a place ---------------------------------------------
_GOVERNMENTS = (Agency.Kind.REGENCY_GOVERNMENT, Agency.Kind.PROVINCIAL_GOVERNMENT)


def kind_of(agency: Agency) -> str:
    """The classifier's kind of unit for a directory agency: its unit type's code; ``pemda``
    for a regional government; ``kecamatan`` for a district office; a ministry's vertical office
    without a unit type counts as its ministry (``kemen-pu`` for a Balai); else its own code
    (a national body, a state enterprise)."""
    if agency.unit_type is not None:
        return agency.unit_type.code
    if agency.kind in _GOVERNMENTS:
        return "pemda"
    if agency.kind == Agency.Kind.VILLAGE_OFFICE:
        return "kelurahan-desa"
    if agency.kind == Agency.Kind.DISTRICT_OFFICE:
        return "kecamatan"
    if agency.kind == Agency.Kind.VERTICAL_OFFICE and agency.parent is not None:
        return agency.parent.code
    return agency.code


def units_of_kinds(kinds: list[str], region_code: str) -> dict[str, list[Agency]]:
    """The receiving units of each kind of unit that can answer for a report from
    ``region_code``, in ONE query: units of that type in the district, regency and province
    (a BPJS branch office has its body's code as unit type), the national body or enterprise of
    that code and its vertical offices in the regency or province, the regency's or province's
    government (``pemda``), the district office (``kecamatan``; it also answers for a village,
    which has no office in the directory)."""
    region_code = region_code or ""
    province = region_code[:2]
    regency = region_code[:5] if len(region_code) >= 5 else ""
    district = region_code[:8] if len(region_code) >= 8 else ""
    places = [c for c in (district, regency, province) if c]
    kinds = [k for k in kinds if k]
    if not kinds:
        return {}
    query = Q(code__in=kinds) | Q(
        parent__code__in=kinds, kind=Agency.Kind.VERTICAL_OFFICE, region_id__in=places
    )
    if places:
        query |= Q(unit_type__code__in=kinds, region_id__in=places)
    if "pemda" in kinds and places:
        query |= Q(kind__in=_GOVERNMENTS, region_id__in=[regency, province])
    if district and ("kecamatan" in kinds or "kelurahan-desa" in kinds):
        query |= Q(kind=Agency.Kind.DISTRICT_OFFICE, region_id=district)
    rows = _receiving().filter(query).select_related("unit_type", "parent")  # type: ignore[attr-defined]
    found: dict[str, list[Agency]] = {}
    for agency in rows:
        kind = kind_of(agency)
        if kind == "kecamatan" and "kelurahan-desa" in kinds:
            found.setdefault("kelurahan-desa", []).append(agency)
        if kind in kinds:
            found.setdefault(kind, []).append(agency)
    for units in found.values():
        # The nearest first (district, regency, province, then national): a tie is broken by place.
        units.sort(key=lambda a: (-len(a.region_id or ""), a.pk))
    return found
