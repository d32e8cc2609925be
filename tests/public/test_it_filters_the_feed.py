"""Filters: region drill-down (GET, no JavaScript), agency, category, kind, status, dates;
pagination of 20."""

from __future__ import annotations

import datetime as dt

import time_machine
from django.urls import reverse

from lapor.reports import case_actions


def _html(client, **params):
    return client.get(reverse("public:feed"), params).content.decode()


def test_it_drills_down_by_region(client, published, directory):
    sleman = published("Jalan rusak di Caturtunggal")
    berbah = published("Drainase mampet di Berbah", region="34.04.08")
    semarang = published(
        "Lampu mati di Miroto", region="33.74.01.1001", agency=directory.semarang_pupr
    )
    html = _html(client, province="34")
    assert sleman.title_published in html and berbah.title_published in html
    assert semarang.title_published not in html
    # The regency list of the picked province is offered (drill-down without JavaScript).
    assert 'value="34.04"' in html and 'value="33.74"' not in html
    html = _html(client, province="34", regency="34.04", district="34.04.08")
    assert berbah.title_published in html
    assert sleman.title_published not in html
    # A district outside the picked regency is ignored, not an error.
    html = _html(client, province="33", regency="33.74", district="34.04.08")
    assert semarang.title_published in html and berbah.title_published not in html


def test_it_filters_by_agency_category_kind_and_status(client, cast, published, directory):
    road = published("Jalan berlubang parah")
    case_actions.report_edit_publication  # noqa: B018 (the category is set at disposition)
    aspiration = published("Usul taman kota", kind="aspiration")
    semarang = published(
        "Trotoar rusak Semarang", region="33.74.01.1001", agency=directory.semarang_pupr
    )
    case_actions.report_follow_up(report=road, message="Sudah ditambal.", actor=cast.officer_a)
    html = _html(client, agency=directory.semarang_pupr.pk)
    assert semarang.title_published in html and road.title_published not in html
    html = _html(client, kind="aspiration")
    assert aspiration.title_published in html and road.title_published not in html
    html = _html(client, status="followed_up")
    assert road.title_published in html and aspiration.title_published not in html
    html = _html(client, status="open")
    assert aspiration.title_published in html and road.title_published not in html


def test_it_filters_by_category(client, cast, directory):
    from tests.public.conftest import file_report

    report = file_report("Lubang di jalan desa")
    case_actions.report_dispose(
        report=report,
        agency=directory.sleman_pupr,
        actor=cast.national_admin,
        category=directory.category_road,
    )
    other = file_report("Tanpa kategori")
    case_actions.report_dispose(
        report=other, agency=directory.sleman_pupr, actor=cast.national_admin
    )
    # The top-level topic includes its sub-topics.
    html = _html(client, category=directory.category_road.parent_id)
    assert report.title_published in html and other.title_published not in html


def test_it_filters_by_date_range(client, published):
    with time_machine.travel(dt.datetime(2026, 1, 5, 3, tzinfo=dt.UTC), tick=False):
        old = published("Laporan Januari")
    with time_machine.travel(dt.datetime(2026, 3, 5, 3, tzinfo=dt.UTC), tick=False):
        new = published("Laporan Maret")
    html = _html(client, date_from="2026-03-01")
    assert new.title_published in html and old.title_published not in html
    html = _html(client, date_to="2026-01-31")
    assert old.title_published in html and new.title_published not in html
    # A malformed date is dropped, the page still works.
    assert client.get(reverse("public:feed"), {"date_from": "kemarin"}).status_code == 200


def test_it_paginates_by_twenty(client, published):
    reports = [published(f"Laporan nomor {i:02d}") for i in range(21)]
    first = _html(client)
    assert reports[-1].title_published in first
    assert reports[0].title_published not in first
    assert "halaman=2" in first
    second = _html(client, halaman=2)
    assert reports[0].title_published in second
    assert client.get(reverse("public:feed"), {"halaman": "x"}).status_code == 200
