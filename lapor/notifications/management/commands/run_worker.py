"""``manage.py run_worker``: the background worker — queued tasks plus the periodic schedule.

One process does both so that `make run` needs nothing else: the django-tasks-db worker loop
runs in the main thread (it owns the signal handlers, so Ctrl-C/SIGTERM finish the current task
and stop), a daemon thread ticks the schedule every few seconds, only *enqueueing* due jobs
(sweep, notification retries, the 07:00 digest) for the worker loop to run, and another derives
new filings (``lapor.reports.derive``: their pending events, polled every ``--interval``).
Every database transaction in all of them is short, which SQLite (one writer at a time, WAL)
needs.

``--once`` processes what is due now and exits: one schedule tick, the pending filings, then
every task that is ready (including those the tick or the tasks themselves enqueue), then
stop. Tests and cron use it.

Outages do not stop it (issue 11): when the database goes away (restart, failover, network)
the task loop's ``OperationalError`` is caught, the connections dropped, and the loop started
again after a back-off of 1, 2, 4 … 30 seconds, until the database answers. A third thread
writes the worker's heartbeat every few seconds (``lapor.notifications.leases``: shown in the
console and at ``/health/worker``) and hands tasks left "running" by dead workers back to the
queue. A task that was running when the database went away is one of those: its worker is
alive, so it is recorded as failed (``set_failed``) or, if that cannot be written either,
re-run once its lease expires.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand
from django.db import InterfaceError, OperationalError, close_old_connections, connections
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS
from django_tasks_db.management.commands.db_worker import Worker

from lapor.notifications import leases, schedule
from lapor.reports import derive

logger = logging.getLogger("lapor.worker")

TICK_SECONDS = 15.0
BACKOFF_START = 1.0
BACKOFF_MAX = 30.0
RECLAIM_EVERY = 30.0


class Life:
    """What the heartbeat thread reports: the worker's id and its last outage."""

    def __init__(self, worker_id: str) -> None:
        self.worker_id = worker_id
        self.started_at = timezone.now()
        self.error = ""

    def outage(self, exc: BaseException) -> None:
        self.error = f"{timezone.now():%Y-%m-%d %H:%M:%S} UTC: {type(exc).__name__}: {exc}"


def heartbeat_loop(
    stop: threading.Event, life: Life, every: float = leases.HEARTBEAT_SECONDS
) -> None:
    """Beat until ``stop``; every ``RECLAIM_EVERY`` seconds also take back dead workers'
    tasks. A failed beat (database down) is retried at the next one."""
    last_reclaim = 0.0
    while not stop.is_set():
        try:
            close_old_connections()
            leases.beat(life.worker_id, life.started_at, life.error)
            life.error = ""
            if time.monotonic() - last_reclaim >= RECLAIM_EVERY:
                last_reclaim = time.monotonic()
                reclaimed = leases.reclaim_tasks()
                if reclaimed:
                    logger.warning("took back %d task(s) from stopped workers", reclaimed)
        except Exception as exc:  # noqa: BLE001 - the next beat tries again
            logger.warning("heartbeat failed: %s", exc)
        finally:
            connections.close_all()
        stop.wait(every)


def run_resilient(worker: Worker, life: Life, stop: threading.Event) -> None:
    """``worker.run()``, started again after each database outage, with a growing pause."""
    delay = BACKOFF_START
    while worker.running and not stop.is_set():
        try:
            worker.run()
            return  # stopped by a signal (or --once finished)
        except (OperationalError, InterfaceError) as exc:
            life.outage(exc)
            logger.warning("database unavailable (%s); trying again in %.0f s", exc, delay)
            # Connections broken by the outage must not be reused.
            for connection in connections.all():
                with contextlib.suppress(Exception):  # already broken
                    connection.close()
            stop.wait(delay)
            delay = min(delay * 2, BACKOFF_MAX)


