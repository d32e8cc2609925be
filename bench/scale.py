# ruff: noqa: E501
"""Scale run (issue 12): every page and API call at several data sizes, and its growth slope.

    .venv/bin/python bench/scale.py                         # 100k and 1M (builds, keeps)
    SIZES=100000,300000,1000000 .venv/bin/python bench/scale.py
    .venv/bin/python bench/scale.py --drop                  # drop the databases afterwards

For each size it builds (or reuses) ``lapor_scale_<n>k`` with the generator of
``bench/national_scale.py`` (``INSERT … SELECT FROM generate_series``: reports, timeline events,
assignments, due dates, reporter identities; then the search vocabulary and ``refresh_stats
--full``), applies the
migrations (so new indexes exist), then measures in a separate process per database
(``bench/scale.py --measure <db>``): server time per request in-process (Django test client,
one thread, median of ``RUNS`` after warm-up), each as a ratio to a bare indexed ``SELECT`` of
20 reports ``ORDER BY created_at DESC`` measured in the same process. Staff users (a national
admin; an agency admin of the regency government with the most villages) are created in each
database for the console pages.

One process per database stays up and the parent asks each, in turn, for one run of the same
case (rotating which size goes first), so the sizes of one round share the machine's load of
that second (``--sequential``: one size after the other instead). Per size: the median time,
and its ratio to the median time of the baseline case at that size. The slope is
``log(ratio_big / ratio_small) / log(n_big / n_small)`` of those ratios: 0 = flat, 1 = linear
in the number of reports. The export's row is time per exported row (its rows grow
with the data by design: an agency's last 90 days).
"""

from __future__ import annotations

import json
import math
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = [int(s) for s in os.environ.get("SIZES", "100000,1000000").split(",") if s]
RUNS = int(os.environ.get("RUNS", "15"))
PREFIX = os.environ.get("SCALE_DB_PREFIX", "lapor_scale")
# ONLY=statistik,typo: measure only the cases whose name contains one of these words (case
# insensitive; the baseline always), and skip the export. Empty: every case.
ONLY = [w.strip().lower() for w in os.environ.get("ONLY", "").split(",") if w.strip()]
PSQL = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-v", "ON_ERROR_STOP=1", "-Atq"]
# A production-like process (DEBUG off) on the test client: plain HTTP, no TOTP step for the
# national admin, a throwaway key (inherited by the build and measuring subprocesses).
os.environ.setdefault("SECRET_KEY", __import__("secrets").token_urlsafe(50))
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("TWO_FACTOR_REQUIRED", "0")


def db_name(n: int) -> str:
    return f"{PREFIX}_{n // 1000}k"


def build(n: int) -> None:
    env = {**os.environ, "BENCH_DB": db_name(n), "REPORTS": str(n)}
    env.setdefault("REFRESH_TIMEOUT", "1800")
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "national_scale.py"), "--build-only"],
        check=True,
        env=env,
    )
    url = f"postgres://postgres@127.0.0.1:5432/{db_name(n)}"
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "migrate", "-v0"],
        check=True,
        env={**os.environ, "DATABASE_URL": url},
    )
    subprocess.run([*PSQL, "-d", db_name(n), "-c", "ANALYZE"], check=True)


# --- one database, in its own process ------------------------------------------------------


