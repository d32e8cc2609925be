"""Issue 16, item 3: whistleblowing. A report of wrongdoing by officials is confidential, goes to
the internal auditor (Inspektorat) of the accused unit's government and never to the accused
unit, whose staff get 404 at every stage — in the console, the staff API, the queues, exports
and notifications; it can be referred onward (KPK, Ombudsman …) with the reporter told; the
archive reason "another institution's authority (corruption)" became this hand-off."""

from __future__ import annotations

import pytest
from django.core import mail  # noqa: F401 - the outbox is read through Notification rows
from django.test import Client

from lapor.exports.selectors import exportable_reports
from lapor.notifications.digest import sections_for
from lapor.notifications.models import Notification
from lapor.reports import case_actions as ca
from lapor.reports import lifecycle, whistle
from lapor.reports.case_actions import ARCHIVE_REASONS
from lapor.reports.models import IdentityAccessLog, Kind, Privacy, Report, ReportEvent, Status
from tests.api.conftest import api, make_key  # noqa: F401 - fixtures
from tests.console.conftest import case_url, login
from tests.whistle.conftest import BODY, file_whistle

pytestmark = pytest.mark.django_db

QUEUES = ("verifikasi", "tindak-lanjut", "menunggu-pelapor", "terlambat", "semua")
API_QUEUES = ("verification", "follow-up", "waiting", "overdue", "all")


def _shut_out(client: Client, report: Report, api_client: Client, key: str) -> None:
    """Every door of the console and the staff API answers as if the case did not exist."""
    assert client.get(case_url(report)).status_code == 404
    assert client.get(case_url(report, lang="en")).status_code == 404
    assert client.post(case_url(report, "tindak-lanjut"), {}).status_code == 404
    for slug in QUEUES:
        page = client.get(f"/konsol/antrean/{slug}/")
        assert report.tracking_id not in page.content.decode(), slug
    headers = {"X-API-Key": key}
    one = api_client.get(f"/api/v1/staff/reports/{report.tracking_id}", headers=headers)
    assert one.status_code == 404
    for name in API_QUEUES:
        listed = api_client.get(f"/api/v1/staff/queues/{name}", headers=headers)
        assert report.tracking_id not in listed.content.decode(), name


