"""What a desk filing and a channel-filtered queue cost: a fixed number of queries, whatever
the number of reports already filed or listed (ARCHITECTURE.md §9). The figures are printed."""

from __future__ import annotations

import time

from django.db import connection
from django.test.utils import CaptureQueriesContext

from lapor.regions.selectors import forget_chains
from lapor.reports.models import Report
from tests.console.conftest import file_report
from tests.desk.conftest import DESK_URL, desk_post, login
from tests.helpers import jpeg_with_gps

MAX_FILING_QUERIES = 60
MAX_QUEUE_QUERIES = 16


def _file(client, **kw) -> tuple[int, float]:
    # Each measured filing as the first of its place in this process: the region chain is
    # read, not taken from the process's cache (lapor.regions.selectors).
    forget_chains()
    with CaptureQueriesContext(connection) as ctx:
        started = time.perf_counter()
        response = client.post(DESK_URL, desk_post(**kw))
        elapsed = time.perf_counter() - started
    assert response.status_code == 302
    return len(ctx.captured_queries), elapsed


def _queue(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_filing_and_filtered_queues_cost_a_fixed_number_of_queries(cast, capsys):
    client = login(cast.agency_admin)
    first, _t = _file(client, attachments=[jpeg_with_gps("ktp.jpg")])
    url = "/konsol/antrean/verifikasi/?saluran=desk"
    small = _queue(client, url)
    for i in range(30):
        file_report(title=f"Laporan web nomor {i} tentang jalan")
    for i in range(10):
        _file(client, title=f"Laporan loket nomor {i} tentang jalan")
    later, elapsed = _file(client, attachments=[jpeg_with_gps("ktp.jpg")])
    large = _queue(client, url)
    assert Report.objects.filter(channel="desk").count() == 12
    assert later == first <= MAX_FILING_QUERIES
    assert large == small <= MAX_QUEUE_QUERIES
    with capsys.disabled():
        print(
            f"\n[desk] filing with one photo: {later} queries, {elapsed * 1000:.0f} ms "
            f"(test client, SQLite/PostgreSQL per DATABASE_URL); "
            f"verification queue filtered to the walk-in desk: {large} queries for 1 and 12 rows"
        )
