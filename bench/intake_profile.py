"""Where the intake's time goes: the queries of one filing per channel, and a cProfile.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lapor_bench \
        .venv/bin/python bench/intake_profile.py [--sql] [--profile web|api|sms]

In-process (Django's test client, the project's settings and middleware). Prints, for the web
form POST ``/lapor/``, the API v1 POST and an SMS ``LAPOR`` message, the number of queries,
transactions (BEGIN/savepoints) and the query list with ``--sql``; ``--profile CHANNEL`` runs
50 filings of that channel under cProfile and prints the ``TOP`` (40) costliest functions by
``SORT`` (cumulative; ``tottime`` for where the CPU goes).
"""

from __future__ import annotations

import cProfile
import json
import os
import pstats
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.http_settings")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("SECURE_COOKIES", "0")
os.environ.setdefault("SMS_CALLBACK_SECRET", "bench-sms-secret")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench.intake import ensure_regions, form_data  # noqa: E402
from bench.intake_http import api_key  # noqa: E402


def web(client: Client) -> None:
    response = client.post("/lapor/", form_data() | {"submission_key": str(uuid.uuid4())})
    assert response.status_code == 302, (response.status_code, response.content[:300])


def make_api(key: str):  # type: ignore[no-untyped-def]
    def api(client: Client) -> None:
        data = form_data()
        payload = {
            "title": data["title"],
            "body": data["body"],
            "incident_date": data["incident_date"],
            "region_code": data["village"],
            "contact": {"full_name": data["full_name"], "phone": data["phone"]},
        }
        response = client.post(
            "/api/v1/reports",
            json.dumps(payload),
            content_type="application/json",
            headers={"X-API-Key": key, "Idempotency-Key": str(uuid.uuid4())},
        )
        assert response.status_code == 201, (response.status_code, response.content[:300])

    return api


def sms(client: Client) -> None:
    sender = "0812" + str(uuid.uuid4().int)[:8]
    text = "LAPOR jalan berlubang besar di depan SD Caturtunggal, Kec. Depok Kab. Sleman"
    response = client.get(
        "/sms/incoming",
        {"from": sender, "to": "1708", "text": text, "id": str(uuid.uuid4()),
         "secret": "bench-sms-secret"},
    )  # fmt: skip
    assert response.status_code == 200, (response.status_code, response.content[:300])


def main() -> None:
    ensure_regions()
    channels = {"web": web, "api": make_api(api_key()), "sms": sms}
    client = Client()
    client.get("/lapor/")
    for fn in channels.values():  # warm up
        fn(client)
    args = sys.argv[1:]
    if "--profile" in args:
        name = args[args.index("--profile") + 1]
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(50):
            channels[name](client)
        profiler.disable()
        stats = pstats.Stats(profiler).sort_stats(os.environ.get("SORT", "cumulative"))
        stats.print_stats(int(os.environ.get("TOP", "40")))
        return
    for name, fn in channels.items():
        with CaptureQueriesContext(connection) as ctx:
            fn(client)
        sql = [q["sql"] for q in ctx.captured_queries]
        begins = sum(1 for s in sql if s.startswith(("BEGIN", "SAVEPOINT")))
        print(f"{name}: {len(sql)} queries ({begins} BEGIN/SAVEPOINT)")
        if "--sql" in args:
            for s in sql:
                print("   ", s[:160])


if __name__ == "__main__":
    main()
