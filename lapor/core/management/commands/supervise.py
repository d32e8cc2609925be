"""``manage.py supervise <command> [args…]``: run a management command and start it again
whenever it exits, with a growing pause (1, 2, 4 … 30 seconds; back to 1 after a minute of
running). SIGTERM and SIGINT are passed on to the command, which then stops for good.

What ``make serve`` runs the worker and the mail intake under, so that a process that dies
(an outage it could not ride out, an out-of-memory kill, a bug) comes back by itself. On a
server, systemd does the same (``Restart=always``).
"""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
from argparse import REMAINDER, ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

PAUSE_START = 1.0
PAUSE_MAX = 30.0
STABLE_SECONDS = 60.0


class Command(BaseCommand):
    help = "Run a management command and restart it whenever it exits."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("command", help="The management command, e.g. run_worker.")
        parser.add_argument("command_args", nargs=REMAINDER, help="Its arguments.")

    def handle(self, *args: Any, **options: Any) -> None:
        name = options["command"]
        if name == "supervise":
            raise CommandError("supervise does not supervise itself")
        manage = Path(sys.argv[0]).resolve()
        argv = [sys.executable, str(manage), name, *options["command_args"]]
        stopping = threading.Event()
        child: list[subprocess.Popen[bytes]] = []

        def stop(signum: int, _frame: object) -> None:
            stopping.set()
            if child and child[0].poll() is None:
                child[0].send_signal(signum)

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        pause = PAUSE_START
        while not stopping.is_set():
            started = time.monotonic()
            process = subprocess.Popen(argv)  # noqa: S603 - our manage.py, an operator-named command
            child[:] = [process]
            status = process.wait()
            if stopping.is_set():
                break
            if time.monotonic() - started >= STABLE_SECONDS:
                pause = PAUSE_START
            self.stderr.write(
                f"supervise: {name} exited with status {status}; starting it again in {pause:.0f} s"
            )
            stopping.wait(pause)
            pause = min(pause * 2, PAUSE_MAX)
