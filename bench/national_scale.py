# ruff: noqa: E501
"""National scale: the public pages, statistics, Open311 and routing over 1,000,000 reports.

    .venv/bin/python bench/national_scale.py              # drop + build lapor_bench_1m, measure, drop
    .venv/bin/python bench/national_scale.py --reuse      # keep (or reuse) the database
    REPORTS=200000 .venv/bin/python bench/national_scale.py

Issues 4 and 5. Builds a PostgreSQL database (``BENCH_DB``, default ``lapor_bench_1m``):
migrate, the real directory (``load_directory``), then REPORTS reports generated in SQL
(``INSERT … SELECT FROM generate_series``: Indonesian titles and bodies assembled from phrase
arrays, real villages/districts/regencies, real sub-categories, an agency of the regency for
every verified report, realistic privacy and lifecycle spreads over three years), their
timeline events (submitted; disposed; follow-up; closed) and assignments, then
``VACUUM ANALYZE``, a reporter identity per report (about 3% stating a disability), and the
statistics rollups (``refresh_stats --full``, time-boxed by
``REFRESH_TIMEOUT`` seconds: a run that does not finish is reported as such).

Then measures server time per request in-process (Django test client, one thread, median of
``RUNS`` after warm-up) as a ratio to a bare ``SELECT`` of one page of 20 reports ordered by
``created_at DESC`` through Django's connection, same database, same run.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DB = os.environ.get("BENCH_DB", "lapor_bench_1m")
REPORTS = int(os.environ.get("REPORTS", "1000000"))
RUNS = int(os.environ.get("RUNS", "30"))
REFRESH_TIMEOUT = int(os.environ.get("REFRESH_TIMEOUT", "600"))
REUSE = "--reuse" in sys.argv or "--build-only" in sys.argv
BUILD_ONLY = "--build-only" in sys.argv  # bench/scale.py: build (or reuse) and keep, no measuring
ONLY = os.environ.get("ONLY", "")
URL = f"postgres://postgres@127.0.0.1:5432/{DB}"
os.environ["DATABASE_URL"] = URL
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lapor.settings")
sys.path.insert(0, str(ROOT))
PSQL = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-v", "ON_ERROR_STOP=1", "-Atq"]
STEPS: list[tuple[str, float]] = []


def step(name: str, start: float) -> None:
    took = time.perf_counter() - start
    STEPS.append((name, took))
    print(f"  {name:<58} {took:8.1f} s", flush=True)


def psql(sql: str, db: str = "postgres") -> str:
    out = subprocess.run([*PSQL, "-d", db, "-c", sql], capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(f"psql failed: {out.stderr}")
    return out.stdout.strip()


def manage(*args: str, timeout: float | None = None) -> bool:
    try:
        subprocess.run(
            [sys.executable, str(ROOT / "manage.py"), *args],
            check=True,
            timeout=timeout,
            env={**os.environ, "DATABASE_URL": URL},
            stdout=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        return False
    return True


def arr(items: list[str]) -> str:
    return "ARRAY[" + ",".join("'" + i.replace("'", "''") + "'" for i in items) + "]"


SUBJECTS = [
    "Jalan", "Jln", "Lampu penerangan jalan", "Saluran drainase", "Jembatan", "Trotoar",
    "Sampah", "Air PDAM", "Listrik PLN", "Pelayanan KTP elektronik", "Bansos PKH",
    "Sekolah", "Gedung SD", "Puskesmas", "Pasar tradisional", "Parkir liar", "Banjir",
    "Pohon tumbang", "Pungutan liar", "Antrean BPJS Kesehatan", "Angkot", "Taman kota",
    "Pelayanan akta kelahiran", "Gorong-gorong", "Tanggul sungai", "Jalan desa",
]  # fmt: skip
PROBLEMS = [
    "berlubang besar", "rusak parah", "mati sudah seminggu", "tersumbat dan meluap",
    "menumpuk tidak diangkut", "keruh dan bau", "padam berulang", "belum selesai",
    "tidak cair", "dipungut biaya", "retak membahayakan", "tergenang setiap hujan",
    "rusak tdk diperbaiki", "sdh lama dibiarkan", "longsor", "atapnya bocor",
]  # fmt: skip
PLACES = [
    "di depan pasar", "dekat SD Negeri 2", "di Jalan Melati", "di RT 03 RW 05",
    "dekat masjid raya", "di perempatan lampu merah", "depan kantor kelurahan",
    "di gang sebelah puskesmas", "dekat terminal", "di perumahan Griya Asri", "dekat kampus",
    "di jalan provinsi", "di jalan kabupaten", "dekat jembatan kali", "di dusun sebelah",
]  # fmt: skip
OPENINGS = [
    "Selamat siang, saya ingin melaporkan bahwa",
    "Yth. Bapak/Ibu, dengan hormat kami sampaikan",
    "Min, tolong dicek ya,",
    "Assalamualaikum, mau lapor",
    "Kepada instansi terkait,",
    "Mohon perhatiannya,",
]
DURATIONS = [
    "sudah tiga bulan", "sejak awal tahun", "blm ada perbaikan sama sekali",
    "sudah dilaporkan ke RT tapi tidak ada tindak lanjut", "setiap musim hujan",
    "sudah dua minggu", "sejak lebaran kemarin",
]  # fmt: skip
ASKS = [
    "Mohon segera ditindaklanjuti.", "Warga sangat dirugikan, mohon diperbaiki.",
    "Sudah ada korban jatuh, tolong segera.", "Terima kasih atas perhatiannya.",
    "Mohon dicek ke lokasi.", "Kami berharap ada solusi secepatnya.",
]  # fmt: skip
# Lifecycle spread (weights out of 100).
STATUSES = (
    [("awaiting_verification", 4), ("postponed", 1), ("disposed", 10), ("followed_up", 14)]
    + [("reporter_replied", 3), ("closed_by_reporter", 18), ("closed_by_admin", 5)]
    + [("closed_by_system", 25), ("archived_by_admin", 13), ("archived_by_system", 7)]
)
STATUS_ARRAY = [s for s, w in STATUSES for _ in range(w)]
VERIFIED = "status NOT IN ('awaiting_verification', 'postponed', 'archived_by_admin', 'archived_by_system')"
FOLLOWED = "status NOT IN ('awaiting_verification', 'postponed', 'disposed', 'archived_by_admin', 'archived_by_system')"
CLOSED = "status LIKE 'closed%'"


def build() -> None:
    if not REUSE or not psql(f"SELECT 1 FROM pg_database WHERE datname = '{DB}'"):
        t = time.perf_counter()
        psql(f"DROP DATABASE IF EXISTS {DB}")
        psql(f"CREATE DATABASE {DB}")
        manage("migrate", "-v0")
        manage("createcachetable")
        step("create database + migrate", t)
        t = time.perf_counter()
        manage("load_directory")
        step("load_directory (real directory)", t)
    if int(psql("SELECT count(*) FROM reports_report", DB)) >= REPORTS:
        print(f"  reusing {REPORTS:,} reports", flush=True)
        return
    generate()


def generate() -> None:
    db = DB
    t = time.perf_counter()
    # Secondary indexes are rebuilt once after the load: far faster than maintaining them.
    keep = "('reports_report_pkey', 'reports_report_tracking_id_key')"
    defs = psql(
        "SELECT indexname || '|' || indexdef FROM pg_indexes WHERE tablename = 'reports_report'"
        f" AND indexname NOT IN {keep} AND indexname NOT LIKE '%submission_key%'",
        db,
    ).splitlines()
    for line in defs:
        psql(f"DROP INDEX IF EXISTS {line.split('|', 1)[0]}", db)
    sql = f"""
    SET maintenance_work_mem = '1GB';
    SET synchronous_commit = off;
    TRUNCATE reports_report CASCADE;
    CREATE UNLOGGED TABLE bench_village AS
      SELECT row_number() OVER (ORDER BY v.code) AS n, v.code AS village, d.code AS district,
             r.code AS regency, r.parent_id AS province
      FROM regions_region v JOIN regions_region d ON d.code = v.parent_id
      JOIN regions_region r ON r.code = d.parent_id WHERE v.level = 4;
    CREATE UNIQUE INDEX ON bench_village (n);
    CREATE UNLOGGED TABLE bench_category AS
      SELECT row_number() OVER (ORDER BY id) AS n, id FROM agencies_category
      WHERE parent_id IS NOT NULL;
    CREATE UNLOGGED TABLE bench_agency AS
      SELECT region_id AS regency, row_number() OVER (PARTITION BY region_id ORDER BY id) AS n,
             count(*) OVER (PARTITION BY region_id) AS of, id
      FROM agencies_agency WHERE kind = 'regional_unit' AND level = 'kabupaten/kota';
    CREATE INDEX ON bench_agency (regency, n);
    INSERT INTO reports_report (
      tracking_id, pin_hash, kind, privacy, channel, status, title_original, body_original,
      title_published, body_published, title_masked, body_masked, incident_date,
      province_code, regency_code,
      district_code, village_code, address, address_public, emergency_suspected, language,
      created_at,
      updated_at, region_id, needs_national_routing, rating_comment, identity_hidden,
      category_id, agency_id, rating, closed_at, due_at)
    SELECT (100000000 + (g.i * 7919) % 900000000)::text, 'bench', g.kind, g.privacy, g.channel,
      g.status, g.title, g.body, g.title, g.body, g.title, g.body,
      (g.created_at - interval '2 days')::date,
      v.province, v.regency, v.district, v.village, '', '', false, 'id', g.created_at,
      g.created_at + interval '3 days', v.village, false, '', g.privacy = 'anonymous',
      c.id,
      CASE WHEN g.status NOT IN ('awaiting_verification', 'postponed', 'archived_by_admin',
                                 'archived_by_system')
           THEN (SELECT a.id FROM bench_agency a WHERE a.regency = v.regency
                 AND a.n = 1 + g.i % a.of LIMIT 1) END,
      CASE WHEN g.status = 'closed_by_reporter' THEN 1 + (g.i % 5) END,
      CASE WHEN g.status LIKE 'closed%' THEN g.created_at + (g.i % 40 || ' days')::interval END,
      -- The earliest running deadline of an open case (the console queues sort by it).
      CASE WHEN g.status IN ('awaiting_verification', 'postponed')
           THEN g.created_at + interval '3 days'
           WHEN g.status IN ('disposed', 'followed_up', 'reporter_replied')
           THEN g.created_at + (5 + g.i % 60 || ' days')::interval END
    FROM (
      SELECT i,
        CASE WHEN r1 < 0.05 THEN 'confidential' WHEN r1 < 0.15 THEN 'anonymous'
             ELSE 'public' END AS privacy,
        CASE WHEN r2 < 0.85 THEN 'complaint' WHEN r2 < 0.95 THEN 'aspiration'
             ELSE 'information_request' END AS kind,
        (ARRAY['web','web','web','mobile','mobile','sms','chat','social','api','desk'])
          [1 + (i % 10)] AS channel,
        ({arr(STATUS_ARRAY)})[1 + floor(r3 * {len(STATUS_ARRAY)})::int] AS status,
        now() - r4 * interval '1095 days' AS created_at,
        ({arr(SUBJECTS)})[1 + floor(r5 * {len(SUBJECTS)})::int] || ' '
          || ({arr(PROBLEMS)})[1 + i % {len(PROBLEMS)}] || ' '
          || ({arr(PLACES)})[1 + (i / 3) % {len(PLACES)}] AS title,
        ({arr(OPENINGS)})[1 + i % {len(OPENINGS)}] || ' '
          || lower(({arr(SUBJECTS)})[1 + (i / 5) % {len(SUBJECTS)}]) || ' '
          || ({arr(PROBLEMS)})[1 + (i / 7) % {len(PROBLEMS)}] || ' '
          || ({arr(PLACES)})[1 + (i / 11) % {len(PLACES)}] || ', '
          || ({arr(DURATIONS)})[1 + (i / 13) % {len(DURATIONS)}] || '. '
          || ({arr(ASKS)})[1 + (i / 17) % {len(ASKS)}] AS body,
        1 + floor(r6 * (SELECT count(*) FROM bench_village))::int AS vn,
        1 + floor(r7 * (SELECT count(*) FROM bench_category))::int AS cn
      FROM (
        SELECT i, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6,
               random() r7
        FROM generate_series(1::bigint, {REPORTS}::bigint) AS i
      ) AS s
    ) AS g
    JOIN bench_village v ON v.n = g.vn
    JOIN bench_category c ON c.n = g.cn;
    """
    psql(sql, db)
    step(f"INSERT {REPORTS:,} reports (generate_series)", t)
    t = time.perf_counter()
    psql(
        f"""
        SET synchronous_commit = off;
        -- Generated events are history: already derived (lapor.reports.derive).
        INSERT INTO reports_reportevent (kind, old_status, new_status, message, is_public, at,
                                         report_id, data, derive_pending)
        SELECT 'submitted', '', 'awaiting_verification', '', true, created_at, id, '{{}}'::jsonb, false
        FROM reports_report
        UNION ALL
        SELECT 'disposed', 'awaiting_verification', 'disposed', '', true,
               created_at + interval '1 day', id, '{{}}'::jsonb, false
        FROM reports_report WHERE {VERIFIED}
        UNION ALL
        SELECT 'follow_up', 'disposed', 'followed_up',
               'Sudah kami tindak lanjuti, petugas telah diturunkan ke lokasi.', true,
               created_at + ((2 + id % 9) || ' days')::interval, id, '{{}}'::jsonb, false
        FROM reports_report WHERE {FOLLOWED}
        UNION ALL
        SELECT 'closed', 'followed_up', status, '', true, closed_at, id, '{{}}'::jsonb, false
        FROM reports_report WHERE {CLOSED};
        INSERT INTO reports_assignment (is_primary, active, complexity, file_complete_at,
                                        first_followed_up_at, created_at, agency_id, report_id)
        SELECT true, true, 'simple', created_at + interval '1 day',
               CASE WHEN {FOLLOWED} THEN created_at + ((2 + id % 9) || ' days')::interval END,
               created_at + interval '1 day', agency_id, id
        FROM reports_report WHERE agency_id IS NOT NULL;
        DROP TABLE bench_village, bench_category, bench_agency;
        """,
        db,
    )
    step("INSERT events + assignments", t)
    t = time.perf_counter()
    for line in defs:
        psql(f"SET maintenance_work_mem = '1GB'; {line.split('|', 1)[1]}", db)
    step(f"rebuild {len(defs)} report indexes (GIN tsvector, trigram, …)", t)
    t = time.perf_counter()
    psql("VACUUM ANALYZE", db)
    step("VACUUM ANALYZE", t)


REFRESH_DONE: bool | None = None


def refresh() -> None:
    global REFRESH_DONE
    if REUSE and int(psql("SELECT count(*) FROM stats_reportfact", DB)) >= REPORTS * 0.99:
        REFRESH_DONE = int(psql("SELECT count(*) FROM stats_regionperiod", DB)) > 0
        print(f"  reusing the rollups (rollups built: {REFRESH_DONE})", flush=True)
        return
    if REFRESH_TIMEOUT <= 0:  # measure without (re)building the statistics
        print("  statistics not refreshed (REFRESH_TIMEOUT=0)", flush=True)
        return
    t = time.perf_counter()
    REFRESH_DONE = manage("refresh_stats", "--full", timeout=REFRESH_TIMEOUT)
    facts = int(psql("SELECT count(*) FROM stats_reportfact", DB))
    label = (
        "refresh_stats --full"
        if REFRESH_DONE
        else f"refresh_stats --full (STOPPED at {REFRESH_TIMEOUT} s)"
    )
    step(f"{label}: {facts:,} facts", t)
    if not REFRESH_DONE:
        print(f"    rate {facts / (time.perf_counter() - t):,.0f} facts/s", flush=True)
    psql("ANALYZE", DB)


def identities() -> None:
    """A reporter identity for every report (as every real report has), before the
    statistics are computed: the facts carry the reporter's disability status."""
    sys.path.insert(0, str(ROOT))
    from bench.exports import IDENTITIES_SETTINGS, IDENTITIES_SQL

    t = time.perf_counter()
    psql(f"SET synchronous_commit = off; {IDENTITIES_SETTINGS} {IDENTITIES_SQL}", DB)
    psql("ANALYZE reports_reporteridentity", DB)
    step("reporter identities (those missing)", t)


