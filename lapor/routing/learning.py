"""Learning in production, safely: a scheduled retrain, promotion only when the new model is
better on decisions it has not seen, one command to roll back, and the live accuracy.

``retrain()`` (the worker's nightly ``routing_retrain`` job, or ``manage.py retrain_routing``):

1. The decisions since the running model was trained (``TrainingLabel`` rows, time order). With
   fewer than ``MIN_NEW`` there is nothing to learn yet.
2. The most recent of them (the newer half, at least ``MIN_WINDOW``) are held back: the
   candidate trains on the shipped real corpus, the synthetic corpus and every decision
   *before* them.
3. Candidate and running model are scored on the held-back decisions, which neither has seen:
   the mean top-1 over the heads those decisions inform (topic, kind of unit, level).
4. The candidate becomes the running model only if it scores higher; otherwise it is kept aside
   (``ClassifierVersion.rejected``) with both scores in ``metrics["promotion"]``.

``rollback()`` (``manage.py rollback_model``) puts back the model that ran before the current
one (the committed file when there was none).

``acceptance()`` counts, from first dispositions (``TrainingLabel`` source *disposed*), how often
the admin's unit was the model's first suggestion, among its top 3, or later corrected
(re-routed or *Bukan Wewenang*), per agency and per month: the live accuracy of the system.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from lapor.routing import classifier as clf
from lapor.routing import training

log = logging.getLogger(__name__)

MIN_NEW = 40
MIN_WINDOW = 20
SCORED_HEADS = ("category", "unit", "level")


def score(model: clf.Model, rows: list[dict]) -> dict:
    """Top-1 per head on ``rows`` and their mean over the heads the rows inform."""
    metrics = training.evaluate(model, rows)
    heads = {h: metrics[h]["top1"] for h in SCORED_HEADS if metrics[h]["n"]}
    mean = round(sum(heads.values()) / len(heads), 2) if heads else 0.0
    return {"heads": heads, "mean": mean, "n": len(rows)}


def _running():
    from lapor.routing.models import ClassifierVersion

    return ClassifierVersion.objects.filter(is_active=True).first()


def retrain(
    *,
    version: str | None = None,
    base_rows: Iterable[dict] | None = None,
    params: dict | None = None,
    min_new: int = MIN_NEW,
    min_window: int = MIN_WINDOW,
) -> dict:
    """Train a candidate on the decisions so far and promote it only if it beats the running
    model on the most recent decisions it has not seen. Returns what happened."""
    from django.db import transaction

    from lapor.routing.models import ClassifierVersion

    running_row = _running()
    since = running_row.created_at if running_row is not None else None
    labels = training.label_rows()
    new = [r for r in labels if since is None or r["at"] >= since]
    if len(new) < min_new:
        return {"outcome": "skipped", "new_labels": len(new)}
    window_size = max(min_window, len(new) // 2)
    window = labels[-window_size:]  # ``new`` is a suffix of ``labels`` (time order)
    cutoff = window[0]["at"]
    seen = labels[:-window_size]
    if base_rows is None:
        base_rows = training.base_rows()
    version = version or training.new_version()
    candidate = training.fit(list(base_rows) + seen, version, params=params)
    running = clf.get_model()
    mine, theirs = score(candidate, window), score(running, window)
    promote = mine["mean"] > theirs["mean"]
    candidate.metrics = {
        "version": version,
        "n_labels": len(seen),
        "promotion": {
            "window": len(window),
            "window_from": cutoff.isoformat(),
            "candidate": mine,
            "running": {**theirs, "version": running.version},
            "promoted": promote,
        },
    }
    path = training.save(candidate, clf.models_dir())
    with transaction.atomic():
        row = ClassifierVersion.objects.create(
            version=version,
            path=str(path),
            metrics=candidate.metrics,
            n_labels=len(seen),
            rejected=not promote,
        )
        if promote:
            training.activate_version(version)
    outcome = "promoted" if promote else "kept_aside"
    log.info("routing retrain %s: %s (%s vs %s)", version, outcome, mine["mean"], theirs["mean"])
    return {"outcome": outcome, "version": row.version, **candidate.metrics["promotion"]}


def rollback():
    """Put back the model that ran before the current one; None if nothing ran before it
    (then the committed default, ``models_store/ACTIVE``, runs)."""
    from django.db import transaction

    from lapor.routing.models import ClassifierVersion

    with transaction.atomic():
        current = ClassifierVersion.objects.select_for_update().filter(is_active=True).first()
        if current is None:
            return None
        previous = (
            ClassifierVersion.objects.filter(activated_at__isnull=False, rejected=False)
            .exclude(pk=current.pk)
            .order_by("-activated_at", "-id")
            .first()
        )
        current.is_active = False
        current.save(update_fields=["is_active"])
    if previous is None:
        clf.reset()
        return None
    return training.activate_version(previous.version)


def acceptance(*, agency_ids: Iterable[int] | None = None, since=None) -> dict:
    """Live accuracy from first dispositions: for each agency (the unit chosen) and each
    month, how many were decided, how often the chosen unit was the model's first suggestion,
    among its top 3, and how many were corrected afterwards (re-routed, *Bukan Wewenang*)."""
    from django.db.models.functions import TruncMonth

    from lapor.routing.models import TrainingLabel

    Source = TrainingLabel.Source
    disposed = TrainingLabel.objects.filter(source=Source.DISPOSED, report__isnull=False)
    if agency_ids is not None:
        disposed = disposed.filter(agency_id__in=list(agency_ids))
    if since is not None:
        disposed = disposed.filter(created_at__gte=since)
    rows = list(
        disposed.annotate(month=TruncMonth("created_at")).values(
            "id", "report_id", "agency_id", "agency__name", "suggested_rank", "month", "created_at"
        )
    )
    corrections: dict[int, list] = {}
    for report_id, at in TrainingLabel.objects.filter(
        source__in=[Source.REROUTED, Source.NOT_AUTHORITY],
        report_id__in={r["report_id"] for r in rows},
    ).values_list("report_id", "created_at"):
        corrections.setdefault(report_id, []).append(at)

    def blank() -> dict:
        return {"n": 0, "first": 0, "top3": 0, "corrected": 0}

    total = blank()
    by_agency: dict[str, dict] = {}
    by_month: dict = {}
    for r in rows:
        corrected = any(at >= r["created_at"] for at in corrections.get(r["report_id"], ()))
        rank = r["suggested_rank"]
        name = r["agency__name"] or "-"
        for slot in (
            total,
            by_agency.setdefault(name, blank()),
            by_month.setdefault(r["month"].date(), blank()),
        ):
            slot["n"] += 1
            slot["first"] += bool(rank == 1 and not corrected)
            slot["top3"] += bool(rank is not None and rank <= 3 and not corrected)
            slot["corrected"] += corrected

    def pct(slot: dict) -> dict:
        n = slot["n"] or 1
        return {
            **slot,
            "first_pct": round(100 * slot["first"] / n),
            "top3_pct": round(100 * slot["top3"] / n),
            "corrected_pct": round(100 * slot["corrected"] / n),
        }

    return {
        "total": pct(total),
        "by_agency": sorted(
            ((name, pct(s)) for name, s in by_agency.items()), key=lambda p: (-p[1]["n"], p[0])
        ),
        "by_month": sorted((month, pct(s)) for month, s in by_month.items()),
    }
