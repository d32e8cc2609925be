"""Duplicate lookup and jurisdiction routing at national volume, as ratios to an insert.

    .venv/bin/python bench/duplicates.py            # builds lapor_routing_bench once
    REPORTS=200000 .venv/bin/python bench/duplicates.py

Creates (once) a PostgreSQL database with REPORTS (default 1,000,000) reports spread over 514
regencies, in every status, with titles and bodies combined from real complaint phrases; then,
in one run, measures:

- baseline: inserting one report row through the ORM (what every intake does at least once);
- the citizen's "similar reports" lookup (``similar_open_reports``: public, open, same regency);
- the staff's merge-candidate lookup (every open report of the regency);
- the jurisdiction resolver for a category, a place and a text (rules from the table).

Targets (issue 5): duplicate lookup under 50 ms, routing under 10 ms per report.
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

DB = os.environ.get("BENCH_DB", "lapor_routing_bench")
REPORTS = int(os.environ.get("REPORTS", "1000000"))
os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{DB}"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lapor.settings")

subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", DB], capture_output=True)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

call_command("migrate", verbosity=0)
call_command("createcachetable", verbosity=0)

from lapor.agencies.models import Agency, Category, UnitType  # noqa: E402
from lapor.regions.models import Region  # noqa: E402
from lapor.reports.models import Report  # noqa: E402
from lapor.routing.duplicates import similar_open_reports  # noqa: E402
from lapor.routing.resolver import resolve  # noqa: E402
from lapor.routing.rules import load_rules  # noqa: E402

SUBJECTS = [
    "Jalan",
    "Lampu jalan",
    "Saluran drainase",
    "Jembatan",
    "Trotoar",
    "Sampah",
    "Air PDAM",
    "Listrik",
    "Pelayanan KTP",
    "Bansos PKH",
    "Sekolah",
    "Puskesmas",
    "Pasar",
    "Parkir liar",
    "Banjir",
    "Pohon tumbang",
    "Pungutan liar",
    "Antrean BPJS",
    "Angkot",
    "Taman kota",
]
PROBLEMS = [
    "berlubang besar",
    "mati sudah seminggu",
    "tersumbat dan meluap",
    "rusak parah",
    "menumpuk tidak diangkut",
    "keruh dan bau",
    "padam berulang",
    "belum selesai berbulan-bulan",
    "tidak cair",
    "dipungut biaya",
    "retak membahayakan",
    "tergenang setiap hujan",
]
PLACES = [
    "di depan pasar",
    "dekat SD Negeri 2",
    "di Jalan Melati",
    "di RT 03 RW 05",
    "dekat masjid raya",
    "di perempatan lampu merah",
    "depan kantor kelurahan",
    "di gang sebelah puskesmas",
    "dekat terminal",
    "di perumahan griya asri",
    "dekat kampus",
    "di jalan provinsi",
    "di jalan kabupaten",
    "dekat jembatan kali",
]
STATUSES = [
    ("awaiting_verification", 10),
    ("disposed", 15),
    ("followed_up", 10),
    ("reporter_replied", 5),
    ("closed_by_reporter", 20),
    ("closed_by_system", 25),
    ("archived_by_admin", 15),
]
REGENCIES = [f"{11 + p:02d}.{r + 1:02d}" for p in range(38) for r in range(14)][:514]


def seed() -> None:
    if Report.objects.count() >= REPORTS:
        return
    print(f"seeding {REPORTS:,} reports (once)…", flush=True)
    provinces = sorted({c[:2] for c in REGENCIES})
    Region.objects.bulk_create(
        [Region(code=p, level=1, name=f"Provinsi {p}") for p in provinces], ignore_conflicts=True
    )
    Region.objects.bulk_create(
        [Region(code=c, parent_id=c[:2], level=2, name=f"Kabupaten {c}") for c in REGENCIES],
        ignore_conflicts=True,
    )
    statuses = [s for s, w in STATUSES for _ in range(w)]

    def arr(items: list[str]) -> str:
        return "ARRAY[" + ",".join("'" + i.replace("'", "''") + "'" for i in items) + "]"

    with connection.cursor() as cur:
        cur.execute(
            f"""
            INSERT INTO reports_report (
              tracking_id, pin_hash, kind, privacy, channel, status, title_original,
              body_original, title_published, body_published, title_masked, body_masked,
              incident_date, province_code,
              regency_code, district_code, village_code, address, address_public,
              emergency_suspected,
              language, created_at, updated_at, region_id, needs_national_routing,
              rating_comment, identity_hidden)
            SELECT 'B' || i, '', 'complaint',
              CASE WHEN i % 10 = 0 THEN 'confidential' WHEN i % 7 = 0 THEN 'anonymous'
                   ELSE 'public' END,
              'web', ({arr(statuses)})[1 + (i * 7919) % {len(statuses)}],
              t, t || '. ' || b, t, t || '. ' || b, t, t || '. ' || b, date '2026-01-01',
              substr(rg, 1, 2), rg, '', '', '', '', false, 'id',
              now() - (i || ' seconds')::interval, now(), rg, false, '', false
            FROM (
              SELECT i,
                ({arr(REGENCIES)})[1 + (i * 31) % {len(REGENCIES)}] AS rg,
                ({arr(SUBJECTS)})[1 + i % {len(SUBJECTS)}] || ' '
                  || ({arr(PROBLEMS)})[1 + (i / 7) % {len(PROBLEMS)}] || ' '
                  || ({arr(PLACES)})[1 + (i / 3) % {len(PLACES)}] AS t,
                'Mohon ditindaklanjuti, warga sudah lama mengeluhkan hal ini. Kejadian '
                  || ({arr(PLACES)})[1 + (i / 11) % {len(PLACES)}] AS b
              FROM generate_series({Report.objects.count() + 1}::bigint, {REPORTS}::bigint) AS i
            ) AS g
            """
        )
        cur.execute("ANALYZE reports_report")


def directory() -> Category:
    pupr, _ = UnitType.objects.get_or_create(
        code="dinas-pupr", defaults={"name": "Dinas PUPR", "short_name": "Dinas PUPR"}
    )
    for code in REGENCIES[:3]:
        gov, _ = Agency.objects.get_or_create(
            code=f"pemda-{code}",
            defaults={
                "name": f"Pemkab {code}",
                "kind": "regency_government",
                "level": "kabupaten/kota",
                "region_id": code,
            },
        )
        Agency.objects.get_or_create(
            code=f"{code}:dinas-pupr",
            defaults={
                "name": f"Dinas PUPR {code}",
                "kind": "regional_unit",
                "level": "kabupaten/kota",
                "region_id": code,
                "unit_type": pupr,
                "parent": gov,
            },
        )
    top, _ = Category.objects.get_or_create(
        code="bench-pu", defaults={"name": "PEKERJAAN UMUM", "handling_unit_type": pupr}
    )
    road, _ = Category.objects.get_or_create(
        code="bench-pu--jalan",
        defaults={"name": "Jalan Berlubang", "parent": top, "handling_unit_type": pupr},
    )
    load_rules()
    return road


def timed(fn, n: int) -> float:
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    seed()
    road = directory()
    rnd = random.Random(5)
    total = Report.objects.count()
    template = Report.objects.first()

    def insert() -> None:
        Report.objects.create(
            tracking_id=f"X{rnd.randrange(10**10)}",
            pin_hash="",
            kind="complaint",
            privacy="public",
            channel="web",
            status="awaiting_verification",
            title_original="Jalan berlubang",
            body_original="x",
            title_published="Jalan",
            body_published="x",
            incident_date=template.incident_date,
            province_code=template.province_code,
            regency_code=template.regency_code,
            region_id=template.region_id,
        )

    def query() -> tuple[str, str]:
        return (
            f"{rnd.choice(SUBJECTS)} {rnd.choice(PROBLEMS)} {rnd.choice(PLACES)}",
            rnd.choice(REGENCIES),
        )

    def citizen() -> None:
        title, regency = query()
        similar_open_reports(title=title, body="sudah lama tidak diperbaiki", regency_code=regency)

    def staff() -> None:
        title, regency = query()
        similar_open_reports(title=title, body="", regency_code=regency, staff=True)

    def route() -> None:
        resolve(
            category=road,
            region_code=REGENCIES[rnd.randrange(3)],
            text=f"Jalan kabupaten {rnd.choice(PROBLEMS)} {rnd.choice(PLACES)}",
        )

    for fn in (insert, citizen, staff, route):  # warm caches and connections
        fn()
    base = timed(insert, 200)
    rows = [
        ("baseline: insert one report (ORM)", base),
        ("similar reports for a citizen (public, open, same regency)", timed(citizen, 100)),
        ("merge candidates for staff (every open report of the regency)", timed(staff, 100)),
        ("jurisdiction resolver (rules, place, text)", timed(route, 300)),
    ]
    Report.objects.filter(tracking_id__startswith="X").delete()
    print(f"{total:,} reports in PostgreSQL ({DB}); medians")
    for name, ms in rows:
        print(f"  {name:<64} {ms:8.2f} ms   {ms / base:6.2f}× baseline")


if __name__ == "__main__":
    main()
