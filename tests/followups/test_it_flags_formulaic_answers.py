"""Issue 17, item 2: formulaic answers are visible. A follow-up nearly the same as many of the
agency's earlier answers to other reports (after removing names, numbers and dates) is flagged
to the agency admin and the supervisor, holds the automatic closure until reviewed, and its
share is an indicator on the agency's public scorecard."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from lapor.reports import case_actions as ca
from lapor.reports import formulaic
from lapor.reports.models import EvidenceFlag, Report, Status
from lapor.reports.sweep import sweep
from lapor.stats.rollup import refresh
from tests.cases.conftest import submit
from tests.console.conftest import case_url, login, supervisor  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db

TEMPLATE = (
    "Terima kasih atas laporan Bapak {name}. Laporan nomor {number} sudah kami terima pada "
    "tanggal {day} {month} 2026 dan akan segera kami tindak lanjuti sesuai ketentuan yang "
    "berlaku. Mohon kesediaan Bapak untuk menunggu informasi selanjutnya dari kami."
)
PEOPLE = [
    ("Wiryo", "0042", 3, "Januari"),
    ("Sukardi", "1187", 14, "Februari"),
    ("Harjono", "2290", 2, "Maret"),
    ("Slamet", "3301", 21, "April"),
]


def _answer(cast, directory, text: str) -> Report:  # type: ignore[no-untyped-def]
    report = submit(title=f"Jalan rusak {text[:30]}")
    ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.agency_admin)
    ca.report_follow_up(report=report, message=text, actor=cast.officer_a)
    return Report.objects.get(pk=report.pk)


def test_names_numbers_and_dates_do_not_make_an_answer_new():
    a = TEMPLATE.format(name="Wiryo", number="0042", day=3, month="Januari")
    b = TEMPLATE.format(name="Sukardi", number="1187", day=14, month="Februari")
    assert "wiryo" not in formulaic.words(a) and "januari" not in formulaic.words(a)
    assert formulaic.similarity(formulaic.shingles(a), formulaic.shingles(b)) == 1.0
    specific = (
        "Tim Dinas PUPR sudah menambal lubang di depan SD Negeri Caturtunggal pada hari Senin "
        "dengan aspal dingin; drainase di sisi timur juga dibersihkan agar air tidak menggenang."
    )
    assert formulaic.similarity(formulaic.shingles(a), formulaic.shingles(specific)) < 0.2


def test_a_formulaic_answer_is_flagged_and_holds_the_closure(cast, directory, supervisor):  # noqa: F811
    for name, number, day, month in PEOPLE[:3]:
        report = _answer(
            cast, directory, TEMPLATE.format(name=name, number=number, day=day, month=month)
        )
        assert not EvidenceFlag.objects.filter(report=report).exists()
    name, number, day, month = PEOPLE[3]
    fourth = _answer(
        cast, directory, TEMPLATE.format(name=name, number=number, day=day, month=month)
    )
    flag = EvidenceFlag.objects.get(report=fourth)
    assert flag.reason == EvidenceFlag.Reason.FORMULAIC and flag.similar == 3
    # A real answer to another report is not flagged.
    real = _answer(
        cast,
        directory,
        "Tim Dinas PUPR sudah menambal lubang di depan SD Negeri Caturtunggal pada hari Senin "
        "dengan aspal dingin; drainase di sisi timur juga dibersihkan agar air tidak menggenang.",
    )
    assert not EvidenceFlag.objects.filter(report=real).exists()

    # The agency admin and the supervisor see it on the case page.
    for user in (cast.agency_admin, supervisor):
        page = login(user).get(case_url(fourth, lang="en")).content.decode()
        assert 'id="evidence-flags"' in page and "3 earlier answers" in page
    assert "tinjau-jawaban" not in login(supervisor).get(case_url(fourth)).content.decode()
    assert "tinjau-jawaban" not in login(cast.officer_a).get(case_url(fourth)).content.decode()

    # Ten working days without a reply: the others close by themselves, the flagged one waits.
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=40)
    sweep(later)
    assert Report.objects.get(pk=real.pk).status == Status.CLOSED_BY_SYSTEM
    assert Report.objects.get(pk=fourth.pk).status == Status.FOLLOWED_UP
    # An officer cannot review it; the agency admin can, and then the sweep closes it.
    assert login(cast.officer_a).post(case_url(fourth, "tinjau-jawaban"), {}).status_code == 404
    assert login(cast.agency_admin).post(case_url(fourth, "tinjau-jawaban"), {}).status_code == 302
    assert EvidenceFlag.objects.get(report=fourth).reviewed_by == cast.agency_admin
    sweep(later)
    assert Report.objects.get(pk=fourth.pk).status == Status.CLOSED_BY_SYSTEM

    # The public scorecard: 1 formulaic answer of 5 follow-ups, with its definition.
    refresh()
    card = Client().get(f"/en/statistik/instansi/{directory.sleman_pupr.pk}/").content.decode()
    assert "Formulaic answers" in card and "1 / 5 (20%)" in card
    assert "three-word sequences" in card
