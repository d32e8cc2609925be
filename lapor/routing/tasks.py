"""Worker tasks of routing (scheduled in lapor.notifications.schedule)."""

from __future__ import annotations

from django_tasks import task


@task()
def retrain_classifier() -> dict:
    """Nightly: train on the decisions so far; promote only if better on the newest ones it
    has not seen (``lapor.routing.learning.retrain``)."""
    from lapor.routing.learning import retrain

    result = retrain()
    return {k: v for k, v in result.items() if k in ("outcome", "version", "new_labels")}
