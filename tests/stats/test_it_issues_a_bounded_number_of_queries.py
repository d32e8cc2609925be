"""The pages read rollups only: the same number of queries for 5 reports as for 50."""

from __future__ import annotations

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from lapor.reports import case_actions as ca
from lapor.stats.rollup import refresh
from tests.cases.conftest import at, submit

pytestmark = pytest.mark.django_db

# Measured: see the final report / docs; the assertion is equality between sizes.
PAGES = [
    "/statistik/",
    "/statistik/?region=34.04",
    # Days at both edges: those are read from the facts (the breakdowns too).
    "/statistik/?region=34.04&from=2026-10-15&to=2026-11-20",
    "/statistik/instansi/",
    "/statistik/volume.csv",
]


def _load(n: int, cast, directory) -> None:
    with time_machine.travel(at(2026, 11, 2), tick=False):
        for i in range(n):
            r = submit(title=f"Laporan nomor {i}")
            if i % 2:
                ca.report_dispose(report=r, agency=directory.sleman_pupr, actor=cast.agency_admin)
    with time_machine.travel(at(2026, 11, 30), tick=False):
        refresh(full=True)


def _counts(directory) -> dict[str, int]:
    client = Client()
    out = {}
    for url in [*PAGES, f"/statistik/instansi/{directory.sleman_pupr.pk}/"]:
        client.get(url)  # warm up (translations, ...)
        cache.clear()  # then measure the worst case: the dashboard's own cache is empty
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        out[url] = len(ctx.captured_queries)
    return out


def test_query_counts_do_not_grow_with_the_data(cast, directory):
    _load(5, cast, directory)
    small = _counts(directory)
    _load(45, cast, directory)
    large = _counts(directory)
    assert small == large
    # A cached dashboard costs one query (the refresh stamp in the cache key).
    client = Client()
    client.get("/statistik/")
    with CaptureQueriesContext(connection) as ctx:
        client.get("/statistik/")
    assert len(ctx.captured_queries) == 1
    # 12, plus the breakdowns: the channel, kind and disability rollup rows (one query), and
    # the same three of the edge days' facts (no read of the identities).
    assert max(large.values()) <= 15, large
    print("query counts:", large)
