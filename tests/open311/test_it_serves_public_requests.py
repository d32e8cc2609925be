"""GET Service Requests, GET Service Request, tokens and servicerequestupdates: only
public_reports(), scrubbed text, no identity, every filter, paging, both formats."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lapor.reports.models import Report
from tests.open311.conftest import (
    EMAIL,
    NIK,
    PERSONAL,
    PHONE,
    file_report,
    make_public,
    parse,
    records,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(cast, directory):
    """One report of every visibility, plus a closed one."""
    w = {
        "public": make_public(
            file_report(body=PERSONAL), cast, directory, follow_up=f"Kami hubungi {PHONE}."
        ),
        "anonymous": make_public(
            file_report("anonymous", body="Anonim " + PERSONAL), cast, directory
        ),
        "confidential": make_public(file_report("confidential", body="Rahasia"), cast, directory),
        "unverified": file_report(body="Belum diverifikasi"),
        "closed": make_public(file_report(body="Sudah beres"), cast, directory, close=True),
    }
    Report.objects.filter(pk=w["closed"].pk).update(category=directory.category_road)
    return w


@pytest.mark.parametrize("fmt", ["xml", "json"])
def test_it_lists_only_public_reports_scrubbed(client, world, fmt):
    r = client.get(f"/open311/v2/requests.{fmt}")
    assert r.status_code == 200
    recs = records(r)
    ids = {x["service_request_id"] for x in recs}
    assert ids == {world[k].tracking_id for k in ("public", "anonymous", "closed")}
    text = r.content.decode()
    for secret in (
        NIK,
        PHONE,
        EMAIL,
        "Siti",
        "siti@example.id",
        "081234567890",
        "Rahasia",
        "Belum",
    ):
        assert secret not in text
    pub = next(x for x in recs if x["service_request_id"] == world["public"].tracking_id)
    assert "[NIK disamarkan]" in pub["description"]
    assert pub["status"] == "open"
    assert "[nomor telepon disamarkan]" in pub["status_notes"]
    assert pub["agency_responsible"] == "Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Sleman"
    assert pub["address_id"] == "34.04.07.2001"
    assert pub["requested_datetime"].endswith("+07:00")
    closed = next(x for x in recs if x["service_request_id"] == world["closed"].tracking_id)
    assert closed["status"] == "closed"
    assert closed["service_code"] == "jalan-berlubang"
    if fmt == "xml":
        root = parse(r)
        assert root.tag == "service_requests" and all(c.tag == "request" for c in root)


@pytest.mark.parametrize("fmt", ["xml", "json"])
def test_it_serves_one_request_as_a_list_of_one(client, world, fmt):
    tid = world["anonymous"].tracking_id
    r = client.get(f"/open311/v2/requests/{tid}.{fmt}?jurisdiction_id=lapor.go.id")
    assert r.status_code == 200
    recs = records(r)
    assert len(recs) == 1 and recs[0]["service_request_id"] == tid
    assert NIK not in r.content.decode() and "Siti" not in r.content.decode()


@pytest.mark.parametrize("fmt", ["xml", "json"])
@pytest.mark.parametrize("which", ["confidential", "unverified", None])
def test_a_report_that_is_not_public_is_a_404(client, world, fmt, which):
    tid = world[which].tracking_id if which else "000000000"
    r = client.get(f"/open311/v2/requests/{tid}.{fmt}")
    assert r.status_code == 404
    data = parse(r)
    code = data[0]["code"] if fmt == "json" else int(data.findtext("error/code"))
    assert code == 404


def _ids(client, query: str) -> set[str]:
    r = client.get(f"/open311/v2/requests.json?{query}")
    assert r.status_code == 200, r.content
    return {x["service_request_id"] for x in r.json()}


def test_it_filters_by_status_and_service(client, world):
    closed, public, anon = (world[k].tracking_id for k in ("closed", "public", "anonymous"))
    assert _ids(client, "status=closed") == {closed}
    assert _ids(client, "status=open") == {public, anon}
    assert _ids(client, "status=open,closed") == {closed, public, anon}
    assert _ids(client, "service_code=jalan-berlubang") == {closed}
    assert _ids(client, "service_code=jalan-berlubang,pekerjaan-umum&status=open") == set()
    assert _ids(client, "status=&service_code=") == {closed, public, anon}


def test_service_request_id_overrides_the_other_filters(client, world):
    public, closed = world["public"].tracking_id, world["closed"].tracking_id
    conf = world["confidential"].tracking_id
    q = f"service_request_id={public},{closed},{conf}&status=closed&start_date=2000-01-01T00:00:00Z"
    assert _ids(client, q) == {public, closed}


def test_it_filters_by_date(client, cast, directory):
    with time_machine.travel(dt.datetime(2026, 3, 2, 3, 0, tzinfo=dt.UTC), tick=False):
        march = make_public(file_report(), cast, directory).tracking_id
    with time_machine.travel(dt.datetime(2026, 5, 4, 3, 0, tzinfo=dt.UTC), tick=False):
        may = make_public(file_report(), cast, directory).tracking_id
    with time_machine.travel(dt.datetime(2026, 6, 5, 3, 0, tzinfo=dt.UTC), tick=False):
        # No dates: the last 90 days ...
        assert _ids(client, "") == {may}
        # ... unless paging is used.
        assert _ids(client, "page=1") == {march, may}
        assert _ids(client, "page_size=10&start_date=2026-05-01T00:00:00Z") == {may}
        assert _ids(client, "start_date=2026-03-01T00:00:00Z") == {march, may}
        assert _ids(
            client, "start_date=2026-03-01T00:00:00%2B07:00&end_date=2026-04-01T00:00:00Z"
        ) == {march}
        # An unencoded "+" arrives as a space: still understood.
        assert _ids(client, "end_date=2026-04-01T00:00:00+07:00") == {march}


@pytest.mark.parametrize(
    "query",
    [
        "start_date=kemarin",
        "start_date=2026-03-01",  # no time, no zone
        "start_date=2026-03-01T00:00:00",  # no zone
        "start_date=2026-01-01T00:00:00Z&end_date=2026-05-01T00:00:00Z",  # > 90 days
        "start_date=2026-05-01T00:00:00Z&end_date=2026-04-01T00:00:00Z",
        "status=pending",
        "page=0",
        "page_size=1001",
        "page_size=abc",
    ],
)
@pytest.mark.parametrize("fmt", ["xml", "json"])
def test_it_refuses_bad_arguments_with_400(client, db, query, fmt):
    r = client.get(f"/open311/v2/requests.{fmt}?{query}")
    assert r.status_code == 400
    data = parse(r)
    if fmt == "json":
        assert data[0]["code"] == 400 and data[0]["description"]
    else:
        assert data.findtext("error/code") == "400"


def test_it_pages(client, cast, directory):
    made = [make_public(file_report(), cast, directory).tracking_id for _ in range(5)]
    newest_first = list(reversed(made))
    p1 = [
        x["service_request_id"] for x in client.get("/open311/v2/requests.json?page_size=2").json()
    ]
    p2 = [
        x["service_request_id"]
        for x in client.get("/open311/v2/requests.json?page_size=2&page=2").json()
    ]
    p3 = [
        x["service_request_id"]
        for x in client.get("/open311/v2/requests.json?page_size=2&page=3").json()
    ]
    assert p1 + p2 + p3 == newest_first
    assert client.get("/open311/v2/requests.json?page_size=2&page=4").json() == []


@pytest.mark.parametrize("fmt", ["xml", "json"])
def test_tokens_are_never_issued_so_every_token_is_a_404(client, db, fmt):
    r = client.get(f"/open311/v2/tokens/abc123.{fmt}")
    assert r.status_code == 404


@pytest.mark.parametrize("fmt", ["xml", "json"])
def test_it_serves_public_timeline_updates(client, world, fmt):
    r = client.get(f"/open311/v2/servicerequestupdates.{fmt}")
    assert r.status_code == 200
    data = parse(r)
    if fmt == "xml":
        assert data.tag == "service_request_updates"
        assert all(c.tag == "request_update" for c in data)
        ups = [{c.tag: c.text for c in item} for item in data]
    else:
        ups = data
    by_report = {}
    for u in ups:
        by_report.setdefault(u["service_request_id"], []).append(u)
        assert {
            "update_id",
            "status",
            "updated_datetime",
            "description",
            "external_status_code",
        } <= set(u)
    assert set(by_report) == {world[k].tracking_id for k in ("public", "anonymous", "closed")}
    closed_updates = by_report[world["closed"].tracking_id]
    assert closed_updates[0]["status"] == "closed"  # newest first
    assert closed_updates[0]["external_status_code"] == "closed_by_reporter"
    text = r.content.decode()
    assert PHONE not in text and NIK not in text and "Siti" not in text
    assert "[nomor telepon disamarkan]" in text
    # Internal notes never appear.
    assert "note" not in {u["external_status_code"] for u in ups}


def test_updates_accept_a_date_window(client, world):
    assert (
        client.get("/open311/v2/servicerequestupdates.json?start_date=2000-01-01T00:00:00Z").json()
        == []
    )
    assert client.get("/open311/v2/servicerequestupdates.json?end_date=bad").status_code == 400


def _count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    "url",
    [
        "/open311/v2/requests.json",
        "/open311/v2/requests.xml",
        "/open311/v2/servicerequestupdates.json",
    ],
)
def test_it_issues_a_bounded_number_of_queries(client, cast, directory, url):
    for _ in range(5):
        make_public(file_report(), cast, directory, follow_up="Dikerjakan.")
    small = _count(client, url)
    for _ in range(45):
        make_public(file_report(), cast, directory, follow_up="Dikerjakan.")
    assert len(client.get("/open311/v2/requests.json").json()) == 50
    assert _count(client, url) == small
    assert small <= 4


def test_a_report_filed_through_open311_shows_scrubbed_once_public(
    client, cast, questions, partner_key
):
    r = client.post(
        "/open311/v2/requests.json",
        {
            "api_key": partner_key,
            "service_code": "jalan-berlubang",
            "address_id": "34.04.07.2001",
            "description": PERSONAL,
            "attribute[size]": "big",
            "first_name": "Rina",
            "email": "rina@example.id",
            "media_url": "https://laksa.example.id/foto/1.jpg",
        },
    )
    tid = r.json()[0]["service_request_id"]
    # Not public before verification.
    assert client.get(f"/open311/v2/requests/{tid}.json").status_code == 404
    make_public(Report.objects.get(tracking_id=tid), cast, directory=questions and _Dir(cast))
    got = client.get(f"/open311/v2/requests/{tid}.json")
    assert got.status_code == 200
    rec = got.json()[0]
    assert NIK not in got.content.decode() and PHONE not in rec["description"]
    assert EMAIL not in rec["description"] and "[email disamarkan]" in rec["description"]
    assert "Rina" not in got.content.decode() and "rina@example.id" not in got.content.decode()
    assert rec["media_url"] == "https://laksa.example.id/foto/1.jpg"
    assert rec["service_code"] == "jalan-berlubang"


class _Dir:
    def __init__(self, cast) -> None:
        from lapor.agencies.models import Agency

        self.sleman_pupr = Agency.objects.get(code="34.04:dinas-pupr")