def measure(db: str) -> dict:  # type: ignore[type-arg]
    os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{db}"
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lapor.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import override_settings

    override_settings(
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
    ).enable()
    from lapor.accounts.models import User
    from lapor.agencies.models import Agency, Membership
    from lapor.console import selectors
    from lapor.reports.models import Report

    with connection.cursor() as cur:
        # The regency government with the most villages: the same one at every size.
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

    # The province government of that regency: an admin verifying by place at province level.
    province = Agency.objects.filter(
        kind="provincial_government", region_id=regency.split(".")[0]
    ).first()
    assert province is not None, regency
    national = staff("scale.national@example.id", national_body, Membership.Role.NATIONAL_ADMIN)
    admin = staff("scale.admin@example.id", government, Membership.Role.AGENCY_ADMIN)
    # Every scoped role of the console (issue 12): each reads its queues through its scope.
    roles = [
        ("national admin", national),
        ("agency admin", admin),
        (
            "supervisor",
            staff("scale.supervisor@example.id", government, Membership.Role.SUPERVISOR),
        ),
        (
            "liaison officer",
            staff("scale.liaison@example.id", government, Membership.Role.LIAISON_OFFICER),
        ),
        (
            "province admin, place-based verifier",
            staff("scale.province@example.id", province, Membership.Role.AGENCY_ADMIN),
        ),
    ]
    clients = {}
    for name, user in roles:
        clients[name] = Client()
        clients[name].force_login(user)
    public = Client()
    sample = (
        Report.objects.filter(privacy="public", status="followed_up")
        .order_by("-created_at")
        .values_list("tracking_id", flat=True)
        .first()
    )

    def get(client: Client, url: str):  # type: ignore[no-untyped-def]
        def run() -> None:
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            if getattr(response, "streaming", False):
                b"".join(response.streaming_content)

        return run

    def baseline() -> None:
        with connection.cursor() as cur:
            cur.execute(
                "SELECT id, tracking_id, title_published, body_published, status, created_at"
                " FROM reports_report ORDER BY created_at DESC LIMIT 20"
            )
            cur.fetchall()

    def uncached(url: str):  # type: ignore[no-untyped-def]
        inner = get(public, url)

        def run() -> None:
            cache.clear()
            inner()

        return run

    cases: list[tuple[str, object]] = [("baseline: bare indexed SELECT of 20 reports", baseline)]
    for who, user in roles:
        client = clients[who]
        cases.append((f"console dashboard ({who})", get(client, "/konsol/")))
        for queue in selectors.available_queues(user):
            cases.append(
                (
                    f"console queue {queue.value} ({who})",
                    get(client, f"/konsol/antrean/{queue.value}/"),
                )
            )
    cases += [
        ("API v1 public feed /api/v1/public/reports", get(public, "/api/v1/public/reports")),
        ("public feed /laporan/", get(public, "/laporan/")),
        ("search ?q=jalan berlubang", get(public, "/laporan/?q=jalan+berlubang")),
        ("search, typo ?q=sekola rusak", get(public, "/laporan/?q=sekola+rusak")),
        ("public report page", get(public, f"/laporan/{sample}/")),
        ("statistics /statistik/, cache cleared", uncached("/statistik/")),
        (f"statistics region {regency}, cache cleared", uncached(f"/statistik/?region={regency}")),
        (
            "Open311 requests.json?page_size=100",
            get(public, "/open311/v2/requests.json?page_size=100"),
        ),
    ]
    if ONLY:
        cases = [cases[0]] + [c for c in cases[1:] if any(w in c[0].lower() for w in ONLY)]
    if SERVE:
        serve(db, cases, baseline, clients["agency admin"], connection, Report, regency)
        return {}
    results: dict[str, float] = {}
    ratios: dict[str, float] = {}
    for name, fn in cases:
        results[name], ratios[name] = timed(fn, baseline)  # type: ignore[arg-type]
        print(
            f"  {db}: {name:<58} {results[name]:9.2f} ms {ratios[name]:8.1f} x",
            file=sys.stderr,
            flush=True,
        )
    # The export: an agency admin's CSV of the last 90 days (rows grow with the data).
    from django.utils import timezone

    start = (timezone.localdate() - __import__("datetime").timedelta(days=90)).isoformat()
    url = f"/konsol/ekspor/unduh/?format=csv&received_from={start}"
    export_times, export_ratios, rows = [], [], 0
    for _ in range(3):
        base = _baseline_ms(baseline)
        t = time.perf_counter()
        response = clients["agency admin"].get(url)
        assert response.status_code == 200, response.status_code
        body = b"".join(response.streaming_content)
        took = time.perf_counter() - t
        rows = body.count(b"\n") - 1
        export_times.append(took)
        export_ratios.append(took * 1000 / max(rows, 1) / base)
    export_s = statistics.median(export_times)
    sizes = {}
    with connection.cursor() as cur:
        for table in (
            "reports_report",
            "stats_reportfact",
            "stats_regionperiod",
            "stats_dimperiod",
            "stats_agencycasefact",
        ):
            cur.execute("SELECT pg_total_relation_size(%s::regclass)", [table])
            sizes[table] = cur.fetchone()[0]
    return {
        "db": db,
        "reports": Report.objects.count(),
        "regency": regency,
        "ms": results,
        "ratio": ratios,
        "export": {"rows": rows, "seconds": export_s, "ratio": statistics.median(export_ratios)},
        "sizes": sizes,
    }


