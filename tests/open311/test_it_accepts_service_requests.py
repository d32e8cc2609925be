"""POST Service Request: a report filed through Open311 is a normal report in every other
respect — same action, identity stored apart, submitted event, verify clock, notification."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qsl

import pytest
from django_tasks_db.models import DBTaskResult

from lapor.agencies.models import Category
from lapor.notifications.models import Notification
from lapor.open311.models import ApiKey, Open311Submission, PartnerApp, ServiceAttribute
from lapor.reports import derive
from lapor.reports.models import (
    Channel,
    Clock,
    Privacy,
    Report,
    ReporterIdentity,
    ReportEvent,
    Status,
)
from tests.open311.conftest import parse, records

pytestmark = pytest.mark.django_db
URL = "/open311/v2/requests.{fmt}"


def body(key: str, **over: object) -> dict[str, object]:
    data: dict[str, object] = {
        "api_key": key,
        "service_code": "jalan-berlubang",
        "lat": "-7.7713",
        "long": "110.3776",
        "address_string": "Jl. Colombo No. 1, Caturtunggal",
        "address_id": "34.04.07.2001",
        "email": "warga@example.id",
        "first_name": "Rina",
        "last_name": "Wulandari",
        "phone": "081298765432",
        "description": "Lubang besar di depan SD.\nSudah tiga bulan.",
        "media_url": "https://laksa.example.id/foto/123.jpg",
        "attribute[size]": "big",
    }
    data.update(over)
    return {k: v for k, v in data.items() if v is not None}


@pytest.mark.parametrize("fmt", ["xml", "json"])
def test_it_files_a_normal_report(client, cast, questions, partner_key, fmt):
    r = client.post(
        URL.format(fmt=fmt), body(partner_key, **{"attribute[hazards][]": ["night", "school"]})
    )
    assert r.status_code == 200, r.content
    rec = records(r)[0]
    report = Report.objects.get()
    assert rec["service_request_id"] == report.tracking_id
    assert "token" not in rec
    assert report.tracking_id in rec["service_notice"]
    assert report.channel == Channel.API
    assert report.status == Status.AWAITING_VERIFICATION
    assert report.privacy == Privacy.PUBLIC
    assert report.category == questions
    assert report.village_code == "34.04.07.2001" and report.regency_code == "34.04"
    assert str(report.latitude) == "-7.771300" and str(report.longitude) == "110.377600"
    assert report.address == "Jl. Colombo No. 1, Caturtunggal"
    assert report.title_original == "Jalan Berlubang: Lubang besar di depan SD."
    assert "Seberapa besar lubangnya?: Besar" in report.body_original
    assert "Bahaya apa saja?: Gelap di malam hari, Dekat sekolah" in report.body_original
    # Identity stored apart, not on the report.
    identity = ReporterIdentity.objects.get(report=report)
    assert (identity.full_name, identity.email, identity.phone) == (
        "Rina Wulandari",
        "warga@example.id",
        "081298765432",
    )
    assert "Rina" not in report.title_original + report.body_original
    # The same event, clock and notification as any other channel: the clock and the
    # notification written by the worker right after the answer (lapor.reports.derive).
    event = ReportEvent.objects.get(report=report, kind=ReportEvent.Kind.SUBMITTED)
    assert event.derive_pending
    assert not Clock.objects.filter(report=report).exists()
    # Nothing queued but the event itself: the worker polls the pending events.
    assert not DBTaskResult.objects.exists()
    assert derive.derive(event.pk)
    report.refresh_from_db()
    assert Clock.objects.filter(report=report, kind=Clock.Kind.VERIFY, stopped_at=None).exists()
    assert report.due_at is not None
    assert Notification.objects.filter(event__report=report).exists()
    sub = Open311Submission.objects.get(report=report)
    assert sub.media_url == "https://laksa.example.id/foto/123.jpg"
    assert sub.attributes == {"size": "big", "hazards": ["night", "school"]}
    assert ApiKey.objects.get().last_used_at is not None


def test_it_files_anonymously_when_asked(client, cast, questions, partner_key):
    r = client.post(
        "/open311/v2/requests.json", body(partner_key, **{"attribute[anonymous]": "true"})
    )
    assert r.status_code == 200
    report = Report.objects.get()
    assert report.privacy == Privacy.ANONYMOUS and report.identity_hidden


def test_it_accepts_privacy_confidential(client, cast, questions, partner_key):
    r = client.post(
        "/open311/v2/requests.json", body(partner_key, **{"attribute[privacy]": "confidential"})
    )
    assert r.status_code == 200
    assert Report.objects.get().privacy == Privacy.CONFIDENTIAL


def test_it_derives_the_region_from_an_undotted_address_id(client, cast, questions, partner_key):
    r = client.post(
        "/open311/v2/requests.json",
        body(partner_key, lat=None, long=None, address_string=None, address_id="3404072001"),
    )
    assert r.status_code == 200, r.content
    assert Report.objects.get().village_code == "34.04.07.2001"


def test_it_takes_the_region_from_attribute_region_code(client, cast, questions, partner_key):
    r = client.post(
        "/open311/v2/requests.json",
        body(partner_key, address_id=None, **{"attribute[region_code]": "34.71"}),
    )
    assert r.status_code == 200, r.content
    report = Report.objects.get()
    assert report.regency_code == "34.71" and report.district_code == ""


def _error(r, status: int) -> str:
    assert r.status_code == status, r.content
    data = parse(r)
    if isinstance(data, list):
        assert data[0]["code"] == status
        return data[0]["description"]
    assert data.tag == "errors"
    assert data.findtext("error/code") == str(status)
    return data.findtext("error/description")


@pytest.mark.parametrize("fmt", ["xml", "json"])
def test_it_refuses_a_missing_or_wrong_key_with_403(client, questions, partner_key, fmt):
    assert "api_key" in _error(client.post(URL.format(fmt=fmt), body("")), 403)
    _error(client.post(URL.format(fmt=fmt), body("salah")), 403)
    ApiKey.objects.update(revoked_at="2026-01-01T00:00:00Z")
    _error(client.post(URL.format(fmt=fmt), body(partner_key)), 403)
    assert not Report.objects.exists()


def test_a_key_of_a_disabled_partner_is_refused(client, questions, partner_key):
    PartnerApp.objects.update(is_active=False)
    _error(client.post("/open311/v2/requests.json", body(partner_key)), 403)


@pytest.mark.parametrize("fmt", ["xml", "json"])
@pytest.mark.parametrize(
    ("over", "status", "needle"),
    [
        ({"service_code": ""}, 400, "service_code"),
        ({"service_code": "tidak-ada"}, 404, "tidak-ada"),
        ({"attribute[size]": None}, 400, "attribute[size]"),
        ({"attribute[size]": "huge"}, 400, "attribute[size]"),
        ({"attribute[depth_cm]": "dalam"}, 400, "attribute[depth_cm]"),
        ({"attribute[seen_at]": "kemarin"}, 400, "attribute[seen_at]"),
        ({"attribute[hazards][]": ["night", "fire"]}, 400, "attribute[hazards]"),
        ({"lat": "north", "long": "110.37"}, 400, "lat"),
        ({"lat": "95", "long": "110.37"}, 400, "lat"),
        ({"lat": "-7.7", "long": None}, 400, "lat"),
        ({"lat": None, "long": None, "address_string": None, "address_id": None}, 400, "location"),
        ({"address_id": None}, 400, "region"),
        ({"address_id": "99.99"}, 400, "99.99"),
        ({"address_id": "34"}, 400, "34"),
        ({"email": "bukan-email"}, 400, "email"),
        ({"media_url": "javascript:alert(1)"}, 400, "media_url"),
        ({"description": "x" * 4001}, 400, "4,000"),
        ({"attribute[privacy]": "secret"}, 400, "privacy"),
    ],
)
def test_it_refuses_bad_input(client, cast, questions, partner_key, fmt, over, status, needle):
    r = client.post(URL.format(fmt=fmt), body(partner_key, **over))
    assert needle in _error(r, status)
    assert not Report.objects.exists()


def test_optional_attributes_may_be_empty_as_if_absent(client, cast, questions, partner_key):
    r = client.post(
        "/open311/v2/requests.json",
        body(partner_key, **{"attribute[depth_cm]": "", "email": "", "jurisdiction_id": ""}),
    )
    assert r.status_code == 200, r.content


SPEC = Path(__file__).with_name("open311_reference.md").read_text()


def spec_example_body() -> list[tuple[str, str]]:
    """The POST body the spec gives as its example, with its "…" placeholders filled in."""
    line = re.search(r"Example body from the spec:\s*\n\s*`([^`]+)`", SPEC)
    assert line is not None
    fill = {
        "email": "warga@example.id",
        "description": "Contoh dari spesifikasi",
        "media_url": "https://example.org/foto.jpg",
    }
    return [(k, fill.get(k, v) if v == "…" else v) for k, v in parse_qsl(line.group(1))]


def test_the_spec_example_works_once_we_know_the_region(client, cast, partner_key):
    # The spec's own service: code "001" (a string, not a JSON number) with attribute WHISPAWN.
    service = Category.objects.create(code="001", name="Layanan contoh")
    ServiceAttribute.objects.create(
        category=service,
        code="WHISPAWN",
        datatype="string",
        required=True,
        order=1,
        description="Whispawn",
    )
    pairs = [(k, partner_key if k == "api_key" else v) for k, v in spec_example_body()]
    assert ("jurisdiction_id", "city.gov") in pairs and ("service_code", "001") in pairs
    # San Francisco coordinates: we cannot place them in an Indonesian region.
    r = client.post("/open311/v2/requests.xml", dict(pairs))
    assert "region" in _error(r, 400)
    # With a Kemendagri code as address_id the example is accepted as is (jurisdiction ignored).
    r = client.post("/open311/v2/requests.xml", dict(pairs + [("address_id", "34.04.07")]))
    assert r.status_code == 200, r.content
    root = parse(r)
    assert root.tag == "service_requests"
    report = Report.objects.get()
    assert root.findtext("request/service_request_id") == report.tracking_id
    assert Open311Submission.objects.get().attributes == {"WHISPAWN": "123456"}
    assert report.address == "1234 5th street"
    # Without the required attribute it is a 400.
    pairs = [p for p in pairs if not p[0].startswith("attribute")]
    r = client.post("/open311/v2/requests.xml", dict(pairs + [("address_id", "34.04.07")]))
    assert "WHISPAWN" in _error(r, 400)
