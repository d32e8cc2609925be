"""``manage.py supervise`` (what ``make serve`` runs the worker and the mail intake under)
starts a command again each time it exits, and stops for good on SIGTERM (issue 11.1)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_an_exiting_command_is_started_again_and_sigterm_stops_it():
    process = subprocess.Popen(
        [sys.executable, "manage.py", "supervise", "version"],
        cwd=ROOT,
        env={**os.environ, "TESTING": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        restarts = 0
        assert process.stderr is not None
        while restarts < 2 and time.monotonic() < deadline:
            line = process.stderr.readline().decode()
            if "exited with status 0" in line:
                restarts += 1
        assert restarts >= 2
        process.send_signal(signal.SIGTERM)
        assert process.wait(30) == 0
    finally:
        if process.poll() is None:
            process.kill()
    out = process.stdout.read().decode() if process.stdout else ""
    assert out.count("5.2") >= 2  # Django's version, printed by each run
