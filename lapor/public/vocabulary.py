"""The search vocabulary: the words of publicly visible reports, for correcting typos.

A misspelled word (``sekola``) is replaced by its closest words in the vocabulary
(``sekolah``) by trigram similarity, and the search runs full text with the corrected words
(lapor.public.search). That reads a table of distinct words — tens of thousands of rows, a
trigram GIN index (migration public/0002) answering "the nearest words" in a few
milliseconds — instead of every report title close to any query word (docs/performance.md).

The vocabulary holds the words (3 to 40 letters a–z) of the published title and body, **with
personal data masked** (``title_masked`` / ``body_masked``: the local part of an e-mail address
is never a word here), of the reports ``public_reports()`` returns, with the number of such
reports holding each word. It is kept by the worker (``refresh_words``, scheduled in
lapor.notifications.schedule: new words every 5 minutes, a full rebuild nightly). A word of a
report published since the last run is not corrected towards yet; such a search falls back to
the trigram query over the titles, as before. Similarity is pg_trgm's (the same formula in
Python on SQLite): shared trigrams of the padded words over all their trigrams.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable

from django.db import connection, transaction
from django.db.models import QuerySet
from django.db.models.functions import Length
from django.utils import timezone

from lapor.public.models import SearchWord
from lapor.reports.models import Report, ReportEvent
from lapor.reports.selectors import public_reports

MIN_LENGTH, MAX_LENGTH = 3, 40
# Only words this long are corrected: shorter ones have too many near neighbours.
CORRECT_FROM = 4
# A correction must be at least this similar (pg_trgm's default threshold is 0.3); the
# alternatives kept are those within SPREAD of the best, at most ALTERNATIVES of them.
THRESHOLD = 0.4
SPREAD = 0.1
ALTERNATIVES = 3
# At most this many words of one query are looked up (a query is up to 200 characters).
MAX_WORDS = 8
# An incremental refresh reads the reports with an event this recent (it runs every 5 minutes;
# the overlap covers a late or missed run, the nightly rebuild anything longer).
WINDOW = dt.timedelta(hours=1)

_WORD = re.compile(r"[a-z]+")
_TABLE = SearchWord._meta.db_table


def refresh_words(*, full: bool = False, now: dt.datetime | None = None) -> int:
    """Bring the vocabulary up to date; return the number of words written.

    Incremental (the worker, every few minutes): the words of publicly visible reports with an
    event in the last ``WINDOW`` (published, edited, …) are added; counts are not touched.
    Full (nightly, or when the vocabulary is empty): rebuilt from every publicly visible report,
    which also drops the words of reports no longer public (~55 s at a million reports)."""
    now = now or timezone.now()
    reports = public_reports().order_by()
    with transaction.atomic():
        if full or not SearchWord.objects.exists():
            SearchWord.objects.all().delete()
        else:
            recent = ReportEvent.objects.filter(at__gte=now - WINDOW).values("report_id")
            reports = reports.filter(pk__in=recent)
        if connection.vendor == "postgresql":
            return _insert_postgresql(reports)
        return _insert_python(reports)


def _insert_postgresql(reports: QuerySet[Report]) -> int:
    sql, params = reports.values("title_masked", "body_masked").query.sql_with_params()
    with connection.cursor() as cursor:
        # Each report's distinct words ('simple': lower-cased, unstemmed), counted per word.
        cursor.execute(
            f"""INSERT INTO {_TABLE} (word, reports)
                SELECT w, count(*) FROM (
                  SELECT unnest(tsvector_to_array(to_tsvector('simple'::regconfig,
                           r.title_masked || ' ' || r.body_masked))) AS w
                  FROM ({sql}) r
                ) words
                WHERE w ~ '^[a-z]{{{MIN_LENGTH},{MAX_LENGTH}}}$'
                GROUP BY w
                ON CONFLICT (word) DO NOTHING""",  # noqa: S608 - compiled queryset, values bound
            params,
        )
        count = cursor.rowcount
        if count:
            cursor.execute(f"ANALYZE {_TABLE}")
    return count


def _insert_python(reports: QuerySet[Report]) -> int:
    counts: Counter[str] = Counter()
    rows = reports.values_list("title_masked", "body_masked")
    for title, body in rows.iterator(chunk_size=2000):
        counts.update(set(words_of(f"{title} {body}")))
    known = set(SearchWord.objects.filter(word__in=list(counts)).values_list("word", flat=True))
    SearchWord.objects.bulk_create(
        (SearchWord(word=w, reports=n) for w, n in counts.items() if w not in known),
        batch_size=1000,
    )
    return len(counts.keys() - known)


def words_of(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if MIN_LENGTH <= len(w) <= MAX_LENGTH]


def correctable(word: str) -> bool:
    return len(word) >= CORRECT_FROM and len(word) <= MAX_LENGTH and bool(_WORD.fullmatch(word))


def corrections(words: Iterable[str]) -> dict[str, list[str]]:
    """For each correctable word that is not in the vocabulary, its closest vocabulary words
    (best first; none when nothing is similar enough). Words in the vocabulary are absent
    from the result. One query."""
    wanted = list(dict.fromkeys(w for w in words if correctable(w)))[:MAX_WORDS]
    if not wanted:
        return {}
    if connection.vendor == "postgresql":
        scored = _nearest_postgresql(wanted)
    else:
        scored = _nearest_python(wanted)
    result: dict[str, list[str]] = {}
    for word in wanted:
        near = scored.get(word, [])
        if any(w == word for w, _s in near):
            continue
        near = [(w, s) for w, s in near if s >= THRESHOLD]
        if near:
            best = near[0][1]
            result[word] = [w for w, s in near if s >= best - SPREAD][:ALTERNATIVES]
        else:
            result[word] = []
    return result


def _nearest_postgresql(words: list[str]) -> dict[str, list[tuple[str, float]]]:
    """The nearest vocabulary words of each word not in the vocabulary itself, through the
    trigram GIN index (``%`` keeps words at least ``pg_trgm.similarity_threshold``, 0.3 by
    default, similar; THRESHOLD is applied on top). A word in the vocabulary is returned as
    its own nearest word. One query."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"""SELECT q.word, q.word, 1.0, 0
                FROM unnest(%s::text[]) AS q(word)
                WHERE EXISTS (SELECT 1 FROM {_TABLE} k WHERE k.word = q.word)
                UNION ALL
                SELECT q.word, v.word, v.sim, v.reports
                FROM unnest(%s::text[]) AS q(word)
                CROSS JOIN LATERAL (
                  SELECT s.word, s.reports, similarity(s.word, q.word) AS sim
                  FROM {_TABLE} s
                  WHERE s.word %% q.word
                  ORDER BY sim DESC, s.reports DESC
                  LIMIT %s
                ) v
                WHERE NOT EXISTS (SELECT 1 FROM {_TABLE} k WHERE k.word = q.word)""",  # noqa: S608 - the model's table name
            [words, words, ALTERNATIVES * 3],
        )
        rows = cursor.fetchall()
    scored: dict[str, list[tuple[str, float, int]]] = {}
    for query_word, word, sim, reports in rows:
        scored.setdefault(query_word, []).append((word, float(sim), reports))
    return _best_first(scored)


def _nearest_python(words: list[str]) -> dict[str, list[tuple[str, float]]]:
    """SQLite: the vocabulary words of about the same length, scored in Python (the sizes
    SQLite is used for keep this small)."""
    low = max(MIN_LENGTH, min(len(w) for w in words) - 2)
    high = max(len(w) for w in words) + 2
    vocabulary = (
        SearchWord.objects.annotate(n=Length("word"))
        .filter(n__gte=low, n__lte=high)
        .values_list("word", "reports")
    )
    grams = {w: trigrams(w) for w in words}
    scored: dict[str, list[tuple[str, float, int]]] = {w: [] for w in words}
    for candidate, reports in vocabulary.iterator(chunk_size=5000):
        cgrams = trigrams(candidate)
        for word, wgrams in grams.items():
            if abs(len(candidate) - len(word)) > 2:
                continue
            sim = len(wgrams & cgrams) / len(wgrams | cgrams)
            if sim >= THRESHOLD or candidate == word:
                scored[word].append((candidate, sim, reports))
    return _best_first(scored)


def _best_first(
    scored: dict[str, list[tuple[str, float, int]]],
) -> dict[str, list[tuple[str, float]]]:
    """Most similar first; among equals, the word more reports hold."""
    return {
        w: [(c, s) for c, s, _n in sorted(near, key=lambda x: (-x[1], -x[2]))]
        for w, near in scored.items()
    }


def trigrams(word: str) -> set[str]:
    """pg_trgm's trigrams of one word: padded with two spaces before and one after."""
    padded = f"  {word} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}
