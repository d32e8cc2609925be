"""CPU per filing, in-process: our web form and API v1 intake against the bare insert view.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lapor_bench \
        .venv/bin/python bench/intake_cpu.py

One thread, Django's test client, the project's settings and middleware (``bench.http_settings``,
the same URLs as ``bench/intake_http.py``). For each of bare insert, web form and API v1: 10
warm-up filings, then ``N`` (default 100), printing the process CPU time and the wall time per
filing and their ratio to the bare insert. On a machine where other work competes for the two
cores, the HTTP benchmark's throughput follows the CPU a filing costs (ours and PostgreSQL's),
so this is its steadier companion: CPU time is what load does not inflate.
"""

from __future__ import annotations

import os
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.http_settings")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("SECURE_COOKIES", "0")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.test import Client  # noqa: E402

from bench.intake import ensure_regions, form_data  # noqa: E402
from bench.intake_profile import api_key, make_api  # noqa: E402

N = int(os.environ.get("N", "100"))


def main() -> None:
    ensure_regions()
    client = Client()
    browser = Client()

    def bare() -> None:
        assert client.post("/bench/bare/", form_data()).status_code == 201

    def web() -> None:
        browser.cookies.clear()  # a new visitor each time, as in bench/intake_http.py
        data = form_data() | {"submission_key": str(uuid.uuid4())}
        assert browser.post("/lapor/", data).status_code == 302

    api = make_api(api_key())
    cpu: dict[str, float] = {}
    wall: dict[str, float] = {}
    for name, fn in (("bare insert", bare), ("web form", web), ("API", lambda: api(client))):
        for _ in range(10):
            fn()
        started_cpu, started = time.process_time(), time.perf_counter()
        for _ in range(N):
            fn()
        cpu[name] = (time.process_time() - started_cpu) / N * 1000
        wall[name] = (time.perf_counter() - started) / N * 1000
    cache = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    print(f"{N} filings each, one thread, cache {cache}, load average {os.getloadavg()[0]:.1f}")
    for name in cpu:
        print(
            f"{name:12s}: CPU {cpu[name]:6.2f} ms ({cpu[name] / cpu['bare insert']:4.2f}×)  "
            f"wall {wall[name]:7.2f} ms ({wall[name] / wall['bare insert']:4.2f}×)"
        )


if __name__ == "__main__":
    main()
