"""Full-text search of public reports, in Indonesian.

PostgreSQL (the production database):
- ``reports_report.search_vector`` is a stored generated tsvector of the published title
  (weight A) and body (weight B) with the ``indonesian`` snowball configuration, GIN-indexed
  (migration reports/0004). The snowball stemmer over-stems (``sekolah`` → ``seko``), but it
  does so identically for documents and queries, so recall is right; the cost is an occasional
  false friend, which the ranking pushes down.
- Typos and informal spelling: a trigram GIN index on the published title, queried with the
  word-similarity operator ``<%`` (``sekola`` finds "sekolah", ``jalan berlobang`` finds
  "jalan berlubang"). Common chat abbreviations (``jln``, ``sklh``, ``gak``) are expanded before
  either is asked.
- Rank: ``ts_rank_cd`` on the stored vector (title words count more) plus the title's word
  similarity, newest first among equals. The two conditions are ORed so PostgreSQL combines
  both GIN indexes in one bitmap scan.

SQLite (the embedded default): every word must appear in the published title or body, as
typed or as its PySastrawi stem (``berlubang`` → ``lubang``); title matches first. It scans,
which is fine at the sizes SQLite is used for.
"""

from __future__ import annotations

import re
from functools import lru_cache

from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    FloatField,
    IntegerField,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.expressions import RawSQL

from lapor.reports.models import Report

MAX_QUERY_LENGTH = 200

# Informal spellings and abbreviations common in reports and chat (normalised before search).
ABBREVIATIONS = {
    "jln": "jalan",
    "jl": "jalan",
    "sklh": "sekolah",
    "skolah": "sekolah",
    "yg": "yang",
    "dgn": "dengan",
    "tdk": "tidak",
    "gak": "tidak",
    "ga": "tidak",
    "nggak": "tidak",
    "engga": "tidak",
    "blm": "belum",
    "sdh": "sudah",
    "udah": "sudah",
    "dr": "dari",
    "utk": "untuk",
    "krn": "karena",
    "kab": "kabupaten",
    "kec": "kecamatan",
    "kel": "kelurahan",
    "pdam": "pdam",
    "rs": "rumah sakit",
    "rsud": "rsud",
    "lampu jalan": "lampu jalan",
}

_WORD = re.compile(r"[\w]+", re.UNICODE)


def normalise(query: str) -> str:
    """Lower-cased words of ``query`` with abbreviations expanded; punctuation dropped."""
    words = _WORD.findall((query or "")[:MAX_QUERY_LENGTH].lower())
    return " ".join(ABBREVIATIONS.get(w, w) for w in words)


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


@lru_cache(maxsize=4096)
def stem(word: str) -> str:
    return str(_stemmer().stem(word))


def search(qs: QuerySet[Report], query: str) -> QuerySet[Report]:
    """``qs`` narrowed to reports matching ``query`` and ordered by relevance."""
    text = normalise(query)
    if not text:
        return qs
    if connection.vendor == "postgresql":
        return _search_postgresql(qs, text)
    return _search_fallback(qs, text)


# The expressions below must stay identical to those indexed in reports/0004. The query text
# is always a bound parameter (S611 is about interpolated SQL; there is none).
_MATCH_SQL = (
    "(reports_report.search_vector @@ websearch_to_tsquery('indonesian'::regconfig, %s)"
    " OR %s <%% reports_report.title_published)"
)
_RANK_SQL = (
    "(ts_rank_cd(reports_report.search_vector, websearch_to_tsquery('indonesian'::regconfig, %s))"
    " + word_similarity(%s, reports_report.title_published))"
)


def _search_postgresql(qs: QuerySet[Report], text: str) -> QuerySet[Report]:
    return (
        qs.filter(RawSQL(_MATCH_SQL, (text, text), output_field=BooleanField()))  # noqa: S611
        .annotate(rank=RawSQL(_RANK_SQL, (text, text), output_field=FloatField()))  # noqa: S611
        .order_by("-rank", "-created_at", "-id")
    )


def _search_fallback(qs: QuerySet[Report], text: str) -> QuerySet[Report]:
    words = [w for w in text.split() if len(w) > 1][:8] or text.split()[:1]
    condition = Q()
    title_hits = Q()
    for word in words:
        forms = {word, stem(word)} - {""}
        any_form = Q()
        in_title = Q()
        for form in forms:
            any_form |= Q(title_published__icontains=form) | Q(body_published__icontains=form)
            in_title |= Q(title_published__icontains=form)
        condition &= any_form
        title_hits &= in_title
    return (
        qs.filter(condition)
        .annotate(
            rank=Case(
                When(title_hits, then=Value(1)), default=Value(0), output_field=IntegerField()
            )
        )
        .order_by("-rank", "-created_at", "-id")
    )
