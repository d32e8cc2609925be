"""Who may use the desk: holders of FILE_ON_BEHALF. Everyone else gets the console's answer
(404, as for a missing page; the login page for someone not logged in). A receipt is shown
only to the officer and session that filed the report; the case follows the console's scope."""

from __future__ import annotations

import pytest
from django.test import Client

from lapor.reports.models import Report
from tests.desk.conftest import DESK_URL, desk_post, login


@pytest.mark.parametrize("who", ["supervisor", "ppid", "reporter"])
def test_without_the_capability_the_desk_is_a_404(cast, supervisor, ppid, who):
    user = {"supervisor": supervisor, "ppid": ppid}.get(who) or getattr(cast, who)
    client = login(user)
    assert client.get(DESK_URL).status_code == 404
    assert client.post(DESK_URL, desk_post()).status_code == 404
    assert Report.objects.count() == 0
    # And the console does not offer it.
    if who != "reporter":
        assert DESK_URL.encode() not in client.get("/konsol/").content


@pytest.mark.parametrize("who", ["national_admin", "agency_admin", "officer_a"])
def test_the_console_offers_the_desk_to_those_who_may(cast, who):
    page = login(getattr(cast, who)).get("/konsol/")
    assert DESK_URL.encode() in page.content


def test_someone_not_logged_in_is_sent_to_log_in(cast):
    response = Client().get(DESK_URL)
    assert response.status_code == 302
    assert "/akun/masuk/" in response["Location"]
    assert Client().post(DESK_URL, desk_post()).status_code == 302
    assert Report.objects.count() == 0


def test_a_receipt_is_only_for_the_session_that_filed(cast):
    officer = login(cast.officer_a)
    response = officer.post(DESK_URL, desk_post())
    receipt_url = response["Location"]
    report = Report.objects.get()
    done_url = f"/konsol/loket/tanda-terima/{report.tracking_id}/selesai/"
    assert officer.get(receipt_url).status_code == 200

    # An officer of another agency, the same officer in another session, a national admin:
    # none of them sees the receipt (it carries the PIN); all get the same 404.
    for user in (cast.officer_b, cast.officer_a, cast.national_admin, cast.agency_admin):
        other = login(user)
        assert other.get(receipt_url).status_code == 404
        assert other.post(done_url).status_code == 404
    assert officer.get("/konsol/loket/tanda-terima/999999999/").status_code == 404


def test_the_case_follows_the_console_scope_not_the_filer(cast):
    """Filing a report gives no access to its case: scope is the console's ordinary rule."""
    officer_b = login(cast.officer_b)  # liaison officer in Semarang, files a Sleman report
    officer_b.post(DESK_URL, desk_post())
    report = Report.objects.get()
    assert officer_b.get(f"/konsol/laporan/{report.tracking_id}/").status_code == 404
    # Sleman's agency admin verifies Sleman's reports: the case is theirs.
    assert login(cast.agency_admin).get(f"/konsol/laporan/{report.tracking_id}/").status_code == (
        200
    )


def test_a_repeat_from_another_session_reveals_nothing(cast):
    data = desk_post()
    login(cast.officer_a).post(DESK_URL, data)
    assert login(cast.agency_admin).post(DESK_URL, data).status_code == 404
    assert Report.objects.count() == 1
