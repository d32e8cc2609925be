"""An anonymous reporter's identity never appears on console pages for agency staff; a
national admin sees it only on request, with a purpose, and the read is logged."""

import pytest
from django.test import Client

from lapor.reports import case_actions as ca
from lapor.reports.models import Attachment, IdentityAccessLog, Report, ReportEvent
from tests.conftest import report_post_data
from tests.console.conftest import case_url, login
from tests.helpers import jpeg_with_gps

pytestmark = pytest.mark.django_db

NAME, PHONE, EMAIL = "Rahasia Sekali Namanya", "0813-9876-5432", "saksi.rahasia@example.id"
SECRETS = (NAME, "Rahasia Sekali", "9876", EMAIL, "saksi.rahasia", "Siti Rahmawati")


def _anonymous_case(cast, directory) -> Report:
    """Filed through the citizen form by a logged-in reporter, with a revealing file name."""
    reporter = Client()
    reporter.force_login(cast.reporter)
    photo = jpeg_with_gps("KTP-Rahasia-Sekali-Namanya.jpg")
    reporter.post(
        "/lapor/",
        report_post_data(
            privacy="anonymous", full_name=NAME, phone=PHONE, email=EMAIL, attachments=[photo]
        ),
    )
    report = Report.objects.get()
    ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.agency_admin)
    report.refresh_from_db()
    return report


def _console_pages(client: Client, report: Report) -> list[str]:
    pages = []
    for url in (
        case_url(report),
        case_url(report, lang="en"),
        case_url(report, lang="en") + "?identitas=penyelidikan",
        "/konsol/",
        "/en/konsol/antrean/semua/",
        "/en/konsol/antrean/tindak-lanjut/",
        "/en/konsol/antrean/verifikasi/",
    ):
        response = client.get(url)
        if response.status_code == 200:
            pages.append(response.content.decode())
    return pages


def test_agency_staff_never_see_an_anonymous_identity(cast, directory, supervisor):
    report = _anonymous_case(cast, directory)
    assert Attachment.objects.filter(report=report).exists()
    assert ReportEvent.objects.filter(report=report, actor=cast.reporter).exists()
    for user in (cast.officer_a, cast.agency_admin, supervisor):
        pages = _console_pages(login(user), report)
        assert len(pages) >= 4
        for html in pages:
            for secret in SECRETS:
                assert secret not in html, (user, secret)
        assert "Identity hidden (anonymous)" in pages[1]
        assert "Why do you need to see the identity?" not in pages[1]
    attachment = Attachment.objects.get(report=report)
    download = login(cast.officer_a).get(case_url(report) + f"lampiran/{attachment.pk}/")
    assert download.status_code == 200
    assert "Rahasia" not in download["Content-Disposition"]
    assert not IdentityAccessLog.objects.filter(report=report, granted=True).exists()


def test_a_national_admin_sees_it_only_on_request_and_the_read_is_logged(cast, directory):
    report = _anonymous_case(cast, directory)
    client = login(cast.national_admin)
    before = IdentityAccessLog.objects.filter(report=report).count()

    page = client.get(case_url(report, lang="en")).content.decode()
    assert NAME not in page and "Identity hidden (anonymous)" in page
    assert "Why do you need to see the identity?" in page
    assert IdentityAccessLog.objects.filter(report=report).count() == before

    empty = client.get(case_url(report, lang="en") + "?identitas=").content.decode()
    assert NAME not in empty and "Write why you need" in empty
    assert IdentityAccessLog.objects.filter(report=report).count() == before

    shown = client.get(case_url(report, lang="en") + "?identitas=laporan+ancaman").content.decode()
    assert NAME in shown and EMAIL in shown
    log = IdentityAccessLog.objects.filter(report=report).latest("at")
    assert log.granted and log.actor == cast.national_admin
    assert log.purpose.startswith("console case page") and "laporan ancaman" in log.purpose


def test_raising_an_anonymous_report_to_confidential_keeps_it_hidden(cast, directory):
    report = _anonymous_case(cast, directory)
    ca.report_edit_publication(report=report, actor=cast.agency_admin, privacy="confidential")
    assert Report.objects.get(pk=report.pk).privacy == "confidential"
    for user in (cast.officer_a, cast.agency_admin):
        html = login(user).get(case_url(report, lang="en")).content.decode()
        assert NAME not in html and EMAIL not in html
        assert "Identity hidden (anonymous)" in html


def test_a_public_reporter_is_shown_to_the_handling_agency_and_every_read_logged(
    cast, directory, supervisor
):
    Client().post("/lapor/", report_post_data(full_name=NAME, phone=PHONE, email=EMAIL))
    report = Report.objects.get()
    ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.agency_admin)
    for user in (cast.officer_a, cast.agency_admin):  # the unit, and its government above it
        assert NAME in login(user).get(case_url(report, lang="en")).content.decode()
    page = login(supervisor).get(case_url(report, lang="en")).content.decode()
    assert NAME not in page and "only to staff of the agency handling the report" in page
    logs = list(
        IdentityAccessLog.objects.filter(report=report, purpose="console case page")
        .order_by("at", "pk")
        .values_list("actor", "granted")
    )
    assert logs == [
        (cast.officer_a.pk, True),
        (cast.agency_admin.pk, True),
        (supervisor.pk, False),
    ]
