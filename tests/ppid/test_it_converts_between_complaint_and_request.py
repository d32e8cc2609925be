"""No wrong door: the verifier turns a complaint into an information request (and the PPID a
request into a complaint), keeping the tracking ID, the history and the privacy choice; the
person is told what changed and why the identity is now needed."""

from __future__ import annotations

import pytest
import time_machine

from lapor.notifications.models import Notification
from lapor.ppid.models import InformationRequest, RequesterIdentity
from lapor.reports.models import Clock, Report, ReporterIdentity, ReportEvent, Status
from tests.cases.conftest import submit

from .conftest import ADDRESS, NIK, at
from .steps import as_user, console

pytestmark = pytest.mark.django_db


def convert(client, report, agency, message="Isinya permintaan salinan dokumen anggaran."):
    return client.post(
        f"/konsol/laporan/{report.tracking_id}/jadikan-permintaan-informasi/",
        {
            "jadikan_permintaan_informasi-agency": str(agency.pk),
            "jadikan_permintaan_informasi-message": message,
        },
    )


def test_a_complaint_becomes_a_request_and_the_person_completes_it(ppid, cast, directory):
    with time_machine.travel(at(2026, 2, 11), tick=False):
        report = submit(title="Minta salinan anggaran jalan", privacy="anonymous")
        events_before = report.events.count()
        admin = as_user(cast.agency_admin)  # the verifier of Kabupaten Sleman
        page = admin.get(f"/konsol/laporan/{report.tracking_id}/").content.decode()
        assert "jadikan-permintaan-informasi" in page
        response = convert(admin, report, directory.sleman_gov)
    assert response.status_code == 302, response.content.decode()[:3000]
    report.refresh_from_db()
    assert report.kind == "information_request"
    assert report.status == Status.INFO_IDENTITY_NEEDED
    assert report.privacy == "anonymous" and report.identity_hidden  # kept
    assert report.agency == ppid.sleman_ppid
    assert report.events.count() > events_before  # the history is kept and continues
    converted = report.events.get(kind=ReportEvent.Kind.CONVERTED)
    assert converted.data["from"] == "complaint"
    # The complaint's clock stopped; the requester has 10 working days for the identity.
    assert not Clock.objects.filter(report=report, kind="verify", stopped_at=None).exists()
    identity_clock = Clock.objects.get(report=report, kind="info_identity", stopped_at=None)
    assert identity_clock.due_at.date().isoformat() == "2026-02-27"
    told = Notification.objects.get(event=converted, recipient_kind="reporter")
    assert "UU 14/2008" in told.body and "pengaduan anonim" in told.body
    # An anonymous reporter's name is not carried over into the request.
    assert RequesterIdentity.objects.get(report=report).full_name == ""

    # The person completes it on their own page (tracking number and PIN).
    from lapor.reports.tracking import hash_pin

    Report.objects.filter(pk=report.pk).update(pin_hash=hash_pin(report.tracking_id, "123456"))
    report.pin = "123456"
    from django.test import Client

    person = Client()
    from .steps import requester

    with time_machine.travel(at(2026, 2, 13), tick=False):
        response = requester(
            person,
            report,
            "identity",
            requester_kind="person",
            id_number=NIK,
            full_name="Siti Aminah",
            address=ADDRESS,
            occupation="Guru",
            email="siti@example.id",
            purpose="Mengawasi penggunaan anggaran desa.",
            obtain="softcopy",
            delivery="email",
        )
    assert response.status_code == 302, response.content.decode()[:3000]
    report.refresh_from_db()
    assert report.status == Status.INFO_REGISTERED
    info = InformationRequest.objects.get(report=report)
    assert info.registration_number and info.purpose.startswith("Mengawasi")
    answer = Clock.objects.get(report=report, kind="info_answer", stopped_at=None)
    # 10 working days from Fri 13 Feb: (Imlek 16–17) 18 Feb … Tue 3 Mar.
    assert answer.due_at.date().isoformat() == "2026-03-03"


def test_without_identity_the_converted_request_is_archived(ppid, cast, directory):
    with time_machine.travel(at(2026, 2, 11), tick=False):
        report = submit()
        convert(as_user(cast.agency_admin), report, directory.sleman_gov)
    from django.core.management import call_command

    with time_machine.travel(at(2026, 3, 2, 9), tick=False):
        call_command("sweep")
    report.refresh_from_db()
    assert report.status == Status.ARCHIVED_BY_SYSTEM


def test_a_request_becomes_a_complaint_and_its_identity_is_dropped(ppid, client):
    from .steps import file_on_web

    report = file_on_web(client)
    response = console(
        as_user(ppid.officer_a),
        report,
        "jadikan-pengaduan",
        message="Ini keluhan tentang jalan rusak, bukan permintaan informasi.",
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.kind == "complaint" and report.status == Status.AWAITING_VERIFICATION
    assert not RequesterIdentity.objects.filter(report=report).exists()
    assert ReporterIdentity.objects.get(report=report).full_name == "Rina Kusumawardani"
    assert Clock.objects.get(report=report, kind="verify", stopped_at=None)
    assert not Clock.objects.filter(report=report, kind="info_answer", stopped_at=None).exists()
    event = report.events.get(kind=ReportEvent.Kind.CONVERTED)
    assert Notification.objects.filter(event=event, recipient_kind="reporter").exists()
    # The PPID no longer reaches it; the verifier does.
    assert (
        as_user(ppid.officer_a).get(f"/konsol/ppid/permohonan/{report.tracking_id}/").status_code
        == 404
    )


def test_others_cannot_convert_and_answered_requests_stay(ppid, cast, directory, client):
    report = submit()
    # A liaison officer does not verify: no form, and the POST is refused.
    assert convert(as_user(cast.officer_a), report, directory.sleman_gov).status_code == 404
    assert as_user(cast.officer_b).get(f"/konsol/laporan/{report.tracking_id}/").status_code == 404
    report.refresh_from_db()
    assert report.kind == "complaint"


def test_a_conversion_is_a_label_for_the_report_kind(ppid, cast, directory):
    """The verifier's conversion teaches the classifier's report-kind head (issue 13)."""
    from lapor.routing.models import TrainingLabel

    with time_machine.travel(at(2026, 2, 11), tick=False):
        report = submit(title="Minta salinan anggaran jalan")
        response = convert(as_user(cast.agency_admin), report, directory.sleman_gov)
    assert response.status_code == 302
    label = TrainingLabel.objects.get(report=report, source="converted")
    assert label.report_kind == "information_request"
    assert label.agency is None and label.level == ""  # a PPID desk is not a kind of unit
    assert "Minta salinan anggaran jalan" in label.text
