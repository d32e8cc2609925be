"""The category classifier: a report's text -> top-level category and sub-category with
probabilities, the kind of unit and the government level, plus out-of-scope and emergency flags.

The model is a file in ``lapor/routing/models_store`` (see :mod:`lapor.routing.training`): two
TF-IDF vectorisers (word 1–2-grams over PySastrawi stems, character 2–5-grams over the
normalised text, which absorbs typos) and linear softmax heads stored as float16 matrices.
Sub-categories are predicted hierarchically: P(sub) = P(top) × P(sub | top), each top-level
topic having a small head over its own best features, which keeps the file small.

The active version is the ``ClassifierVersion`` row with ``is_active``; with none (a fresh
database) the version named in ``models_store/ACTIVE`` is used. The model loads once per process
and is reloaded when the active version changes (checked at most every few seconds).
"""

from __future__ import annotations

import re
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from lapor.routing import text as textmod

if TYPE_CHECKING:
    from lapor.routing.gazetteer import Gazetteer

OUT_OF_SCOPE = "DI LUAR KEWENANGAN"
# Only the first characters of a report are read (the title comes first): the topic and the
# addressee are in its opening, and the rest of a very long report only costs time.
MAX_CHARS = 1500
EMERGENCY_SUB = "Darurat 112"
PRANK = "Prank/Tidak Jelas"
CHECK_EVERY = 5.0  # seconds between checks of the active version
STORE = Path(__file__).resolve().parent / "models_store"

# Said in the present, about life and death: these go to 112, whatever the model says.
_EMERGENCY = re.compile(
    r"\b(tolong|darurat|cepat|segera|sekarang|barusan)\b.*\b("
    r"kebakaran|terbakar|api|tenggelam|pingsan|tidak sadar|tidak bernapas|sesak napas|"
    r"kecelakaan|terjepit|tertimpa|kesetrum|tersengat listrik|bunuh diri|perampok|rampok|"
    r"ditodong|senjata|melahirkan|ketuban|gas bocor|meledak|terjebak|hanyut|serangan jantung)\b"
    r"|\b(kebakaran|terbakar|tenggelam|pingsan|kecelakaan|terjepit|kesetrum|bunuh diri|"
    r"perampok|terjebak|gas bocor|ketuban pecah)\b.*\b(tolong|darurat|cepat|segera|sekarang|"
    r"barusan|ambulans)\b"
)
# Words that make a report about a past or chronic problem rather than an emergency now.
# ... nor a request to repair or to enforce ("rawan kecelakaan", "mohon diperbaiki").
_NOT_NOW = re.compile(
    r"\b(minggu lalu|bulan lalu|tahun lalu|kemarin|sudah lama|setiap|tiap|sering|rawan|"
    r"banyak kecelakaan|perbaiki|diperbaiki|perbaikan|tertibkan|ditertibkan|dievaluasi|"
    r"evaluasi|ditindak|tindak lanjut)\b"
)


@dataclass
class Classification:
    top: list[tuple[str, str, float]] = field(default_factory=list)  # (code, name, prob)
    sub: list[tuple[str, str, float]] = field(default_factory=list)  # (code, "TOP > SUB", prob)
    level: list[tuple[str, float]] = field(default_factory=list)
    unit: list[tuple[str, float]] = field(default_factory=list)  # unit type / agency code
    # ("complaint" | "aspiration" | "information_request", prob), likeliest first; empty when
    # the model has no report-kind head (models before v4)
    report_kind: list[tuple[str, float]] = field(default_factory=list)
    out_of_scope: str | None = None  # e.g. "Prank/Tidak Jelas"
    emergency: bool = False
    version: str = ""

    @property
    def category_code(self) -> str | None:
        """The best sub-category's code (or top-level if it has no sub), None if out of scope."""
        if self.out_of_scope or not self.sub:
            return None
        return self.sub[0][0]

    @property
    def confidence(self) -> float:
        return self.top[0][2] if self.top else 0.0


