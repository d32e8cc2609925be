"""The dashboard, league table and scorecards: public, in both languages, with their CSVs."""

from __future__ import annotations

import csv
import io
import re

import pytest
from django.test import Client

from lapor.stats.views import CHART_SLUGS

pytestmark = pytest.mark.django_db


def _pages(directory) -> list[str]:
    return [
        "/statistik/",
        "/statistik/?region=34",
        "/statistik/?region=34.04",
        "/statistik/?region=34.04.07&by=week&from=2026-11-01&to=2026-11-30",
        "/statistik/instansi/",
        "/statistik/instansi/?sort=bounce_rate&kind=regional_unit&province=34",
        f"/statistik/instansi/{directory.sleman_pupr.pk}/",
    ]


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_it_serves_every_page_to_anonymous_visitors(refreshed, directory, prefix):
    client = Client()
    for url in _pages(directory):
        response = client.get(prefix + url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert f'<html lang="{prefix[1:] or "id"}">' in html
    en = client.get("/en/statistik/").content.decode()
    assert "Followed up within 5 working days" in en
    assert 'role="img"' in en and "<title" in en and 'scope="col"' in en
    id_ = client.get("/statistik/").content.decode()
    assert "Ditindaklanjuti dalam 5 hari kerja" in id_ and "Laporan masuk per bulan" in id_


def test_it_drills_down_from_province_to_district(refreshed):
    html = Client().get("/en/statistik/").content.decode()
    assert "?region=34" in html and "Daerah Istimewa Yogyakarta" in html
    html = Client().get("/en/statistik/?region=34").content.decode()
    assert "?region=34.04" in html and "Kabupaten Sleman" in html
    html = Client().get("/en/statistik/?region=34.04").content.decode()
    assert "?region=34.04.07" in html and "Depok" in html


def test_it_sorts_and_pages_the_league_table(refreshed, directory):
    html = Client().get("/en/statistik/instansi/?sort=n").content.decode()
    order = [m for m in re.findall(r"/statistik/instansi/(\d+)/", html)]
    assert order[0] == str(directory.sleman_pupr.pk)
    assert "What the indicators mean" in html
    assert "66.7%" in html  # 2 of 3, rounded (not truncated to 66.6%)
    html = Client().get("/en/statistik/instansi/?sort=n&page=99").content.decode()
    assert "Agencies 1 to" in html  # out of range: the last page


def test_a_missing_agency_is_404(refreshed):
    assert Client().get("/statistik/instansi/999999/").status_code == 404
    assert Client().get("/statistik/nothing.csv").status_code == 404


def _table_rows(html: str, slug: str) -> list[list[str]]:
    section = html.split(f'id="chart-{slug}"', 1)[1].split("</section>", 1)[0]
    body = section.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    rows = []
    for tr in re.findall(r"<tr>(.*?)</tr>", body, flags=re.S):
        cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", tr, flags=re.S)
        rows.append([re.sub(r"<[^>]+>", "", c).strip() for c in cells])
    return rows


@pytest.mark.parametrize("query", ["", "?region=34.04"])
def test_each_csv_matches_its_table(refreshed, query):
    import html as htmlmod

    client = Client()
    page = htmlmod.unescape(client.get("/en/statistik/" + query).content.decode())
    for slug in CHART_SLUGS:
        if f'id="chart-{slug}"' not in page:
            continue
        response = client.get(f"/en/statistik/{slug}.csv{query}")
        assert response["Content-Type"].startswith("text/csv")
        rows = list(csv.reader(io.StringIO(response.content.decode())))
        assert rows[1:] == _table_rows(page, slug), slug
        # The ?format=csv form gives the same file.
        sep = "&" if query else "?"
        same = client.get(f"/en/statistik/{query}{sep}format=csv&chart={slug}")
        assert same.content == response.content


def test_scorecard_csv_matches_its_table(refreshed, directory):
    import html as htmlmod

    client = Client()
    url = f"/en/statistik/instansi/{directory.sleman_pupr.pk}/"
    page = htmlmod.unescape(client.get(url).content.decode())
    for slug in ("time-to-resolve", "first-follow-up", "ratings"):
        rows = list(
            csv.reader(io.StringIO(client.get(f"{url}?format=csv&chart={slug}").content.decode()))
        )
        assert rows[1:] == _table_rows(page, slug)
