"""A battery of bad input over Open311, the API, SMS, the region lookups, open data and the
public pages: every answer is below 500, in the channel's own format (issue 11.6)."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
from django.test import Client

from lapor.reports.models import Report
from tests.open311.test_it_accepts_service_requests import body as open311_body

pytestmark = pytest.mark.django_db

NUL = "\x00"
BAD_VALUES = [
    NUL,
    f"34{NUL}04",
    "9999-12-31T23:59:59+07:00",
    "9999-12-31",
    "0001-01-01",
    "0000-00-00",
    "-1",
    "99999999999999999999999",
    "x" * 10_000,
    "%",
    "\ud7ff\ufffd",
]

# GET endpoints and the parameters they read.
GETS: dict[str, list[str]] = {
    "/open311/v2/requests.json": [
        "service_request_id", "service_code", "start_date", "end_date", "status", "page",
        "page_size", "lat", "long", "q",
    ],
    "/open311/v2/requests.xml": ["start_date", "end_date", "page", "service_request_id"],
    "/open311/v2/servicerequestupdates.json": ["start_date", "end_date", "page", "page_size"],
    "/open311/v2/services.json": ["jurisdiction_id"],
    "/laporan/": [
        "q", "province", "regency", "district", "agency", "category", "kind", "status",
        "date_from", "date_to", "sort", "page",
    ],
    "/api/v1/public/reports": [
        "q", "province", "regency", "district", "agency", "category", "kind", "status",
        "date_from", "date_to", "sort", "page", "page_size",
    ],
    "/data/api/reports.json": ["page", "page_size", "since", "q"],
    "/wilayah/anak/": ["parent", "level", "code"],
    "/wilayah/instansi/": ["region", "regency", "category", "q"],
    "/statistik/": ["region", "from", "to", "by", "agency", "category"],
    "/statistik/instansi/": ["sort", "kind", "province", "page"],
    "/statistik/volume.csv": ["region", "from", "to", "by"],
    "/lacak/": ["tracking_id"],
    "/informasi/": ["q", "agency", "page"],
}  # fmt: skip

PATHS = [
    f"/open311/v2/requests/1{NUL}2.json",
    f"/open311/v2/services/jalan{NUL}.json",
    f"/open311/v2/tokens/{NUL}.xml",
    f"/laporan/12{NUL}3/",
    f"/lacak/12{NUL}3/",
    f"/api/v1/public/reports/12{NUL}3",
    f"/data/api/reports/12{NUL}3.json",
    "/open311/v2/requests/99999999999999999999999999.json",
]


def _client() -> Client:
    return Client(raise_request_exception=False)


def _check_format(path: str, response) -> None:  # type: ignore[no-untyped-def]
    kind = response.get("Content-Type", "")
    if path.startswith("/api/") or path.endswith(".json"):
        assert "json" in kind, (path, kind, response.content[:200])
    elif path.startswith("/open311/"):
        assert "xml" in kind, (path, kind)


@pytest.mark.parametrize("path", sorted(GETS))
def test_get_parameters(path, cast, directory, make_key):
    client = _client()
    key = make_key(["reports", "public"])
    failures = []
    for name in GETS[path]:
        for value in BAD_VALUES:
            r = client.get(f"{path}?{quote(name)}={quote(value)}", headers={"X-API-Key": key})
            if r.status_code >= 500:
                failures.append((name, value[:20], r.status_code))
            elif r.status_code >= 400:
                _check_format(path, r)
    assert not failures, failures


@pytest.mark.parametrize("path", PATHS)
def test_paths(path, directory):
    r = _client().get(quote(path))
    assert r.status_code < 500 and r.status_code >= 400
    _check_format(path, r)


@pytest.mark.parametrize(
    "field",
    ["first_name", "last_name", "address_string", "phone", "device_id", "account_id",
     "description", "email", "media_url", "service_code", "address_id", "lat", "attribute[size]"],
)  # fmt: skip
def test_open311_post_fields_with_nul(field, cast, questions, partner_key):
    r = _client().post(
        "/open311/v2/requests.json", open311_body(partner_key, **{field: f"a{NUL}b"})
    )
    assert r.status_code == 400, (field, r.status_code, r.content[:200])
    assert r.json()[0]["code"] == 400
    assert Report.objects.count() == 0


@pytest.mark.parametrize(
    "field,length",
    [("first_name", 10_000), ("last_name", 200), ("address_string", 300), ("phone", 40),
     ("device_id", 200), ("account_id", 200), ("email", 300), ("media_url", 3000)],
)  # fmt: skip
def test_open311_refuses_overlong_fields_instead_of_cutting_them(
    field, length, cast, questions, partner_key
):
    value = "1" * length if field == "phone" else "a" * length
    if field == "email":
        value = "a" * (length - 11) + "@example.id"
    if field == "media_url":
        value = "https://example.id/" + "a" * length
    r = _client().post("/open311/v2/requests.xml", open311_body(partner_key, **{field: value}))
    assert r.status_code == 400, (field, r.status_code, r.content[:300])
    assert b"<errors>" in r.content and field.encode() in r.content
    assert Report.objects.count() == 0


def test_open311_dates_out_of_range(directory):
    client = _client()
    for value in ("9999-12-31T23:59:59Z", "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00"):
        for name in ("start_date", "end_date"):
            r = client.get(f"/open311/v2/requests.json?{name}={quote(value)}")
            assert r.status_code == 400, (name, value, r.status_code)
            assert r.json()[0]["code"] == 400


@pytest.fixture
def api_key(make_key, directory) -> str:
    return make_key(["reports"])


@pytest.mark.parametrize(
    "raw",
    [
        '{"title": "Jalan\\u0000rusak", "body": "x"}',
        '{"title": "Jalan \\ud800 rusak"}',
        '{"title": "Jalan \\udc00 rusak"}',
        '{"title": "ok", "contact": {"full_name": "A\\u0000"}}',
    ],
)
def test_api_json_with_nul_or_lone_surrogates(raw, api_key):
    from tests.api.test_it_takes_and_tracks_reports import payload

    data = payload()
    data.update(
        json.loads(
            raw.replace("\\u0000", "<NUL>").replace("\\ud800", "<S1>").replace("\\udc00", "<S2>")
        )
    )
    body = (
        json.dumps(data)
        .replace("<NUL>", "\\u0000")
        .replace("<S1>", "\\ud800")
        .replace("<S2>", "\\udc00")
    )
    r = _client().post(
        "/api/v1/reports", body, content_type="application/json", headers={"X-API-Key": api_key}
    )
    assert r.status_code == 400, r.content[:300]
    assert r.json()["error"]["code"] == "bad_character"
    assert Report.objects.count() == 0


def test_api_size_limit_answers_json(api_key):
    r = _client().post(
        "/api/v1/reports",
        json.dumps({"title": "x" * 6_000_000}),
        content_type="application/json",
        headers={"X-API-Key": api_key},
    )
    assert 400 <= r.status_code < 500 and "json" in r["Content-Type"]


def test_open311_size_limit_answers_in_open311_format(partner_key):
    r = _client().post(
        "/open311/v2/requests.json",
        {"api_key": partner_key, "description": "x" * 3_000_000},
    )
    assert 400 <= r.status_code < 500, r.status_code
    assert "json" in r["Content-Type"] and r.json()[0]["code"] == r.status_code


def test_web_form_with_nul_is_a_400_page(directory):
    from tests.conftest import report_post_data

    r = _client().post("/lapor/", report_post_data(title=f"Jalan{NUL} rusak parah sekali"))
    assert r.status_code == 400 and "text/html" in r["Content-Type"]
    assert Report.objects.count() == 0


def test_sms_with_nul_is_filed_without_it(directory, settings):
    from tests.sms.conftest import SECRET, sms

    settings.SMS_CALLBACK_SECRET = SECRET
    settings.SMS_CALLBACK_ALLOWED_IPS = ["127.0.0.1", "::1"]

    assert sms(f"LAPOR Jalan berlubang{NUL} besar di depan SD Caturtunggal, Kab. Sleman") == "ok"
    assert NUL not in Report.objects.get().body_original
