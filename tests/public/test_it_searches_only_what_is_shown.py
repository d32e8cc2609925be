"""The public search matches only what the public pages show: the published text with personal
data masked. The digits of a masked phone number or NIK, or the words of a masked e-mail
address, find nothing — in full text, in the typo correction and its vocabulary, on PostgreSQL
and SQLite; an admin's edit of the published text is indexed masked too; rows indexed before
masking are re-indexed by ``manage.py remask_reports``."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.urls import reverse

from lapor.public import vocabulary
from lapor.public.models import SearchWord
from lapor.reports import case_actions
from lapor.reports.models import Report
from tests.public.conftest import file_report

TITLE = "Lampu jalan mati di Kaliurang, hubungi 0812 3300 0011"
BODY = (
    "Lampu penerangan jalan mati sebulan. Telepon saya 0812-3300-0011, NIK 3404 0712 3456 "
    "0001, surel kartikawulandari@mailbox.id."
)
PROBES = [
    "3300 0011",
    "0812 3300",
    "3300",
    "0011",
    "3404 0712",
    "3456 0001",
    "0712",
    "kartikawulandari",
    "mailbox",
]


def finds(client, query: str, report: Report) -> bool:
    html = client.get(reverse("public:feed"), {"q": query}).content.decode()
    return f"/laporan/{report.tracking_id}/" in html


@pytest.fixture
def report(published):
    report = published(TITLE, BODY)
    vocabulary.refresh_words(full=True)
    return report


def test_masked_digits_and_addresses_find_nothing(client, report):
    assert finds(client, "lampu kaliurang", report)  # it is searchable
    assert finds(client, "disamarkan", report)  # the mask is shown, so it may be found
    for probe in PROBES:
        assert not finds(client, probe, report), probe


def test_the_typo_correction_knows_no_masked_word(client, report):
    words = set(SearchWord.objects.values_list("word", flat=True))
    assert {"lampu", "kaliurang", "penerangan"} <= words
    assert not {"kartikawulandari", "mailbox"} & words
    # A near miss of the masked word is not "corrected" towards it either.
    assert not finds(client, "kartikawulandary", report)


def test_an_edit_of_the_published_text_is_indexed_masked(client, cast, directory):
    report = file_report("Lampu jalan mati", "Lampu mati di Jalan Kaliurang.")
    case_actions.report_dispose(
        report=report,
        agency=directory.sleman_pupr,
        actor=cast.national_admin,
        title_published="Lampu jalan mati di Pogung",
        body_published="Lampu mati di Pogung. Kabari Pak RT di 0813-7711-2299.",
    )
    report.refresh_from_db()
    assert (
        report.body_masked == "Lampu mati di Pogung. Kabari Pak RT di [nomor telepon disamarkan]."
    )
    assert finds(client, "pogung", report)
    assert not finds(client, "7711 2299", report)


def test_rows_indexed_before_masking_are_reindexed_by_the_command(client, report):
    # As a row written before the masked columns existed (or by a raw SQL load).
    Report.objects.filter(pk=report.pk).update(title_masked=TITLE, body_masked=BODY)
    SearchWord.objects.create(word="kartikawulandari", reports=1)
    assert finds(client, "3300 0011", report)
    call_command("remask_reports")
    report.refresh_from_db()
    assert "3300" not in report.title_masked + report.body_masked
    assert not finds(client, "3300 0011", report)
    assert finds(client, "lampu kaliurang", report)
    assert not SearchWord.objects.filter(word="kartikawulandari").exists()