class LinearHead:
    """Softmax over ``x @ W.T + b``; ``W`` stored float16, used float32; optional column subset."""

    def __init__(self, coef, intercept, classes, columns=None):
        self.W = np.asarray(coef, dtype=np.float16)
        self.b = np.asarray(intercept, dtype=np.float32)
        self.classes = [str(c) for c in classes]
        self.columns = None if columns is None else np.asarray(columns, dtype=np.int32)
        self._W32 = None

    def __getstate__(self):
        state = dict(self.__dict__)
        state["_W32"] = None
        state.pop("_colmap", None)
        return state

    def proba_row(self, indices: np.ndarray, data: np.ndarray, n_features: int) -> np.ndarray:
        """Probabilities for one sparse row given as (column indices, values)."""
        if len(self.classes) == 1:
            return np.ones(1, dtype=np.float32)
        if self._W32 is None:
            self._W32 = np.ascontiguousarray(self.W.astype(np.float32).T)
        if self.columns is not None:
            colmap = getattr(self, "_colmap", None)
            if colmap is None or len(colmap) != n_features:
                colmap = np.full(n_features, -1, dtype=np.int32)
                colmap[self.columns] = np.arange(len(self.columns), dtype=np.int32)
                self._colmap = colmap
            sel = colmap[indices]
            keep = sel >= 0
            indices, data = sel[keep], data[keep]
        z = data @ self._W32[indices] + self.b
        if z.shape[0] == 1:
            p = 1.0 / (1.0 + np.exp(-z[0]))
            return np.array([1 - p, p])
        z -= z.max()
        e = np.exp(z)
        return e / e.sum()

    def proba(self, X) -> np.ndarray:
        if self._W32 is None:
            self._W32 = np.ascontiguousarray(self.W.astype(np.float32).T)
        if self.columns is not None:
            X = X[:, self.columns]
        if len(self.classes) == 1:
            return np.ones((X.shape[0], 1), dtype=np.float32)
        z = np.asarray(X @ self._W32) + self.b
        if z.shape[1] == 1:  # binary head stores one row
            p = 1.0 / (1.0 + np.exp(-z))
            return np.hstack([1 - p, p])
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)


