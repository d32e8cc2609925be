# ruff: noqa: E501
"""Exports and rollups at scale (issue 12): an export's rows per second, in every format and
over real HTTP, and the statistics tables' size against the reports they summarise.

    BENCH_DB=lapor_exports_1m .venv/bin/python bench/exports.py            # everything below
    BENCH_DB=lapor_exports_1m .venv/bin/python bench/exports.py --sizes    # table sizes only
    BENCH_DB=lapor_exports_1m .venv/bin/python bench/exports.py --refresh  # + refresh_stats timings
    BENCH_DB=lapor_exports_1m .venv/bin/python bench/exports.py --writers  # XLSX writers compared

The database is one built by ``bench/national_scale.py --build-only`` (or ``bench/scale.py``).
Every report there has a reporter identity (``ReporterIdentity``, as every real report has
one: the generator makes them; ``ensure_identities`` adds them to databases built before it
did), so the export reads, decides and logs identities as it does in production. Staff users
are created as in ``bench/scale.py``: a national admin, and the agency admin of the regency
government with the most villages (who may see the names of public reports in scope).

Printed: rows per second of an export (``EXPORT_RUNS`` runs, median) — the selector alone
(``export_rows``), CSV and XLSX through the view in-process (Django test client, the whole
streamed body read), and CSV and XLSX over HTTP from one granian process on ``PORT`` (default
9510; the time to the first byte beside the rows per second), for the agency admin's last 90
days, the agency admin's whole scope, and the national admin's last 90 days; with the queries
per export. Then ``pg_total_relation_size`` of the reports
table, the facts and the rollups, and the rollup rows per grain and region level. With
``--refresh``: the time of ``refresh_stats --full`` and of an incremental refresh after
``TOUCH`` reports (default 2,000) changed. With ``--writers``: XLSX writers on the same rows
(the national admin's export, ``WRITER_ROWS`` of them, default 20,000) in this process, runs
alternating: openpyxl's write-only mode (the writer before issue 12's streaming one, copied
here), XlsxWriter's ``constant_memory`` mode (when installed: ``pip install xlsxwriter``) and
``lapor.exports.xlsx`` at deflate levels 1, its own and 6 — rows per CPU second, the file's size and when
its first bytes were ready. The load average is printed beside every figure.
"""

from __future__ import annotations

import datetime as dt
import http.client
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DB = os.environ.get("BENCH_DB", "lapor_exports_1m")
PORT = int(os.environ.get("PORT", "9510"))
EXPORT_RUNS = int(os.environ.get("EXPORT_RUNS", "3"))
TOUCH = int(os.environ.get("TOUCH", "2000"))
WARMUP = int(os.environ.get("WARMUP", "1"))
URL = f"postgres://postgres@127.0.0.1:5432/{DB}"
REPORT_TABLE = "reports_report"
FACT_TABLES = ("stats_reportfact", "stats_agencycasefact")
ROLLUP_TABLES = ("stats_regionperiod", "stats_dimperiod")


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load {one:.1f} {five:.1f} {fifteen:.1f}"


def setup_django() -> None:
    os.environ["DATABASE_URL"] = URL
    os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1")
    # Production settings over plain http: no redirect to https (in-process and granian).
    os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
    os.environ.setdefault("SECURE_COOKIES", "0")
    # The bench's national admin has no TOTP device (the console would ask to set one up).
    os.environ.setdefault("TWO_FACTOR_REQUIRED", "0")
    # Production settings need a key; the granian server inherits this one (session cookies).
    os.environ.setdefault("SECRET_KEY", __import__("secrets").token_urlsafe(50))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lapor.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


# --- the parts bench/scale.py uses too ------------------------------------------------------


# Every report without one gets a reporter identity (every real report has one), so an export
# reads, decides and logs identities as in production: national_scale.py runs this before the
# statistics, ``ensure_identities`` for databases built before it did.
# About 3% of reporters state a disability (one report in 37, the six kinds in turn): the
# public breakdown (``lapor.stats.breakdowns``) has something to count.
IDENTITIES_SQL = (
    "INSERT INTO reports_reporteridentity (report_id, full_name, email, phone,"
    " disability, consent, consent_note, created_at)"
    " SELECT r.id, 'Pelapor ' || r.id, 'pelapor' || r.id || '@example.id',"
    " '0812' || lpad((r.id % 100000000)::text, 8, '0'),"
    " CASE WHEN r.id % 37 = 0 THEN (ARRAY['physical', 'visual', 'hearing', 'intellectual',"
    " 'mental', 'multiple'])[1 + (r.id / 37) % 6] ELSE '' END, '', '', r.created_at"
    " FROM reports_report r WHERE NOT EXISTS"
    " (SELECT 1 FROM reports_reporteridentity i WHERE i.report_id = r.id)"
)


