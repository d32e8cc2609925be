"""Where routing listens to the case: one receiver on new timeline events.

Why a signal rather than calls from every action: reports arrive by web, SMS, API and desk,
and cases close by officers, reporters and the sweep; the event row is the one thing they all
write, so listening to it is the only place that sees every submission and every outcome.

- ``submitted`` → after commit, auto-dispose if the agency's threshold allows
  (``suggest.maybe_auto_dispose``; its own transaction, failures only logged).
- ``follow_up``/``closed`` on a cluster's main case → the merged reports' reporters hear it
  (``duplicates.notify_cluster``, same transaction as the event).
- an admin's category change, re-routing (transfer, disposition elsewhere than the top
  suggestion is not known here, so every manual disposition) and *Bukan Wewenang* → a
  training label through the classifier's ``record_label`` when it exists.
"""

from __future__ import annotations

import inspect
import logging
from functools import partial
from typing import Any

from django.db import transaction
from django.db.models.signals import post_save

from lapor.reports.models import ReportEvent

log = logging.getLogger(__name__)
Kind = ReportEvent.Kind

LABEL_EVENTS = {
    Kind.CATEGORY_SET: "category_change",
    Kind.NOT_AUTHORITY: "not_authority",
    Kind.TRANSFERRED: "reroute",
    Kind.DISPOSED: "disposition",
}


def _auto_dispose(report_id: int) -> None:
    from lapor.routing.suggest import maybe_auto_dispose

    maybe_auto_dispose(report_id)


def record_label_for(event: ReportEvent) -> bool:
    """Hand a correction to the classifier's ``record_label`` (only the keywords it takes)."""
    try:
        from lapor.routing.training import record_label  # type: ignore[attr-defined]
    except ImportError:
        try:
            from lapor.routing.classifier import record_label  # type: ignore[attr-defined]
        except ImportError:
            return False
    report = event.report
    offered: dict[str, Any] = {
        "report": report,
        "event": event,
        "text": f"{report.title_original}\n{report.body_original}",
        "category": report.category,
        "agency": event.target_agency or report.agency,
        "source": LABEL_EVENTS[event.kind],
        "kind": LABEL_EVENTS[event.kind],
        "actor": event.actor,
    }
    try:
        params = inspect.signature(record_label).parameters
        if any(p.kind == p.VAR_KEYWORD for p in params.values()):
            kwargs = offered
        else:
            kwargs = {k: v for k, v in offered.items() if k in params}
        with transaction.atomic():
            record_label(**kwargs)
    except Exception:  # noqa: BLE001 - a label is never worth failing the admin's action
        log.exception("record_label failed for event %s", event.pk)
        return False
    return True


def on_event(sender: type, instance: ReportEvent, created: bool, **_kw: Any) -> None:
    if not created:
        return
    if instance.kind == Kind.SUBMITTED:
        transaction.on_commit(partial(_auto_dispose, instance.report_id), robust=True)
    elif instance.kind in (Kind.FOLLOW_UP, Kind.CLOSED):
        from lapor.routing.duplicates import notify_cluster

        notify_cluster(instance)
    if instance.kind in LABEL_EVENTS and instance.actor_id is not None:
        record_label_for(instance)


def connect() -> None:
    post_save.connect(on_event, sender=ReportEvent, dispatch_uid="routing.on_event")
