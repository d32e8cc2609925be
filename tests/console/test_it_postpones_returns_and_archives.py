"""The verifier's other answers: Tunda, Bukan Wewenang (to the national admins) and Arsipkan."""

import pytest

from lapor.reports.models import Clock, Report, ReportEvent, Status
from tests.console.conftest import case_url, login, snapshot

pytestmark = pytest.mark.django_db


def test_tunda_asks_the_reporter_and_pauses_the_clock(cast, awaiting):
    client = login(cast.agency_admin)
    response = client.post(
        case_url(awaiting, "tunda"), {"tunda-message": "Di titik mana tepatnya?"}
    )
    assert response.status_code == 302
    report = Report.objects.get(pk=awaiting.pk)
    assert report.status == Status.POSTPONED
    assert Clock.objects.get(report=report, kind="verify").due_at is None
    assert ReportEvent.objects.get(report=report, kind="postponed").message == (
        "Di titik mana tepatnya?"
    )
    waiting = client.get("/konsol/antrean/menunggu-pelapor/").content.decode()
    assert report.tracking_id in waiting


def test_tunda_needs_a_message(cast, awaiting):
    client = login(cast.agency_admin)
    before = snapshot(awaiting)
    response = client.post(case_url(awaiting, "tunda", lang="en"), {"tunda-message": ""})
    assert response.status_code == 200
    assert 'href="#field-tunda-message"' in response.content.decode()
    assert snapshot(awaiting) == before


def test_bukan_wewenang_sends_it_to_the_national_admins(cast, directory, awaiting):
    client = login(cast.agency_admin)
    response = client.post(
        case_url(awaiting, "bukan-wewenang"),
        {
            "bukan_wewenang-reason": "Jalan nasional: wewenang Kementerian PU.",
            "bukan_wewenang-suggested_agency": directory.kemenpanrb.pk,
        },
    )
    # The report left the admin's scope: back to the dashboard, not to a 404.
    assert response.status_code == 302 and response["Location"] == "/konsol/#console-messages"
    report = Report.objects.get(pk=awaiting.pk)
    assert report.needs_national_routing and report.status == Status.AWAITING_VERIFICATION
    event = ReportEvent.objects.get(report=report, kind="not_authority")
    assert event.target_agency == directory.kemenpanrb
    assert client.get(case_url(report)).status_code == 404
    assert report.tracking_id not in client.get("/konsol/antrean/verifikasi/").content.decode()
    national = login(cast.national_admin).get("/en/konsol/antrean/verifikasi/").content.decode()
    assert report.tracking_id in national


def test_bukan_wewenang_needs_a_reason(cast, awaiting):
    client = login(cast.agency_admin)
    before = snapshot(awaiting)
    response = client.post(case_url(awaiting, "bukan-wewenang"), {"bukan_wewenang-reason": ""})
    assert response.status_code == 200
    assert snapshot(awaiting) == before


def test_arsipkan_with_a_reason_from_the_list(cast, awaiting):
    client = login(cast.agency_admin)
    response = client.post(
        case_url(awaiting, "arsipkan"),
        {"arsipkan-reason": "duplicate", "arsipkan-message": "Sama dengan laporan 123456789."},
    )
    assert response.status_code == 302
    report = Report.objects.get(pk=awaiting.pk)
    assert report.status == Status.ARCHIVED_BY_ADMIN and report.closed_at is not None
    event = ReportEvent.objects.get(report=report, kind="archived")
    assert event.data == {"reason": "duplicate"}
    # Verified away (archived): the verifier of the place no longer opens it (issue 10.1);
    # the national admins still do, with the reason.
    assert client.get(case_url(report, lang="en")).status_code == 404
    page = login(cast.national_admin).get(case_url(report, lang="en")).content.decode()
    assert "Duplicate of a report that is still open" in page
    assert not Clock.objects.filter(report=report, stopped_at=None).exists()


def test_arsipkan_refuses_a_reason_not_on_the_list(cast, awaiting):
    client = login(cast.agency_admin)
    before = snapshot(awaiting)
    response = client.post(case_url(awaiting, "arsipkan"), {"arsipkan-reason": "boring"})
    assert response.status_code == 200
    assert snapshot(awaiting) == before
