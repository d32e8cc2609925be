"""Full-text search of public reports, in Indonesian.

Only what the public reads is searched: the published title and body **with personal data
masked** (``Report.title_masked`` / ``body_masked``, kept by ``Report.save()``), never the text
before masking. A search for a NIK, a phone number or the digits of one finds nothing, because
those digits are not in any indexed text.

PostgreSQL (the production database):
- ``search_vector`` is a stored generated tsvector of the masked title (weight A) and body
  (weight B) with the ``indonesian`` snowball configuration, GIN-indexed (migration
  reports/0006, which replaced the vector of reports/0004 over the unmasked text). The
  snowball stemmer over-stems (``sekolah`` → ``seko``), but it does so identically for
  documents and queries, so recall is right; the cost is an occasional false friend, which the
  ranking pushes down.
- Typos and informal spelling: when full text finds nothing, each query word missing from the
  vocabulary of published words (lapor.public.vocabulary) is corrected to its closest words
  there (``sekola`` → ``sekolah``, ``berlobang`` → ``berlubang``) and full text is asked again
  with them. Only if that finds nothing either, a trigram GIN index on the masked title is
  queried with the word-similarity operator ``<%`` (words newer than the vocabulary). Common
  chat abbreviations (``jln``, ``sklh``, ``gak``) are expanded before anything is asked.
- Rank: ``ts_rank`` on the stored vector (title words weigh more), newest first among equals;
  for fuzzy matches, the title's word similarity. Full text is asked first and trigrams only
  when it finds nothing (a common word must not pay for a fuzzy scan), and relevance is
  computed over the newest ``CANDIDATES`` matches (see below), which keeps a search under a
  few tens of milliseconds at a million reports (docs/performance.md).

SQLite (the embedded default): every word must appear in the masked title or body, as
typed, as its PySastrawi stem (``berlubang`` → ``lubang``) or, for a word missing from the
vocabulary, as one of its corrections; title matches first. It scans,
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

from lapor.public import vocabulary
from lapor.reports.models import Report
from lapor.reports.scrub import LONG_NUMBER, without_personal_data

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


def query_words(query: str) -> list[str]:
    """The lower-cased words of ``query`` with what looks like personal data (a NIK, a phone
    number, an e-mail address) and long numbers dropped (``scrub.without_personal_data``, as
    the similar-reports lookup does): the index holds only masked text, so they could match
    nothing personal, but a query made of them is a probe, not a search."""
    text = without_personal_data((query or "")[:MAX_QUERY_LENGTH])
    return [w for w in _WORD.findall(text.lower()) if not LONG_NUMBER.match(w)]


def normalise(query: str) -> str:
    """Lower-cased words of ``query`` with abbreviations expanded; punctuation, personal data
    (NIK, phone numbers, e-mail addresses) and long numbers dropped."""
    return " ".join(ABBREVIATIONS.get(w, w) for w in query_words(query))


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
        # Something was typed but nothing searchable is left (only personal data or long
        # numbers): no results, rather than the whole feed looking like matches.
        return qs.none() if (query or "").strip() else qs
    if connection.vendor == "postgresql":
        return _search_postgresql(qs, text)
    return _search_fallback(qs, text)


# The expressions below must stay identical to those indexed in reports/0006. The query text
# is always a bound parameter (S611 is about interpolated SQL; there is none). Columns are
# unqualified on purpose: inside the candidates subquery Django aliases the table (U0), and a
# qualified name would silently correlate to the outer query.
_FTS_MATCH = "search_vector @@ websearch_to_tsquery('indonesian'::regconfig, %s)"
_FTS_RANK = "ts_rank(search_vector, websearch_to_tsquery('indonesian'::regconfig, %s))"
_TRGM_MATCH = "%s <%% title_masked"
_TRGM_RANK = "word_similarity(%s, title_masked)"

# Relevance is computed over the newest CANDIDATES matches only. Ranking reads every match's
# vector: for a word in one report out of six ("jalan"), that is ~170,000 rows at a million
# reports and most of a second; the newest 200 are read and ranked in a few milliseconds (1,000
# cost ~100 ms on a cold cache). Older matches stay reachable with the date filters.
CANDIDATES = 200


def _search_postgresql(qs: QuerySet[Report], text: str) -> QuerySet[Report]:
    """Full text first; then full text with misspelled words corrected against the
    vocabulary; trigrams over the titles only when both find nothing. A common word never
    pays for a correction, and a typo of a known word never pays for a fuzzy scan of the
    titles (every title close to any query word: ~350 ms at a million reports).

    The candidates are fetched as ids (one query), not probed with ``exists()``: PostgreSQL
    plans ``LIMIT 1`` over words it has no statistics for as a scan of the whole table hoping
    for an early hit (0.8 s at a million reports when nothing matches); for ``LIMIT 200`` it
    reads the GIN index."""
    newest = ("-created_at", "-id")

    def candidates(sql: str, params: list[str]) -> list[int]:
        match = RawSQL(sql, params, output_field=BooleanField())  # noqa: S611
        return list(qs.filter(match).order_by(*newest).values_list("pk", flat=True)[:CANDIDATES])

    rank_sql, rank_params = _FTS_RANK, [text]
    ids = candidates(_FTS_MATCH, [text])
    if not ids:
        corrected = _corrected_tsquery(text)
        if corrected is not None:
            tsquery, params = corrected
            ids = candidates(f"search_vector @@ ({tsquery})", params)
            rank_sql, rank_params = f"ts_rank(search_vector, ({tsquery}))", params
    if not ids:
        ids = candidates(_TRGM_MATCH, [text])
        rank_sql, rank_params = _TRGM_RANK, [text]
    return (
        Report.objects.filter(pk__in=ids)
        .annotate(rank=RawSQL(rank_sql, rank_params, output_field=FloatField()))  # noqa: S611
        .order_by("-rank", "-created_at", "-id")
    )


_WORD_TSQUERY = "plainto_tsquery('indonesian'::regconfig, %s)"


def _corrected_tsquery(text: str) -> tuple[str, list[str]] | None:
    """A tsquery of ``text`` with each misspelled word replaced by its corrections (any of
    them may match) — as SQL and its parameters — or ``None`` when no word was corrected.
    Every word is a bound parameter."""
    words = text.split()
    fixes = vocabulary.corrections(words)
    if not any(fixes.values()):
        return None
    parts, params = [], []
    for word in words:
        forms = fixes.get(word) or [word]
        parts.append("(" + " || ".join([_WORD_TSQUERY] * len(forms)) + ")")
        params.extend(forms)
    return " && ".join(parts), params


def _search_fallback(qs: QuerySet[Report], text: str) -> QuerySet[Report]:
    words = [w for w in text.split() if len(w) > 1][:8] or text.split()[:1]
    fixes = vocabulary.corrections(words)
    condition = Q()
    title_hits = Q()
    for word in words:
        forms = {word, stem(word)} - {""}
        for fix in fixes.get(word, []):
            forms |= {fix, stem(fix)} - {""}
        any_form = Q()
        in_title = Q()
        for form in forms:
            any_form |= Q(title_masked__icontains=form) | Q(body_masked__icontains=form)
            in_title |= Q(title_masked__icontains=form)
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
