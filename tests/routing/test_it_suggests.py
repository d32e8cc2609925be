"""Suggestions: similar open reports while a citizen types, top-3 units on the verification
screen with confidence and explanation."""

import pytest

from lapor.reports import case_actions as ca
from tests.cases.conftest import submit
from tests.conftest import report_post_data
from tests.routing.fakes import ROAD, classifier

pytestmark = pytest.mark.django_db

SIMILAR_URL = "/konsol/routing/serupa/"


@pytest.fixture
def open_public_report(cast, directory):
    report = submit(
        "Jalan Colombo berlubang besar dekat kampus", body="Lubang besar di Jalan Colombo."
    )
    ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.agency_admin)
    return report


def test_it_offers_similar_open_public_reports_in_the_same_regency(open_public_report, client):
    unverified = submit("Jalan Colombo berlubang lagi")  # not public yet: never offered
    confidential = submit("Jalan Colombo berlubang rahasia", privacy="confidential")
    found = client.get(
        SIMILAR_URL, {"regency": "34.04", "title": "Lubang di jalan Colombo", "body": "berlubang"}
    ).json()["results"]
    ids = [r["tracking_id"] for r in found]
    assert ids == [open_public_report.tracking_id]
    assert unverified.tracking_id not in ids and confidential.tracking_id not in ids
    assert found[0]["url"].endswith(f"/{open_public_report.tracking_id}/")
    elsewhere = client.get(
        SIMILAR_URL, {"regency": "33.74", "title": "Lubang di jalan Colombo"}
    ).json()["results"]
    assert elsewhere == []


def test_it_offers_them_without_javascript(open_public_report, client):
    page = client.post(
        "/lapor/",
        report_post_data(title="Lubang jalan Colombo", _refresh="similar"),
    )
    html = page.content.decode()
    assert page.status_code == 200
    assert open_public_report.tracking_id in html and 'id="similar-reports-title"' in html


def test_the_verification_screen_shows_top_three_units_and_preselects_the_first(
    cast, directory, routing, monkeypatch, client
):
    classifier(monkeypatch, **ROAD)
    report = submit("Jalan provinsi berlubang", body="Jalan provinsi Jogja-Solo berlubang.")
    client.force_login(cast.national_admin)
    html = client.get(f"/konsol/laporan/{report.tracking_id}/").content.decode()
    assert 'id="routing-title"' in html
    assert "Dinas PUPR DIY" in html and "jalan provinsi" in html
    assert "%" in html
    pk = routing.province_pupr.pk
    assert f'value="{pk}" id="id_disposisi-agency-{pk}" checked' in html


def test_without_classifier_or_category_there_is_no_suggestion(cast, directory, monkeypatch):
    from lapor.routing import suggest

    monkeypatch.setattr(suggest, "classify", lambda text: None)
    report = submit()
    assert suggest.route(report).suggestions == []
    report.category = directory.category_road
    result = suggest.route(report)
    # 0.5 for the reporter's own choice × 0.8 for the category's plain mapping (no rule).
    assert result.top.agency == directory.sleman_pupr and result.top.confidence == 0.4
