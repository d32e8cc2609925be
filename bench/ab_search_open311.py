# ruff: noqa: E501
"""Before/after, same run, interleaved: the search candidates and the Open311 request columns.

    .venv/bin/python bench/ab_search_open311.py     # on lapor_bench_1m (bench/national_scale.py --reuse builds it)

"before" is the code as it was before the issue-4 scale work (an ``exists()`` probe, then the
newest 1,000 candidates ranked; Open311 selecting every report column and labelling events
with ``get_kind_display()``); for searches, "trigrams" is the code before typos were corrected
against the vocabulary (the newest 200 candidates; trigrams over the titles when full text
finds nothing); "after" the current code. Each round times every variant once; median over ``RUNS`` rounds after 3 warm-ups.
Server time in-process (Django test client), as a ratio to a bare ``SELECT`` of 20 reports.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DB = os.environ.get("BENCH_DB", "lapor_bench_1m")
RUNS = int(os.environ.get("RUNS", "20"))
os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{DB}"
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lapor.settings")
sys.path.insert(0, str(ROOT))


def main() -> None:
    import django

    django.setup()
    from django.db import connection
    from django.db.models import BooleanField, FloatField, Prefetch
    from django.db.models.expressions import RawSQL
    from django.test import Client
    from django.test.utils import override_settings

    from lapor.open311 import selectors as o311
    from lapor.public import search
    from lapor.reports.models import Report, ReportEvent
    from lapor.reports.selectors import public_event_message, public_reports

    override_settings(
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
    ).enable()

    def old_search(qs, text):  # type: ignore[no-untyped-def]
        match = RawSQL(search._FTS_MATCH, (text,), output_field=BooleanField())  # noqa: S611
        if Report.objects.filter(match).exists():
            matches, rank_sql = qs.filter(match), search._FTS_RANK
        else:
            matches = qs.filter(RawSQL(search._TRGM_MATCH, (text,), output_field=BooleanField()))  # noqa: S611
            rank_sql = search._TRGM_RANK
        candidates = matches.order_by("-created_at").values("pk")[:1000]
        return (
            Report.objects.filter(pk__in=candidates)
            .annotate(rank=RawSQL(rank_sql, (text,), output_field=FloatField()))  # noqa: S611
            .order_by("-rank", "-created_at", "-id")
        )

    def trigram_search(qs, text):  # type: ignore[no-untyped-def]
        # The search before the vocabulary correction: trigrams over the titles when full
        # text finds nothing.
        match = RawSQL(search._FTS_MATCH, (text,), output_field=BooleanField())  # noqa: S611
        newest = ("-created_at", "-id")
        ids = list(qs.filter(match).order_by(*newest).values_list("pk", flat=True)[:200])
        rank_sql = search._FTS_RANK
        if not ids:
            fuzzy = RawSQL(search._TRGM_MATCH, (text,), output_field=BooleanField())  # noqa: S611
            ids = list(qs.filter(fuzzy).order_by(*newest).values_list("pk", flat=True)[:200])
            rank_sql = search._TRGM_RANK
        return (
            Report.objects.filter(pk__in=ids)
            .annotate(rank=RawSQL(rank_sql, (text,), output_field=FloatField()))  # noqa: S611
            .order_by("-rank", "-created_at", "-id")
        )

    def old_requests():  # type: ignore[no-untyped-def]
        events = ReportEvent.objects.filter(is_public=True).order_by("at", "id")
        return (
            public_reports()
            .select_related("category", "agency", "open311_submission")
            .prefetch_related(Prefetch("events", queryset=events, to_attr="public_events"))
            .order_by("-created_at", "-id")
        )

    def old_note(event):  # type: ignore[no-untyped-def]
        return public_event_message(event) or str(event.get_kind_display())

    new = (search._search_postgresql, o311.public_requests, o311.event_note)
    client = Client()

    def page(url: str, patch):  # type: ignore[no-untyped-def]
        def run() -> None:
            search._search_postgresql, o311.public_requests, o311.event_note = patch
            try:
                assert client.get(url).status_code == 200
            finally:
                search._search_postgresql, o311.public_requests, o311.event_note = new

        return run

    def baseline() -> None:
        with connection.cursor() as cur:
            cur.execute(
                "SELECT id, tracking_id, title_published, body_published, status, created_at"
                " FROM reports_report ORDER BY created_at DESC LIMIT 20"
            )
            cur.fetchall()

    before, after = (old_search, old_requests, old_note), new
    trigrams = (trigram_search, *new[1:])
    cases = [("baseline: bare SELECT of 20 reports", baseline)]
    for label, url in (
        ("search ?q=jalan berlubang", "/laporan/?q=jalan+berlubang"),
        ("search, typo ?q=sekola rusak", "/laporan/?q=sekola+rusak"),
        ("search, typo ?q=jalan berlobang", "/laporan/?q=jalan+berlobang"),
        ("search ?q=puskesmas", "/laporan/?q=puskesmas"),
        ("Open311 GET requests.json (1,000 a page)", "/open311/v2/requests.json"),
    ):
        cases.append((f"{label}: before", page(url, before)))
        if label.startswith("search"):
            cases.append((f"{label}: trigrams", page(url, trigrams)))
        cases.append((f"{label}: after", page(url, after)))
    cases.append(
        (
            "Open311 GET requests.json?page_size=100: after",
            page("/open311/v2/requests.json?page_size=100", after),
        )
    )
    times: dict[str, list[float]] = {name: [] for name, _fn in cases}
    for round_ in range(RUNS + 3):
        for name, fn in cases:
            start = time.perf_counter()
            fn()
            if round_ >= 3:
                times[name].append((time.perf_counter() - start) * 1000)
    base = statistics.median(times[cases[0][0]])
    print(f"{DB}: median of {RUNS} interleaved rounds")
    print(f"  {'':<52} {'ms':>9} {'× baseline':>11}")
    for name, _fn in cases:
        ms = statistics.median(times[name])
        print(f"  {name:<52} {ms:9.2f} {ms / base:11.1f}")


if __name__ == "__main__":
    main()
