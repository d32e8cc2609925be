"""Grouped cross-validation of the classifier on real reports: how the model is chosen.

The real reports (``training.REAL``) are split in ``folds`` parts; near-duplicates (the same
complaint sent twice, a reporter's follow-up that repeats it) form one group and never sit
on both sides. Each fold's model is trained on the other folds' real reports, plus whatever
else the configuration adds (the synthetic corpus, the directory's keyword rows), and judged
on the held fold only. Figures are pooled over all folds (each real report judged once).

The learning curve trains on the first N real reports of the training folds (N = 0, 100, …),
the way labels accumulate in a deployment, and shows what each label buys.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterable

import numpy as np

from lapor.routing import text as textmod
from lapor.routing import training

HEADS = training.HEADS


def near_duplicate_groups(texts: list[str], threshold: float = 0.5) -> list[int]:
    """A group number per text; texts whose word TF-IDF cosine is ≥ ``threshold`` (directly
    or through a chain) share one."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    X = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True).fit_transform(
        [textmod.normalise(t) for t in texts]
    )
    sim = (X @ X.T).tocoo()
    parent = list(range(len(texts)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j, v in zip(sim.row, sim.col, sim.data, strict=True):
        if i < j and v >= threshold:
            parent[find(i)] = find(j)
    roots: dict[int, int] = {}
    return [roots.setdefault(find(i), len(roots)) for i in range(len(texts))]


def fold_of(groups: list[int], folds: int, seed: int = 13) -> list[int]:
    """Whole groups to folds, balanced by size (largest groups first), shuffled by ``seed``."""
    sizes: dict[int, int] = {}
    for g in groups:
        sizes[g] = sizes.get(g, 0) + 1
    order = list(sizes)
    random.Random(seed).shuffle(order)
    order.sort(key=lambda g: -sizes[g])
    load = [0] * folds
    where: dict[int, int] = {}
    for g in order:
        k = min(range(folds), key=lambda f: load[f])
        where[g] = k
        load[k] += sizes[g]
    return [where[g] for g in groups]


def _pool(parts: list[dict]) -> dict:
    out: dict = {"n": sum(p["n"] for p in parts)}
    for head in HEADS:
        n = sum(p[head]["n"] for p in parts)
        h1 = sum(p[head]["hits1"] for p in parts)
        h3 = sum(p[head]["hits3"] for p in parts)
        per_fold = [p[head]["top1"] for p in parts if p[head]["n"]]
        out[head] = {
            "n": n,
            "top1": training._pct(h1, n),
            "top3": training._pct(h3, n),
            "fold_sd": round(float(np.std(per_fold)), 1) if per_fold else 0.0,
        }
    sn = sum(p["sub_n"] for p in parts)
    out["subcategory_top1"] = training._pct(sum(p["sub_hits"] for p in parts), sn)
    return out


def cross_validate(
    real: list[dict],
    *,
    synthetic: Iterable[dict] = (),
    synthetic_weight: float = 1.0,
    real_weight: float = 1.0,
    keywords: bool = True,
    params: dict | None = None,
    folds: int = 5,
    n_labels: int | None = None,
    seed: int = 13,
    groups: list[int] | None = None,
    shares: list[tuple] | None = None,
) -> dict:
    """Pooled held-fold metrics for one configuration (see the module's docstring).

    ``shares``: (unit, level[, level-from-unit]) shares to try on the same fold models (the
    blend is applied when classifying, so it needs no retraining); the figures for each are
    under ``metrics["shares"]["unit/level/level-from-unit"]``."""
    groups = groups if groups is not None else near_duplicate_groups([r["text"] for r in real])
    where = fold_of(groups, folds, seed)
    synthetic = [dict(r, weight=synthetic_weight * float(r.get("weight", 1.0))) for r in synthetic]
    parts, ms = [], []
    by_share: dict[str, list[dict]] = {}
    for k in range(folds):
        train = [dict(r, weight=real_weight) for r, f in zip(real, where, strict=True) if f != k]
        test = [r for r, f in zip(real, where, strict=True) if f == k]
        if n_labels is not None:
            random.Random(seed + k).shuffle(train)
            train = train[:n_labels]
        model = training.fit(synthetic + train, f"cv{k}", keywords=keywords, params=params)
        chosen = dict(model.text_share), model.level_unit_share
        for u, lv, *rest in shares or ():
            model.text_share = {"unit": u, "level": lv}
            model.level_unit_share = rest[0] if rest else 0.0
            key = "/".join(str(x) for x in (u, lv, model.level_unit_share))
            by_share.setdefault(key, []).append(training.evaluate(model, test))
        model.text_share, model.level_unit_share = chosen
        start = time.perf_counter()
        parts.append(training.evaluate(model, test))
        ms.append(1000 * (time.perf_counter() - start) / max(1, len(test)))
    pooled = _pool(parts)
    pooled["ms_per_report"] = round(float(np.median(ms)), 2)
    pooled["folds"] = folds
    pooled["groups"] = len(set(groups))
    if by_share:
        pooled["shares"] = {key: _pool(p) for key, p in by_share.items()}
    return pooled
