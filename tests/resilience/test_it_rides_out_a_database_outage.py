"""PostgreSQL stops for about five seconds under a running worker and mail intake — our own
cluster, stopped for real (issue 11.1). The worker keeps its process, backs off, reconnects,
records the outage with its heartbeat and runs the next task; the mail intake answers 451 (the
sender's server tries again) while the database is gone and 250 once it is back."""

from __future__ import annotations

import datetime as dt
import json
import os
import smtplib
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from tests.resilience.servers import PG_BIN, PostgresServer, free_port, postgres_available

pytestmark = pytest.mark.django_db(transaction=True)
ROOT = Path(__file__).resolve().parents[2]


def _sql(port: int, query: str, params: tuple = ()) -> list[tuple]:
    with psycopg.connect(f"postgresql://postgres@127.0.0.1:{port}/lapor", autocommit=True) as c:
        cur = c.execute(query, params)
        return cur.fetchall() if cur.description else []


def _wait(predicate, timeout: float, what: str):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = predicate()
        except psycopg.OperationalError:
            value = None
        if value:
            return value
        time.sleep(0.25)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def own_postgres() -> Iterator[PostgresServer]:
    if connection.vendor != "postgresql" or not postgres_available():
        pytest.skip("needs PostgreSQL and its server binaries")
    server = PostgresServer().start()
    try:
        subprocess.run(
            [str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p", str(server.port), "-U",
             "postgres", "lapor"],
            check=True,
        )  # fmt: skip
        # The test database's schema (already migrated), copied over: quicker than migrating.
        settings = connection.settings_dict
        dump = subprocess.run(
            [str(PG_BIN / "pg_dump"), "-s", "-h", settings["HOST"] or "127.0.0.1", "-p",
             str(settings["PORT"] or 5432), "-U", settings["USER"] or "postgres",
             settings["NAME"]],
            check=True, capture_output=True,
        )  # fmt: skip
        subprocess.run(
            [str(PG_BIN / "psql"), "-q", "-h", "127.0.0.1", "-p", str(server.port), "-U",
             "postgres", "-d", "lapor", "-v", "ON_ERROR_STOP=0"],
            input=dump.stdout, check=True, capture_output=True,
        )  # fmt: skip
        yield server
    finally:
        server.close()


def _start(args: list[str], port: int, log: Path) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{port}/lapor",
        "TESTING": "1",
        "PYTHONUNBUFFERED": "1",
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )


def _queue_task(port: int) -> str:
    """A task row, as ``enqueue`` writes it: auto-disposition of a report that does not exist
    (it runs, finds nothing, succeeds)."""
    pk = str(uuid.uuid4())
    _sql(
        port,
        "INSERT INTO django_tasks_database_dbtaskresult (id, status, enqueued_at, args_kwargs,"
        " priority, task_path, worker_ids, queue_name, backend_name, run_after, return_value,"
        " exception_class_path, traceback) VALUES (%s, 'READY', now(), %s, 0, %s, '[]',"
        " 'default', 'default', now(), 'null', '', '')",
        (pk, json.dumps({"args": [0], "kwargs": {}}), "lapor.routing.tasks.auto_dispose"),
    )
    return pk


def _task_status(port: int, pk: str) -> str:
    return _sql(port, "SELECT status FROM django_tasks_database_dbtaskresult WHERE id=%s", (pk,))[
        0
    ][0]


def _smtp(port: int) -> int:
    message = (
        "From: warga@example.id\r\nTo: lapor@lapor.localhost\r\nSubject: Jalan rusak\r\n"
        "Message-ID: <" + uuid.uuid4().hex + "@example.id>\r\n\r\n"
        "Jalan berlubang besar di depan SD Caturtunggal, Kab. Sleman.\r\n"
    )
    with smtplib.SMTP("127.0.0.1", port, timeout=30) as client:
        try:
            client.sendmail("warga@example.id", ["lapor@lapor.localhost"], message)
        except smtplib.SMTPRecipientsRefused as exc:
            return int(next(iter(exc.recipients.values()))[0])
        except smtplib.SMTPDataError as exc:
            return int(exc.smtp_code)
    return 250


def test_the_worker_and_the_mail_intake_survive_a_database_restart(own_postgres, tmp_path):
    port = own_postgres.port
    mail_port = free_port()
    worker = _start(
        ["run_worker", "--interval", "0.2", "--heartbeat", "0.5", "--no-scheduler"],
        port,
        tmp_path / "worker.log",
    )
    intake = _start(
        ["run_mail_intake", "--host", "127.0.0.1", "--port", str(mail_port)],
        port,
        tmp_path / "intake.log",
    )
    try:
        _wait(lambda: _sql(port, "SELECT 1 FROM notifications_workerheartbeat"), 60, "a beat")
        before = _queue_task(port)
        _wait(lambda: _task_status(port, before) == "SUCCESSFUL", 60, "a task run")
        _wait(lambda: _smtp(mail_port) in (250, 451), 60, "the mail intake")

        own_postgres.stop()
        down_at = dt.datetime.now(dt.UTC)
        time.sleep(1.5)
        assert _smtp(mail_port) == 451  # "try again later", nothing lost
        time.sleep(3.5)
        own_postgres.start()

        # The same processes, still running, carry on.
        _wait(
            lambda: _sql(
                port, "SELECT 1 FROM notifications_workerheartbeat WHERE beat_at > %s", (down_at,)
            ),
            60,
            "a heartbeat after the restart",
        )
        assert worker.poll() is None, (tmp_path / "worker.log").read_text()[-3000:]
        (error,) = _sql(port, "SELECT last_error FROM notifications_workerheartbeat")[0]
        task = _queue_task(port)
        _wait(lambda: _task_status(port, task) == "SUCCESSFUL", 60, "a task after the outage")
        assert _smtp(mail_port) == 250
        assert intake.poll() is None
        assert "OperationalError" in error or "InterfaceError" in error, error
    finally:
        for process in (worker, intake):
            process.terminate()
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                process.kill()
