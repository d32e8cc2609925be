"""The open-data dump and API: exactly the public reports, scrubbed, with no identity."""

from __future__ import annotations

import csv
import gzip
import io
import json

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lapor.opendata import dump, records
from tests.open311.conftest import EMAIL, NIK, PERSONAL, PHONE, file_report, make_public

pytestmark = pytest.mark.django_db

# Anything of the reporter's identity the fixtures store (ReporterIdentity + the user).
IDENTITY = ("Siti", "siti@example.id", "081234567890", "Rahmawati")
FORBIDDEN_KEYS = {
    "full_name",
    "email",
    "phone",
    "reporter",
    "reporter_user",
    "pin",
    "pin_hash",
    "identity",
    "attachments",
    "rating_comment",
    "body_original",
    "title_original",
}


@pytest.fixture
def world(cast, directory):
    w = {
        "public": make_public(
            file_report(body=PERSONAL), cast, directory, follow_up=f"Hubungi {PHONE}."
        ),
        "anonymous": make_public(
            file_report("anonymous", body="Anonim " + PERSONAL), cast, directory
        ),
        "confidential": make_public(file_report("confidential", body="Rahasia"), cast, directory),
        "unverified": file_report(body="Belum diverifikasi"),
        "closed": make_public(file_report(body="Beres"), cast, directory, close=True),
    }
    w["public"].category = directory.category_road
    w["public"].save(update_fields=["category"])
    return w


PUBLIC = ("public", "anonymous", "closed")


def _read(path: str) -> str:
    with default_storage.open(path, "rb") as fh:
        return gzip.decompress(fh.read()).decode()


def _assert_clean(text: str) -> None:
    for secret in (NIK, PHONE, EMAIL, *IDENTITY, "Rahasia", "Belum diverifikasi"):
        assert secret not in text, secret


def test_the_dump_holds_exactly_the_public_reports_scrubbed(world):
    out = io.StringIO()
    call_command("dump_open_data", stdout=out)
    assert "3 reports" in out.getvalue()
    manifest = dump.latest_manifest()
    assert manifest["reports"] == 3
    paths = {f["name"]: f["path"] for f in manifest["files"]}
    assert set(paths) == set(dump.FILES)

    reports_csv = _read(paths["reports.csv.gz"])
    rows = list(csv.DictReader(io.StringIO(reports_csv)))
    assert {r["tracking_id"] for r in rows} == {world[k].tracking_id for k in PUBLIC}
    assert list(rows[0]) == records.REPORT_COLUMNS
    assert not FORBIDDEN_KEYS & set(rows[0])
    pub = next(r for r in rows if r["tracking_id"] == world["public"].tracking_id)
    assert "[NIK disamarkan]" in pub["description"] and "[email disamarkan]" in pub["description"]
    assert pub["regency_name"] == "Kabupaten Sleman" and pub["village_name"] == "Caturtunggal"
    assert pub["group"] == "PEKERJAAN UMUM DAN PENATAAN RUANG"
    assert pub["status"] == "open"
    closed = next(r for r in rows if r["tracking_id"] == world["closed"].tracking_id)
    assert closed["status"] == "closed" and closed["status_code"] == "closed_by_reporter"
    _assert_clean(reports_csv)

    timeline_csv = _read(paths["timeline.csv.gz"])
    events = list(csv.DictReader(io.StringIO(timeline_csv)))
    assert {e["tracking_id"] for e in events} == {world[k].tracking_id for k in PUBLIC}
    assert "note" not in {e["kind"] for e in events}
    assert any("[nomor telepon disamarkan]" in e["message"] for e in events)
    assert manifest["events"] == len(events)
    _assert_clean(timeline_csv)

    js = json.loads(_read(paths["reports.json.gz"]))
    assert {r["tracking_id"] for r in js["reports"]} == {world[k].tracking_id for k in PUBLIC}
    assert sum(len(r["timeline"]) for r in js["reports"]) == len(events)
    assert not FORBIDDEN_KEYS & set(js["reports"][0])
    _assert_clean(json.dumps(js, ensure_ascii=False))


