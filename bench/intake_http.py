"""Intake over real HTTP under concurrency: our full intake against a bare Django insert view
served by the same server process, same database, same run (issue 11.5).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lapor_bench \
        .venv/bin/python bench/intake_http.py

One granian process (WSGI, as ``make serve`` runs it: 1 worker, 8 threads, backpressure 32)
serves ``lapor.wsgi`` with one extra URL, ``/bench/bare/`` (``bench/intake.py``: read the POST,
insert one report row, answer). ``CLIENTS`` keep-alive clients (default 8) post as fast as
they are answered, for ``SECONDS`` (default 10) per round; rounds are interleaved — bare, web
form, API, bare, … — ``ROUNDS`` times (default 2), so drift hits each equally. Printed: the
completed filings per second of each, the ratio to the bare insert, latencies and how many
were refused with 503 (load shedding, WRITE_CONCURRENCY) rather than queued.
The database must be migrated; the script adds the few regions and the API key it needs.
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lapor.settings")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")

import django  # noqa: E402

django.setup()

from bench.intake import ensure_regions, form_data  # noqa: E402
from lapor.open311.models import ApiKey, PartnerApp  # noqa: E402

CLIENTS = int(os.environ.get("CLIENTS", "8"))
SECONDS = float(os.environ.get("SECONDS", "10"))
ROUNDS = int(os.environ.get("ROUNDS", "2"))
PORT = int(os.environ.get("PORT", "9350"))
THREADS = int(os.environ.get("THREADS", "8"))
# WORKER=1: the background worker runs beside the server (as `make serve` runs it), deriving
# each filing's clock and outbox rows while the clients post: its CPU and queries compete with
# the intake's on the same machine.
WORKER = os.environ.get("WORKER", "0") == "1"


def api_key() -> str:
    partner, _ = PartnerApp.objects.get_or_create(name="Bench partner")
    key = ApiKey(partner=partner, scopes=["reports"], rate_limit_per_minute=10**6)
    raw = key.set_new_key()
    key.save()
    return raw


def server_env() -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.http_settings",
        "PYTHONPATH": str(ROOT),
        "DEBUG": "0",
        # Plain HTTP on loopback: no redirect to https, cookies the client can send back.
        "SECURE_SSL_REDIRECT": os.environ.get("SECURE_SSL_REDIRECT", "0"),
        "SECURE_COOKIES": os.environ.get("SECURE_COOKIES", "0"),
    }


def start_worker() -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "manage.py", "run_worker", "--interval", "0.2", "-v", "0"],
        cwd=ROOT, env=server_env(), start_new_session=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip


def start_server() -> subprocess.Popen[bytes]:
    env = server_env()
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "granian"), "--interface", "wsgi", "--host",
         "127.0.0.1", "--port", str(PORT), "--workers", "1", "--blocking-threads",
         str(THREADS), "--backpressure", str(THREADS * 4), "--log-level", "warning",
         "lapor.wsgi:application"],
        cwd=ROOT, env=env, start_new_session=True,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", PORT), timeout=1):
                break
        except OSError:
            time.sleep(0.2)
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
    conn.request("GET", "/lapor/")  # warm up: imports, templates
    conn.getresponse().read()
    return server


class Web:
    """A browser's session: the CSRF cookie and token from one GET, then posts."""

    def __init__(self) -> None:
        self.conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=120)
        self.conn.request("GET", "/lapor/")
        response = self.conn.getresponse()
        page = response.read().decode()
        if response.status != 200:
            raise SystemExit(f"GET /lapor/ answered {response.status}: {page[:500]}")
        cookie = next(
            v for k, v in response.getheaders() if k.lower() == "set-cookie" and "csrftoken" in v
        )
        self.cookie = cookie.split(";", 1)[0]
        self.token = page.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]

    def post(self) -> int:
        data = form_data() | {
            "submission_key": str(uuid.uuid4()),
            "csrfmiddlewaretoken": self.token,
        }
        self.conn.request(
            "POST",
            "/lapor/",
            urllib.parse.urlencode(data),
            {
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": self.cookie,
                "Referer": f"http://127.0.0.1:{PORT}/lapor/",
            },
        )
        response = self.conn.getresponse()
        response.read()
        return 200 if response.status == 302 else response.status