class Model:
    """What a model file holds (pickled with joblib)."""

    # Set by ``training.fit`` since v4; these class defaults keep older files working.
    report_kind: LinearHead | None = None  # complaint / aspiration / information request
    text_share: dict = {"unit": 0.3, "level": 0.3}  # noqa: RUF012 (replaced, never mutated)
    unit_levels: dict = {}  # noqa: RUF012
    level_unit_share: float = 0.0
    params: dict = {}  # noqa: RUF012
    # What the report names (``gazetteer.Gazetteer``, since v6): its columns follow TF-IDF's.
    gazetteer: Gazetteer | None = None
    gazetteer_scale: float = 0.0

    def __init__(
        self, version, word, char, top, subs, level, unit, codes, metrics=None, priors=None
    ):
        self.version = version
        self.word = word  # TfidfVectorizer over stemmed text
        self.char = char  # TfidfVectorizer over normalised text
        self.top = top  # LinearHead over top-level names
        self.subs = subs  # {top name: LinearHead over "TOP > SUB" names}
        self.level = level
        self.unit = unit
        self.codes = codes  # {"TOP" or "TOP > SUB": category code}
        self.metrics = metrics or {}
        # {"TOP > SUB" or "TOP": {"unit": {kind: p}, "level": {level: p}}} from the training data
        self.priors = priors or {}

    def _blend(self, head: LinearHead, probs, subs, key: str) -> list[tuple[str, float]]:
        """share × the head's own reading of the text + (1 − share) × what the likely
        categories imply (share per head in ``text_share``, chosen by cross-validation)."""
        share = self.text_share.get(key, 0.3)
        mixed = {c: share * float(q) for c, q in zip(head.classes, probs, strict=True)}
        total = sum(p for _n, p in subs) or 1.0
        for name, p in subs:
            prior = self.priors.get(name) or self.priors.get(name.split(" > ")[0]) or {}
            for c, q in prior.get(key, {}).items():
                mixed[c] = mixed.get(c, 0.0) + (1 - share) * q * p / total
        return sorted(mixed.items(), key=lambda s: -s[1])

    def _level_from_unit(self, levels, units) -> list[tuple[str, float]]:
        """Mix in the level the likely units imply (a BPJS branch is BUMN, a Dinas is the
        regency's): ``level_unit_share`` × Σ P(unit) P(level | unit), from the training data."""
        share = self.level_unit_share
        implied = self.unit_levels
        if not share or not implied:
            return levels
        mixed = {c: (1 - share) * p for c, p in levels}
        for kind, p in units:
            for lv, q in implied.get(kind, {}).items():
                mixed[lv] = mixed.get(lv, 0.0) + share * p * q
        return sorted(mixed.items(), key=lambda s: -s[1])

    def _row(self, vectorizer, doc: str, offset: int) -> tuple[list[int], np.ndarray]:
        """What ``vectorizer.transform([doc])`` gives (sublinear tf × idf, l2), without
        scikit-learn's per-call validation, which costs milliseconds."""
        cache = self.__dict__.setdefault("_analyzers", {})
        key = id(vectorizer)
        if key not in cache:
            cache[key] = (vectorizer.build_analyzer(), vectorizer.vocabulary_, vectorizer.idf_)
        analyse, vocab, idf = cache[key]
        # Count in C first (a long report repeats its n-grams), then look each up once.
        counts: dict[int, int] = {}
        for token, n in Counter(analyse(doc)).items():
            j = vocab.get(token)
            if j is not None:
                counts[j] = n
        if not counts:
            return [], np.zeros(0, dtype=np.float32)
        cols = list(counts)
        tf = np.fromiter(counts.values(), dtype=np.float64, count=len(cols))
        data = (1.0 + np.log(tf)) * idf[cols]
        data /= np.sqrt((data * data).sum())
        return [c + offset for c in cols], data.astype(np.float32)

    def n_features(self) -> int:
        gaz = len(self.gazetteer) if self.gazetteer is not None else 0
        return len(self.word.vocabulary_) + len(self.char.vocabulary_) + gaz

    def row(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        n_word = len(self.word.vocabulary_)
        norm = textmod.normalise(text)
        wi, wd = self._row(self.word, textmod.stemmed(text), 0)
        ci, cd = self._row(self.char, norm, n_word)
        idx = np.asarray(wi + ci, dtype=np.int64)
        data = np.concatenate([wd, cd])
        if self.gazetteer is not None:
            gi = self.gazetteer.columns(norm) + n_word + len(self.char.vocabulary_)
            idx = np.concatenate([idx, gi])
            data = np.concatenate([data, np.full(len(gi), self.gazetteer_scale, np.float32)])
        return idx, data

    def __getstate__(self):
        state = dict(self.__dict__)
        state.pop("_analyzers", None)
        return state

    def features(self, texts: list[str]):
        from scipy.sparse import hstack

        stems = [textmod.stemmed(t) for t in texts]
        norms = [textmod.normalise(t) for t in texts]
        blocks = [self.word.transform(stems), self.char.transform(norms)]
        if self.gazetteer is not None:
            blocks.append(self.gazetteer.matrix(norms, self.gazetteer_scale))
        return hstack(blocks).tocsr()

    def classify(self, text: str, k: int = 3) -> Classification:
        text = text[:MAX_CHARS]
        idx, data = self.row(text)
        nf = self.n_features()
        top_p = self.top.proba_row(idx, data, nf)
        order = np.argsort(-top_p)
        tops = [(self.top.classes[i], float(top_p[i])) for i in order]
        subs: list[tuple[str, float]] = []
        for name, p in tops[: max(k, 3)]:
            head = self.subs.get(name)
            if head is None:
                subs.append((name, p))
                continue
            sp = head.proba_row(idx, data, nf)
            subs += [(c, p * float(q)) for c, q in zip(head.classes, sp, strict=True)]
        subs.sort(key=lambda s: -s[1])
        in_scope = [(n, p) for n, p in subs if not n.startswith(OUT_OF_SCOPE)][:10]
        result = Classification(
            top=[(self.code(n), str(n), p) for n, p in tops[:k]],
            sub=[(self.code(n), str(n), p) for n, p in subs[:k]],
            version=self.version,
        )
        units = self._blend(self.unit, self.unit.proba_row(idx, data, nf), in_scope, "unit")
        levels = self._blend(self.level, self.level.proba_row(idx, data, nf), in_scope, "level")
        result.unit = units[:k]
        result.level = self._level_from_unit(levels, units)[:k]
        kind_head = self.report_kind
        if kind_head is not None:
            kp = kind_head.proba_row(idx, data, nf)
            result.report_kind = sorted(
                ((c, float(q)) for c, q in zip(kind_head.classes, kp, strict=True)),
                key=lambda s: -s[1],
            )
        best_top, best_p = tops[0]
        best_sub = subs[0][0] if subs else best_top
        folded = textmod.normalise(text)
        n_words = len(folded.split())
        if best_top == OUT_OF_SCOPE and (best_p >= 0.35 or n_words <= 4):
            result.out_of_scope = best_sub.split(" > ", 1)[-1]
        elif n_words <= 2 and best_p < 0.3:  # "p", "halo": nothing to act on
            result.out_of_scope = PRANK
        emergency_p = sum(p for n, p in subs if n.endswith(EMERGENCY_SUB))
        not_now = bool(_NOT_NOW.search(folded))
        rule = bool(_EMERGENCY.search(folded))
        result.emergency = not not_now and (rule or emergency_p >= 0.5)
        if result.emergency and (best_top == OUT_OF_SCOPE or emergency_p >= 0.2):
            result.out_of_scope = EMERGENCY_SUB
        elif not result.emergency and result.out_of_scope == EMERGENCY_SUB:
            result.out_of_scope = None  # a complaint about a danger, not a call for help
        return result

    def code(self, name: str) -> str:
        code = self.codes.get(name)
        return code if code is not None else slug(name)


def slug(name: str) -> str:
    from lapor.agencies.loader import category_code

    if " > " in name:
        top, sub = name.split(" > ", 1)
        return category_code(sub, category_code(top))
    return category_code(name)


# --- the active model, once per process ----------------------------------------------------------
_lock = threading.Lock()
_state: dict = {"model": None, "version": None, "checked": 0.0}


def default_version() -> str:
    return (STORE / "ACTIVE").read_text().strip()


def models_dir() -> Path:
    from django.conf import settings

    return Path(getattr(settings, "ROUTING_MODELS_DIR", STORE))


def model_path(version: str) -> Path:
    for base in (models_dir(), STORE):
        path = base / f"{version}.joblib"
        if path.exists():
            return path
    raise FileNotFoundError(f"no model file for version {version!r}")


def active_version() -> str:
    try:
        from lapor.routing.models import ClassifierVersion

        version = (
            ClassifierVersion.objects.filter(is_active=True)
            .values_list("version", flat=True)
            .first()
        )
    except Exception:  # no database (a script) or no table yet (before migrate)
        version = None
    return version or default_version()


def load(version: str) -> Model:
    import joblib

    return joblib.load(model_path(version))


def get_model() -> Model:
    now = time.monotonic()
    if _state["model"] is None or now - _state["checked"] > CHECK_EVERY:
        with _lock:
            version = active_version()
            _state["checked"] = time.monotonic()
            if version != _state["version"]:
                _state["model"] = load(version)
                _state["version"] = version
    return _state["model"]


def reset() -> None:
    """Forget the loaded model; the next call reads the active version again."""
    with _lock:
        _state.update(model=None, version=None, checked=0.0)


def classify(text: str, k: int = 3) -> Classification:
    return get_model().classify(text or "", k=k)