def test_the_web_form_files_it_confidential_with_the_accused_unit(client, cast, directory):
    from tests.conftest import report_post_data

    response = client.post(
        "/lapor/",
        report_post_data(
            kind="whistleblowing",
            title="Pungli di loket perizinan Dinas PUPR",
            body=BODY,
            privacy="anonymous",
            requested_agency=str(directory.sleman_pupr.pk),
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    report = Report.objects.get(kind=Kind.WHISTLEBLOWING)
    assert report.privacy == Privacy.CONFIDENTIAL
    assert report.identity_hidden  # the reporter chose anonymity: hidden even from the auditor
    assert report.accused_agency == directory.sleman_pupr
    assert report.requested_agency is None  # the accused unit is not where it goes
    assert client.get(f"/laporan/{report.tracking_id}/").status_code == 404


def test_the_accused_unit_gets_404_at_every_stage(
    cast,
    directory,
    auditor,
    auditor_unit,
    pupr_admin,
    api,  # noqa: F811
    make_key,  # noqa: F811
):
    report = file_whistle(directory.sleman_pupr)
    accused_side = [
        (login(user), make_key(["staff"], user=user, partner_name=f"p{user.pk}"))
        for user in (pupr_admin, cast.officer_a)
    ]

    def every_door_closed() -> None:
        for client, key in accused_side:
            _shut_out(client, report, api, key)
        for user in (pupr_admin, cast.officer_a):
            assert report not in exportable_reports(user)

    # Awaiting verification: the PUPR admin verifies Sleman's other reports, never this one.
    from tests.cases.conftest import submit

    assert ca.can_verify(pupr_admin, submit())
    every_door_closed()
    assert not ca.can_verify(pupr_admin, report)
    # The government's verifier sees it and sends it to the Inspektorat.
    verifier = login(cast.agency_admin)
    assert verifier.get(case_url(report)).status_code == 200
    response = verifier.post(
        case_url(report, "disposisi"),
        {
            "disposisi-agency": auditor_unit.pk,
            "disposisi-title_published": report.title_published,
            "disposisi-body_published": report.body_published,
            "disposisi-privacy": "confidential",
            "disposisi-complexity": "simple",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    report.refresh_from_db()
    assert report.status == Status.DISPOSED and report.agency == auditor_unit
    every_door_closed()
    # The Inspektorat investigates and answers the reporter through the tracking ID + PIN.
    investigator = login(auditor)
    assert investigator.get(case_url(report)).status_code == 200
    ca.report_follow_up(
        report=report,
        message="Kami memeriksa petugas loket; mohon kirim bukti transfer bila ada.",
        actor=auditor,
        question=True,
    )
    every_door_closed()
    whistle.report_refer(
        report=report,
        body="kpk",
        reference="R-12/INSP/2026",
        message="Ada indikasi suap: dilimpahkan ke KPK.",
        actor=auditor,
    )
    report.refresh_from_db()
    assert report.status == Status.REFERRED
    every_door_closed()
    # The government's admins above the auditor do not reach it through the tree either.
    assert verifier.get(case_url(report)).status_code == 404
    # National admins do, and every opening is logged.
    before = IdentityAccessLog.objects.filter(report=report).count()
    assert login(cast.national_admin).get(case_url(report)).status_code == 200
    assert IdentityAccessLog.objects.filter(report=report).count() > before


def test_the_inspektorat_sees_it_and_the_anonymous_reporter_stays_unknown(
    cast, directory, auditor, auditor_unit
):
    report = file_whistle(directory.sleman_pupr, privacy="anonymous")
    ca.report_dispose(report=report, agency=auditor_unit, actor=cast.agency_admin)
    page = login(auditor).get(case_url(report)).content.decode()
    assert "Pungli di loket perizinan" in page
    assert "Rahmat Hidayat" not in page and "rahmat.saksi@example.id" not in page
    assert report.tracking_id in login(auditor).get("/konsol/antrean/semua/").content.decode()
    assert IdentityAccessLog.objects.filter(
        report=report, actor=auditor, purpose__startswith="Whistleblowing"
    ).exists()


def test_it_never_goes_to_the_accused_unit_or_to_a_non_auditor(cast, directory, auditor_unit):
    from lapor.core.errors import DomainError

    report = file_whistle(directory.sleman_pupr)
    with pytest.raises(DomainError) as accused:
        ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.national_admin)
    assert accused.value.code == "accused_unit"
    with pytest.raises(DomainError) as other:
        ca.report_dispose(report=report, agency=directory.sleman_gov, actor=cast.national_admin)
    assert other.value.code == "not_auditor"
    assert Report.objects.get(pk=report.pk).status == Status.AWAITING_VERIFICATION
    # The auditor of the accused unit's government is the suggestion.
    assert whistle.auditor_for(directory.sleman_pupr) == auditor_unit
    # Routing never auto-disposes it, whatever the confidence.
    assert (
        ca.report_auto_dispose(
            report=report,
            agency=directory.sleman_pupr,
            confidence=0.99,
            explanation="x",
            explanation_en="x",
        )
        is None
    )


def test_it_cannot_be_made_public(cast, directory, auditor_unit):
    report = file_whistle(directory.sleman_pupr, privacy="public")
    assert report.privacy == Privacy.CONFIDENTIAL and not report.identity_hidden
    from lapor.core.errors import DomainError

    with pytest.raises(DomainError) as lowered:
        ca.report_dispose(
            report=report, agency=auditor_unit, actor=cast.national_admin, privacy="public"
        )
    assert lowered.value.code == "privacy_lowered"
    ca.report_dispose(report=report, agency=auditor_unit, actor=cast.national_admin)
    assert Report.objects.get(pk=report.pk).privacy == Privacy.CONFIDENTIAL
    assert Client().get(f"/laporan/{report.tracking_id}/").status_code == 404


def test_the_reporter_is_told_of_the_referral_and_cannot_reopen_it(cast, directory):
    report = file_whistle(directory.sleman_pupr)
    client = login(cast.agency_admin)
    response = client.post(
        case_url(report, "rujuk"),
        {
            "rujuk-body": "ombudsman",
            "rujuk-reference": "",
            "rujuk-message": "Ombudsman RI Perwakilan DIY menangani maladministrasi ini.",
        },
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == Status.REFERRED
    event = ReportEvent.objects.get(report=report, kind=ReportEvent.Kind.REFERRED)
    assert event.data["body"] == "ombudsman"
    told = Notification.objects.get(event=event, recipient_kind="reporter")
    assert "Ombudsman" in told.body and "Perwakilan DIY" in told.body
    assert "dispute" not in lifecycle.reporter_actions(report)
    assert not report.clocks.filter(stopped_at__isnull=True).exists()


def test_a_referral_needs_a_message_and_keeps_what_was_typed(cast, directory):
    report = file_whistle(directory.sleman_pupr)
    response = login(cast.agency_admin).post(
        case_url(report, "rujuk", lang="en"),
        {"rujuk-body": "kpk", "rujuk-reference": "R-1/2026", "rujuk-message": ""},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="#field-rujuk-message"' in html and 'value="R-1/2026"' in html
    assert Report.objects.get(pk=report.pk).status == Status.AWAITING_VERIFICATION


def test_corruption_is_a_hand_off_not_an_archive_reason(cast, directory, auditor_unit):
    from tests.cases.conftest import submit

    assert "other_body" not in ARCHIVE_REASONS
    report = submit(
        title="Kepala desa minta setoran dari bantuan sosial",
        privacy="anonymous",
    )
    client = login(cast.agency_admin)
    page = client.get(case_url(report)).content.decode()
    assert "other_body" not in page
    response = client.post(
        case_url(report, "jadikan-pelanggaran"),
        {
            "jadikan_pelanggaran-agency": directory.sleman_pupr.pk,
            "jadikan_pelanggaran-message": "Ini dugaan pungli oleh pejabat: ditangani Inspektorat.",
        },
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.kind == Kind.WHISTLEBLOWING
    assert report.privacy == Privacy.CONFIDENTIAL and report.identity_hidden
    assert report.accused_agency == directory.sleman_pupr
    event = ReportEvent.objects.get(report=report, kind=ReportEvent.Kind.WHISTLE_OPENED)
    assert Notification.objects.filter(event=event, recipient_kind="reporter").exists()
    ca.report_dispose(report=report, agency=auditor_unit, actor=cast.agency_admin)


def test_staff_messages_carry_no_preview(cast, directory, auditor, auditor_unit):
    from django.utils import timezone

    from lapor.notifications.models import StaffPreference

    for user in (cast.agency_admin, auditor):
        StaffPreference.objects.update_or_create(user=user, defaults={"immediate": True})
    report = file_whistle(directory.sleman_pupr)
    ca.report_dispose(report=report, agency=auditor_unit, actor=cast.national_admin)
    staff = Notification.objects.filter(report=report, recipient_kind="staff")
    assert {n.user for n in staff} >= {cast.agency_admin, auditor}
    assert cast.officer_a not in {n.user for n in staff}
    for notification in staff:
        assert "Pungli" not in notification.body and "loket" not in notification.body
        assert "Pungli" not in notification.subject
    for user in (auditor, cast.national_admin):
        for section in sections_for(user, timezone.now()):
            for item in section.items:
                assert "Pungli" not in item.title
