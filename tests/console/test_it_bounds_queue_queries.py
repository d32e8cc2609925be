"""Queue pages cost the same number of queries for 5 reports as for 60 (ARCHITECTURE.md §9).

Reports are spread over three regencies, with admin-added days off, so that the per-region
working-day calendars are exercised too.
"""

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lapor.core.models import CalendarDay
from lapor.reports import case_actions as ca
from tests.cases.conftest import at
from tests.console.conftest import SEMARANG_VILLAGE, SLEMAN_VILLAGE, file_report, login

pytestmark = pytest.mark.django_db

REGIONS = [SLEMAN_VILLAGE, SEMARANG_VILLAGE, "34.04.08"]
MAX_QUERIES = 16


def _add(n: int, start: int, cast, directory) -> None:
    """n reports over three places; in Sleman a third each waiting, dispositioned, postponed."""
    for i in range(start, start + n):
        region = REGIONS[(i // 3) % len(REGIONS)]
        report = file_report(region, title=f"Laporan nomor {i} tentang jalan")
        if region == SEMARANG_VILLAGE:
            continue
        if i % 3 == 1:
            ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.agency_admin)
        elif i % 3 == 2:
            ca.report_postpone(report=report, message="Mohon lengkapi.", actor=cast.agency_admin)


def _count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


PAGES = [
    ("agency_admin", "/konsol/antrean/verifikasi/"),
    ("national_admin", "/konsol/antrean/verifikasi/"),
    ("officer_a", "/konsol/antrean/tindak-lanjut/"),
    ("agency_admin", "/konsol/antrean/menunggu-pelapor/"),
    ("national_admin", "/konsol/antrean/terlambat/"),
    ("officer_a", "/konsol/antrean/terlambat/"),
    ("supervisor", "/konsol/antrean/semua/"),
    ("agency_admin", "/konsol/antrean/semua/"),
    ("national_admin", "/konsol/"),
    ("officer_a", "/konsol/"),
]


def test_queue_pages_issue_a_bounded_number_of_queries(cast, directory, supervisor, capsys):
    users = {
        "agency_admin": cast.agency_admin,
        "national_admin": cast.national_admin,
        "officer_a": cast.officer_a,
        "supervisor": supervisor,
    }
    CalendarDay.objects.create(date=dt.date(2026, 11, 20), name="Hari jadi", region_code="34.04")
    CalendarDay.objects.create(date=dt.date(2026, 11, 19), name="Libur Jateng", region_code="33")
    with time_machine.travel(at(2026, 11, 2), tick=False):
        _add(5, 0, cast, directory)
    counts: dict[tuple[str, str], list[int]] = {}
    rows: dict[tuple[str, str], list[int]] = {}
    for size in (5, 60):
        if size == 60:
            with time_machine.travel(at(2026, 11, 2), tick=False):
                _add(55, 5, cast, directory)
        # Late enough that every running deadline has passed: the overdue queue fills too.
        with time_machine.travel(at(2027, 1, 20), tick=False):
            for role, url in PAGES:
                client = login(users[role])
                client.get(url)  # warm up (session, language)
                counts.setdefault((role, url), []).append(_count(client, url))
                listed = client.get(url).content.decode().count('scope="row"')
                rows.setdefault((role, url), []).append(listed)
    for key, (few, many) in rows.items():
        if "antrean" in key[1]:
            assert 0 < few < many, f"{key}: {few} rows, then {many}"
    with capsys.disabled():
        print("\nqueries per page (5 reports → 60 reports):")
        for (role, url), (few, many) in counts.items():
            print(f"  {role:15} {url:36} {few:3} → {many:3}")
    for key, (few, many) in counts.items():
        assert few == many, f"{key}: {few} queries for 5 reports, {many} for 60"
        assert many <= MAX_QUERIES, f"{key}: {many} queries"


def test_the_second_page_costs_the_same(cast, directory, supervisor, django_assert_max_num_queries):
    with time_machine.travel(at(2026, 11, 2), tick=False):
        _add(60, 0, cast, directory)
        client = login(cast.national_admin)
        client.get("/konsol/antrean/semua/")
        with django_assert_max_num_queries(MAX_QUERIES):
            page = client.get("/konsol/antrean/semua/?halaman=2")
    html = page.content.decode()
    assert "page 2 of 2" in html or "halaman 2 dari 2" in html.lower() or "2 of 2" in html
