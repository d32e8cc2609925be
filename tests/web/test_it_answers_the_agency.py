"""The reporter's side of a case on the tracking page: reply, close with a rating, dispute."""

import pytest
import time_machine

from lapor.reports import case_actions as ca
from lapor.reports.models import Report, ReportEvent, Status
from tests.cases.conftest import at
from tests.conftest import report_post_data

pytestmark = pytest.mark.django_db


def _followed_up(client, cast, directory) -> Report:
    client.post("/lapor/", report_post_data())
    report = Report.objects.get()
    ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.agency_admin)
    ca.report_follow_up(report=report, message="Akan kami tambal minggu ini.", actor=cast.officer_a)
    return report


def test_it_shows_the_follow_up_and_the_deadlines_with_their_explanation(client, cast, directory):
    with time_machine.travel(at(2026, 11, 2), tick=False):
        report = _followed_up(client, cast, directory)
        page = client.get(f"/en/lacak/{report.tracking_id}/").content.decode()
    assert "Akan kami tambal minggu ini." in page
    assert "Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Sleman" in page
    assert "How was this date computed?" in page
    # The deadline's name is said plainly to the reporter (issue 15.3).
    assert "Your answer to the agency" in page
    assert "Saturday" in page or "Sunday" in page  # skipped days are named
    assert "Andi Petugas" not in page  # officers' names are not shown to the reporter


def test_it_sends_a_reply_back_to_the_agency(client, cast, directory):
    report = _followed_up(client, cast, directory)
    url = f"/lacak/{report.tracking_id}/"
    response = client.post(url, {"action": "reply", "message": "Belum, lubangnya masih ada."})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == Status.REPORTER_REPLIED
    assert ReportEvent.objects.get(kind="reporter_reply").message == "Belum, lubangnya masih ada."


def test_it_closes_with_a_rating_and_refuses_a_missing_rating(client, cast, directory):
    report = _followed_up(client, cast, directory)
    url = f"/en/lacak/{report.tracking_id}/"
    missing = client.post(url, {"action": "close", "comment": "Bagus"})
    assert "This field is required." in missing.content.decode()
    assert "Bagus</textarea>" in missing.content.decode()
    assert (
        client.post(url, {"action": "close", "rating": "4", "comment": "Cepat"}).status_code == 302
    )
    report.refresh_from_db()
    assert (report.status, report.rating, report.rating_comment) == (
        Status.CLOSED_BY_REPORTER,
        4,
        "Cepat",
    )


def test_it_reopens_a_disputed_closure(client, cast, directory):
    report = _followed_up(client, cast, directory)
    url = f"/lacak/{report.tracking_id}/"
    client.post(url, {"action": "close", "rating": "1"})
    page = client.get("/en" + url).content.decode()
    assert "Reopen my report" in page
    client.post(url, {"action": "dispute", "reason": "Lubang belum ditambal sama sekali."})
    report.refresh_from_db()
    assert report.status == Status.DISPOSED
    assert ReportEvent.objects.filter(kind="disputed").exists()
    assert ReportEvent.objects.filter(kind="escalated").exists()


def test_it_refuses_actions_that_do_not_fit_the_status(client, cast, directory):
    client.post("/lapor/", report_post_data())
    report = Report.objects.get()
    url = f"/lacak/{report.tracking_id}/"
    assert client.post(url, {"action": "close", "rating": "5"}).status_code == 404
    assert client.post(url, {"action": "dispute", "reason": "x"}).status_code == 404
    assert client.post(url, {"action": "reply", "message": "x"}).status_code == 404
    assert Report.objects.get().status == Status.AWAITING_VERIFICATION
