"""``manage.py run_worker``: the background worker — queued tasks plus the periodic schedule.

One process does both so that `make run` needs nothing else: the django-tasks-db worker loop
runs in the main thread (it owns the signal handlers, so Ctrl-C/SIGTERM finish the current task
and stop), and a daemon thread ticks the schedule every few seconds, only *enqueueing* due jobs
(sweep, notification retries, the 07:00 digest) for the worker loop to run. Every database
transaction in both is short, which SQLite (one writer at a time, WAL) needs.

``--once`` processes what is due now and exits: one schedule tick, then every task that is
ready (including those the tick or the tasks themselves enqueue), then stop. Tests and cron use
it.
"""

from __future__ import annotations

import logging
import threading
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand
from django.db import close_old_connections, connections
from django.utils.crypto import get_random_string
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS
from django_tasks_db.management.commands.db_worker import Worker

from lapor.notifications import schedule

logger = logging.getLogger("lapor.worker")

TICK_SECONDS = 15.0


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
            "--no-scheduler",
            action="store_true",
            help="Only run queued tasks (when another process runs the schedule).",
        )

    def handle(
        self, *args: Any, once: bool, interval: float, no_scheduler: bool, **options: Any
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
            worker_id=f"lapor-{get_random_string(12)}",
            excluded_queue_names=[],
        )
        if once:
            if not no_scheduler:
                enqueued = schedule.tick()
                if verbosity > 1 and enqueued:
                    self.stdout.write(f"scheduled: {', '.join(enqueued)}")
            worker.run()
            return

        stop = threading.Event()
        if not no_scheduler:
            threading.Thread(
                target=scheduler_loop, args=(stop,), name="lapor-scheduler", daemon=True
            ).start()
        self.stdout.write("Lapor worker started (tasks + schedule). Stop with Ctrl-C.")
        worker.configure_signals()
        try:
            worker.run()
        finally:
            stop.set()
