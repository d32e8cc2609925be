"""Re-masking the published text (``manage.py remask_reports``, and the backfill of migration
reports/0006), as ratios to reading the same rows in the same run.

    .venv/bin/python bench/remask.py                 # 200,000 reports in lapor_remask_bench
    REPORTS=1000000 .venv/bin/python bench/remask.py --reuse

Creates a PostgreSQL database with REPORTS reports whose masked copy is empty (as rows written
before the columns existed; one in three with a phone number, a NIK and an e-mail address in
its body), then measures, in one run:

- baseline: reading every row's id, published title and body in the keyset batches
  ``remask()`` uses (the read it cannot avoid);
- the migration's way (reports/0006): drop the generated ``search_vector`` and its indexes,
  ``remask()`` every row, add the generated column and the indexes again;
- ``remask_reports``' way: ``remask()`` with the vector in place, recomputed by every UPDATE;
- ``remask()`` again (nothing to write: the steady state of ``remask_reports``);
- the table's size (after ``VACUUM FULL``, indexes and TOAST included) as before the
  migration (vector over the unmasked text, no masked copy) and after it.

The database is dropped at the end unless ``--reuse``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

DB = os.environ.get("BENCH_DB", "lapor_remask_bench")
REPORTS = int(os.environ.get("REPORTS", "200000"))
REUSE = "--reuse" in sys.argv
os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{DB}"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lapor.settings")

subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", DB], capture_output=True)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, connections  # noqa: E402

call_command("migrate", verbosity=0)

import importlib  # noqa: E402

from lapor.regions.models import Region  # noqa: E402
from lapor.reports.models import Report  # noqa: E402
from lapor.reports.remask import BATCH, remask  # noqa: E402


def seed() -> None:
    Region.objects.get_or_create(code="34", defaults={"level": 1, "name": "DIY"})
    Region.objects.get_or_create(
        code="34.04", defaults={"level": 2, "name": "Sleman", "parent_id": "34"}
    )
    with connection.cursor() as cur:
        cur.execute("TRUNCATE reports_report CASCADE")
        cur.execute(
            """
            INSERT INTO reports_report (
              tracking_id, pin_hash, kind, privacy, channel, status, title_original,
              body_original, title_published, body_published, title_masked, body_masked,
              incident_date, province_code, regency_code, district_code, village_code, address,
              address_public, emergency_suspected, language, created_at, updated_at, region_id,
              needs_national_routing, rating_comment, identity_hidden)
            SELECT 'R' || i, '', 'complaint', 'public', 'web', 'disposed', t, b, t, b, '', '',
              date '2026-01-01', '34', '34.04', '', '', '', '', false, 'id', now(), now(),
              '34.04', false, '', false
            FROM (
              SELECT i, 'Jalan berlubang besar di depan pasar nomor ' || i AS t,
                'Sudah tiga bulan jalan di depan pasar berlubang dan membahayakan pengendara. '
                || CASE WHEN i %% 3 = 0
                     THEN 'Hubungi saya di 0812-' || lpad((i %% 10000)::text, 4, '0')
                          || '-7788, NIK 3404 0712 3456 ' || lpad((i %% 10000)::text, 4, '0')
                          || ', surel warga' || i || '@mail.id.'
                     ELSE 'Mohon segera diperbaiki sebelum musim hujan.' END AS b
              FROM generate_series(1, %s) AS i
            ) AS g
            """,
            [REPORTS],
        )
        cur.execute("VACUUM ANALYZE reports_report")


MIGRATION = importlib.import_module("lapor.reports.migrations.0006_masked_text_and_public_address")


def sql(*statements: str) -> None:
    with connection.cursor() as cur:
        for statement in statements:
            cur.execute(statement)


def size() -> int:
    sql("VACUUM FULL reports_report")
    with connection.cursor() as cur:
        cur.execute("SELECT pg_total_relation_size('reports_report')")
        return int(cur.fetchone()[0])


def unmask() -> None:
    sql("UPDATE reports_report SET title_masked = '', body_masked = ''")


def the_migrations_way() -> tuple[float, float, float, int]:
    drop, _ = timed(lambda: sql(*MIGRATION.DROP_OLD))
    fill, changed = timed(lambda: remask(Report))
    add, _ = timed(lambda: sql(*MIGRATION.ADD_NEW))
    return drop, fill, add, changed


def read_all() -> int:
    rows, last = 0, 0
    qs = Report.objects.order_by("pk")
    while True:
        batch = list(
            qs.filter(pk__gt=last).values_list("pk", "title_published", "body_published")[:BATCH]
        )
        if not batch:
            return rows
        rows += len(batch)
        last = batch[-1][0]


def timed(fn):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def main() -> None:
    t, _ = timed(seed)
    # As before the migration: the vector generated from the unmasked published text.
    sql(*MIGRATION.DROP_NEW, *MIGRATION.ADD_OLD)
    print(f"seeded {REPORTS:,} reports in {t:.1f} s", flush=True)
    before = size()
    base, rows = timed(read_all)
    print(f"baseline: read {rows:,} rows in batches of {BATCH}: {base:.2f} s", flush=True)
    drop, fill, add, changed = the_migrations_way()
    total = drop + fill + add
    print(
        f"the migration's way ({changed:,} rows written): {total:.2f} s = "
        f"{total / base:.1f}× baseline (drop {drop:.2f} s, remask {fill:.2f} s, "
        f"generated column and indexes {add:.2f} s), {changed / total:,.0f} rows/s",
        flush=True,
    )
    after = size()
    unmask()
    sql("VACUUM ANALYZE reports_report")
    first, changed = timed(lambda: remask(Report))
    second, unchanged = timed(lambda: remask(Report))
    print(
        f"remask_reports' way, vector in place ({changed:,} rows written): {first:.2f} s "
        f"= {first / base:.1f}× baseline, {changed / first:,.0f} rows/s"
    )
    print(
        f"remask, second pass ({unchanged:,} rows written): {second:.2f} s "
        f"= {second / base:.1f}× baseline"
    )
    print(
        f"table size (with indexes, TOAST): {before / 2**20:.1f} MiB before the migration, "
        f"{after / 2**20:.1f} MiB after = {after / before:.2f}×"
    )


if __name__ == "__main__":
    try:
        main()
    finally:
        if not REUSE:
            connections.close_all()
            subprocess.run(
                ["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", DB],
                capture_output=True,
            )
