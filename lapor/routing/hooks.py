"""Where routing listens to the case: one receiver on new timeline events.

Why a signal rather than calls from every action: reports arrive by web, SMS, API and desk,
and cases close by officers, reporters and the sweep; the event row is the one thing they all
write, so listening to it is the only place that sees every submission and every outcome.

- ``submitted`` → when any agency has an auto-dispose threshold, a worker task
  (``tasks.auto_dispose``), queued when the worker derives the filing's consequences
  (``lapor.reports.derive``, subscribed to ``lapor.reports.events``): classification and
  routing run after the report is safe, and nothing they do can fail the filing request.
- ``follow_up``/``closed`` on a cluster's main case → the merged reports' reporters hear it
  (``duplicates.notify_cluster``, same transaction as the event).
- every admin decision → a training label, through the classifier's ``record_label`` when it
  exists, else a ``TrainingLabel`` row: a first disposition ("disposed"), a category change,
  a re-routing (a transfer, or a disposition after an earlier routing was undone),
  *Bukan Wewenang* and a conversion between complaint and information request.
"""

from __future__ import annotations

import inspect
import logging
from typing import Any

from django.db import transaction
from django.db.models.signals import post_save

from lapor.reports.models import ReportEvent

log = logging.getLogger(__name__)
Kind = ReportEvent.Kind

# Corrections that teach the classifier (TrainingLabel.Source values).
LABEL_EVENTS: dict[str, str] = {
    Kind.CATEGORY_SET: "category_changed",
    Kind.NOT_AUTHORITY: "not_authority",
    Kind.TRANSFERRED: "rerouted",
    Kind.DISPOSED: "rerouted",  # after an earlier routing (see _is_correction); else "disposed"
    Kind.CONVERTED: "converted",
}


def _auto_dispose_enabled() -> bool:
    from lapor.routing.models import AgencyRoutingSettings

    return AgencyRoutingSettings.objects.filter(auto_dispose_threshold__isnull=False).exists()


def _queue_auto_dispose(report_id: int) -> None:
    """Hand the report to the worker. With the database queue (the default) the task row
    commits with the report or not at all; another backend gets it after commit, and a lost
    enqueue only means the report waits for a person, as every report below the threshold does.
    """
    from django_tasks_db.backend import DatabaseBackend

    from lapor.routing.tasks import auto_dispose

    if isinstance(auto_dispose.get_backend(), DatabaseBackend):
        auto_dispose.enqueue(report_id)
        return

    def enqueue() -> None:
        auto_dispose.enqueue(report_id)

    # A named function: Django's robust on_commit logs the callback's __qualname__, which a
    # functools.partial does not have (the failure that once turned a saved report into a 500).
    transaction.on_commit(enqueue, robust=True)


def _is_correction(event: ReportEvent) -> bool:
    if event.kind != Kind.DISPOSED:
        return True
    # A disposition corrects something only after an earlier routing was undone.
    return (
        ReportEvent.objects.filter(
            report_id=event.report_id, kind__in=[Kind.NOT_AUTHORITY, Kind.DISPOSED]
        )
        .exclude(pk=event.pk)
        .exists()
    )


def record_label_for(event: ReportEvent) -> bool:
    """Keep an admin's correction as a training label.

    Through the classifier's ``record_label`` when it provides one (passing only the keywords
    it takes), else as a ``TrainingLabel`` row directly."""
    report = event.report
    agency = event.target_agency or (report.agency if event.kind != Kind.NOT_AUTHORITY else None)
    offered: dict[str, Any] = {
        "report": report,
        "event": event,
        "text": f"{report.title_original}\n{report.body_original}",
        "category": report.category,
        "agency": agency,
        "level": agency.level if agency is not None else "",
        "source": LABEL_EVENTS[event.kind] if _is_correction(event) else "disposed",
        "actor": event.actor,
    }
    record_label = None
    for module in ("lapor.routing.training", "lapor.routing.classifier"):
        try:
            record_label = __import__(module, fromlist=["record_label"]).record_label
            break
        except (ImportError, AttributeError):
            continue
    try:
        with transaction.atomic():
            if record_label is None:
                from lapor.routing.models import TrainingLabel

                TrainingLabel.objects.create(
                    report=report,
                    text=offered["text"],
                    category=offered["category"],
                    agency=agency,
                    level=offered["level"],
                    source=offered["source"],
                )
            else:
                params = inspect.signature(record_label).parameters
                if any(p.kind == p.VAR_KEYWORD for p in params.values()):
                    record_label(**offered)
                else:
                    record_label(**{k: v for k, v in offered.items() if k in params})
    except Exception:  # noqa: BLE001 - a label is never worth failing the admin's action
        log.exception("recording a training label failed for event %s", event.pk)
        return False
    return True


def on_published(event: ReportEvent) -> None:
    """A filing's consequences are being written (``lapor.reports.derive``, in the worker):
    queue the auto-disposition, in that same transaction."""
    if event.kind == Kind.SUBMITTED and _auto_dispose_enabled():
        _queue_auto_dispose(event.report_id)


def on_event(sender: type, instance: ReportEvent, created: bool, **_kw: Any) -> None:
    if not created:
        return
    if instance.kind in (Kind.FOLLOW_UP, Kind.CLOSED):
        from lapor.routing.duplicates import notify_cluster

        notify_cluster(instance)
    # Every admin decision is a label (a first disposition too: it says where reports go).
    if instance.kind in LABEL_EVENTS and instance.actor_id is not None:
        record_label_for(instance)


def connect() -> None:
    from lapor.reports import events

    post_save.connect(on_event, sender=ReportEvent, dispatch_uid="routing.on_event")
    # A submission is routed when its consequences are derived, after the filing's answer.
    events.subscribe(on_published)
