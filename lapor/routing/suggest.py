"""Top-3 units for a report with a confidence and an explanation; the flags an admin must see.

With a classifier that reads the kind of unit and the level (every model since v4), the
suggestions come from those two heads, which cross-validation on real reports found better
than the topic (docs/routing.md): confidence = P(kind of unit) × P(this unit | its kind), where
the units of a kind are those of the report's place (``resolver.units_of_kinds``: the regency's
and the province's Dinas, the BPJS branch office, the ministry or its regional office …) and
P(unit | kind) shares the kind's probability among them by the level head's probability of each
unit's level, doubled at most for a unit that the category's jurisdiction rules also chose (a
rule that read the asset owner, "jalan provinsi", counts most). Units that only the category
path proposes keep the probability that the unit head leaves to kinds outside its top 3. The
explanation says which of these decided.

Without those heads (an older model or a stand-in), confidence = P(category) × how sure the
jurisdiction step is. P(category) comes from the
classifier (``lapor.routing.classifier.classify``) when it is installed; a category the
reporter chose by hand counts as 0.5 (people pick "TOPIK LAINNYA" or the wrong topic often:
DOMAIN.md §3), and is 1.0 only once an admin set it. The jurisdiction step counts 1.0 when the
text names the asset owner (a rule's keyword matched), 0.9 for a rule's default, 0.8 for the
category's plain mapping, lower for the second and third candidates of one category.

Without a classifier and without a category there is no suggestion (and no auto-dispose).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from lapor.agencies.models import Agency, Category
from lapor.reports.models import Report, ReportEvent
from lapor.routing import resolver

log = logging.getLogger(__name__)

REPORTER_CHOSEN = 0.5
ADMIN_SET = 1.0
RANK_DECAY = (1.0, 0.6, 0.4)
# A kind of unit read from the text below this probability is not offered on its own.
MIN_KIND = 0.05
# The level head gives its three likeliest levels; another level counts this much.
LEVEL_FLOOR = 0.02
LEVEL_EN = {
    "pusat": "national",
    "provinsi": "province",
    "kabupaten/kota": "regency/city",
    "kecamatan": "district",
    "kelurahan/desa": "village",
    "instansi vertikal": "vertical office",
    "BUMN": "state enterprise",
    "BUMD": "regional enterprise",
}


@dataclass(frozen=True)
class Suggestion:
    agency: Agency
    confidence: float
    category: Category | None
    explanation: str
    explanation_en: str

    @property
    def percent(self) -> int:
        return round(self.confidence * 100)

    def explanation_for(self, language: str) -> str:
        return self.explanation_en if language == "en" else self.explanation


@dataclass
class Routing:
    suggestions: list[Suggestion] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)  # "emergency", "out_of_scope", "prank"
    classified: bool = False

    @property
    def top(self) -> Suggestion | None:
        return self.suggestions[0] if self.suggestions else None


FLAG_LABELS = {
    "emergency": (
        "Darurat: minta pelapor menghubungi 112",
        "Emergency: tell the reporter to call 112",
    ),
    "out_of_scope": ("Di luar lingkup pelayanan publik", "Out of scope of public services"),
    "prank": ("Kemungkinan laporan iseng", "Possibly a prank"),
}


def classify(text: str) -> object | None:
    """The classifier's answer, or None while it is not installed or fails."""
    try:
        from lapor.routing.classifier import classify as _classify  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - not there yet, or its model file is missing
        return None
    try:
        return _classify(text)
    except Exception:  # noqa: BLE001 - a broken model must not block verification
        log.exception("classifier failed")
        return None


def _flags(report: Report, classification: object | None) -> list[str]:
    flags = []
    if report.emergency_suspected or getattr(classification, "emergency", False):
        flags.append("emergency")
    out = getattr(classification, "out_of_scope", None)
    if out:
        # The classifier may say which kind (a label) or only that it is (True).
        flags.append("prank" if isinstance(out, str) and "prank" in out.lower() else "out_of_scope")
    return flags


