"""Training, evaluation and versioning of the category classifier.

Training data: the seed corpus (``corpus/seed.jsonl``) plus every ``TrainingLabel`` (an admin's
re-routing, *Bukan Wewenang* or category change), the labels weighted more than the seed since
they are real reports. Evaluation: ``corpus/heldout.jsonl``, core reports the model never saw.
Each training writes ``<version>.joblib`` and ``<version>.json`` (its metrics) and registers a
``ClassifierVersion``.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from lapor.routing import classifier as clf
from lapor.routing import text as textmod
from lapor.routing.gazetteer import Gazetteer

CORPUS = Path(__file__).resolve().parent / "corpus"
SEED = CORPUS / "seed.jsonl"
HELDOUT = CORPUS / "heldout.jsonl"
# Real LAPOR! reports with the unit they were really dispositioned to (corpus/real/README.md).
REAL = CORPUS / "real" / "lapor2017.jsonl"
LABEL_WEIGHT = 3.0
# The synthetic corpus's weight beside real reports (chosen by cross-validation: at 1.0 it
# costs 3 points of level on real reports; at 0.3 about 1, and it keeps what only it teaches:
# the 38 topics, out of scope and emergencies).
SYNTHETIC_WEIGHT = 0.3
SUB_FEATURES = 600

# The report kind an admin gave (LAPOR!'s words) -> ``reports.Kind`` values.
REPORT_KINDS = {
    "pengaduan": "complaint",
    "aduan": "complaint",
    "complaint": "complaint",
    "aspirasi": "aspiration",
    "aspiration": "aspiration",
    "permintaan informasi": "information_request",
    "informasi": "information_request",
    "information_request": "information_request",
}

# The 2025 LAPOR! topic mix (share of reports); the topics not named share the rest evenly.
# The class prior of the synthetic corpus follows it (see ``fit``), so the model does not
# believe every topic equally likely.
TOPIC_MIX_2025 = {
    "TOPIK LAINNYA": 0.228,
    "PEKERJAAN UMUM DAN PENATAAN RUANG": 0.167,
    "KETENAGAKERJAAN": 0.080,
    "SOSIAL DAN KESEJAHTERAAN": 0.065,
    "PENDIDIKAN DAN KEBUDAYAAN": 0.062,
    "KETENTERAMAN, KETERTIBAN UMUM, DAN PELINDUNGAN MASYARAKAT": 0.059,
    "PERHUBUNGAN": 0.053,
    "LINGKUNGAN HIDUP DAN KEHUTANAN": 0.049,
    "TEKNOLOGI INFORMASI DAN KOMUNIKASI": 0.047,
    "KESEHATAN": 0.030,
}

# What ``fit`` does unless told otherwise; chosen by grouped cross-validation on real reports
# (``manage.py crossval_routing``, docs/routing.md).
DEFAULT_PARAMS: dict = {
    "C": 10.0,  # 3 -> 10: kind of unit +2.5 points (real reports are long, the data small)
    "word_features": 6000,  # 15,000/20,000 features: no better, a bigger file
    "char_features": 12000,
    # unit = share × text head + (1 − share) × what the likely topics imply. On real reports
    # the text alone is best (0.3 -> 1.0: unit +9, level +20 points): the unit and the level
    # are in the words ("BPJS", "kantor pos", "kementerian"), not only in the topic.
    "unit_text_share": 1.0,
    "level_text_share": 1.0,
    "level_unit_share": 0.0,  # level mixed with what the likely units imply: no gain
    "topic_mix": True,  # reweight the synthetic rows to TOPIC_MIX_2025
    # The synthetic rows' weight in the unit and level heads, relative to their weight in the
    # topic heads (1.0: the same). The level head learns from real reports only (0: level
    # +1.1 points on real reports); the unit head keeps them (the kinds that real reports
    # never name, and no loss).
    "unit_synthetic": 1.0,
    "level_synthetic": 0.0,
    # Gazetteer features (``gazetteer.Gazetteer``: agencies and acronyms named, words that
    # name a level, places) appended to the TF-IDF columns at this value; 0: none.
    "gazetteer": 0.5,
    # Class weights of the unit and level heads: "balanced" (each kind of unit weighs the same
    # in total, so the rare ones are not swamped by BPJS and the Dinas PUPR) or "none".
    "unit_class_weight": "balanced",
    "level_class_weight": "none",
}


# --- data ---------------------------------------------------------------------------------------
def read_jsonl(path: str | Path) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                rows.append(json.loads(line))
    return rows


def split_category(category: str | None) -> tuple[str | None, str | None]:
    """ "TOP > SUB" -> ("TOP", "TOP > SUB"); "TOP" -> ("TOP", None)."""
    if not category:
        return None, None
    parts = [p.strip() for p in category.split(">", 1)]
    top = parts[0].upper()
    if len(parts) == 1 or not parts[1]:
        return top, None
    return top, f"{top} > {parts[1]}"


def report_kind_of(row: dict) -> str | None:
    """The report kind a row states (``report_kind`` or LAPOR!'s ``admin_classification``)."""
    value = row.get("report_kind") or row.get("admin_classification")
    return REPORT_KINDS.get(str(value).strip().lower()) if value else None


def example(row: dict) -> dict:
    top, sub = split_category(row.get("category"))
    kind = row.get("kind") or textmod.agency_kind(row.get("agency"))
    return {
        "text": row["text"],
        "top": top,
        "sub": sub,
        "kind": kind,
        "level": textmod.normalise_level(row.get("level")),
        "report_kind": report_kind_of(row),
        "weight": float(row.get("weight", 1.0)),
        "prior_only": bool(row.get("prior_only")),
        "synthetic": bool(row.get("synthetic")),
    }


def real_rows(path: str | Path = REAL) -> list[dict]:
    """The real reports shipped with the code (each a label for the heads it states)."""
    return read_jsonl(path)


def seed_rows(path: str | Path = SEED) -> list[dict]:
    """The hand-written corpus, marked synthetic (its class prior is not traffic's)."""
    return [dict(r, synthetic=True) for r in read_jsonl(path)]


def base_rows(seed: str | Path = SEED, real: str | Path | None = REAL) -> list[dict]:
    """What every model trains on before the deployment's own decisions: the synthetic corpus
    at ``SYNTHETIC_WEIGHT`` and the shipped real reports."""
    synthetic = [
        dict(r, weight=SYNTHETIC_WEIGHT * float(r.get("weight", 1.0))) for r in seed_rows(seed)
    ]
    return synthetic + (real_rows(real) if real else [])


def agency_kind_of(agency) -> str | None:
    """The kind of unit of a directory ``Agency`` row."""
    if agency is None:
        return None
    if agency.unit_type_id:
        return agency.unit_type.code
    kind = agency.kind
    if kind in ("provincial_government", "regency_government"):
        return "pemda"
    if kind == "village_office":
        return "kelurahan-desa"
    if kind == "district_office":
        return "kecamatan"
    return agency.code


def label_rows(until=None, since=None) -> list[dict]:
    """Every admin decision as a training row: each informs the heads it says something
    about (a category change the topic heads, a disposition or re-routing the unit and level
    heads — with or without a category —, a conversion the report-kind head). Rows are in
    time order and carry ``at``; ``until``/``since`` bound them by that time."""
    from lapor.routing.models import TrainingLabel

    rows = []
    labels = TrainingLabel.objects.select_related("category__parent", "agency__unit_type").order_by(
        "created_at", "id"
    )
    if until is not None:
        labels = labels.filter(created_at__lt=until)
    if since is not None:
        labels = labels.filter(created_at__gte=since)
    for label in labels:
        category = str(label.category) if label.category_id else None
        rows.append(
            {
                "text": label.text,
                "category": category,
                "agency": label.agency.name if label.agency else None,
                "kind": agency_kind_of(label.agency),
                "level": label.level or (label.agency.level if label.agency else None),
                "report_kind": label.report_kind or None,
                "weight": LABEL_WEIGHT,
                "at": label.created_at,
                "source": label.source,
            }
        )
    return rows


def _suggested_rank(text: str, kind: str | None) -> tuple[int | None, str]:
    """Where ``kind`` stands in the running model's top 3 kinds of unit for ``text``."""
    if not kind:
        return None, ""
    try:
        result = clf.classify(text)
    except Exception:  # noqa: BLE001 - no model file: nothing to compare with
        return None, ""
    units = [c for c, _p in result.unit[:3]]
    return (units.index(kind) + 1 if kind in units else None), result.version


def record_label(
    *,
    text: str,
    source: str,
    report=None,
    category=None,
    agency=None,
    level: str = "",
    report_kind: str = "",
):
    """Keep an admin's decision as a training label. ``source`` is one of
    ``TrainingLabel.Source``: disposed (a first disposition, right or wrong), rerouted,
    not_authority, category_changed, converted (complaint <-> information request).

    A conversion teaches the report kind only (the agency it now sits with is a PPID desk, not
    a kind of unit); a first disposition also records where the chosen unit stood in the
    model's suggestions (the routing page's live accuracy)."""
    from lapor.routing.models import TrainingLabel

    if source not in TrainingLabel.Source.values:
        raise ValueError(f"unknown label source {source!r}")
    if not report_kind and report is not None:
        report_kind = str(getattr(report, "kind", "") or "")
    if source == TrainingLabel.Source.CONVERTED:
        agency, level, category = None, "", None
    if not level and agency is not None:
        level = agency.level
    rank, version = None, ""
    if source == TrainingLabel.Source.DISPOSED:
        rank, version = _suggested_rank(text, agency_kind_of(agency))
    return TrainingLabel.objects.create(
        report=report,
        text=text,
        category=category,
        agency=agency,
        level=level or "",
        report_kind=report_kind if report_kind in REPORT_KINDS.values() else "",
        source=source,
        suggested_rank=rank,
        model_version=version,
    )


# --- fitting ------------------------------------------------------------------------------------
def _head(X, y, weights, C=3.0, class_weight: str = "none"):
    from sklearn.linear_model import LogisticRegression

    classes = sorted(set(y))
    if len(classes) == 1:
        return clf.LinearHead(np.zeros((1, X.shape[1])), np.zeros(1), classes)
    balanced = class_weight == "balanced"
    model = LogisticRegression(C=C, max_iter=400, class_weight="balanced" if balanced else None)
    model.fit(X, y, sample_weight=weights)
    return clf.LinearHead(model.coef_, model.intercept_, model.classes_)


def directory_rows(per_sub: int = 10, seed: int = 7) -> list[dict]:
    """Short examples made of the directory's own keywords for each sub-topic (a keyword
    prior: words that people use and the seed corpus may not), with the sub-topic's default
    kind of unit and level."""
    import random

    from lapor.agencies.directory_data import CATEGORIES

    rng = random.Random(seed)
    rows = []
    for topic in CATEGORIES:
        for sub in topic[5]:
            unit, agency = topic[2], topic[3]
            if len(sub) > 3:
                unit = unit if sub[3] is None else (sub[3] or None)
                agency = agency if sub[4] is None else (sub[4] or None)
            name = str(sub[0])
            words = [k.strip() for k in str(sub[2] or "").split(",") if k.strip()]
            words += [k.strip() for k in topic[4].split(",") if k.strip()][:3]
            for j in range(per_sub):
                pick = rng.sample(words, min(len(words), rng.randint(2, 4)))
                rows.append(
                    {
                        "text": " ".join([name.lower()] * (j % 2) + pick),
                        "category": f"{topic[0]} > {name}",
                        "kind": unit or agency,
                        "level": "kabupaten/kota" if unit else "pusat",
                        "prior_only": True,
                    }
                )
    return rows


def _topic_mix_weights(examples: list[dict]) -> None:
    """Reweight the synthetic rows so that their topics weigh as in the 2025 traffic
    (``TOPIC_MIX_2025``) rather than evenly; total synthetic weight unchanged."""
    synthetic = [e for e in examples if e["synthetic"] and e["top"] and not e["prior_only"]]
    if not synthetic:
        return
    tops = sorted({e["top"] for e in synthetic if e["top"] != clf.OUT_OF_SCOPE})
    named = sum(TOPIC_MIX_2025.get(t, 0.0) for t in tops)
    others = [t for t in tops if t not in TOPIC_MIX_2025]
    rest = max(0.0, 1.0 - named) / max(1, len(others))
    share = {t: TOPIC_MIX_2025.get(t, rest) for t in tops}
    in_scope = sum(e["weight"] for e in synthetic if e["top"] != clf.OUT_OF_SCOPE)
    mass: Counter = Counter()
    for e in synthetic:
        mass[e["top"]] += e["weight"]
    norm = sum(share.values()) or 1.0
    for e in synthetic:
        if e["top"] == clf.OUT_OF_SCOPE:
            continue  # out-of-scope rows keep their weight
        e["weight"] *= in_scope * share[e["top"]] / norm / mass[e["top"]]


def fit(
    rows: Iterable[dict], version: str, keywords: bool = True, params: dict | None = None
) -> clf.Model:
    """Train every head on every row that informs it: a row with a category trains the topic
    heads; a row with a unit (or an agency) trains the unit head, with a level the level head,
    with a report kind the report-kind head — whether or not it has a category (a re-routing
    or a *Bukan Wewenang* says where a report belongs, not always what it is about)."""
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.feature_selection import chi2

    from lapor.agencies.directory_data import CATEGORIES

    p = {**DEFAULT_PARAMS, **(params or {})}
    rows = list(rows) + (directory_rows() if keywords else [])
    examples = [
        e
        for e in (example(r) for r in rows)
        if e["top"] or e["kind"] or e["level"] or e["report_kind"]
    ]
    if p["topic_mix"]:
        _topic_mix_weights(examples)
    word = TfidfVectorizer(
        ngram_range=(1, 2),
        min_df=2,
        max_features=p["word_features"],
        sublinear_tf=True,
        token_pattern=r"\S+",  # noqa: S106 (not a password)
    )
    char = TfidfVectorizer(
        analyzer="char_wb",
        ngram_range=(2, 5),
        min_df=2,
        max_features=p["char_features"],
        sublinear_tf=True,
    )
    stems = [textmod.stemmed(e["text"]) for e in examples]
    norms = [textmod.normalise(e["text"]) for e in examples]
    blocks = [word.fit_transform(stems), char.fit_transform(norms)]
    gaz = Gazetteer() if p["gazetteer"] else None
    if gaz is not None:
        blocks.append(gaz.matrix(norms, p["gazetteer"]))
    X = hstack(blocks).tocsr()
    w = np.array([e["weight"] for e in examples])
    C = p["C"]

    topical = [i for i, e in enumerate(examples) if e["top"]]
    top = _head(X[topical], [examples[i]["top"] for i in topical], w[topical], C)
    subs = {}
    by_top: dict[str, list[int]] = {}
    for i, e in enumerate(examples):
        if e["sub"]:
            by_top.setdefault(e["top"], []).append(i)
    for name, idx in by_top.items():
        ys = [examples[i]["sub"] for i in idx]
        if len(set(ys)) < 2:
            subs[name] = clf.LinearHead(np.zeros((1, 1)), np.zeros(1), sorted(set(ys)), [0])
            continue
        Xt = X[idx]
        scores, _p = chi2(Xt, ys)
        scores = np.nan_to_num(scores)
        cols = np.sort(np.argsort(-scores)[:SUB_FEATURES])
        head = _head(Xt[:, cols], ys, w[idx], C)
        head.columns = cols.astype(np.int32)
        subs[name] = head

    in_scope = [
        i for i, e in enumerate(examples) if e["top"] != clf.OUT_OF_SCOPE and not e["prior_only"]
    ]

    def head_weights(idx: list[int], synthetic_share: float) -> np.ndarray:
        scale = [synthetic_share if examples[i]["synthetic"] else 1.0 for i in idx]
        return w[idx] * np.array(scale)

    def head_rows(key: str, share: float) -> tuple[list[int], float]:
        """The rows for the unit or level head; with no real row at all (a model of the
        synthetic corpus alone) the synthetic rows count fully."""
        idx = [i for i in in_scope if examples[i][key]]
        if not any(not examples[i]["synthetic"] for i in idx):
            return idx, 1.0
        return [i for i in idx if share or not examples[i]["synthetic"]], share

    lv, share = head_rows("level", p["level_synthetic"])
    level = _head(
        X[lv],
        [examples[i]["level"] for i in lv],
        head_weights(lv, share),
        C,
        p["level_class_weight"],
    )
    un, share = head_rows("kind", p["unit_synthetic"])
    unit = _head(
        X[un],
        [examples[i]["kind"] for i in un],
        head_weights(un, share),
        C,
        p["unit_class_weight"],
    )
    rk = [i for i, e in enumerate(examples) if e["report_kind"]]
    report_kind = (
        _head(X[rk], [examples[i]["report_kind"] for i in rk], w[rk], C)
        if len({examples[i]["report_kind"] for i in rk}) > 1
        else None
    )

    codes = {}
    for t in CATEGORIES:
        top_code = clf.slug(t[0])
        codes[t[0]] = top_code
        for s in t[5]:
            codes[f"{t[0]} > {s[0]}"] = clf.slug(f"{t[0]} > {s[0]}")
    # What each category implies about the unit and the level: counts from the data.
    # Reports (seed and labels) say it; the directory's keyword rows only where none does.
    counts: dict[str, dict[str, Counter]] = {}
    said = {n for e in examples if not e["prior_only"] for n in (e["sub"], e["top"]) if n}
    for e in examples:
        if not e["top"] or e["top"] == clf.OUT_OF_SCOPE:
            continue
        for name in filter(None, (e["sub"], e["top"])):
            if e["prior_only"] and name in said:
                continue
            slot = counts.setdefault(name, {"unit": Counter(), "level": Counter()})
            if e["kind"]:
                slot["unit"][e["kind"]] += e["weight"]
            if e["level"]:
                slot["level"][e["level"]] += e["weight"]
    priors = {
        name: {
            key: {c: n / sum(counter.values()) for c, n in counter.items()}
            for key, counter in slot.items()
            if counter
        }
        for name, slot in counts.items()
    }
    model = clf.Model(version, word, char, top, subs, level, unit, codes, priors=priors)
    model.report_kind = report_kind
    model.gazetteer = gaz
    model.gazetteer_scale = float(p["gazetteer"])
    model.text_share = {"unit": p["unit_text_share"], "level": p["level_text_share"]}
    # The level each kind of unit is found at, from the rows that say both.
    unit_levels: dict[str, Counter] = {}
    for e in examples:
        if e["kind"] and e["level"] and not e["prior_only"]:
            unit_levels.setdefault(e["kind"], Counter())[e["level"]] += e["weight"]
    model.unit_levels = {
        kind: {lv: n / sum(c.values()) for lv, n in c.items()} for kind, c in unit_levels.items()
    }
    model.level_unit_share = p["level_unit_share"]
    model.params = p
    return model


# --- evaluation ---------------------------------------------------------------------------------
def _pct(n: int, d: int) -> float:
    return round(100.0 * n / d, 1) if d else 0.0


HEADS = ("category", "unit", "level", "report_kind")


def evaluate(model: clf.Model, rows: list[dict], by: str | None = None) -> dict:
    """Top-1/top-3 accuracy (percent) for the top-level category, the kind of unit, the
    government level and the report kind; unknown gold values count as misses and are reported.
    ``by`` ("kind": the report kind; "unit", "level", "category") adds the same figures per
    value of that gold field under ``metrics["by"]``."""
    known_tops = set(model.top.classes)
    known_kinds = set(model.unit.classes)
    tallies = {h: {"n": 0, "top1": 0, "top3": 0, "unknown": 0} for h in HEADS}
    sub_hits = sub_n = 0
    confusion: dict[str, Counter] = {h: Counter() for h in tallies}
    unknown_values: dict[str, Counter] = {h: Counter() for h in tallies}
    groups: dict[str, list[dict]] = {}
    for row in rows:
        gold = example(row)
        if by:
            key = {
                "kind": gold["report_kind"],
                "unit": gold["kind"],
                "level": gold["level"],
                "category": gold["top"],
            }.get(by)
            groups.setdefault(str(key or "-"), []).append(row)
        result = model.classify(gold["text"], k=3)
        pairs = {
            "category": (gold["top"], [n for _c, n, _p in result.top], row.get("category")),
            "unit": (gold["kind"], [c for c, _p in result.unit], row.get("agency")),
            "level": (gold["level"], [c for c, _p in result.level], row.get("level")),
            "report_kind": (
                gold["report_kind"],
                [c for c, _p in result.report_kind],
                gold["report_kind"],
            ),
        }
        if gold["top"] == clf.OUT_OF_SCOPE:
            pairs["unit"] = pairs["level"] = (None, [], None)
        for head, (truth, predicted, raw) in pairs.items():
            if raw is None and truth is None:
                continue
            t = tallies[head]
            t["n"] += 1
            known = known_tops if head == "category" else known_kinds if head == "unit" else None
            if truth is None or (known is not None and truth not in known):
                t["unknown"] += 1
                unknown_values[head][str(raw)] += 1
                continue
            if predicted[:1] == [truth]:
                t["top1"] += 1
            elif predicted:
                confusion[head][(truth, predicted[0])] += 1
            if truth in predicted[:3]:
                t["top3"] += 1
        if gold["sub"]:
            sub_n += 1
            sub_hits += bool(result.sub) and result.sub[0][1] == gold["sub"]
    metrics: dict = {"n": len(rows)}
    for head, t in tallies.items():
        metrics[head] = {
            "n": t["n"],
            "top1": _pct(t["top1"], t["n"]),
            "top3": _pct(t["top3"], t["n"]),
            "hits1": t["top1"],
            "hits3": t["top3"],
            "unknown": t["unknown"],
            "unknown_values": dict(unknown_values[head].most_common(10)),
            "confused": [[a, b, c] for (a, b), c in confusion[head].most_common(8)],
        }
    metrics["subcategory_top1"] = _pct(sub_hits, sub_n)
    metrics["sub_hits"], metrics["sub_n"] = int(sub_hits), sub_n
    if by:
        metrics["by"] = {key: evaluate(model, part) for key, part in sorted(groups.items())}
    return metrics


def timing(model: clf.Model, texts: list[str]) -> float:
    """Milliseconds per report (warm)."""
    import time

    for t in texts[:50]:
        model.classify(t)
    start = time.perf_counter()
    for t in texts:
        model.classify(t)
    return 1000.0 * (time.perf_counter() - start) / max(1, len(texts))


# --- versions -----------------------------------------------------------------------------------
def new_version() -> str:
    from django.utils import timezone

    return "v" + timezone.now().strftime("%Y%m%d-%H%M%S")


def save(model: clf.Model, out_dir: Path) -> Path:
    import joblib

    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{model.version}.joblib"
    joblib.dump(model, path, compress=("xz", 6))
    (out_dir / f"{model.version}.json").write_text(
        json.dumps(model.metrics, ensure_ascii=False, indent=1) + "\n"
    )
    return path


def train(
    *,
    version: str | None = None,
    seed: Path = SEED,
    heldout: Path = HELDOUT,
    real: Path | None = REAL,
    out_dir: Path | None = None,
    with_labels: bool = True,
    activate: bool = True,
    params: dict | None = None,
):
    """Train on the real corpus + the synthetic corpus (weighted ``SYNTHETIC_WEIGHT``) + the
    admins' decisions, evaluate on the synthetic held-out file (a regression check only: models
    are chosen by cross-validation on real reports, ``crossval``), save, register."""
    from django.db import transaction

    from lapor.routing.models import ClassifierVersion

    version = version or new_version()
    if not re.fullmatch(r"[A-Za-z0-9._-]{1,40}", version):
        raise ValueError(f"bad version name {version!r}")
    rows = base_rows(seed, real)
    synthetic = [r for r in rows if r.get("synthetic")]
    real_part = [r for r in rows if not r.get("synthetic")]
    labels = label_rows() if with_labels else []
    model = fit(rows + labels, version, params=params)
    held = read_jsonl(heldout)
    model.metrics = evaluate(model, held)
    texts = [r["text"] for r in real_part[:200]] or [r["text"] for r in held][:200]
    model.metrics.update(
        version=version,
        n_seed=len(synthetic),
        n_real=len(real_part),
        n_labels=len(labels),
        heldout=str(Path(heldout).name),
        params=getattr(model, "params", {}),
        ms_per_report=round(timing(model, texts), 2),
    )
    path = save(model, out_dir or clf.models_dir())
    model.metrics["size_bytes"] = path.stat().st_size
    (path.with_suffix(".json")).write_text(
        json.dumps(model.metrics, ensure_ascii=False, indent=1) + "\n"
    )
    with transaction.atomic():
        row = ClassifierVersion.objects.create(
            version=version,
            path=str(path),
            metrics=model.metrics,
            n_seed=len(synthetic),
            n_labels=len(labels),
        )
        if activate:
            activate_version(version)
            row.refresh_from_db()
    return row


def activate_version(version: str):
    """Make ``version`` the running model (registering a committed file if need be)."""
    from django.db import transaction
    from django.utils import timezone

    from lapor.routing.models import ClassifierVersion

    path = clf.model_path(version)  # raises if there is no such file
    with transaction.atomic():
        row = ClassifierVersion.objects.filter(version=version).first()
        if row is None:
            metrics_file = path.with_suffix(".json")
            metrics = json.loads(metrics_file.read_text()) if metrics_file.exists() else {}
            row = ClassifierVersion.objects.create(version=version, path=str(path), metrics=metrics)
        ClassifierVersion.objects.filter(is_active=True).exclude(pk=row.pk).update(is_active=False)
        row.is_active = True
        row.activated_at = timezone.now()
        row.save(update_fields=["is_active", "activated_at"])
    clf.reset()
    return row