SERVE = "--serve" in sys.argv


def _export_url() -> str:
    import datetime as dt

    from django.utils import timezone

    start = (timezone.localdate() - dt.timedelta(days=90)).isoformat()
    return f"/konsol/ekspor/unduh/?format=csv&received_from={start}"


def serve(db, cases, baseline, exporter, connection, report_model, regency) -> None:  # type: ignore[no-untyped-def]
    """Lockstep mode: the parent asks every size's process for one run of the same case in
    turn, so the sizes of one round share the machine's load of that second."""
    fns = dict(cases)
    print(json.dumps({"ready": [n for n, _ in cases]}), flush=True)
    for line in sys.stdin:
        what = line.strip()
        if what == "export":
            base = _baseline_ms(baseline)
            t = time.perf_counter()
            response = exporter.get(_export_url())
            body = b"".join(response.streaming_content)
            took = time.perf_counter() - t
            print(json.dumps({"s": took, "rows": body.count(b"\n") - 1, "base": base}), flush=True)
        elif what == "sizes":
            sizes = {}
            with connection.cursor() as cur:
                for table in (
                    "reports_report",
                    "stats_reportfact",
                    "stats_regionperiod",
                    "stats_dimperiod",
                    "stats_agencycasefact",
                ):
                    cur.execute("SELECT pg_total_relation_size(%s::regclass)", [table])
                    sizes[table] = cur.fetchone()[0]
            out = {"sizes": sizes, "reports": report_model.objects.count(), "regency": regency}
            print(json.dumps(out), flush=True)
            return
        else:
            base = _baseline_ms(baseline)
            t = time.perf_counter()
            fns[what]()
            print(json.dumps({"ms": (time.perf_counter() - t) * 1000, "base": base}), flush=True)


