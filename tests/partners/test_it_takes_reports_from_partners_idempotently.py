"""A partner pushes reports under its own external ID: a resend is the same report (200, same
tracking ID), a different payload under the same ID is a 409, and bad input gets the one error
shape with nothing created."""

import pytest

from lapor.partners.models import ExternalReference
from lapor.reports.models import Channel, Report, Status
from tests.api.conftest import error_of
from tests.partners.conftest import make_partner, report_data

pytestmark = pytest.mark.django_db


def test_a_new_external_id_files_a_report_through_the_ordinary_intake(partner):
    response = partner.post("reports", report_data())
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["created"] is True and body["external_id"] == "LAKSA-2026-0001"
    assert body["status"] == Status.AWAITING_VERIFICATION
    assert body["pin"] and len(body["pin"]) == 6
    report = Report.objects.get(tracking_id=body["tracking_id"])
    assert report.channel == Channel.API
    assert report.region_id == "34.04.07.2001" and report.regency_code == "34.04"
    assert report.events.filter(kind="submitted").count() == 1


def test_resending_the_same_report_returns_the_same_report(partner):
    first = partner.post("reports", report_data())
    again = partner.post("reports", report_data())
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["tracking_id"] == first.json()["tracking_id"]
    assert again.json()["created"] is False
    assert again.json()["pin"] is None  # shown once, when created
    assert Report.objects.count() == 1


def test_the_same_external_id_with_other_content_is_a_conflict(partner):
    partner.post("reports", report_data())
    response = partner.post("reports", report_data(title="Laporan lain sama sekali"))
    assert response.status_code == 409
    assert error_of(response)["code"] == "conflict"
    assert Report.objects.count() == 1


def test_external_ids_belong_to_one_partner(partner, directory):
    other = make_partner(directory.sleman_gov, name="Sambat Online Malang")
    mine = partner.post("reports", report_data())
    theirs = other.post("reports", report_data())
    assert (mine.status_code, theirs.status_code) == (201, 201)
    assert mine.json()["tracking_id"] != theirs.json()["tracking_id"]
    # Neither can read the other's report by the shared external ID... only its own.
    assert (
        other.get("reports/LAKSA-2026-0001").json()["tracking_id"] == theirs.json()["tracking_id"]
    )
    assert ExternalReference.objects.count() == 2


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"region_code": "99.99"}, "region_code"),
        ({"region_code": "34"}, "region_code"),  # a province is not enough
        ({"title": ""}, "title"),
        ({"description": "x" * 4001}, "description"),
        ({"privacy": "secret"}, "privacy"),
        ({"external_id": "has spaces/and slashes"}, "external_id"),
        ({"category": "no-such-category"}, "category"),
        ({"contact": {"email": "not-an-address"}}, "contact.email"),
        ({"latitude": 91}, "latitude"),
        ({"incident_date": "yesterday"}, "incident_date"),
    ],
)
def test_invalid_fields_get_the_error_shape_and_create_nothing(partner, change, field):
    response = partner.post("reports", report_data(**change))
    assert response.status_code == 422, response.content
    error = error_of(response)
    assert error["code"] == "validation_error"
    assert field in error["fields"], error
    assert Report.objects.count() == 0
    # Nothing is lost: the corrected request goes through under the same external ID.
    assert partner.post("reports", report_data()).status_code == 201


def test_a_missing_field_and_a_broken_body_get_clear_answers(partner):
    data = report_data()
    del data["region_code"]
    missing = partner.post("reports", data)
    assert missing.status_code == 422
    assert error_of(missing)["fields"]["region_code"]
    broken = partner.post("reports", '{"external_id": "x", ')
    assert broken.status_code == 400
    assert error_of(broken)["message"]
    assert Report.objects.count() == 0


def test_keys_without_the_partner_scope_or_integration_are_refused(partner, directory, client):
    from lapor.open311.models import ApiKey, PartnerApp

    no_key = client.post("/api/v1/partner/reports", report_data(), content_type="application/json")
    assert no_key.status_code == 401 and error_of(no_key)["code"] == "missing_api_key"

    reports_only = ApiKey(partner=partner.app, scopes=["reports"])
    raw = reports_only.set_new_key()
    reports_only.save()
    wrong_scope = client.post(
        "/api/v1/partner/reports",
        report_data(),
        content_type="application/json",
        HTTP_X_API_KEY=raw,
    )
    assert wrong_scope.status_code == 403 and error_of(wrong_scope)["code"] == "missing_scope"

    bare = PartnerApp.objects.create(name="Aplikasi tanpa integrasi")
    key = ApiKey(partner=bare, scopes=["partner"])
    raw = key.set_new_key()
    key.save()
    no_integration = client.post(
        "/api/v1/partner/reports",
        report_data(),
        content_type="application/json",
        HTTP_X_API_KEY=raw,
    )
    assert no_integration.status_code == 403
    assert error_of(no_integration)["code"] == "no_integration"
    assert Report.objects.count() == 0


def test_the_partner_reads_status_and_public_timeline_by_its_own_id(partner, cast, directory):
    from lapor.reports import case_actions as ca

    created = partner.post("reports", report_data()).json()
    report = Report.objects.get(tracking_id=created["tracking_id"])
    ca.report_dispose(
        report=report,
        agency=directory.sleman_pupr,
        actor=cast.agency_admin,
        message="Catatan internal: cek anggaran PJU dulu.",
    )
    response = partner.get("reports/LAKSA-2026-0001")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "disposed" and body["open311_status"] == "open"
    assert body["agency"] == directory.sleman_pupr.name
    assert [item["kind"] for item in body["timeline"]] == ["submitted", "disposed"]
    assert "Catatan internal" not in response.content.decode()

    unknown = partner.get("reports/NOPE-1")
    assert unknown.status_code == 404 and error_of(unknown)["code"] == "not_found"
