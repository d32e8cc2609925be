"""What the liaison officer does besides the follow-up: resolution time, extension, transfer
(koordinasi), involving a second agency, and Bukan Wewenang from the unit."""

import pytest

from lapor.reports.models import Assignment, Clock, Report, ReportEvent, Status
from tests.console.conftest import case_url, login, snapshot

pytestmark = pytest.mark.django_db


def test_it_sets_the_resolution_time(cast, disposed):
    client = login(cast.officer_a)
    response = client.post(
        case_url(disposed, "kompleksitas"), {"kompleksitas-complexity": "field_inspection"}
    )
    assert response.status_code == 302
    assert Assignment.objects.get(report=disposed).complexity == "field_inspection"
    assert Clock.objects.get(report=disposed, kind="resolution").working_days == 60
    page = client.get(case_url(disposed, lang="en")).content.decode()
    assert 'value="field_inspection" id="id_kompleksitas-complexity_2" checked' in page


def test_it_extends_within_the_ceiling_and_explains_a_refusal(cast, disposed):
    client = login(cast.officer_a)
    response = client.post(
        case_url(disposed, "perpanjang"), {"perpanjang-days": 3, "perpanjang-reason": "Material"}
    )
    assert response.status_code == 302
    assert Clock.objects.get(report=disposed, kind="resolution").extension_days == 3
    before = snapshot(disposed)
    refused = client.post(
        case_url(disposed, "perpanjang", lang="en"),
        {"perpanjang-days": 60, "perpanjang-reason": "Lama sekali"},
    )
    assert refused.status_code == 200
    assert "not end later than 60 working days" in refused.content.decode()
    assert snapshot(disposed) == before


def test_it_transfers_the_case_keeping_its_id_and_history(cast, directory, disposed):
    client = login(cast.officer_a)
    response = client.post(
        case_url(disposed, "alihkan"),
        {"alihkan-agency": directory.semarang_pupr.pk, "alihkan-reason": "Lokasi di Semarang."},
    )
    assert response.status_code == 302 and response["Location"] == "/konsol/#console-messages"
    report = Report.objects.get(pk=disposed.pk)
    assert report.tracking_id == disposed.tracking_id
    assert report.agency == directory.semarang_pupr and report.status == Status.DISPOSED
    assert Clock.objects.filter(report=report, agency=directory.semarang_pupr).exists()
    assert client.get(case_url(report)).status_code == 404
    assert login(cast.officer_b).get(case_url(report)).status_code == 200
    kinds = list(ReportEvent.objects.filter(report=report).values_list("kind", flat=True))
    assert kinds[:2] == ["submitted", "disposed"] and kinds[-1] == "transferred"


def test_it_refuses_a_transfer_to_itself(cast, directory, disposed):
    client = login(cast.officer_a)
    before = snapshot(disposed)
    response = client.post(
        case_url(disposed, "alihkan", lang="en"),
        {"alihkan-agency": directory.sleman_pupr.pk, "alihkan-reason": "Salah pilih."},
    )
    assert "already with this agency" in response.content.decode()
    assert snapshot(disposed) == before


def test_it_involves_a_second_agency_with_its_own_clocks(cast, directory, disposed):
    client = login(cast.officer_a)
    response = client.post(
        case_url(disposed, "libatkan"),
        {"libatkan-agency": directory.semarang_pupr.pk, "libatkan-reason": "Koordinasi."},
    )
    assert response.status_code == 302
    second = Assignment.objects.get(report=disposed, agency=directory.semarang_pupr)
    assert second.active and not second.is_primary
    assert Clock.objects.filter(
        report=disposed, agency=directory.semarang_pupr, kind="first_follow_up"
    ).exists()
    assert Report.objects.get(pk=disposed.pk).agency == directory.sleman_pupr
    assert login(cast.officer_b).get(case_url(disposed)).status_code == 200


def test_bukan_wewenang_from_the_unit_goes_back_to_verification(cast, directory, disposed):
    client = login(cast.officer_a)
    response = client.post(
        case_url(disposed, "bukan-wewenang"),
        {"bukan_wewenang-reason": "Ini jalan provinsi.", "bukan_wewenang-suggested_agency": ""},
    )
    assert response.status_code == 302 and response["Location"] == "/konsol/#console-messages"
    report = Report.objects.get(pk=disposed.pk)
    assert report.status == Status.AWAITING_VERIFICATION and report.agency is None
    assert not Assignment.objects.filter(report=report, active=True).exists()
    admin_queue = login(cast.agency_admin).get("/konsol/antrean/verifikasi/").content.decode()
    assert report.tracking_id in admin_queue
