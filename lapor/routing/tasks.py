"""Routing tasks (django-tasks): run by the worker, after the report is safely filed."""

from __future__ import annotations

from django_tasks import task


@task()
def auto_dispose(report_id: int) -> str:
    """Classify a just-filed report and dispose it when its agency's threshold allows.

    Runs in the worker, never in the filing request: the classifier and its queries are not
    what the person waits for, and nothing they do can fail a report that is already saved."""
    from lapor.routing.suggest import maybe_auto_dispose

    return "disposed" if maybe_auto_dispose(report_id) is not None else "left"