def derive_loop(stop: threading.Event, every: float) -> None:
    """Derive new filings until ``stop`` (``lapor.reports.derive``: the events flagged
    ``derive_pending`` are the queue): again at once while there were some, otherwise after
    ``every`` seconds. A failed poll (database down) is logged and retried at the next one."""
    while not stop.is_set():
        derived = 0
        try:
            close_old_connections()
            derived = derive.derive_pending_events()
        except Exception as exc:  # noqa: BLE001 - the next poll tries again
            logger.warning("deriving new filings failed (%s); trying again in %.0f s", exc, every)
            # A connection broken by an outage must not be reused.
            connections.close_all()
        if not derived:
            stop.wait(every)


def scheduler_loop(stop: threading.Event, every: float = TICK_SECONDS) -> None:
    """Tick the schedule until ``stop`` is set. Errors (a locked SQLite file, a database
    restart) are logged and retried at the next tick, never fatal."""
    while not stop.is_set():
        try:
            close_old_connections()
            schedule.tick()
        except Exception:
            logger.exception("scheduler tick failed; retrying in %s s", every)
        finally:
            # This thread's own connection: do not keep it open between ticks.
            connections.close_all()
        stop.wait(every)


class Command(BaseCommand):
    help = "Run the background worker: queued tasks and the periodic schedule."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--once", action="store_true", help="Process what is due now, then exit."
        )
        parser.add_argument(
            "--interval",
            type=float,
            default=1.0,
            help="Seconds to wait when the queue is empty (default: 1).",
        )
        parser.add_argument(
            "--heartbeat",
            type=float,
            default=leases.HEARTBEAT_SECONDS,
            help="Seconds between heartbeats (default: %(default)s).",
        )
        parser.add_argument(
            "--no-scheduler",
            action="store_true",
            help="Only run queued tasks (when another process runs the schedule).",
        )

    def handle(
        self,
        *args: Any,
        once: bool,
        interval: float,
        no_scheduler: bool,
        heartbeat: float = leases.HEARTBEAT_SECONDS,
        **options: Any,
    ) -> None:
        verbosity = int(options.get("verbosity", 1))
        # One line per task is useful in a terminal, noise in --once (tests, cron).
        quiet = once and verbosity < 2
        level = logging.WARNING if quiet or verbosity == 0 else logging.INFO
        for name in ("django_tasks", "django_tasks_db"):
            logging.getLogger(name).setLevel(logging.DEBUG if verbosity > 2 else level)
        worker = Worker(
            queue_names=["*"],
            interval=interval,
            batch=once,
            backend_name=DEFAULT_TASK_BACKEND_ALIAS,
            startup_delay=False,
            max_tasks=None,
            worker_id=f"{leases.WORKER_PREFIX}{get_random_string(12)}",
            excluded_queue_names=[],
        )
        if once:
            if not no_scheduler:
                enqueued = schedule.tick()
                if verbosity > 1 and enqueued:
                    self.stdout.write(f"scheduled: {', '.join(enqueued)}")
            # New filings first: what they derive (outbox rows, webhooks) queues tasks.
            while derive.derive_pending_events():
                pass
            worker.run()
            return

        stop = threading.Event()
        life = Life(worker.worker_id)
        if not no_scheduler:
            threading.Thread(
                target=scheduler_loop, args=(stop,), name="lapor-scheduler", daemon=True
            ).start()
        threading.Thread(
            target=derive_loop, args=(stop, interval), name="lapor-derive", daemon=True
        ).start()
        threading.Thread(
            target=heartbeat_loop,
            args=(stop, life, heartbeat),
            name="lapor-heartbeat",
            daemon=True,
        ).start()
        self.stdout.write(
            f"Lapor worker {worker.worker_id} started (tasks + schedule). Stop with Ctrl-C."
        )
        self.stdout.flush()
        worker.configure_signals()
        try:
            run_resilient(worker, life, stop)
        finally:
            stop.set()
            with contextlib.suppress(Exception):  # else the heartbeat simply goes stale
                leases.forget(worker.worker_id)
            connections.close_all()