def search_words() -> None:
    """The search vocabulary typos are corrected against (what the worker keeps)."""
    if REUSE and int(psql("SELECT count(*) FROM public_searchword", DB)):
        print("  reusing the search vocabulary", flush=True)
        return
    t = time.perf_counter()
    code = "from lapor.public.vocabulary import refresh_words; refresh_words(full=True)"
    manage("shell", "-c", code)
    words = int(psql("SELECT count(*) FROM public_searchword", DB))
    step(f"search vocabulary (refresh_words full): {words:,} words", t)


def timed(fn, runs: int = RUNS) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    for _ in range(3):
        fn()
    if (time.perf_counter() - start) / 3 > 2.0:  # a case over 2 s: fewer runs (printed)
        runs = 10
        print(f"  (a case over 2 s: median of {runs} runs)", flush=True)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def measure() -> None:
    import django

    django.setup()
    from django.test.utils import override_settings

    # In-process pages need no collectstatic manifest: plain static storage for the run.
    override_settings(
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
    ).enable()
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client

    from lapor.reports.models import Report
    from lapor.routing import suggest
    from lapor.routing.duplicates import similar_open_reports

    client = Client()
    total = Report.objects.count()

    def get(url: str):  # type: ignore[no-untyped-def]
        def run() -> None:
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)

        return run

    def baseline() -> None:
        with connection.cursor() as cur:
            cur.execute(
                "SELECT id, tracking_id, title_published, body_published, status, created_at"
                " FROM reports_report ORDER BY created_at DESC LIMIT 20"
            )
            cur.fetchall()

    sample = (
        Report.objects.filter(privacy="public", status="followed_up")
        .order_by("-created_at")
        .values("tracking_id", "regency_code", "province_code")
        .first()
    )
    assert sample
    regency, province = sample["regency_code"], sample["province_code"]
    text = Report(
        title_published="Jalan kabupaten berlubang besar di depan pasar",
        body_published="Min tolong jln di desa kami rusak parah sdh 3 bulan blm diperbaiki, "
        "sudah ada yg jatuh dari motor. Mohon segera ditindaklanjuti.",
        region_id=Report.objects.filter(regency_code=regency).values_list("region_id", flat=True)[
            0
        ],
        regency_code=regency,
        province_code=province,
    )

    def dashboard_uncached() -> None:
        cache.clear()
        get("/statistik/")()

    def uncached(url: str):  # type: ignore[no-untyped-def]
        def run() -> None:
            cache.clear()
            get(url)()

        return run

    def route() -> None:
        suggest.route(text)

    def dup_citizen() -> None:
        similar_open_reports(
            title="Jalan berlubang besar di depan pasar",
            body="sudah lama tidak diperbaiki, banyak pengendara jatuh",
            regency_code=regency,
        )

    def dup_staff() -> None:
        similar_open_reports(
            title="Jalan berlubang besar di depan pasar", body="", regency_code=regency, staff=True
        )

    cases = [
        ("baseline: bare SELECT of 20 reports ORDER BY created_at DESC", baseline),
        ("public feed, first page  /laporan/", get("/laporan/")),
        (
            f"feed filtered by regency {regency}",
            get(f"/laporan/?province={province}&regency={regency}"),
        ),
        ("search  ?q=jalan berlubang", get("/laporan/?q=jalan+berlubang")),
        ("search, typo  ?q=sekola rusak", get("/laporan/?q=sekola+rusak")),
        ("public report page", get(f"/laporan/{sample['tracking_id']}/")),
        ("statistics dashboard /statistik/ (cached)", get("/statistik/")),
        ("statistics dashboard, cache cleared each run", dashboard_uncached),
        (
            f"statistics dashboard, province {province}, cache cleared",
            uncached(f"/statistik/?region={province}"),
        ),
        (
            f"statistics dashboard, regency {regency}, by week, cache cleared",
            uncached(f"/statistik/?region={regency}&by=week"),
        ),
        (
            "statistics dashboard, 2024-02-10 to 2026-03-20, cache cleared",
            uncached("/statistik/?from=2024-02-10&to=2026-03-20"),
        ),
        ("league table /statistik/instansi/", get("/statistik/instansi/")),
        ("Open311 GET /open311/v2/requests.json", get("/open311/v2/requests.json")),
        ("routing: classify + route one report (suggest.route)", route),
        ("duplicates for a citizen (similar_open_reports)", dup_citizen),
        ("duplicates for staff (merge candidates)", dup_staff),
    ]
    if ONLY:  # e.g. ONLY=search,Open311: the baseline and the cases whose name holds a word
        cases = cases[:1] + [c for c in cases[1:] if any(w in c[0] for w in ONLY.split(","))]
    results = []
    for name, fn in cases:
        try:
            results.append((name, timed(fn)))
        except Exception as exc:  # noqa: BLE001 - report, never fake
            results.append((name, float("nan")))
            print(f"  {name}: FAILED {exc!r}", flush=True)
    base = results[0][1]
    print(f"\n{total:,} reports in PostgreSQL ({DB}); server time, median of {RUNS} after warm-up")
    with connection.cursor() as cur:
        for table in ("stats_reportfact", "stats_regionperiod", "stats_dimperiod"):
            cur.execute(f"SELECT count(*) FROM {table}")  # noqa: S608
            print(f"  {table}: {cur.fetchone()[0]:,} rows")
    if REFRESH_DONE is False:
        print("  (the rollups are INCOMPLETE: refresh_stats --full did not finish in time)")
    print(f"  {'':<62} {'ms':>9} {'× baseline':>11}")
    for name, ms in results:
        print(f"  {name:<62} {ms:9.2f} {ms / base:11.1f}")
    ms = dict(results)
    if len(cases) < 16:
        explain(connection, results, dict(cases))
        return
    r, d = ms[cases[13][0]], max(ms[cases[14][0]], ms[cases[15][0]])
    print(
        f"\n  issue 5 targets: routing < 10 ms: {r:.2f} ms {'MET' if r < 10 else 'NOT MET'};"
        f" duplicate lookup < 50 ms: {d:.2f} ms {'MET' if d < 50 else 'NOT MET'}"
    )
    explain(connection, results, dict(cases))


