"""Misspelled words are corrected against the vocabulary of published words, then searched
with full text (lapor.public.vocabulary): on PostgreSQL without the trigram scan of every
title, on SQLite as alternatives of the word scan. Both databases."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from lapor.public import vocabulary
from lapor.public.models import SearchWord
from lapor.reports.models import ReportEvent
from tests.public.conftest import file_report

# As many as any feed search (tests/public/test_it_bounds_queries.py): on PostgreSQL the
# correction is one query for all words and the corrected search one more, whatever the data.
TYPO_MAX = 8


@pytest.fixture
def corpus(published):
    reports = {
        "school": published(
            "Atap sekolah bocor saat hujan",
            "Ruang kelas SD Negeri 3 bocor, murid belajar di lorong sekolah.",
        ),
        "damaged": published(
            "Jalan rusak parah menuju pasar",
            "Aspal mengelupas dan jalan rusak sepanjang 500 meter.",
        ),
        "water": published(
            "Air PDAM tidak mengalir tiga hari",
            "Warga kesulitan air bersih, mohon PDAM segera memperbaiki pipa.",
        ),
    }
    vocabulary.refresh_words(full=True)
    return reports


def titles(client, q):
    with CaptureQueriesContext(connection) as queries:
        html = client.get(reverse("public:feed"), {"q": q}).content.decode()
    return html, [query["sql"] for query in queries.captured_queries]


def test_it_builds_the_vocabulary_from_public_words(corpus):
    file_report("Rahasia pribadi", "Laporan belum diverifikasi tentang tetangga.")
    vocabulary.refresh_words(full=True)
    words = set(SearchWord.objects.values_list("word", flat=True))
    assert {"sekolah", "mengelupas", "pdam", "kesulitan"} <= words
    assert "rahasia" not in words and "tetangga" not in words  # not public
    assert "di" not in words and "500" not in words  # too short, not a word
    assert SearchWord.objects.get(word="bocor").reports == 1


def test_it_corrects_only_unknown_words(corpus):
    fixes = vocabulary.corrections(["sekola", "rusak", "mengelupaz", "zzzzqx", "jl"])
    assert fixes == {"sekola": ["sekolah"], "mengelupaz": ["mengelupas"], "zzzzqx": []}


def test_it_finds_a_misspelled_body_word(client, corpus):
    # "mengelupaz" is in no title (the trigram fallback reads titles only) and no stem of it
    # is in any text: only the correction to "mengelupas" finds the report.
    html, _sql = titles(client, "aspal mengelupaz")
    assert corpus["damaged"].title_published in html
    assert corpus["school"].title_published not in html


def test_it_finds_a_misspelled_title_word_without_the_trigram_scan(client, corpus):
    html, sql = titles(client, "sekola bocor")
    assert corpus["school"].title_published in html
    assert corpus["damaged"].title_published not in html
    assert not any("<%" in q for q in sql)


def test_it_adds_the_words_of_newly_published_reports(corpus, published):
    published("Pohon tumbang menutup jembatan", "Batang pohon besar melintang.")
    assert vocabulary.corrections(["jembatn"])["jembatn"] == []
    assert vocabulary.refresh_words() >= 1  # incremental: the new report's words
    assert vocabulary.corrections(["jembatn"]) == {"jembatn": ["jembatan"]}
    # Reports whose last event is older than the window are not read again.
    ReportEvent.objects.update(at=timezone.now() - vocabulary.WINDOW - dt.timedelta(minutes=1))
    SearchWord.objects.filter(word="jembatan").delete()
    vocabulary.refresh_words()
    assert not SearchWord.objects.filter(word="jembatan").exists()
    vocabulary.refresh_words(full=True)
    assert SearchWord.objects.filter(word="jembatan").exists()


@pytest.mark.parametrize("n", [3, 30])
def test_it_bounds_the_queries_of_a_misspelled_search(
    client, published, n, django_assert_max_num_queries
):
    for i in range(n):
        published(f"Sekolah rusak nomor {i}", "Atap sekolah bocor.")
    vocabulary.refresh_words(full=True)
    with django_assert_max_num_queries(TYPO_MAX):
        response = client.get(reverse("public:feed"), {"q": "sekola rusak"})
    assert response.status_code == 200
    assert "Sekolah rusak nomor" in response.content.decode()
