"""Issue 10.1, the attack as it was done on main: Sleman's agency admin (its area holds the
report's location) kept full access after the national admin dispositioned a confidential
report to Semarang, and pulled its own unit in with "involve another agency" — after which
the admin and the unit's officers read the reporter's identity. Now: 404 at every door,
nothing changes, the identity is never shown; and a confidential reporter's identity reaches
only the reporter and (deliberately, logged) national admins."""

from __future__ import annotations

import pytest

from lapor.exports.selectors import exportable_reports
from lapor.reports import case_actions as ca
from lapor.reports.access import reporter_identity
from lapor.reports.models import Assignment, IdentityAccessLog, Report
from tests.console.conftest import case_url, file_report, login, snapshot

pytestmark = pytest.mark.django_db

NAME, EMAIL, PHONE = "Wahyuni Kartikasari", "pelapor.rahasia@example.id", "+6281399990000"


def _shows_identity(html: str) -> bool:
    return NAME in html or EMAIL in html or PHONE in html or "81399990000" in html


@pytest.fixture
def confidential_elsewhere(cast, directory) -> Report:
    report = file_report(privacy="confidential", name=NAME)
    ca.report_dispose(report=report, agency=directory.semarang_pupr, actor=cast.national_admin)
    return Report.objects.get(pk=report.pk)


def test_the_place_admin_cannot_pull_its_unit_in(cast, directory, confidential_elsewhere):
    report = confidential_elsewhere
    admin = login(cast.agency_admin)
    before = snapshot(report)

    assert admin.get(case_url(report)).status_code == 404
    response = admin.post(
        case_url(report, "libatkan"),
        {"libatkan-agency": directory.sleman_pupr.pk, "libatkan-reason": "Kami bantu tangani."},
    )
    assert response.status_code == 404
    assert snapshot(report) == before
    assert not Assignment.objects.filter(report=report, agency=directory.sleman_pupr).exists()
    # Not through the action either (defence in depth), nor by transfer.
    with pytest.raises(ca.Forbidden):
        ca.report_involve_agency(
            report=report,
            agency=directory.sleman_pupr,
            reason="Kami bantu.",
            actor=cast.agency_admin,
        )
    with pytest.raises(ca.Forbidden):
        ca.report_transfer(
            report=report,
            to_agency=directory.sleman_pupr,
            reason="Ke kami.",
            actor=cast.agency_admin,
        )
    # Its unit's officer has no way in, in the console, the API or the exports.
    officer = login(cast.officer_a)
    assert officer.get(case_url(report)).status_code == 404
    assert not exportable_reports(cast.agency_admin).filter(pk=report.pk).exists()
    assert not exportable_reports(cast.officer_a).filter(pk=report.pk).exists()
    for user in (cast.agency_admin, cast.officer_a):
        assert reporter_identity(report, actor=user, purpose="attack") is None
    assert snapshot(report) == before


def test_a_confidential_identity_reaches_only_the_reporter_and_logged_national_admins(
    cast, directory
):
    report = file_report(privacy="confidential", name=NAME)
    ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.agency_admin)
    # The handling unit and its government open the case, but never the identity.
    for user in (cast.officer_a, cast.agency_admin):
        page = login(user).get(case_url(report)).content.decode()
        assert report.tracking_id in page and not _shows_identity(page)
        assert reporter_identity(report, actor=user, purpose="case") is None
    # The national admin: not by merely opening the page, only by asking with a purpose.
    national = login(cast.national_admin)
    assert not _shows_identity(national.get(case_url(report)).content.decode())
    logged = IdentityAccessLog.objects.filter(actor=cast.national_admin, granted=True).count()
    page = national.get(case_url(report) + "?identitas=Verifikasi+aduan+berulang").content.decode()
    assert _shows_identity(page)
    assert (
        IdentityAccessLog.objects.filter(actor=cast.national_admin, granted=True).count()
        == logged + 1
    )
    # The reporter (the one who filed it) always.
    assert reporter_identity(report, actor=None, purpose="own", is_reporter=True) is not None
