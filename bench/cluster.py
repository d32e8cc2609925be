# ruff: noqa: E501
"""Cluster test (issue 12): Lapor on real components, with failures under load.

    .venv/bin/python bench/cluster.py              # ports 9450-9469 (CLUSTER_PORT=… to move)

Needs Debian's ``haproxy`` (``apt-get install haproxy``; the distribution's service may stay
stopped) and PostgreSQL's server binaries (``initdb``, ``pg_ctl``, ``pg_basebackup``).

Starts, all on 127.0.0.1 in a temporary directory:

- a PostgreSQL primary (its own ``initdb``) and a streaming replica made with
  ``pg_basebackup -R``;
- Redis, an S3-compatible server (``moto_server``, bucket created), an SMTP sink (aiosmtpd,
  every message kept);
- two granian web servers behind HAProxy (health check ``/sehat/``), two workers;
  a supervisor loop in this script restarts any of them that exits (what ``Restart=always``
  does in deploy/systemd).

Then, under steady load (threads filing reports through the public form via HAProxy, each
retrying a failed POST with the same ``submission_key`` like a person pressing "send" again):
kill -9 one web server, kill -9 one worker, restart the primary (``pg_ctl restart -m fast``).
Counts: reports confirmed to the client vs rows in the database (lost, duplicated), the
acknowledgement e-mails in the sink (one per report: none missing, none twice), every process
back. Finally the throughput of the public feed with one web server behind HAProxy vs two.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASE = int(os.environ.get("CLUSTER_PORT", "9450"))
PG1, PG2, REDIS, S3, SMTP, WEB1, WEB2, PROXY2, PROXY1 = (BASE + i for i in range(9))
LOAD_SECONDS = int(os.environ.get("LOAD_SECONDS", "60"))
THREADS = int(os.environ.get("THREADS", "4"))
PGBIN = Path("/usr/lib/postgresql/15/bin")
PY = sys.executable
TMP = Path(tempfile.mkdtemp(prefix="lapor-cluster-"))
LOG = TMP / "logs"
LOG.mkdir()


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


def as_postgres(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


def wait_port(port: int, timeout: float = 60) -> None:
    end = time.time() + timeout
    while time.time() < end:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"port {port} did not open; logs in {LOG}")


# --- the database servers ------------------------------------------------------------------


def start_postgres() -> None:
    data1, data2 = TMP / "pg1", TMP / "pg2"  # made by initdb and pg_basebackup (mode 0700)
    if os.geteuid() == 0:
        shutil.chown(TMP, "postgres")
        shutil.chown(LOG, "postgres")
    subprocess.run(
        as_postgres([str(PGBIN / "initdb"), "-D", str(data1), "-A", "trust", "-U", "postgres"]),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    conf = data1 / "postgresql.conf"
    with conf.open("a") as fh:
        fh.write(
            f"port = {PG1}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '{TMP}'\n"
            "wal_level = replica\nmax_wal_senders = 4\nhot_standby = on\nfsync = on\n"
            "shared_buffers = 64MB\nmax_connections = 60\n"
        )
    with (data1 / "pg_hba.conf").open("a") as fh:
        fh.write("host replication all 127.0.0.1/32 trust\n")
    pg_ctl(data1, "start")
    subprocess.run(
        as_postgres(
            [
                str(PGBIN / "pg_basebackup"),
                "-h",
                "127.0.0.1",
                "-p",
                str(PG1),
                "-U",
                "postgres",
                "-D",
                str(data2),
                "-R",
                "-X",
                "stream",
            ]
        ),
        check=True,
    )
    with (data2 / "postgresql.conf").open("a") as fh:
        fh.write(f"port = {PG2}\n")
    pg_ctl(data2, "start")
    psql(PG1, "CREATE DATABASE lapor")
    log(f"PostgreSQL primary :{PG1}, streaming replica :{PG2} (pg_basebackup -R)")


def pg_ctl(data: Path, action: str) -> None:
    subprocess.run(
        as_postgres(
            [
                str(PGBIN / "pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(LOG / f"{data.name}.log"),
                "-w",
                "-m",
                "fast",
                action,
            ]
        ),
        check=True,
        stdout=subprocess.DEVNULL,
    )


def psql(port: int, sql: str, db: str = "postgres") -> str:
    out = subprocess.run(
        ["psql", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "-d", db, "-Atqc", sql],
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.strip()


# --- the application ----------------------------------------------------------------------


def app_env() -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{PG1}/lapor",
        "DATABASE_REPLICA_URL": f"postgres://postgres@127.0.0.1:{PG2}/lapor",
        "DB_POOL_MAX_SIZE": "4",
        "REDIS_URL": f"redis://127.0.0.1:{REDIS}/0",
        "S3_BUCKET": "lapor-media",
        "S3_ENDPOINT_URL": f"http://127.0.0.1:{S3}",
        "S3_ACCESS_KEY_ID": "test",
        "S3_SECRET_ACCESS_KEY": "test",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(SMTP),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "TRUSTED_PROXIES": "127.0.0.1",
        "SECRET_KEY": "cluster-test-" + "x" * 40,
        "DEBUG": "0",
        # Plain HTTP on loopback (no TLS terminator here): no redirect to https, cookies the
        # clients can send back. Production turns both on by default.
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "STAGING_MAX_FILES_PER_ADDRESS": "100000",
    }


class Supervisor:
    """Keeps named processes running: one that exits is started again after 1 s."""

    def __init__(self) -> None:
        self.specs: dict[str, list[str]] = {}
        self.procs: dict[str, subprocess.Popen[bytes]] = {}
        self.restarts: Counter[str] = Counter()
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._loop, daemon=True)

    def add(self, name: str, cmd: list[str]) -> None:
        self.specs[name] = cmd
        self._start(name)

    def _start(self, name: str) -> None:
        out = (LOG / f"{name}.log").open("ab")
        self.procs[name] = subprocess.Popen(
            self.specs[name],
            cwd=ROOT,
            env=app_env(),
            stdout=out,
            stderr=out,
            start_new_session=True,
        )

    def _loop(self) -> None:
        while not self.stop.is_set():
            for name, proc in list(self.procs.items()):
                if proc.poll() is not None and not self.stop.is_set():
                    time.sleep(1)
                    self.restarts[name] += 1
                    self._start(name)
            time.sleep(0.2)

    def kill(self, name: str) -> None:
        os.killpg(self.procs[name].pid, signal.SIGKILL)

    def alive(self) -> dict[str, bool]:
        return {n: p.poll() is None for n, p in self.procs.items()}

    def shutdown(self) -> None:
        self.stop.set()
        for proc in self.procs.values():
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in self.procs.values():
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)


def manage(*args: str) -> None:
    subprocess.run(
        [PY, "manage.py", *args], cwd=ROOT, env=app_env(), check=True, stdout=subprocess.DEVNULL
    )


def haproxy_config(port: int, servers: list[int]) -> Path:
    lines = [
        "global",
        "  maxconn 512",
        "defaults",
        "  mode http",
        "  timeout connect 2s",
        "  timeout client 30s",
        "  timeout server 30s",
        "  retries 2",
        "  option redispatch",
        "  retry-on conn-failure empty-response response-timeout",
        "frontend www",
        f"  bind 127.0.0.1:{port}",
        "  option forwardfor",
        "  default_backend web",
        "backend web",
        "  balance leastconn",
        "  option httpchk",
        "  http-check send meth GET uri /sehat/ ver HTTP/1.1 hdr Host localhost",
        "  default-server inter 1s fall 2 rise 2",
    ] + [f"  server web{i} 127.0.0.1:{p} check" for i, p in enumerate(servers, 1)]
    path = TMP / f"haproxy-{port}.cfg"
    path.write_text("\n".join(lines) + "\n")
    return path


# --- the SMTP sink -------------------------------------------------------------------------

MAILS: list[str] = []


def start_smtp() -> object:
    from aiosmtpd.controller import Controller

    class Sink:
        async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
            MAILS.append(envelope.content.decode("utf-8", "replace"))
            return "250 OK"

    controller = Controller(Sink(), hostname="127.0.0.1", port=SMTP)
    controller.start()
    return controller


# --- the load ------------------------------------------------------------------------------

CONFIRMED: set[str] = set()
GAVE_UP: list[str] = []
ERRORS: Counter[str] = Counter()


def file_reports(stop: threading.Event, port: int) -> None:
    import requests

    base = f"http://127.0.0.1:{port}"
    while not stop.is_set():
        key = str(uuid.uuid4())
        s = requests.Session()  # one browser: its cookies (session, CSRF) survive the retries
        for attempt in range(30):  # a person who keeps pressing "send" until it works
            try:
                form = s.get(f"{base}/lapor/", timeout=10)
                token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text)
                if form.status_code != 200 or not token:
                    raise RuntimeError(f"form {form.status_code}")
                data = {
                    "csrfmiddlewaretoken": token.group(1),
                    "kind": "complaint",
                    "title": "Jalan berlubang di depan SD Negeri Caturtunggal",
                    "body": "Sudah tiga bulan jalan di depan sekolah berlubang besar dan membahayakan.",
                    "incident_date": time.strftime("%Y-%m-%d"),
                    "province": "34",
                    "regency": "34.04",
                    "district": "34.04.07",
                    "village": "34.04.07.2001",
                    "address": "Jl. Colombo 1",
                    "privacy": "public",
                    "full_name": "Siti",
                    "phone": "",
                    "submission_key": key,
                    "email": f"pelapor+{key}@example.id",
                }
                r = s.post(
                    f"{base}/lapor/",
                    data=data,
                    timeout=20,
                    allow_redirects=False,
                    headers={"Referer": f"{base}/lapor/"},
                )
                if r.status_code == 302 and "/lapor/terkirim/" in r.headers.get("Location", ""):
                    CONFIRMED.add(key)
                    break
                raise RuntimeError(f"post {r.status_code}")
            except Exception as exc:  # noqa: BLE001 - counted, then retried
                ERRORS[type(exc).__name__ if not isinstance(exc, RuntimeError) else str(exc)] += 1
                time.sleep(0.5 + 0.2 * attempt)
        else:
            GAVE_UP.append(key)


def throughput(port: int, seconds: float, threads: int = 8) -> float:
    import requests

    done = Counter[str]()
    stop = threading.Event()

    def run() -> None:
        s = requests.Session()
        while not stop.is_set():
            try:
                r = s.get(f"http://127.0.0.1:{port}/laporan/", timeout=10)
                done["ok" if r.status_code == 200 else "bad"] += 1
            except Exception:  # noqa: BLE001
                done["bad"] += 1

    ts = [threading.Thread(target=run) for _ in range(threads)]
    for t in ts:
        t.start()
    time.sleep(seconds)
    stop.set()
    for t in ts:
        t.join()
    return done["ok"] / seconds


# --- the run -------------------------------------------------------------------------------


def main() -> None:
    # SIGTERM (e.g. `kill <pid>`) cleans up like Ctrl-C: every server started here is stopped.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    sup = Supervisor()
    extra: list[subprocess.Popen[bytes]] = []
    controller = None
    try:
        start_postgres()
        extra.append(
            subprocess.Popen(
                [
                    "redis-server",
                    "--bind",
                    "127.0.0.1",
                    "--port",
                    str(REDIS),
                    "--save",
                    "",
                    "--appendonly",
                    "no",
                ],
                stdout=subprocess.DEVNULL,
            )
        )
        extra.append(
            subprocess.Popen(
                [str(Path(PY).parent / "moto_server"), "-H", "127.0.0.1", "-p", str(S3)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        wait_port(REDIS)
        wait_port(S3)
        import boto3

        boto3.client(
            "s3",
            endpoint_url=f"http://127.0.0.1:{S3}",
            aws_access_key_id="test",
            aws_secret_access_key="test",
            region_name="us-east-1",
        ).create_bucket(Bucket="lapor-media")
        controller = start_smtp()
        t = time.perf_counter()
        manage("migrate", "-v0")
        manage("createcachetable")
        manage("load_directory")
        manage("collectstatic", "--noinput", "-v0")
        log(
            f"database migrated and directory loaded in {time.perf_counter() - t:.0f} s; replica lag: "
            + psql(PG2, "SELECT coalesce(now() - pg_last_xact_replay_timestamp(), '0')::text")
        )
        granian = [
            str(Path(PY).parent / "granian"),
            "--interface",
            "wsgi",
            "--host",
            "127.0.0.1",
            "--workers",
            "1",
            "--blocking-threads",
            "4",
            "--workers-kill-timeout",
            "5",
        ]
        sup.add("web1", [*granian, "--port", str(WEB1), "lapor.wsgi:application"])
        sup.add("web2", [*granian, "--port", str(WEB2), "lapor.wsgi:application"])
        sup.add("worker1", [PY, "manage.py", "run_worker", "--interval", "0.5"])
        sup.add("worker2", [PY, "manage.py", "run_worker", "--interval", "0.5"])
        for port, servers in ((PROXY2, [WEB1, WEB2]), (PROXY1, [WEB1])):
            extra.append(
                subprocess.Popen(
                    ["haproxy", "-f", str(haproxy_config(port, servers))],
                    stdout=(LOG / f"haproxy-{port}.log").open("wb"),
                    stderr=subprocess.STDOUT,
                )
            )
        sup.thread.start()
        for port in (WEB1, WEB2, PROXY2, PROXY1):
            wait_port(port, 120)
        time.sleep(3)
        log(
            f"2 web servers :{WEB1} :{WEB2} behind HAProxy :{PROXY2}, 2 workers, Redis :{REDIS}, S3 :{S3}, SMTP sink :{SMTP}"
        )

        stop = threading.Event()
        loaders = [
            threading.Thread(target=file_reports, args=(stop, PROXY2)) for _ in range(THREADS)
        ]
        for th in loaders:
            th.start()
        start = time.time()
        plan = [
            (0.2, "kill -9 web1", lambda: sup.kill("web1")),
            (0.4, "kill -9 worker1", lambda: sup.kill("worker1")),
            (
                0.6,
                "restart the primary (pg_ctl restart -m fast)",
                lambda: pg_ctl(TMP / "pg1", "restart"),
            ),
        ]
        for share, label, action in plan:
            while time.time() - start < share * LOAD_SECONDS:
                time.sleep(0.2)
            log(f"{label} (reports confirmed so far: {len(CONFIRMED)})")
            action()
        while time.time() - start < LOAD_SECONDS:
            time.sleep(0.5)
        stop.set()
        for th in loaders:
            th.join()
        log(f"load stopped after {time.time() - start:.0f} s; waiting for the outbox to drain")
        for _ in range(180):
            pending = psql(
                PG1,
                "SELECT count(*) FROM notifications_notification WHERE status IN ('pending', 'sending') AND channel = 'email'",
                "lapor",
            )
            if pending == "0" and len(MAILS) >= len(CONFIRMED):
                break
            time.sleep(1)
        alive = sup.alive()
        health = {p: _health(p) for p in (WEB1, WEB2)}
        keys = psql(
            PG1,
            "SELECT submission_key FROM reports_report WHERE submission_key IS NOT NULL",
            "lapor",
        ).split()
        rows = Counter(keys)
        mails = Counter(
            m for mail in MAILS for m in re.findall(r"pelapor\+([0-9a-f-]{36})@example\.id", mail)
        )
        lost = CONFIRMED - set(rows)
        dup_reports = sum(n - 1 for n in rows.values() if n > 1)
        missing_mail = [k for k in rows if mails[k] == 0]
        dup_mail = sum(n - 1 for n in mails.values() if n > 1)
        print("\n=== cluster test: counts ===")
        print(
            f"load: {THREADS} threads, {LOAD_SECONDS} s; client errors seen (then retried): {dict(ERRORS)}"
        )
        print(f"reports confirmed to clients: {len(CONFIRMED)}; given up: {len(GAVE_UP)}")
        print(f"report rows: {len(keys)} ({len(rows)} distinct submission keys)")
        print(f"lost (confirmed, not stored): {len(lost)}")
        print(f"duplicate reports (same submission key twice): {dup_reports}")
        print(
            f"stored but never confirmed (client gave up or timed out after the write): {len(set(rows) - CONFIRMED)}"
        )
        print(
            f"acknowledgement e-mails: {sum(mails.values())}; reports without one: {len(missing_mail)}; duplicates: {dup_mail}"
        )
        print(
            f"restarts by the supervisor: {dict(sup.restarts)}; all alive: {all(alive.values())} {alive}"
        )
        print(f"health after the run: {health}")
        print(
            f"replica: {psql(PG2, 'SELECT count(*) FROM reports_report', 'lapor')} reports (primary {len(keys)})"
        )

        print("\n=== throughput: GET /laporan/ through HAProxy, 8 client threads ===")
        for label, port in (
            ("1 web server", PROXY1),
            ("2 web servers", PROXY2),
            ("1 web server (again)", PROXY1),
            ("2 web servers (again)", PROXY2),
        ):
            rate = throughput(port, 15)
            print(f"{label:<24} {rate:7.1f} req/s")
    finally:
        sup.shutdown()
        for proc in extra:
            proc.terminate()
        for proc in extra:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
        if controller is not None:
            controller.stop()  # type: ignore[attr-defined]
        for data in (TMP / "pg2", TMP / "pg1"):
            if (data / "postmaster.pid").exists():
                subprocess.run(
                    as_postgres(
                        [str(PGBIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]
                    ),
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
        if os.environ.get("KEEP") != "1":
            shutil.rmtree(TMP, ignore_errors=True)
        else:
            print(f"kept {TMP}")


def _health(port: int) -> int:
    import urllib.request

    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/sehat/", timeout=5) as r:
            return r.status
    except Exception:  # noqa: BLE001
        return 0


if __name__ == "__main__":
    _ = statistics
    main()
