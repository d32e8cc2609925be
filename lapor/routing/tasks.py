"""Routing tasks (django-tasks), run by the worker: the classification and auto-disposition of a
just-filed report, after it is safely saved, and the nightly retraining (scheduled in
lapor.notifications.schedule)."""

from __future__ import annotations

from django_tasks import task


@task()
def auto_dispose(report_id: int) -> str:
    """Classify a just-filed report and dispose it when its agency's threshold allows.

    Runs in the worker, never in the filing request: the classifier and its queries are not
    what the person waits for, and nothing they do can fail a report that is already saved."""
    from lapor.routing.suggest import maybe_auto_dispose

    return "disposed" if maybe_auto_dispose(report_id) is not None else "left"


@task()
def retrain_classifier() -> dict:
    """Nightly: train on the decisions so far; promote only if better on the newest ones it
    has not seen (``lapor.routing.learning.retrain``)."""
    from lapor.routing.learning import retrain

    result = retrain()
    return {k: v for k, v in result.items() if k in ("outcome", "version", "new_labels")}