def _category_probabilities(
    report: Report, classification: object | None
) -> list[tuple[Category, float]]:
    out: dict[int, tuple[Category, float]] = {}
    top = list(getattr(classification, "top", None) or [])
    sub = list(getattr(classification, "sub", None) or [])
    codes = [row[0] for row in [*sub, *top]]
    by_code = {c.code: c for c in Category.objects.filter(code__in=codes).select_related("parent")}
    top_prob = {code: float(prob) for code, _name, prob in top[:3]}
    # A sub-topic is more specific (its own rules, a precise explanation); the unit depends
    # mostly on the topic, so a sub-topic of a likely topic carries the topic's probability
    # and stands in for it.
    covered: set[str] = set()
    for code, _name, prob in sub[:3]:
        cat = by_code.get(code)
        if cat is None or cat.pk in out:
            continue
        parent_code = ""
        if cat.parent_id:
            assert cat.parent is not None
            parent_code = cat.parent.code
        p = max(float(prob), top_prob.get(parent_code, 0.0))
        if parent_code in top_prob:
            covered.add(parent_code)
        if p > 0:
            out[cat.pk] = (cat, p)
    for code, _name, prob in top[:3]:
        cat = by_code.get(code)
        if cat is not None and cat.pk not in out and code not in covered and float(prob) > 0:
            out[cat.pk] = (cat, float(prob))
    if report.category_id is not None:
        admin_set = report.events.filter(
            kind=ReportEvent.Kind.CATEGORY_SET, actor__isnull=False
        ).exists()
        weight = ADMIN_SET if admin_set else REPORTER_CHOSEN
        cat = report.category
        assert cat is not None  # category_id is set
        previous = out.get(cat.pk, (cat, 0.0))[1]
        # The reporter's choice confirms the classifier or stands on its own.
        out[cat.pk] = (cat, min(1.0, max(weight, previous + (1 - previous) * weight * 0.5)))
    return sorted(out.values(), key=lambda pair: -pair[1])[:3]


def _by_category(report: Report, classification: object | None, text: str) -> dict[int, Suggestion]:
    """The category path: each likely category's units from the jurisdiction resolver,
    confidence = P(category) × the resolver's certainty × rank decay."""
    scores: dict[int, Suggestion] = {}
    for category, prob in _category_probabilities(report, classification):
        decisions = resolver.resolve(category=category, region_code=report.region_id, text=text)
        for rank, decision in enumerate(decisions):
            certainty = 1.0 if decision.matched else 0.8 if decision.fallback else 0.9
            confidence = prob * certainty * RANK_DECAY[min(rank, 2)]
            current = scores.get(decision.agency.pk)
            if current is None or current.confidence < confidence:
                scores[decision.agency.pk] = Suggestion(
                    agency=decision.agency,
                    confidence=round(confidence, 3),
                    category=category,
                    explanation=decision.explanation,
                    explanation_en=decision.explanation_en,
                )
    return scores


def _kind_name(agency: Agency) -> str:
    """How a kind of unit is named in an explanation ("Dinas PUPR", "BPJS Kesehatan")."""
    if agency.unit_type is not None:
        return agency.unit_type.short_name or agency.unit_type.name
    if agency.kind in (Agency.Kind.REGENCY_GOVERNMENT, Agency.Kind.PROVINCIAL_GOVERNMENT):
        return "Pemda"
    if agency.kind == Agency.Kind.VERTICAL_OFFICE and agency.parent is not None:
        return agency.parent.short_name or agency.parent.name
    return agency.short_name or agency.name