def test_the_dump_pages_through_large_tables(world, monkeypatch):
    original = records.batches
    monkeypatch.setattr(records, "batches", lambda qs, size=2000: original(qs, size=1))
    manifest = dump.write_dump()
    assert manifest["reports"] == 3


def test_the_page_documents_the_schema_and_links_the_latest_dump(client, world):
    r = client.get("/data/")
    assert r.status_code == 200
    html = r.content.decode()
    assert "ODbL" in html and "idn-area-data" in html
    for name in records.REPORT_COLUMNS + records.EVENT_COLUMNS:
        assert f"<code>{name}</code>" in html
    dump.write_dump()
    html = client.get("/data/").content.decode()
    manifest = dump.latest_manifest()
    for name in dump.FILES:
        url = f"/data/unduh/{manifest['date']}/{name}"
        assert url in html
        got = client.get(url)
        assert got.status_code == 200
        content = b"".join(got.streaming_content)
        _assert_clean(gzip.decompress(content).decode())
    assert client.get(f"/data/unduh/{manifest['date']}/secret.txt").status_code == 404
    assert client.get("/data/unduh/..%2F..%2Fetc/reports.csv.gz").status_code == 404
    assert client.get("/en/data/").status_code == 200


def test_the_api_serves_the_same_records_paginated(client, world):
    r = client.get("/data/api/reports.json?page_size=2")
    assert r.status_code == 200
    data = r.json()
    assert data["count"] == 3 and len(data["results"]) == 2 and data["previous"] is None
    second = client.get(data["next"]).json()
    assert len(second["results"]) == 1 and second["next"] is None
    ids = [x["tracking_id"] for x in data["results"] + second["results"]]
    assert set(ids) == {world[k].tracking_id for k in PUBLIC}
    assert all("timeline" in x for x in data["results"])
    _assert_clean(r.content.decode() + json.dumps(second))
    one = client.get(f"/data/api/reports/{world['anonymous'].tracking_id}.json")
    assert one.status_code == 200 and one.json()["privacy"] == "anonymous"
    _assert_clean(one.content.decode())
    for hidden in ("confidential", "unverified"):
        assert client.get(f"/data/api/reports/{world[hidden].tracking_id}.json").status_code == 404
    assert client.get("/data/api/reports.json?page=0").status_code == 400
    assert client.get("/data/api/reports.json?page_size=5000").status_code == 400


def test_the_api_issues_a_bounded_number_of_queries(client, cast, directory):
    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/data/api/reports.json?page_size=100").status_code == 200
        return len(ctx.captured_queries)

    for _ in range(5):
        make_public(file_report(), cast, directory, follow_up="Dikerjakan.")
    small = count()
    for _ in range(45):
        make_public(file_report(), cast, directory, follow_up="Dikerjakan.")
    assert client.get("/data/api/reports.json?page_size=100").json()["count"] == 50
    assert count() == small
    assert small <= 6


def test_the_dump_issues_a_bounded_number_of_queries(cast, directory):
    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            dump.write_dump()
        return len(ctx.captured_queries)

    for _ in range(5):
        make_public(file_report(), cast, directory, follow_up="Dikerjakan.")
    small = count()
    for _ in range(45):
        make_public(file_report(), cast, directory, follow_up="Dikerjakan.")
    assert count() == small


def test_the_daily_task_writes_the_dump(world):
    from lapor.notifications.tasks import dump_open_data

    assert dump_open_data.call() == {"reports": 3, "events": dump.latest_manifest()["events"]}


def test_the_page_speaks_indonesian_by_default_and_english_under_en(client, db):
    html = client.get("/data/").content.decode()
    assert "Data terbuka" in html and "Kolom laporan" in html and "ODbL" in html
    html = client.get("/en/data/").content.decode()
    assert "Open data" in html and "Report fields" in html