def explain(connection, results, fns) -> None:  # type: ignore[no-untyped-def]
    from django.test.utils import CaptureQueriesContext

    wanted = ("search", "duplicates", "feed", "Open311", "dashboard, cache", "league", "statistics")
    slow = [n for n, ms in results[1:] if n.startswith(wanted) or n.split()[0] in wanted]
    slow = [n for n in slow if dict(results)[n] > 20]
    if not slow:
        return
    print("\nslowest query of each case over 20 ms (EXPLAIN ANALYZE, top lines):")
    for name in slow:
        with CaptureQueriesContext(connection) as ctx:
            fns[name]()
        timed_q = []
        with connection.cursor() as cur:
            for q in ctx.captured_queries:
                if not q["sql"].lstrip().upper().startswith("SELECT"):
                    continue
                cur.execute("EXPLAIN (ANALYZE, BUFFERS) " + q["sql"])
                plan = [row[0] for row in cur.fetchall()]
                total = float(plan[-1].split()[-2]) if "Execution Time" in plan[-1] else 0.0
                timed_q.append((total, q["sql"], plan))
        timed_q.sort(reverse=True)
        for total, sql, plan in timed_q[:1]:
            print(f"\n  [{name}] {total:.1f} ms: {sql[:300]}…")
            for line in plan[:14]:
                print("    " + line[:200])


def main() -> None:
    print(f"building {DB} with {REPORTS:,} reports" + (" (reuse)" if REUSE else ""), flush=True)
    t = time.perf_counter()
    try:
        build()
        identities()
        search_words()
        refresh()
        print(f"  {'build total':<58} {time.perf_counter() - t:8.1f} s", flush=True)
        if not BUILD_ONLY:
            measure()
    finally:
        if not REUSE:
            from django.db import connections

            connections.close_all()
            psql(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")
            print(f"\ndropped {DB}")


if __name__ == "__main__":
    main()