def _from_heads(
    report: Report,
    units: list[tuple[str, float]],
    levels: dict[str, float],
    by_category: dict[int, Suggestion],
) -> list[Suggestion]:
    """Suggestions from the unit and level heads, with the category path's units (see the
    module's docstring)."""
    region = report.region_id or ""
    offered = [(kind, p) for kind, p in units if p >= MIN_KIND]
    found = resolver.units_of_kinds([k for k, _p in offered], region)
    for s in by_category.values():
        kind = resolver.kind_of(s.agency)
        if any(kind == k for k, _p in offered) and all(
            a.pk != s.agency.pk for a in found.get(kind, [])
        ):
            found.setdefault(kind, []).append(s.agency)
    place = resolver.short_place(region) if region else "?"
    best_category = next(iter(sorted(by_category.values(), key=lambda s: -s.confidence)), None)
    scores: dict[int, Suggestion] = {}
    for kind, p_kind in offered:
        agencies = found.get(kind) or []
        weights = [
            levels.get(a.level, LEVEL_FLOOR)
            * (1 + (by_category[a.pk].confidence if a.pk in by_category else 0.0))
            for a in agencies
        ]
        total = sum(weights) or 1.0
        for agency, weight in zip(agencies, weights, strict=True):
            confidence = round(p_kind * weight / total, 3)
            if agency.pk in scores and scores[agency.pk].confidence >= confidence:
                continue
            name = _kind_name(agency)
            p_level = levels.get(agency.level)
            level_en = LEVEL_EN.get(agency.level, agency.level)
            if p_level is None:
                lv_id = f"tingkat {agency.level} (bukan 3 teratas)"
                lv_en = f"level {level_en} (not in the top 3)"
            else:
                lv_id = f"tingkat {agency.level} {round(p_level * 100)}%"
                lv_en = f"level {level_en} {round(p_level * 100)}%"
            head_id = f"isi laporan: jenis unit {name} {round(p_kind * 100)}%, {lv_id}"
            head_en = f"report text: kind of unit {name} {round(p_kind * 100)}%, {lv_en}"
            by_rule = by_category.get(agency.pk)
            if by_rule is not None:
                tail_id, tail_en = by_rule.explanation, by_rule.explanation_en
            else:
                tail_id, tail_en = f"lokasi {place}", f"location {place}"
            scores[agency.pk] = Suggestion(
                agency=agency,
                confidence=confidence,
                category=by_rule.category if by_rule else getattr(best_category, "category", None),
                explanation=f"{head_id}; {tail_id}",
                explanation_en=f"{head_en}; {tail_en}",
            )
    # The category path's other units: their kind's probability (below ``MIN_KIND``), or what
    # the unit head leaves to the kinds outside its list.
    listed = dict(units)
    residual = max(0.0, 1.0 - sum(p for _k, p in units))
    for s in by_category.values():
        if s.agency.pk in scores:
            continue
        kind = resolver.kind_of(s.agency)
        if kind in listed:
            p_kind = listed[kind]
            note_id = f"isi laporan: jenis unit ini {round(p_kind * 100)}%"
            note_en = f"report text: this kind of unit {round(p_kind * 100)}%"
        else:
            p_kind = residual
            note_id = "jenis unit ini bukan tebakan teratas isi laporan"
            note_en = "this kind of unit is not among the report text's likeliest"
        scores[s.agency.pk] = Suggestion(
            agency=s.agency,
            confidence=round(p_kind * s.confidence, 3),
            category=s.category,
            explanation=f"{s.explanation}; {note_id}",
            explanation_en=f"{s.explanation_en}; {note_en}",
        )
    return sorted(scores.values(), key=lambda s: (-s.confidence, s.agency.pk))[:3]


def route(report: Report) -> Routing:
    """Suggestions and flags for ``report`` (verification screen, auto-dispose)."""
    text = f"{report.title_published}\n{report.body_published}"
    classification = classify(text)
    routing = Routing(flags=_flags(report, classification), classified=classification is not None)
    by_category = _by_category(report, classification, text)
    units = [(str(k), float(p)) for k, p in (getattr(classification, "unit", None) or [])]
    if units:
        levels = {str(lv): float(p) for lv, p in (getattr(classification, "level", None) or [])}
        routing.suggestions = _from_heads(report, units, levels, by_category)
    else:
        routing.suggestions = sorted(by_category.values(), key=lambda s: -s.confidence)[:3]
    return routing


# --- automatic disposition ------------------------------------------------------------------


def threshold_for(agency: Agency) -> float | None:
    """The auto-dispose threshold that governs ``agency``: its own setting or the nearest
    ancestor's (a regency admin's setting covers all the regency's units). None = off."""
    from lapor.agencies.capabilities import ancestor_ids
    from lapor.routing.models import AgencyRoutingSettings

    ids = ancestor_ids(agency.pk)
    found = dict(
        AgencyRoutingSettings.objects.filter(
            agency_id__in=ids, auto_dispose_threshold__isnull=False
        ).values_list("agency_id", "auto_dispose_threshold")
    )
    for pk in ids:
        if pk in found:
            threshold = found[pk]
            assert threshold is not None  # filtered on auto_dispose_threshold__isnull=False
            return float(threshold)
    return None


def maybe_auto_dispose(report_id: int) -> ReportEvent | None:
    """Dispose a just-submitted report when the top suggestion clears the threshold.

    Never for a flagged report (emergency, prank, out of scope): those wait for a person."""
    from lapor.reports import case_actions
    from lapor.reports.models import Status

    report = (
        Report.objects.filter(pk=report_id, status=Status.AWAITING_VERIFICATION)
        .select_related("category")
        .first()
    )
    if report is None or report.emergency_suspected or report.needs_national_routing:
        return None
    routing = route(report)
    top = routing.top
    if routing.flags or top is None:
        return None
    threshold = threshold_for(top.agency)
    if threshold is None or top.confidence < threshold:
        return None
    return case_actions.report_auto_dispose(
        report=report,
        agency=top.agency,
        confidence=top.confidence,
        explanation=top.explanation,
        explanation_en=top.explanation_en,
    )
