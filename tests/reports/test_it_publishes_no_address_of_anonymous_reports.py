"""An anonymous report's own address text is published nowhere (Open311 XML/JSON, the open-data
API and dump, the public page, API v1's public feed); its coordinates are published snapped to a
~100 m grid, the same point on every read; the verifier can set a public address in the console's
verification form, which is published instead and logged as an event. A public report keeps its
(masked) address and exact point."""

from __future__ import annotations

import gzip
import math
from decimal import Decimal

import pytest
from django.core.files.storage import default_storage
from django.test import Client

from lapor.opendata import dump
from lapor.reports import case_actions as ca
from lapor.reports.models import ReportEvent
from tests.open311.conftest import file_report, make_public

pytestmark = pytest.mark.django_db

ADDRESS = "Gang Mawar No. 7, kos Bu Tini, samping warung Pak Darto"
ADDRESS_BITS = ("Gang Mawar", "Bu Tini", "Pak Darto")
LAT, LONG = Decimal("-7.779312"), Decimal("110.387655")
EXACT = ("7.779312", "110.387655", "7.77931", "110.38765")
# The centre of the 0.001° cell holding the point.
SNAPPED = (-7.7795, 110.3875)


def anonymous_report(cast, directory, **kw):
    report = file_report(
        "anonymous", address=ADDRESS, latitude=LAT, longitude=LONG, title="Jalan berlubang", **kw
    )
    return make_public(report, cast, directory, follow_up="Sedang kami periksa.")