# A table that is still empty looks tiny to the planner: without this it may pick a nested
# loop that re-reads the growing identity table for every report (quadratic).
IDENTITIES_SETTINGS = "SET enable_nestloop = off; SET work_mem = '256MB';"


def ensure_identities(connection: Any) -> int:
    """Give every report without one a reporter identity; returns how many were added.
    The planner settings last for this transaction only (they would slow the exports)."""
    from django.db import transaction

    with transaction.atomic(), connection.cursor() as cur:
        local = IDENTITIES_SETTINGS.replace("SET ", "SET LOCAL ")
        cur.execute(f"SET LOCAL synchronous_commit = off; {local}")
        cur.execute(IDENTITIES_SQL)
        added = cur.rowcount
    if added:
        with connection.cursor() as cur:
            cur.execute("ANALYZE reports_reporteridentity")
    return added


def bench_staff(connection: Any) -> dict[str, Any]:
    """The national admin and the agency admin of ``bench/scale.py`` (same e-mails)."""
    from lapor.accounts.models import User
    from lapor.agencies.models import Agency, Membership

    with connection.cursor() as cur:
        cur.execute(
            "SELECT d.parent_id FROM regions_region v JOIN regions_region d ON d.code = v.parent_id"
            " WHERE v.level = 4 GROUP BY d.parent_id ORDER BY count(*) DESC, 1 LIMIT 1"
        )
        regency = cur.fetchone()[0]
    government = Agency.objects.filter(kind="regency_government", region_id=regency).first()
    national_body = Agency.objects.filter(parent__isnull=True, kind="ministry").order_by("pk")[0]
    assert government is not None, regency

    def staff(email: str, agency: Agency, role: str) -> User:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(email=email, password=None, full_name=email)
        Membership.objects.get_or_create(user=user, agency=agency, role=role)
        return User.objects.get(pk=user.pk)

    return {
        "national admin": staff(
            "scale.national@example.id", national_body, Membership.Role.NATIONAL_ADMIN
        ),
        "agency admin": staff("scale.admin@example.id", government, Membership.Role.AGENCY_ADMIN),
        "regency": regency,
    }


def export_url(fmt: str = "csv", days: int | None = 90) -> str:
    from django.utils import timezone

    url = f"/konsol/ekspor/unduh/?format={fmt}"
    if days is not None:
        start = timezone.localdate() - dt.timedelta(days=days)
        url += f"&received_from={start.isoformat()}"
    return url


def count_rows(fmt: str, body: bytes) -> int:
    """Data rows of an export file (without the header)."""
    if fmt == "csv":
        import csv
        import io

        return sum(1 for _row in csv.reader(io.StringIO(body.decode("utf-8-sig")))) - 1
    import io

    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(body), read_only=True).active
    assert sheet is not None
    return sum(1 for _row in sheet.iter_rows(values_only=True)) - 1


