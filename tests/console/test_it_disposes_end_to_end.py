"""An agency admin finds a new report in the verification queue, searches the directory,
edits the published text, raises the privacy, sets category and resolution time, and
dispositions it; the officer of the unit then finds it in the follow-up queue."""

import datetime as dt

import pytest
import time_machine

from lapor.reports.models import Assignment, Clock, Report, ReportEvent, Status
from tests.cases.conftest import at
from tests.console.conftest import case_url, file_report, login

pytestmark = pytest.mark.django_db


def test_it_verifies_and_dispositions_through_the_console(cast, directory):
    with time_machine.travel(at(2026, 11, 2), tick=False):  # Monday
        report = file_report()
        admin = login(cast.agency_admin)

        dashboard = admin.get("/en/konsol/").content.decode()
        assert "Verification" in dashboard and "1 report" in dashboard
        queue = admin.get("/en/konsol/antrean/verifikasi/").content.decode()
        assert report.tracking_id in queue and "3 working days left" in queue

        page = admin.get(case_url(report, lang="en") + "?q=dinas+pupr+sleman").content.decode()
        assert f'value="{directory.sleman_pupr.pk}"' in page
        assert f'value="{directory.semarang_pupr.pk}"' not in page
        assert 'id="action-disposisi"' in page

        response = admin.post(
            case_url(report, "disposisi", lang="en"),
            {
                "q": "dinas pupr sleman",
                "disposisi-agency": directory.sleman_pupr.pk,
                "disposisi-message": "Mohon segera dicek ke lokasi.",
                "disposisi-title_published": "Jalan berlubang di Caturtunggal",
                "disposisi-body_published": "Lubang besar di depan sekolah, membahayakan.",
                "disposisi-privacy": "anonymous",
                "disposisi-category": directory.category_road.pk,
                "disposisi-complexity": "no_field_check",
            },
        )
        assert response.status_code == 302
        assert response["Location"] == case_url(report, lang="en") + "#console-messages"
        after = admin.get(response["Location"]).content.decode()
        assert "dispositioned to Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Sleman" in after

    report = Report.objects.get(pk=report.pk)
    assert report.status == Status.DISPOSED
    assert report.agency == directory.sleman_pupr
    assert report.title_published == "Jalan berlubang di Caturtunggal"
    assert report.title_original == "Jalan berlubang di depan SD Negeri Caturtunggal"
    assert report.body_original.startswith("Lubang besar sudah tiga bulan")
    assert report.privacy == "anonymous"
    assert report.category == directory.category_road
    assignment = Assignment.objects.get(report=report)
    assert assignment.agency == directory.sleman_pupr and assignment.active
    assert assignment.complexity == "no_field_check"
    verify = Clock.objects.get(report=report, kind="verify")
    assert verify.stopped_at is not None
    resolution = Clock.objects.get(report=report, kind="resolution", stopped_at=None)
    assert resolution.working_days == 14
    first = Clock.objects.get(report=report, kind="first_follow_up", stopped_at=None)
    assert first.due_at.date() == dt.date(2026, 11, 9)
    events = list(ReportEvent.objects.filter(report=report).values_list("kind", "is_public"))
    assert ("text_edited", False) in events and ("privacy_raised", False) in events
    assert ("category_set", False) in events and ("disposed", True) in events
    disposed = ReportEvent.objects.get(report=report, kind="disposed")
    assert disposed.actor == cast.agency_admin and disposed.message == ""
    # The admin's note goes to the agency only: an internal event, not on the public timeline.
    note = ReportEvent.objects.get(report=report, kind="note")
    assert note.message == "Mohon segera dicek ke lokasi." and note.is_public is False

    with time_machine.travel(at(2026, 11, 3), tick=False):
        officer = login(cast.officer_a)
        follow_up = officer.get("/en/konsol/antrean/tindak-lanjut/").content.decode()
        assert report.tracking_id in follow_up and "4 working days left" in follow_up
        case_page = officer.get(case_url(report, lang="en")).content.decode()
        assert "Jalan berlubang di Caturtunggal" in case_page
        assert "Jalan berlubang di depan SD Negeri Caturtunggal" in case_page  # the original
        assert "internal: staff only" in case_page  # the edit log is visible to staff


def test_an_agency_admin_cannot_dispose_outside_its_government(cast, directory):
    report = file_report()
    admin = login(cast.agency_admin)
    response = admin.post(
        case_url(report, "disposisi", lang="en"),
        {
            "disposisi-agency": directory.semarang_pupr.pk,
            "disposisi-title_published": report.title_published,
            "disposisi-body_published": report.body_published,
            "disposisi-privacy": "public",
            "disposisi-complexity": "simple",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "only dispose to units of your own government" in html
    # The agency picked is still picked, though it was not among the suggestions.
    assert f'value="{directory.semarang_pupr.pk}" id="id_disposisi-agency-' in html
    assert Report.objects.get(pk=report.pk).status == Status.AWAITING_VERIFICATION


def test_privacy_can_only_be_raised(cast, directory):
    report = file_report(privacy="anonymous")
    admin = login(cast.agency_admin)
    page = admin.get(case_url(report, lang="en")).content.decode()
    assert 'name="disposisi-privacy" value="public"' not in page
    assert 'name="disposisi-privacy" value="confidential"' in page
    response = admin.post(
        case_url(report, "disposisi", lang="en"),
        {
            "disposisi-agency": directory.sleman_pupr.pk,
            "disposisi-title_published": report.title_published,
            "disposisi-body_published": report.body_published,
            "disposisi-privacy": "public",
            "disposisi-complexity": "simple",
        },
    )
    assert response.status_code == 200
    assert Report.objects.get(pk=report.pk).privacy == "anonymous"
    assert Report.objects.get(pk=report.pk).status == Status.AWAITING_VERIFICATION


def test_a_dispose_without_an_agency_says_what_is_missing(cast, directory):
    report = file_report()
    admin = login(cast.agency_admin)
    response = admin.post(
        case_url(report, "disposisi", lang="en"),
        {
            "disposisi-title_published": "Judul baru yang diketik",
            "disposisi-body_published": report.body_published,
            "disposisi-privacy": "public",
            "disposisi-complexity": "simple",
        },
    )
    html = response.content.decode()
    assert "Choose an agency from the list" in html
    assert 'href="#field-disposisi-agency"' in html
    assert "Judul baru yang diketik" in html
    assert Report.objects.get(pk=report.pk).status == Status.AWAITING_VERIFICATION