class Bare:
    def __init__(self) -> None:
        self.conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=120)

    def post(self) -> int:
        self.conn.request(
            "POST",
            "/bench/bare/",
            urllib.parse.urlencode(form_data()),
            {"Content-Type": "application/x-www-form-urlencoded"},
        )
        response = self.conn.getresponse()
        response.read()
        return 200 if response.status == 201 else response.status


class Api:
    key = ""

    def __init__(self) -> None:
        self.conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=120)

    def post(self) -> int:
        data = form_data()
        payload = {
            "title": data["title"],
            "body": data["body"],
            "incident_date": data["incident_date"],
            "region_code": data["village"],
            "contact": {"full_name": data["full_name"], "phone": data["phone"]},
        }
        self.conn.request(
            "POST",
            "/api/v1/reports",
            json.dumps(payload),
            {"Content-Type": "application/json", "X-API-Key": Api.key},
        )
        response = self.conn.getresponse()
        response.read()
        return 200 if response.status == 201 else response.status


def run(kind: type, seconds: float) -> tuple[int, Counter[int], list[float]]:
    clients = [kind() for _ in range(CLIENTS)]
    statuses: Counter[int] = Counter()
    latencies: list[float] = []
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def loop(client: object) -> None:
        while time.monotonic() < stop_at:
            started = time.monotonic()
            try:
                status = client.post()  # type: ignore[attr-defined]
            except OSError:
                status = 0
                client.conn.close()  # type: ignore[attr-defined]
            with lock:
                statuses[status] += 1
                if status == 200:
                    latencies.append(time.monotonic() - started)

    threads = [threading.Thread(target=loop, args=(c,)) for c in clients]
    began = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - began
    return int(statuses[200] / elapsed), statuses, latencies


def main() -> None:
    ensure_regions()
    Api.key = api_key()
    server = start_server()
    worker = start_worker() if WORKER else None
    results: dict[str, list[tuple[int, Counter[int], list[float]]]] = {}
    load_before = os.getloadavg()[0]
    try:
        for _ in range(ROUNDS):
            for name, kind in (("bare insert", Bare), ("web form", Web), ("API", Api)):
                results.setdefault(name, []).append(run(kind, SECONDS))
    finally:
        for process in (server, worker):
            if process is not None:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(30)
    from django.conf import settings

    print(
        f"granian 1 worker × {THREADS} threads, {CLIENTS} concurrent clients, "
        f"{ROUNDS} × {SECONDS:.0f} s each, database {django.db.connection.vendor}, "
        f"cache {settings.CACHES['default']['BACKEND'].rsplit('.', 1)[-1]}, "
        f"background worker {'running' if WORKER else 'not running'}, "
        f"load average {load_before:.1f} → {os.getloadavg()[0]:.1f}"
    )
    rates = {name: statistics.mean(r[0] for r in rounds) for name, rounds in results.items()}
    for name, rounds in results.items():
        latencies = sorted(x for r in rounds for x in r[2])
        statuses: Counter[int] = sum((r[1] for r in rounds), Counter())
        p50 = latencies[len(latencies) // 2] * 1000 if latencies else 0
        p95 = latencies[int(len(latencies) * 0.95)] * 1000 if latencies else 0
        refused = statuses.get(503, 0)
        other = sum(v for k, v in statuses.items() if k not in (200, 503))
        ratio = rates["bare insert"] / max(rates[name], 0.01)
        print(
            f"{name:12s}: {rates[name]:6.1f} filings/s  p50 {p50:6.0f} ms  p95 {p95:6.0f} ms  "
            f"503 {refused}  errors {other}  bare/this {ratio:5.2f}×"
        )


if __name__ == "__main__":
    main()