def export_rate(client: Any, url: str, fmt: str = "csv") -> dict[str, float]:
    """One export through the view (in-process): rows, seconds, queries, rows/s."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        cpu = time.process_time()
        start = time.perf_counter()
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        if getattr(response, "streaming", False):
            body = b"".join(response.streaming_content)
        else:
            body = response.content
        took = time.perf_counter() - start
        cpu = time.process_time() - cpu
    rows = count_rows(fmt, body)
    return {
        "rows": rows,
        "seconds": took,
        "queries": len(queries),
        "rows_per_s": rows / took,
        # Rows per second of this process's own CPU time: less sensitive to a shared
        # machine's load than the wall clock (the database's time is not in it).
        "rows_per_cpu_s": rows / cpu if cpu else 0.0,
    }


def table_sizes(connection: Any) -> dict[str, int]:
    sizes = {}
    with connection.cursor() as cur:
        for table in (REPORT_TABLE, *FACT_TABLES, *ROLLUP_TABLES):
            cur.execute("SELECT pg_total_relation_size(%s::regclass)", [table])
            sizes[table] = cur.fetchone()[0]
    return sizes


def size_lines(sizes: dict[str, int]) -> list[str]:
    """The size table: each table, the rollups against the facts, everything against reports."""
    mib = 2**20
    reports = sizes[REPORT_TABLE]
    facts = sum(sizes[t] for t in FACT_TABLES)
    rollups = sum(sizes[t] for t in ROLLUP_TABLES)
    lines = [f"| {t} | {v / mib:,.0f} MiB |" for t, v in sizes.items()]
    lines.append(
        f"| rollups (regionperiod + dimperiod) | {rollups / mib:,.0f} MiB"
        f" = {rollups / sizes['stats_reportfact']:.2f}× stats_reportfact,"
        f" {rollups / reports:.2f}× reports |"
    )
    lines.append(
        f"| all statistics tables | {(facts + rollups) / mib:,.0f} MiB"
        f" = {(facts + rollups) / reports:.2f}× reports |"
    )
    return lines


def rollup_rows(connection: Any) -> list[tuple[str, str, int, int]]:
    """(table, grain, region level, rows) of the rollups."""
    out = []
    with connection.cursor() as cur:
        for table in ROLLUP_TABLES:
            cur.execute(
                f"SELECT grain, region_level, count(*) FROM {table} GROUP BY 1, 2 ORDER BY 1, 2"  # noqa: S608
            )
            out += [(table, g, lvl, n) for g, lvl, n in cur.fetchall()]
    return out


# --- over HTTP ------------------------------------------------------------------------------


def start_server() -> subprocess.Popen[bytes]:
    # Production settings over plain http on loopback: no redirect to https.
    env = {
        **os.environ,
        "DATABASE_URL": URL,
        "PYTHONPATH": str(ROOT),
        "DEBUG": "0",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
    }
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "granian"), "--interface", "wsgi", "--host",
         "127.0.0.1", "--port", str(PORT), "--workers", "1", "--blocking-threads", "8",
         "--backpressure", "32", "--log-level", "warning", "lapor.wsgi:application"],
        cwd=ROOT, env=env, start_new_session=True,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", PORT), timeout=1):
                return server
        except OSError:
            time.sleep(0.2)
    stop_server(server)
    raise SystemExit(f"granian did not listen on {PORT}")


def stop_server(server: subprocess.Popen[bytes]) -> None:
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def session_cookie(user: Any) -> str:
    """A logged-in session for ``user``, as the login view would leave it."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def http_export(cookie: str, url: str, fmt: str = "csv") -> dict[str, float]:
    """One export over HTTP, read as it streams: rows, seconds, time to the first byte."""
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=600)
    start = time.perf_counter()
    conn.request("GET", url, headers={"Cookie": cookie, "Host": "127.0.0.1"})
    response = conn.getresponse()
    assert response.status == 200, (url, response.status, response.read()[:300])
    first = None
    size = 0
    chunks = []
    while True:
        chunk = response.read1(65536)
        if not chunk:
            break
        if first is None:
            first = time.perf_counter() - start
        size += len(chunk)
        chunks.append(chunk)
    took = time.perf_counter() - start
    conn.close()
    rows = count_rows(fmt, b"".join(chunks))
    return {"rows": rows, "seconds": took, "first_byte": first or took, "rows_per_s": rows / took}


# --- XLSX writers compared -----------------------------------------------------------------


def openpyxl_writer(rows: list[list[str]]) -> Any:
    """The XLSX writer before the streaming one (``lapor.exports.formats.xlsx_file`` until issue
    12's streaming change): openpyxl's write-only mode into a temporary file, a cell object only
    for the bold header and formula-like text."""
    import tempfile

    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    from lapor.core.cells import formula_like
    from lapor.exports.columns import HEADERS
    from lapor.exports.formats import COLUMN_WIDTHS, SHEET_TITLE

    def text(sheet: Any, value: str, font: Any = None) -> Any:
        cleaned = ILLEGAL_CHARACTERS_RE.sub("", value)[:32_767]
        if font is None and not formula_like(cleaned):
            return cleaned
        cell = WriteOnlyCell(sheet, value=cleaned)
        cell.data_type = "s"
        cell.quotePrefix = formula_like(cleaned)
        if font is not None:
            cell.font = font
        return cell

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(SHEET_TITLE)
    sheet.freeze_panes = "A2"
    for column, width in COLUMN_WIDTHS.items():
        sheet.column_dimensions[column].width = width
    bold = Font(bold=True)
    sheet.append([text(sheet, header, bold) for header in HEADERS])
    for row in rows:
        sheet.append([text(sheet, value) for value in row])
    with tempfile.TemporaryFile(suffix=".xlsx") as output:
        workbook.save(output)
        output.seek(0)
        yield from iter(lambda: output.read(65536), b"")


