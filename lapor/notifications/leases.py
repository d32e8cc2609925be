"""Workers' heartbeats, and tasks taken back from a worker that died.

Each ``run_worker`` process writes its heartbeat every ``HEARTBEAT_SECONDS``. A task row
"running" whose worker has not beaten for ``LEASE`` (killed, host lost, a database outage that
outlived the process) would stay "running" forever: the schedule's ``reclaim_tasks`` job puts
it back to "ready", and the next free worker runs it again. Every task here is idempotent (the
send task claims its outbox row under a lock, the auto-disposition checks the report's status),
so running one twice is harmless; not running it at all was the bug.

Only tasks claimed by this project's workers (ids ``lapor-…``) are taken back: a worker that
writes no heartbeat (django-tasks' own ``db_worker``) is never presumed dead.
"""

from __future__ import annotations

import datetime as dt
import os
import socket

from django.db import transaction
from django.utils import timezone

from lapor.notifications.models import WorkerHeartbeat

HEARTBEAT_SECONDS = 5.0
# A worker silent for this long is dead; its running tasks go back to the queue.
LEASE = dt.timedelta(seconds=60)
# A heartbeat older than this shows the worker as stopped (console, /health/worker).
STALE = dt.timedelta(seconds=30)
WORKER_PREFIX = "lapor-"


def beat(worker_id: str, started_at: dt.datetime, error: str = "") -> None:
    now = timezone.now()
    fields: dict[str, object] = {
        "hostname": socket.gethostname()[:255],
        "pid": os.getpid(),
        "started_at": started_at,
        "beat_at": now,
    }
    if error:
        fields.update(last_error=error[:1000], last_error_at=now)
    WorkerHeartbeat.objects.update_or_create(worker_id=worker_id, defaults=fields)


def forget(worker_id: str) -> None:
    """A worker that stops cleanly leaves no heartbeat behind."""
    WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()


def latest() -> WorkerHeartbeat | None:
    return WorkerHeartbeat.objects.order_by("-beat_at").first()


def alive(now: dt.datetime | None = None) -> list[WorkerHeartbeat]:
    now = now or timezone.now()
    return list(WorkerHeartbeat.objects.filter(beat_at__gte=now - STALE).order_by("-beat_at"))


def reclaim_tasks(now: dt.datetime | None = None) -> int:
    """Put back to "ready" the tasks left "running" by workers whose heartbeat stopped."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    living = set(
        WorkerHeartbeat.objects.filter(beat_at__gte=now - LEASE).values_list("worker_id", flat=True)
    )
    # Old heartbeats of dead workers are of no further use.
    WorkerHeartbeat.objects.filter(beat_at__lt=now - dt.timedelta(days=1)).delete()
    reclaimed = 0
    candidates = DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, started_at__lte=now - LEASE
    ).values_list("pk", "worker_ids")
    for pk, worker_ids in list(candidates[:500]):
        owner = worker_ids[-1] if worker_ids else ""
        if not owner.startswith(WORKER_PREFIX) or owner in living:
            continue
        with transaction.atomic():
            reclaimed += DBTaskResult.objects.filter(pk=pk, status=TaskResultStatus.RUNNING).update(
                status=TaskResultStatus.READY, run_after=now
            )
    return reclaimed
