"""The replica router and the connection pool (issue 12, docs/operations.md).

The replica here is a second connection (alias ``replica``) to the test database: what is
proved is where each query goes. Public pages read their reports from it; writes, the
reporter's own pages, the console, sessions and identities stay on the primary.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connections
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from lapor.reports import case_actions as ca
from tests.cases.conftest import submit
from tests.console.conftest import case_url, login

ROOT = Path(__file__).resolve().parents[2]
BOTH = ["default", "replica"] if "replica" in settings.DATABASES else ["default"]


@pytest.fixture
def replica():
    """The router on, for one test; ``replica`` is a second connection to the test database
    (settings add it under test, as a mirror of ``default``)."""
    if "replica" not in connections:
        pytest.skip("needs PostgreSQL (settings add the replica alias there)")
    with override_settings(DATABASE_ROUTERS=["lapor.core.dbrouting.ReplicaRouter"]):
        yield connections["replica"]


def _split(client: Client, url: str, replica, method: str = "get", **data):  # type: ignore[no-untyped-def]
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(replica) as copy,
    ):
        response = getattr(client, method)(url, data) if data else getattr(client, method)(url)
    assert response.status_code in (200, 302), (url, response.status_code)
    return [q["sql"] for q in primary.captured_queries], [q["sql"] for q in copy.captured_queries]


def _touches(queries: list[str], table: str) -> bool:
    return any(f'"{table}"' in q for q in queries)


@pytest.mark.django_db(transaction=True, databases=BOTH)
def test_public_pages_read_reports_from_the_replica(cast, directory, replica):
    report = submit()
    ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.national_admin)
    report.refresh_from_db()
    for url in (
        "/laporan/",
        f"/laporan/{report.tracking_id}/",
        "/statistik/",
        "/api/v1/public/reports",
        "/open311/v2/requests.json",
    ):
        primary, copy = _split(Client(), url, replica)
        assert _touches(copy, "reports_report") or url == "/statistik/", (url, copy)
        assert copy, url
        assert not _touches(primary, "reports_report"), (url, primary)


@pytest.mark.django_db(transaction=True, databases=BOTH)
def test_writes_and_a_reporters_own_pages_stay_on_the_primary(cast, directory, replica):
    from tests.conftest import report_post_data

    client = Client()
    primary, copy = _split(client, "/lapor/", replica, "post", **report_post_data())
    assert copy == [] and _touches(primary, "reports_report")
    from lapor.reports.models import Report

    report = Report.objects.get()
    # The reporter's own page (the session remembers the report): primary only.
    primary, copy = _split(client, f"/lacak/{report.tracking_id}/", replica)
    assert copy == [] and _touches(primary, "reports_report")
    # The console and its case page: primary only.
    primary, copy = _split(login(cast.agency_admin), case_url(report), replica)
    assert copy == [] and _touches(primary, "reports_report")
    # Sessions and accounts stay on the primary even on a public page.
    primary, copy = _split(login(cast.agency_admin), "/laporan/", replica)
    assert _touches(primary, "django_session") and not _touches(copy, "django_session")


def test_settings_configure_the_pool_and_the_replica_from_the_environment():
    env = {
        **os.environ,
        "DATABASE_URL": "postgres://lapor@db-primary:5432/lapor",
        "DATABASE_REPLICA_URL": "postgres://lapor@db-replica:5432/lapor",
        "DB_POOL_MIN_SIZE": "2",
        "DB_POOL_MAX_SIZE": "8",
        "DJANGO_SETTINGS_MODULE": "lapor.settings",
    }
    code = (
        "import json; from django.conf import settings as s;"
        "print(json.dumps({a: {'host': d['HOST'], 'options': d.get('OPTIONS', {}),"
        " 'age': d['CONN_MAX_AGE']} for a, d in s.DATABASES.items()} | "
        "{'routers': s.DATABASE_ROUTERS}))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    )
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert got["default"]["host"] == "db-primary" and got["replica"]["host"] == "db-replica"
    for alias in ("default", "replica"):
        assert got[alias]["options"]["pool"] == {"min_size": 2, "max_size": 8, "timeout": 10.0}
        assert got[alias]["age"] == 0  # a pool requires persistent connections off
    assert got["routers"] == ["lapor.core.dbrouting.ReplicaRouter"]


@pytest.mark.django_db(transaction=True)
def test_the_pool_never_opens_more_than_its_size():
    """Six threads share a pool of two real connections: each query waits for a free one."""
    from django.db.backends.postgresql.base import DatabaseWrapper

    if connections["default"].vendor != "postgresql":
        pytest.skip("psycopg's pool is PostgreSQL only")
    pooled = {
        **connections["default"].settings_dict,
        "CONN_MAX_AGE": 0,
        "CONN_HEALTH_CHECKS": False,
        "OPTIONS": {"pool": {"min_size": 1, "max_size": 2, "timeout": 20}},
    }
    backends: list[str] = []

    def work() -> None:
        wrapper = DatabaseWrapper(pooled, alias="pooled")
        try:
            with wrapper.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid() FROM pg_sleep(0.2)")
                backends.append(cursor.fetchone()[0])
        finally:
            wrapper.close()  # returns the connection to the pool

    threads = [threading.Thread(target=work) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(backends) == 6
    assert len(set(backends)) <= 2, backends
    DatabaseWrapper(pooled, alias="pooled").close_pool()