def xlsxwriter_writer(rows: list[list[str]]) -> Any:
    """XlsxWriter's ``constant_memory`` mode (inline strings, rows flushed to a temporary file;
    the ZIP is assembled when the workbook closes), the same cells and formats."""
    import tempfile

    import xlsxwriter  # type: ignore[import-not-found,unused-ignore]

    from lapor.core.cells import formula_like
    from lapor.exports.columns import HEADERS
    from lapor.exports.formats import COLUMN_WIDTHS, SHEET_TITLE
    from lapor.exports.xlsx import text

    options = {"constant_memory": True, "strings_to_numbers": False, "strings_to_formulas": False}
    with tempfile.TemporaryFile(suffix=".xlsx") as output:
        workbook = xlsxwriter.Workbook(output, {**options, "strings_to_urls": False})
        sheet = workbook.add_worksheet(SHEET_TITLE)
        bold = workbook.add_format({"bold": True})
        quote = workbook.add_format({"quote_prefix": True})
        sheet.freeze_panes(1, 0)
        for column, width in COLUMN_WIDTHS.items():
            sheet.set_column(f"{column}:{column}", width)
        for c, header in enumerate(HEADERS):
            sheet.write_string(0, c, header, bold)
        write = sheet.write_string
        for r, row in enumerate(rows, 1):
            for c, value in enumerate(row):
                if value:
                    value = text(value)
                    if formula_like(value):
                        write(r, c, value, quote)
                    else:
                        write(r, c, value)
        workbook.close()
        output.seek(0)
        yield from iter(lambda: output.read(65536), b"")


def compare_writers(user: Any) -> None:
    """Each writer on the same rows, in this process, runs alternating (``EXPORT_RUNS``)."""
    import itertools

    from lapor.exports.columns import HEADERS
    from lapor.exports.formats import COLUMN_WIDTHS, SHEET_TITLE
    from lapor.exports.selectors import ExportFilters, export_rows
    from lapor.exports.xlsx import COMPRESSLEVEL, sheet_chunks

    limit = int(os.environ.get("WRITER_ROWS", "20000"))
    rows = list(itertools.islice(export_rows(user, ExportFilters()), limit))
    writers: dict[str, Any] = {"openpyxl write_only (before)": openpyxl_writer}
    try:
        import xlsxwriter  # type: ignore[import-not-found,unused-ignore]  # noqa: F401

        writers["XlsxWriter constant_memory"] = xlsxwriter_writer
    except ImportError:
        print("  (XlsxWriter not installed: pip install xlsxwriter to compare it)")
    for level in sorted({1, COMPRESSLEVEL, 6}):
        writers[f"lapor.exports.xlsx, deflate {level}"] = lambda r, level=level: sheet_chunks(
            HEADERS, r, title=SHEET_TITLE, widths=COLUMN_WIDTHS, compresslevel=level
        )
    runs: dict[str, list[tuple[float, float, int, float]]] = {name: [] for name in writers}
    for _ in range(EXPORT_RUNS):
        for name, writer in writers.items():
            cpu = time.process_time()
            start = time.perf_counter()
            first = None
            size = 0
            for chunk in writer(rows):
                if first is None:
                    first = time.perf_counter() - start
                size += len(chunk)
            took = time.perf_counter() - start
            runs[name].append((time.process_time() - cpu, took, size, first or took))
    print(f"\n| XLSX writer, {len(rows):,} rows × {len(HEADERS)} columns ({load()}) | rows per CPU s"
          " | rows/s | file | first bytes ready after |\n|---|---|---|---|---|")  # fmt: skip
    for name, measured in runs.items():
        cpu = statistics.median(m[0] for m in measured)
        wall = statistics.median(m[1] for m in measured)
        print(
            f"| {name} | {len(rows) / cpu:,.0f} | {len(rows) / wall:,.0f} |"
            f" {measured[-1][2] / 2**20:.1f} MiB |"
            f" {statistics.median(m[3] for m in measured) * 1000:,.0f} ms"
            f" (of {wall * 1000:,.0f} ms) |",
            flush=True,
        )


# --- refresh_stats timings ------------------------------------------------------------------


def refresh_timings(connection: Any) -> dict[str, float]:
    """``refresh_stats --full``, then an incremental refresh after TOUCH reports changed
    (``updated_at`` moved: the refresh's safety net picks them up), in seconds."""
    from lapor.stats.rollup import refresh

    out = {}
    start = time.perf_counter()
    refresh(full=True)
    out["full"] = time.perf_counter() - start
    with connection.cursor() as cur:
        cur.execute(
            "UPDATE reports_report SET updated_at = now() WHERE id IN"
            " (SELECT id FROM reports_report ORDER BY random() LIMIT %s)",
            [TOUCH],
        )
    start = time.perf_counter()
    result = refresh()
    out["incremental"] = time.perf_counter() - start
    out["incremental_reports"] = result.reports
    out["incremental_days"] = result.days
    return out


