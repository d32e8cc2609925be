"""The similar-reports lookup (/konsol/routing/serupa/ and the form's no-JavaScript list) is not
an oracle: whoever asks — an anonymous visitor or a logged-in officer — it reads and returns only
published, masked text; a NIK, a phone number or an e-mail address in the query finds nothing,
even a report whose body holds it; it is rate-limited per client address."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from lapor.reports import case_actions as ca
from lapor.reports.scrub import PHONE_MASK
from lapor.routing import duplicates
from tests.cases.conftest import submit
from tests.conftest import report_post_data

pytestmark = pytest.mark.django_db

SIMILAR_URL = "/konsol/routing/serupa/"
NIK = "3404071234560001"
PHONE = "0812-3300-0011"
EMAIL = "wulan.sari@mail.id"
SECRETS = (NIK, "3404 0712", "081233000011", "3300-0011", EMAIL, "wulan.sari")


@pytest.fixture
def anonymous_report(cast, directory):
    """Public (verified), anonymous, its title and body full of personal data as typed."""
    report = submit(
        f"Jembatan Gajahwong retak, hubungi {PHONE} atau {EMAIL}",
        body=f"Jembatan Gajahwong retak parah dekat rumah saya. NIK saya {NIK}.",
        privacy="anonymous",
    )
    ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.agency_admin)
    return report


def clients(cast) -> dict[str, Client]:
    staff = Client()
    staff.force_login(cast.national_admin)
    officer = Client()
    officer.force_login(cast.officer_a)
    return {"anonymous visitor": Client(), "national admin": staff, "officer": officer}


def ask(client: Client, title: str, body: str = "", **extra) -> tuple[int, list[dict], str]:
    response = client.get(SIMILAR_URL, {"regency": "34.04", "title": title, "body": body}, **extra)
    text = response.content.decode()
    return response.status_code, json.loads(text)["results"], text


def test_it_returns_only_the_masked_title_to_anyone(cast, anonymous_report):
    for who, client in clients(cast).items():
        status, found, text = ask(client, "Jembatan Gajahwong retak")
        assert status == 200, who
        assert [r["tracking_id"] for r in found] == [anonymous_report.tracking_id], who
        assert PHONE_MASK in found[0]["title"], who
        flat = text.replace(" ", "").replace("-", "")
        for secret in SECRETS:
            assert secret.replace(" ", "").replace("-", "") not in flat, (who, secret)


@pytest.mark.parametrize(
    "title,body",
    [
        # The NIK appears only in the body: "laporan" alone matches nothing.
        (f"laporan {NIK}", NIK),
        ("laporan 3404 0712 3456 0001", ""),
        # The digits of the masked phone number, as the public can never read them.
        ("laporan 3300 0011", "0812 3300 0011"),
        (f"kontak {EMAIL}", EMAIL),
        # The e-mail address's words, which the public page shows only masked.
        ("kontak wulan sari", "mail"),
    ],
)
def test_personal_data_in_the_query_finds_nothing(cast, anonymous_report, title, body):
    for who, client in clients(cast).items():
        status, found, _text = ask(client, title, body)
        assert status == 200, who
        assert found == [], (who, title)


def test_staff_get_the_public_answer_too(cast, directory, anonymous_report):
    # Not verified yet, and confidential: never offered over HTTP, whoever asks.
    submit("Jembatan Gajahwong retak lagi", privacy="anonymous")
    confidential = submit("Jembatan Gajahwong retak rahasia", privacy="confidential")
    ca.report_dispose(report=confidential, agency=directory.sleman_pupr, actor=cast.agency_admin)
    for who, client in clients(cast).items():
        _status, found, _text = ask(client, "Jembatan Gajahwong retak")
        assert [r["tracking_id"] for r in found] == [anonymous_report.tracking_id], who


def test_the_case_page_offers_duplicates_by_their_masked_title(cast, anonymous_report):
    candidate = submit("Jembatan Gajahwong retak", body="Jembatan Gajahwong retak parah.")
    client = Client()
    client.force_login(cast.national_admin)
    html = client.get(f"/konsol/laporan/{candidate.tracking_id}/").content.decode()
    assert 'id="possible-duplicates"' in html
    assert anonymous_report.tracking_id in html
    assert PHONE not in html and EMAIL not in html


def test_the_form_without_javascript_shows_only_masked_titles(anonymous_report):
    client = Client()
    html = client.post(
        "/lapor/", report_post_data(title="Jembatan Gajahwong retak", _refresh="similar")
    ).content.decode()
    assert anonymous_report.tracking_id in html
    assert PHONE not in html and EMAIL not in html and NIK not in html
    # The NIK typed into the form is the visitor's own text (echoed back); it finds nothing.
    html = client.post(
        "/lapor/", report_post_data(title=f"Laporan {NIK}", body=NIK, _refresh="similar")
    ).content.decode()
    assert anonymous_report.tracking_id not in html


def test_it_limits_lookups_per_client(anonymous_report):
    client = Client()
    for _ in range(duplicates.LOOKUPS_PER_MINUTE):
        status, found, _text = ask(client, "Jembatan Gajahwong retak")
        assert status == 200 and found
    response = client.get(
        SIMILAR_URL, {"regency": "34.04", "title": "Jembatan Gajahwong retak", "body": ""}
    )
    assert response.status_code == 429
    assert response.json()["results"] == []
    assert response["Retry-After"]
    # The form keeps working without JavaScript, only without the list.
    page = client.post(
        "/lapor/", report_post_data(title="Jembatan Gajahwong retak", _refresh="similar")
    )
    assert page.status_code == 200
    assert anonymous_report.tracking_id not in page.content.decode()
    # Another client address is counted apart.
    status, found, _text = ask(Client(), "Jembatan Gajahwong retak", REMOTE_ADDR="198.51.100.7")
    assert status == 200 and found
