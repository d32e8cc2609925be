"""Intake benchmark: our full web intake against a bare Django insert, same database, same run.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lapor_bench .venv/bin/python bench/intake.py

Both go through Django's full middleware stack in-process (test client, one thread), so the
ratio shows what our intake adds — form validation, region chain check, tracking ID + PIN, the
identity row, the event and its derivation task (the clock and outbox rows are the worker's
since issue 11.5) — over a view that inserts one report row. The database must be migrated;
the script creates the few regions it needs.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lapor.settings")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
# The test client speaks plain HTTP: no redirect to https (DEBUG off counts as production).
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("SECURE_COOKIES", "0")

import django  # noqa: E402

django.setup()

from django.http import HttpRequest, HttpResponse, JsonResponse  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from django.urls import path  # noqa: E402
from django.views.decorators.csrf import csrf_exempt  # noqa: E402

from lapor import urls as lapor_urls  # noqa: E402
from lapor.regions.models import Region  # noqa: E402
from lapor.reports.models import Report  # noqa: E402
from lapor.reports.tracking import hash_pin, new_pin, new_tracking_id  # noqa: E402

N = int(os.environ.get("BENCH_N", "300"))
WARMUP = 20


@csrf_exempt
def bare_insert(request: HttpRequest) -> HttpResponse:
    """The baseline: read the POST, insert one report row, answer JSON."""
    tracking_id = new_tracking_id()
    report = Report.objects.create(
        tracking_id=tracking_id,
        pin_hash=hash_pin(tracking_id, new_pin()),
        title_original=request.POST["title"],
        body_original=request.POST["body"],
        title_published=request.POST["title"],
        body_published=request.POST["body"],
        incident_date=dt.date.fromisoformat(request.POST["incident_date"]),
        region_id=request.POST["village"],
        province_code="34",
        regency_code="34.04",
        district_code="34.04.07",
        village_code=request.POST["village"],
    )
    return JsonResponse({"id": report.pk}, status=201)


urlpatterns = [path("bench/bare/", bare_insert), *lapor_urls.urlpatterns]
# The project's own error answers (503 for outages, channel formats), as in lapor.urls.
handler400 = lapor_urls.handler400
handler500 = lapor_urls.handler500


def ensure_regions() -> None:
    rows = [
        ("34", None, 1, "Daerah Istimewa Yogyakarta"),
        ("34.04", "34", 2, "Kabupaten Sleman"),
        ("34.04.07", "34.04", 3, "Depok"),
        ("34.04.07.2001", "34.04.07", 4, "Caturtunggal"),
    ]
    for code, parent, level, name in rows:
        Region.objects.get_or_create(
            code=code, defaults={"parent_id": parent, "level": level, "name": name}
        )


def form_data() -> dict[str, str]:
    return {
        "kind": "complaint",
        "title": "Jalan berlubang di depan SD Negeri Caturtunggal",
        "body": "Sudah tiga bulan jalan di depan sekolah berlubang besar dan membahayakan "
        "anak-anak yang berangkat sekolah. Mohon segera diperbaiki. " * 6,
        "incident_date": (dt.date.today() - dt.timedelta(days=3)).isoformat(),
        "province": "34",
        "regency": "34.04",
        "district": "34.04.07",
        "village": "34.04.07.2001",
        "privacy": "public",
        "full_name": "Siti Rahmawati",
        "phone": "0812-3456-7890",
        "email": "siti@example.id",
    }


def measure(label: str, fn, n: int) -> list[float]:
    for _ in range(WARMUP):
        fn()
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    ensure_regions()
    client = Client()

    def ours() -> None:
        data = form_data() | {"submission_key": str(uuid.uuid4())}
        response = client.post("/lapor/", data)
        assert response.status_code == 302, response.status_code

    def bare() -> None:
        response = client.post("/bench/bare/", form_data())
        assert response.status_code == 201

    with override_settings(ROOT_URLCONF=__name__):
        # Interleave rounds so that drift (caches, checkpoints) hits both equally.
        base_t: list[float] = []
        ours_t: list[float] = []
        for _ in range(3):
            base_t += measure("bare", bare, N // 3)
            ours_t += measure("ours", ours, N // 3)
    engine = django.db.connection.vendor
    b, o = statistics.median(base_t), statistics.median(ours_t)
    print(f"database: {engine}; {len(base_t)} requests each, median server time in-process")
    print(f"bare insert view : {b * 1000:7.2f} ms/request  ({1 / b:6.0f} req/s)")
    print(f"our web intake   : {o * 1000:7.2f} ms/request  ({1 / o:6.0f} req/s)")
    print(f"ratio ours/bare  : {o / b:5.2f}")


if __name__ == "__main__":
    main()