def main() -> None:
    setup_django()
    from django.db import connection
    from django.test import Client
    from django.test.utils import override_settings

    override_settings(
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
    ).enable()
    print(f"# {DB}, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {load()}", flush=True)
    if "--writers" in sys.argv:
        compare_writers(bench_staff(connection)["national admin"])
        return
    if "--sizes" not in sys.argv:
        t = time.perf_counter()
        added = ensure_identities(connection)
        print(f"reporter identities added: {added:,} ({time.perf_counter() - t:.0f} s)")
        people = bench_staff(connection)
        from lapor.exports.selectors import export_rows

        cases = [
            ("agency admin, last 90 days", "agency admin", 90),
            ("agency admin, whole scope", "agency admin", None),
            ("national admin, last 90 days", "national admin", 90),
        ]
        # CASES=agency or CASES=national: one kind of exporter only; FORMATS=csv,… likewise.
        cases = [c for c in cases if os.environ.get("CASES", "") in c[1]]
        results: dict[str, Any] = {}
        for label, who, days in cases:
            user = people[who]
            client = Client()
            client.force_login(user)
            from lapor.exports.selectors import ExportFilters

            since = None if days is None else dt.date.today() - dt.timedelta(days=days)
            for fmt in os.environ.get("FORMATS", "selector,csv,xlsx").split(","):
                runs = []
                for run in range(EXPORT_RUNS + WARMUP):  # the first one warms up
                    if fmt == "selector":
                        cpu = time.process_time()
                        start = time.perf_counter()
                        rows = sum(
                            1 for _r in export_rows(user, ExportFilters(received_from=since))
                        )
                        took = time.perf_counter() - start
                        cpu = time.process_time() - cpu
                        runs.append(
                            {
                                "rows": rows,
                                "seconds": took,
                                "rows_per_s": rows / took,
                                "rows_per_cpu_s": rows / cpu if cpu else 0.0,
                                "queries": 0,
                            }
                        )
                    else:
                        runs.append(export_rate(client, export_url(fmt, days), fmt))
                    if run < WARMUP:
                        runs.pop()
                best = statistics.median(r["rows_per_s"] for r in runs)
                r0 = runs[-1]
                results[f"{label} {fmt}"] = {"rows": r0["rows"], "rows_per_s": best}
                print(
                    f"  {label:<30} {fmt:<8} {r0['rows']:>8,} rows  median {best:>8,.0f} rows/s"
                    f"  ({statistics.median(r['seconds'] for r in runs):.2f} s,"
                    f" {statistics.median(r['rows_per_cpu_s'] for r in runs):,.0f} rows per CPU s,"
                    f" {r0['queries']} queries)  {load()}",
                    flush=True,
                )
        server = start_server()
        try:
            for label, who, days in cases:
                cookie = session_cookie(people[who])
                for fmt in os.environ.get("HTTP_FORMATS", "csv,xlsx").split(","):
                    url = export_url(fmt, days)
                    for _ in range(WARMUP):
                        http_export(cookie, url, fmt)
                    runs = [http_export(cookie, url, fmt) for _ in range(EXPORT_RUNS)]
                    best = statistics.median(r["rows_per_s"] for r in runs)
                    print(
                        f"  {label:<30} HTTP {fmt:<4}{runs[-1]['rows']:>8,} rows  median"
                        f" {best:>8,.0f} rows/s  ({statistics.median(r['seconds'] for r in runs):.2f} s,"
                        f" first byte {statistics.median(r['first_byte'] for r in runs) * 1000:.0f} ms)"
                        f"  {load()}",
                        flush=True,
                    )
        finally:
            stop_server(server)
    if "--refresh" in sys.argv:
        timings = refresh_timings(connection)
        print(
            f"refresh_stats --full {timings['full']:.1f} s; incremental after {TOUCH:,} reports"
            f" changed {timings['incremental']:.1f} s ({timings['incremental_reports']:,}"
            f" reports, {timings['incremental_days']:,} days)  {load()}"
        )
    sizes = table_sizes(connection)
    print(f"\n| table (total, with indexes) | {DB} ({load()}) |\n|---|---|")
    print("\n".join(size_lines(sizes)))
    print("\n| rollup | grain | region level | rows |\n|---|---|---|---|")
    for table, grain, level, n in rollup_rows(connection):
        print(f"| {table} | {grain} | {level} | {n:,} |")
    print(json.dumps({"sizes": sizes}))


if __name__ == "__main__":
    main()