def outputs(report) -> dict[str, str]:
    """Every public output that could carry the location, as text."""
    client = Client()
    tid = report.tracking_id
    found = {}
    for url in (
        "/open311/v2/requests.json",
        "/open311/v2/requests.xml",
        f"/open311/v2/requests/{tid}.json",
        f"/open311/v2/requests/{tid}.xml",
        "/open311/v2/servicerequestupdates.json",
        "/data/api/reports.json",
        f"/data/api/reports/{tid}.json",
        f"/laporan/{tid}/",
        "/laporan/",
        "/api/v1/public/reports",
        f"/api/v1/public/reports/{tid}",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        found[url] = response.content.decode()
    for f in dump.write_dump()["files"]:
        with default_storage.open(f["path"], "rb") as fh:
            found[f["name"]] = gzip.decompress(fh.read()).decode()
    return found


def open311_record(report) -> dict:
    return Client().get(f"/open311/v2/requests/{report.tracking_id}.json").json()[0]


def metres(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat = math.radians((a[0] + b[0]) / 2)
    dy = (a[0] - b[0]) * 111_320
    dx = (a[1] - b[1]) * 111_320 * math.cos(lat)
    return math.hypot(dx, dy)


def test_the_address_text_of_an_anonymous_report_is_published_nowhere(cast, directory):
    report = anonymous_report(cast, directory)
    for where, text in outputs(report).items():
        for bit in ADDRESS_BITS:
            assert bit not in text, f"{bit!r} in {where}"
    assert open311_record(report)["address"] == ""
    assert Client().get(f"/data/api/reports/{report.tracking_id}.json").json()["address"] == ""


def test_its_coordinates_are_coarse_and_the_same_on_every_read(cast, directory):
    report = anonymous_report(cast, directory)
    texts = outputs(report)
    for where, text in texts.items():
        for exact in EXACT:
            assert exact not in text, f"{exact} in {where}"
    reads = {tuple((r["lat"], r["long"])) for r in (open311_record(report) for _ in range(5))}
    assert reads == {SNAPPED}  # one point, whatever the number of reads: nothing to average
    data = Client().get(f"/data/api/reports/{report.tracking_id}.json").json()
    assert (data["lat"], data["long"]) == SNAPPED
    assert "<lat>-7.7795</lat>" in texts["/open311/v2/requests.xml"]
    assert 10 < metres(SNAPPED, (float(LAT), float(LONG))) < 100
    # A neighbour in the same cell is published at the very same point.
    near = anonymous_report(cast, directory)
    near.latitude, near.longitude = Decimal("-7.779901"), Decimal("110.387012")
    near.save(update_fields=["latitude", "longitude"])
    assert (open311_record(near)["lat"], open311_record(near)["long"]) == SNAPPED


def test_a_public_report_keeps_its_masked_address_and_exact_point(cast, directory):
    report = make_public(
        file_report(
            "public",
            address="Jl. Kaliurang km 5, hubungi 0812-3456-7890",
            latitude=LAT,
            longitude=LONG,
        ),
        cast,
        directory,
    )
    record = open311_record(report)
    assert record["address"] == "Jl. Kaliurang km 5, hubungi [nomor telepon disamarkan]"
    assert (record["lat"], record["long"]) == (float(LAT), float(LONG))
    page = Client().get(f"/laporan/{report.tracking_id}/").content.decode()
    assert "Jl. Kaliurang km 5" in page and "0812-3456-7890" not in page


def test_the_verifier_sets_a_public_address_in_the_verification_form(cast, directory):
    report = file_report("anonymous", address=ADDRESS, latitude=LAT, longitude=LONG)
    admin = Client()
    admin.force_login(cast.national_admin)
    form = admin.get(f"/konsol/laporan/{report.tracking_id}/").content.decode()
    assert 'name="disposisi-address_public"' in form
    response = admin.post(
        f"/konsol/laporan/{report.tracking_id}/disposisi/",
        {
            "disposisi-agency": directory.sleman_pupr.pk,
            "disposisi-title_published": "Jalan berlubang",
            "disposisi-body_published": "Lubang besar di jalan.",
            "disposisi-address_public": "Jalan Kaliurang km 5, dekat pasar Pogung",
            "disposisi-privacy": "anonymous",
            "disposisi-complexity": "simple",
        },
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.address_public == "Jalan Kaliurang km 5, dekat pasar Pogung"
    assert report.address == ADDRESS  # the reporter's words are kept, for staff
    event = ReportEvent.objects.get(report=report, kind=ReportEvent.Kind.PUBLIC_ADDRESS_SET)
    assert event.actor == cast.national_admin and event.is_public is False
    assert event.data == {"old": "", "new": "Jalan Kaliurang km 5, dekat pasar Pogung"}
    record = open311_record(report)
    assert record["address"] == "Jalan Kaliurang km 5, dekat pasar Pogung"
    assert (record["lat"], record["long"]) == SNAPPED  # still coarse
    page = Client().get(f"/laporan/{report.tracking_id}/").content.decode()
    assert "dekat pasar Pogung" in page and "Gang Mawar" not in page
    for where, text in outputs(report).items():
        assert "Gang Mawar" not in text, where


def test_only_a_verifier_sets_it_and_too_long_is_refused(cast, directory):
    report = file_report("anonymous", address=ADDRESS)
    with pytest.raises(ca.Forbidden):
        ca.report_set_public_address(report=report, address="Jalan Kaliurang", actor=cast.officer_b)
    admin = Client()
    admin.force_login(cast.national_admin)
    response = admin.post(
        f"/konsol/laporan/{report.tracking_id}/disposisi/",
        {
            "disposisi-agency": directory.sleman_pupr.pk,
            "disposisi-title_published": "Jalan berlubang",
            "disposisi-body_published": "Lubang besar di jalan.",
            "disposisi-address_public": "x" * 256,
            "disposisi-privacy": "anonymous",
            "disposisi-complexity": "simple",
        },
    )
    assert response.status_code == 200  # the form again, with the error and what was typed
    assert 'class="field has-error" id="field-disposisi-address_public"' in (
        response.content.decode()
    )
    report.refresh_from_db()
    assert report.address_public == "" and report.status == "awaiting_verification"
    assert not ReportEvent.objects.filter(report=report, kind="public_address_set").exists()
    # Clearing it again is an event too.
    ca.report_set_public_address(
        report=report, address="Jalan Kaliurang", actor=cast.national_admin
    )
    ca.report_set_public_address(report=report, address="", actor=cast.national_admin)
    assert list(
        ReportEvent.objects.filter(report=report, kind="public_address_set").values_list(
            "data", flat=True
        )
    ) == [{"old": "", "new": "Jalan Kaliurang"}, {"old": "Jalan Kaliurang", "new": ""}]
