"""Information not held: forwarded to the PPID of the agency that holds it. One request (same
tracking and registration numbers), one answer clock that keeps its deadline, a written notice
to the requester; the first PPID loses access and the holder's PPID answers."""

from __future__ import annotations

import pytest
import time_machine

from lapor.notifications.models import Notification
from lapor.ppid.models import InformationRequest, Notice
from lapor.reports.models import Clock, Report, ReportEvent, Status

from .conftest import at
from .steps import as_user, console, file_on_web

pytestmark = pytest.mark.django_db


def test_forwarding_keeps_one_request_and_one_clock(ppid, directory, client):
    with time_machine.travel(at(2026, 2, 11), tick=False):
        report = file_on_web(client)
    number = report.information_request.registration_number
    due = Clock.objects.get(report=report, kind=Clock.Kind.INFO_ANSWER).due_at
    sleman, semarang = as_user(ppid.officer_a), as_user(ppid.officer_b)
    assert semarang.get(f"/konsol/ppid/permohonan/{report.tracking_id}/").status_code == 404

    with time_machine.travel(at(2026, 2, 18), tick=False):
        response = console(
            sleman,
            report,
            "jawab",
            decision="not_held",
            explanation="Anggaran jalan kota dikuasai Pemerintah Kota Semarang.",
            holder_agency=str(directory.semarang_gov.pk),
        )
    assert response.status_code == 302, response.content.decode()[:3000]

    assert Report.objects.filter(kind="information_request").count() == 1
    assert InformationRequest.objects.count() == 1
    report.refresh_from_db()
    assert report.status == Status.INFO_REGISTERED
    assert report.agency == ppid.semarang_ppid  # the holder's PPID Utama
    assert report.requested_agency == directory.semarang_gov
    assert report.information_request.registration_number == number
    assert report.information_request.forwarded
    running = Clock.objects.filter(report=report, kind=Clock.Kind.INFO_ANSWER)
    assert running.count() == 1
    clock = running.get()
    assert clock.stopped_at is None and clock.due_at == due and clock.agency == ppid.semarang_ppid
    assert report.due_at == due
    # The requester gets the written notice of the first PPID, saying where it went.
    notice = Notice.objects.get(report=report)
    assert notice.decision == "not_held" and notice.holder_agency == directory.semarang_gov
    event = report.events.get(kind=ReportEvent.Kind.INFO_FORWARDED)
    assert event.agency == ppid.sleman_ppid and event.target_agency == ppid.semarang_ppid
    told = Notification.objects.get(event=event, recipient_kind="reporter")
    assert number in told.body

    # The holder's PPID sees it and answers; the first one no longer does.
    assert sleman.get(f"/konsol/ppid/permohonan/{report.tracking_id}/").status_code == 404
    assert semarang.get(f"/konsol/ppid/permohonan/{report.tracking_id}/").status_code == 200
    with time_machine.travel(at(2026, 2, 20), tick=False):
        response = console(
            semarang,
            report,
            "jawab",
            decision="granted",
            explanation="Terlampir rincian anggaran perbaikan jalan Kota Semarang 2026.",
            collect_place="Kantor PPID Kota Semarang",
        )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == Status.INFO_ANSWERED
    # One clock from 11 Feb: 12, 13, (Imlek 16–17), 18, 19, 20 Feb.
    assert report.information_request.answer_working_days == 5


def test_the_first_ppid_cannot_forward_to_itself(ppid, directory, client):
    report = file_on_web(client)
    response = console(
        as_user(ppid.officer_a),
        report,
        "jawab",
        decision="not_held",
        explanation="Tidak dikuasai oleh kami sendiri?",
        holder_agency=str(directory.sleman_gov.pk),
    )
    assert response.status_code == 200
    assert not Notice.objects.exists()
