"""Periodic jobs: the scheduler only *enqueues* tasks when they are due; the worker runs them.

The due times live in the database (``ScheduledJob``), not in the process: a restarted worker
does not re-run a digest it already sent, and when several workers run schedulers, the
conditional update below lets exactly one of them enqueue each run. A worker that was down
for a while runs each job once on return (no backlog of missed runs).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks.base import Task

from lapor.core.timezones import WIB
from lapor.notifications import tasks
from lapor.notifications.models import ScheduledJob
from lapor.partners import tasks as partner_tasks
from lapor.public import tasks as public_tasks
from lapor.reports import tasks as report_tasks
from lapor.routing import tasks as routing_tasks

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Periodic:
    name: str
    task: Task[[], Any]
    every: dt.timedelta | None = None
    # Local time of day in Asia/Jakarta (WIB), for daily jobs.
    daily_at: dt.time | None = None

    def next_after(self, now: dt.datetime) -> dt.datetime:
        if self.every is not None:
            return now + self.every
        assert self.daily_at is not None
        local = timezone.localtime(now, WIB)
        slot = local.replace(
            hour=self.daily_at.hour, minute=self.daily_at.minute, second=0, microsecond=0
        )
        if slot <= local:
            slot += dt.timedelta(days=1)
        return slot

    def first_run(self, now: dt.datetime) -> dt.datetime:
        # Interval jobs start at once; a daily job waits for its hour (no digest at start-up).
        return now if self.every is not None else self.next_after(now)


JOBS = (
    Periodic("sweep", tasks.run_sweep, every=dt.timedelta(minutes=5)),
    Periodic("retry_notifications", tasks.retry_due_notifications, every=dt.timedelta(minutes=1)),
    Periodic("refresh_stats", tasks.refresh_stats, every=dt.timedelta(minutes=5)),
    Periodic("staff_digest", tasks.send_staff_digests, daily_at=dt.time(7, 0)),
    # At night, when the database is quiet: all public reports to open-data files.
    Periodic("open_data_dump", tasks.dump_open_data, daily_at=dt.time(2, 0)),
    Periodic("retry_webhooks", partner_tasks.retry_due_webhooks, every=dt.timedelta(minutes=1)),
    # The search vocabulary: new words every 5 minutes, rebuilt nightly (lapor.public.vocabulary).
    Periodic("search_words", public_tasks.refresh_search_words, every=dt.timedelta(minutes=5)),
    Periodic("search_words_rebuild", public_tasks.rebuild_search_words, daily_at=dt.time(2, 30)),
    # Staged files of abandoned forms hourly; nightly also stored files no row refers to.
    Periodic("purge_uploads", report_tasks.purge_stale_uploads, every=dt.timedelta(hours=1)),
    Periodic("sweep_storage", report_tasks.sweep_storage, daily_at=dt.time(3, 0)),
    # The classifier learns from the day's decisions; promoted only if better (routing.learning).
    Periodic("routing_retrain", routing_tasks.retrain_classifier, daily_at=dt.time(1, 30)),
)


def tick(now: dt.datetime | None = None) -> list[str]:
    """Enqueue every job that is due; return their names. Each job in its own short
    transaction: the schedule advances together with the enqueued task, or not at all."""
    now = now or timezone.now()
    enqueued = []
    for job in JOBS:
        try:
            if _claim_run(job, now):
                enqueued.append(job.name)
        except IntegrityError:
            # Another scheduler created the row at the same moment; next tick will see it.
            continue
    return enqueued


def _claim_run(job: Periodic, now: dt.datetime) -> bool:
    with transaction.atomic():
        ScheduledJob.objects.get_or_create(
            name=job.name, defaults={"next_run_at": job.first_run(now)}
        )
        won = ScheduledJob.objects.filter(name=job.name, next_run_at__lte=now).update(
            next_run_at=job.next_after(now), last_run_at=now
        )
        if won:
            job.task.enqueue()
            logger.debug("scheduled %s", job.name)
        return bool(won)
