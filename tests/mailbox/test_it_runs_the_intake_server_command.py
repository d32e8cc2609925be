"""`manage.py run_mail_intake` (what `make serve` starts beside the worker): listens on the
given port, answers recipients at RCPT time, and stops cleanly on SIGTERM."""

from __future__ import annotations

import os
import signal
import smtplib
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.notifications.conftest import free_port

ROOT = Path(__file__).resolve().parents[2]


def test_the_command_serves_and_stops_on_sigterm():
    port = free_port()
    env = {**os.environ, "MAIL_DOMAIN": "lapor.test", "MAIL_INTAKE_PORT": str(port)}
    process = subprocess.Popen(
        [sys.executable, "manage.py", "run_mail_intake"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        banner = process.stdout.readline() if process.stdout else ""
        assert f"127.0.0.1:{port}" in banner and "lapor@lapor.test" in banner
        deadline = time.monotonic() + 20
        while True:
            try:
                client = smtplib.SMTP("127.0.0.1", port, timeout=10)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        with client:
            client.ehlo()
            client.mail("warga@example.id")
            assert client.rcpt("lapor@lapor.test")[0] == 250
            code, text = client.rcpt("siapa@tempat-lain.example")
            assert code == 550 and b"lapor@lapor.test" in text
            client.rset()
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            assert process.wait(timeout=15) == 0
        except subprocess.TimeoutExpired:
            process.kill()
            pytest.fail("run_mail_intake did not stop on SIGTERM")