def lockstep(sizes: list[int]) -> list[dict]:  # type: ignore[type-arg]
    """Every case RUNS times at every size, the sizes interleaved run by run (rotating which
    goes first); per size the median ms, and the ratio of the medians of the case and of the
    baseline measured beside it."""
    procs = {
        n: subprocess.Popen(
            [sys.executable, __file__, "--measure", db_name(n), "--serve"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for n in sizes
    }

    def ask(n: int, what: str) -> dict:  # type: ignore[type-arg]
        proc = procs[n]
        assert proc.stdin and proc.stdout
        proc.stdin.write(what + "\n")
        proc.stdin.flush()
        while True:
            line = proc.stdout.readline()
            if not line:
                raise SystemExit(f"the {n:,} process ended")
            if line.startswith("{"):
                return json.loads(line)

    names = None
    for n in sizes:
        assert procs[n].stdout
        while True:
            line = procs[n].stdout.readline()
            if line.startswith("{"):
                names = json.loads(line)["ready"]
                break
    assert names
    samples = {n: {name: ([], []) for name in names} for n in sizes}
    loads: dict[str, float] = {}  # the 1-minute load average when each case was done
    for name in names:
        for n in sizes:  # warm-up
            ask(n, name)
            ask(n, name)
        for r in range(RUNS):
            order = sizes[r % len(sizes) :] + sizes[: r % len(sizes)]
            for n in order:
                got = ask(n, name)
                samples[n][name][0].append(got["ms"])
                samples[n][name][1].append(got["base"])
        loads[name] = os.getloadavg()[0]
        print(
            f"  {name:<58} "
            + "  ".join(f"{statistics.median(samples[n][name][0]):9.2f}" for n in sizes)
            + f"   load {loads[name]:.1f}",
            file=sys.stderr,
            flush=True,
        )
    exports = {n: [] for n in sizes}  # type: ignore[var-annotated]
    for r in range(0 if ONLY else 3):
        for n in sizes[r % len(sizes) :] + sizes[: r % len(sizes)]:
            exports[n].append(ask(n, "export"))
    runs = []
    for n in sizes:
        info = ask(n, "sizes")
        procs[n].wait(timeout=60)
        ms = {k: statistics.median(v[0]) for k, v in samples[n].items()}
        # The ratio to the bare SELECT of the same size: the median of every baseline timing
        # taken beside every case of that size (5 before each run, hundreds in all), steadier
        # on a loaded machine than the baseline case's own few runs of a 0.5 ms query.
        base = statistics.median(b for v in samples[n].values() for b in v[1])
        ms[names[0]] = base
        ratio = {k: v / base for k, v in ms.items()}
        e = exports[n]
        export = None
        if e:
            seconds = statistics.median(x["s"] for x in e)
            rows = e[-1]["rows"]
            base = statistics.median(x["base"] for x in e)
            export = {
                "rows": rows,
                "seconds": seconds,
                "ratio": seconds * 1000 / max(rows, 1) / base,
            }
        runs.append(
            {
                **info,
                "db": db_name(n),
                "ms": ms,
                "ratio": ratio,
                "load": loads,
                "export": export,
            }
        )
    return runs


def _baseline_ms(baseline) -> float:  # type: ignore[no-untyped-def]
    """The bare SELECT, median of 5, in ms: measured right beside each run of a case, so
    that the ratio cancels what other processes on the machine do at that moment."""
    times = []
    for _ in range(5):
        start = time.perf_counter()
        baseline()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def timed(fn, baseline, runs: int = RUNS) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """(median ms, median of the ratios to the baseline measured beside each run)."""
    for _ in range(2):
        fn()
    times, ratios = [], []
    for _ in range(runs):
        base = _baseline_ms(baseline)
        start = time.perf_counter()
        fn()
        took = (time.perf_counter() - start) * 1000
        times.append(took)
        ratios.append(took / base)
    return statistics.median(times), statistics.median(ratios)


# --- the table -----------------------------------------------------------------------------


def slope(small: float, big: float, n_small: int, n_big: int) -> float:
    return math.log(big / small) / math.log(n_big / n_small)


def report(runs: list[dict]) -> None:  # type: ignore[type-arg]
    runs = sorted(runs, key=lambda r: r["reports"])
    base_name = next(iter(runs[0]["ms"]))
    names = list(runs[0]["ms"])
    sizes = [r["reports"] for r in runs]
    head = " | ".join(f"{n:,}: ms (× base)" for n in sizes)
    print(f"\n| operation | {head} | slope {sizes[0]:,}→{sizes[-1]:,} | load |")
    print("|---|" + "---|" * len(sizes) + "---|---|")
    worst = 0.0
    for name in names:
        cells, ratios = [], []
        for r in runs:
            ms = r["ms"].get(name, float("nan"))
            ratio = r["ratio"][name]
            ratios.append(ratio)
            cells.append(f"{ms:,.2f} ({ratio:,.0f})" if name != base_name else f"{ms:.3f} (1)")
        s = slope(ratios[0], ratios[-1], sizes[0], sizes[-1]) if name != base_name else 0.0
        if name != base_name:
            worst = max(worst, s)
        load = runs[-1].get("load", {}).get(name)
        print(
            f"| {name} | "
            + " | ".join(cells)
            + f" | {s:+.2f} | {'' if load is None else f'{load:.1f}'} |"
        )
    if any(r["export"] is None for r in runs):  # ONLY: no export measured
        print(f"\nsteepest slope: {worst:+.2f} (target ≤ 0.15; only {', '.join(ONLY)})")
        return
    # Export: time per exported row, as a ratio to the baseline.
    cells, ratios = [], []
    for r in runs:
        e = r["export"]
        ratios.append(e["ratio"])
        cells.append(
            f"{e['rows']:,} rows in {e['seconds']:.2f} s = {e['rows'] / e['seconds']:,.0f} rows/s"
        )
    s = slope(ratios[0], ratios[-1], sizes[0], sizes[-1])
    worst = max(worst, s)
    print(
        "| export CSV, agency admin, last 90 days (per row) | "
        + " | ".join(cells)
        + f" | {s:+.2f} | |"
    )
    print(f"\nsteepest slope: {worst:+.2f} (target ≤ 0.15)")
    print("\n| table (total, with indexes) | " + " | ".join(f"{n:,}" for n in sizes) + " |")
    print("|---|" + "---|" * len(sizes))
    for table in runs[0]["sizes"]:
        print(
            f"| {table} | "
            + " | ".join(f"{r['sizes'][table] / 2**20:,.0f} MiB" for r in runs)
            + " |"
        )
    stats = [sum(v for k, v in r["sizes"].items() if k.startswith("stats_")) for r in runs]
    print(
        "| all statistics tables | "
        + " | ".join(
            f"{s / 2**20:,.0f} MiB ({s / r['sizes']['reports_report']:.2f}× reports)"
            for s, r in zip(stats, runs, strict=True)
        )
        + " |"
    )
    report_exports_and_rollups(runs)


# --- exports and rollups (bench/exports.py has the details) --------------------------------

EXPORT_TARGET_ROWS_PER_S = 2000


def report_exports_and_rollups(runs: list[dict]) -> None:  # type: ignore[type-arg]
    """The export's rows per second against the target, and the rollups against the facts
    they summarise, per size, with the load average."""
    print(f"\nexports and rollups (load average {os.getloadavg()})")
    print(
        "| size | export rows/s (target ≥ 2,000) | rollups / stats_reportfact | all statistics / reports |"
    )
    print("|---|---|---|---|")
    for r in runs:
        e, sizes = r["export"], r["sizes"]
        rate = e["rows"] / e["seconds"] if e["seconds"] else 0.0
        rollups = sizes["stats_regionperiod"] + sizes["stats_dimperiod"]
        stats = sum(v for k, v in sizes.items() if k.startswith("stats_"))
        verdict = "ok" if rate >= EXPORT_TARGET_ROWS_PER_S else "BELOW"
        print(
            f"| {r['reports']:,} | {rate:,.0f} ({verdict}) |"
            f" {rollups / sizes['stats_reportfact']:.2f}× |"
            f" {stats / sizes['reports_report']:.2f}× |"
        )


def main() -> None:
    if sys.argv[1:2] == ["--measure"]:
        print(json.dumps(measure(sys.argv[2])))
        return
    runs = []
    for n in SIZES:
        t = time.perf_counter()
        if "--no-build" not in sys.argv:
            build(n)
        print(f"{db_name(n)}: built or reused in {time.perf_counter() - t:.0f} s", flush=True)
    load_start = os.getloadavg()
    if "--sequential" not in sys.argv:
        runs = lockstep(SIZES)
    for n in SIZES if "--sequential" in sys.argv else []:
        out = subprocess.run(
            [sys.executable, __file__, "--measure", db_name(n)],
            check=True,
            capture_output=False,
            stdout=subprocess.PIPE,
            text=True,
        )
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    mode = (
        "sizes measured one after the other"
        if "--sequential" in sys.argv
        else "sizes interleaved run by run"
    )
    print(
        f"\nscale run, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, median of {RUNS} after warm-up, {mode}"
    )
    print(f"load average at the start: {load_start}, at the end: {os.getloadavg()}")
    report(runs)
    if "--drop" in sys.argv:
        for n in SIZES:
            subprocess.run(
                [
                    *PSQL,
                    "-d",
                    "postgres",
                    "-c",
                    f"DROP DATABASE IF EXISTS {db_name(n)} WITH (FORCE)",
                ],
                check=True,
            )


if __name__ == "__main__":
    main()
