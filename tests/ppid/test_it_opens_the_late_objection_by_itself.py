"""When the answer deadline passes without a written notice, the "late" ground of objection
opens by itself (the periodic sweep, ``manage.py sweep``): an event, the requester told, 30
working days to object counted from the deadline; not a minute before."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.management import call_command

from lapor.core.timezones import WIB
from lapor.notifications.models import Notification
from lapor.ppid.models import ObjectionGround
from lapor.reports.models import Clock, ReportEvent, Status

from .conftest import at
from .steps import as_user, console, file_on_web, requester

pytestmark = pytest.mark.django_db
E = ReportEvent.Kind


def test_the_sweep_opens_the_late_ground_once_and_the_requester_objects(ppid, client):
    with time_machine.travel(at(2026, 2, 11), tick=False):
        report = file_on_web(client)  # due Fri 27 Feb 2026, 23:59 WIB
    with time_machine.travel(at(2026, 2, 27, 23, 50), tick=False):
        call_command("sweep")
    assert not report.events.filter(kind=E.INFO_OBJECTION_OPENED).exists()
    response = requester(client, report, "object", grounds=["g"], reason="Belum dijawab juga.")
    assert response.status_code == 404  # nothing to object to yet

    with time_machine.travel(at(2026, 3, 2, 9), tick=False):
        call_command("sweep")
        call_command("sweep")  # a second sweep changes nothing
    opened = report.events.filter(kind=E.INFO_OBJECTION_OPENED)
    assert opened.count() == 1
    assert set(opened.get().data["grounds"]) == {"c", "g"}
    window = Clock.objects.get(report=report, kind=Clock.Kind.INFO_OBJECTION_WINDOW)
    # 30 working days from the deadline (Fri 27 Feb): Nyepi, Lebaran and their cuti bersama
    # (18–24 Mar), Good Friday skipped → Mon 20 Apr.
    assert window.due_at == dt.datetime(2026, 4, 20, 23, 59, 59, tzinfo=WIB)
    told = Notification.objects.get(event=opened.get(), recipient_kind="reporter")
    assert "20 April 2026" in told.body
    # Still unanswered: the answer clock keeps running and is escalated.
    answer = Clock.objects.get(report=report, kind=Clock.Kind.INFO_ANSWER)
    assert answer.stopped_at is None and answer.escalation_level >= 1

    with time_machine.travel(at(2026, 3, 3), tick=False):
        page = client.get(f"/informasi/permohonan/{report.tracking_id}/").content.decode()
        assert 'value="c"' in page and 'value="g"' in page and 'value="a"' not in page
        response = requester(
            client, report, "object", grounds=["c", "g"], reason="Sudah lewat 10 hari kerja."
        )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == Status.INFO_OBJECTED
    objection = report.ppid_objections.get()
    assert objection.grounds == [ObjectionGround.NOT_ANSWERED, ObjectionGround.LATE]
    # The objection carries the matter now: the answer clock stops escalating.
    answer.refresh_from_db()
    assert answer.stopped_at is not None


def test_a_late_notice_still_answers_and_keeps_the_late_ground(ppid, client):
    with time_machine.travel(at(2026, 2, 11), tick=False):
        report = file_on_web(client)
    with time_machine.travel(at(2026, 3, 2, 9), tick=False):
        call_command("sweep")
    with time_machine.travel(at(2026, 3, 4), tick=False):
        response = console(
            as_user(ppid.officer_a),
            report,
            "jawab",
            decision="granted",
            explanation="Rincian anggaran dapat diambil di kantor PPID.",
            collect_place="Kantor PPID Utama, Jl. Parasamya 1, Beran",
            collect_time="Senin–Jumat 08.00–15.00",
        )
    assert response.status_code == 302
    notice = report.ppid_notices.get()
    assert notice.late
    report.refresh_from_db()
    assert report.status == Status.INFO_ANSWERED
    assert report.information_request.answer_working_days == 13  # 10 days + 3 late
    from lapor.ppid.actions import available_grounds

    assert "g" in available_grounds(report) and "c" not in available_grounds(report)


def test_a_paused_request_is_not_late(ppid, client):
    with time_machine.travel(at(2026, 2, 11), tick=False):
        report = file_on_web(client)
    with time_machine.travel(at(2026, 2, 12), tick=False):
        console(as_user(ppid.officer_a), report, "klarifikasi", question="Tahun berapa?")
    with time_machine.travel(at(2026, 3, 2, 9), tick=False):
        call_command("sweep")
    assert not report.events.filter(kind=E.INFO_OBJECTION_OPENED).exists()


def test_no_clarification_in_ten_working_days_archives_the_request(ppid, client):
    with time_machine.travel(at(2026, 2, 11), tick=False):
        report = file_on_web(client)
    with time_machine.travel(at(2026, 2, 12), tick=False):
        console(as_user(ppid.officer_a), report, "klarifikasi", question="Tahun berapa?")
    with time_machine.travel(at(2026, 3, 3, 9), tick=False):
        call_command("sweep")
    report.refresh_from_db()
    assert report.status == Status.ARCHIVED_BY_SYSTEM
    archived = report.events.get(kind=E.ARCHIVED)
    assert archived.data["reason"] == "no_clarification_in_10_working_days"
    assert Notification.objects.filter(event=archived, recipient_kind="reporter").exists()


def test_a_silent_superior_opens_the_way_to_the_commission(ppid, client):
    with time_machine.travel(at(2026, 3, 2), tick=False):
        report = file_on_web(client)
    with time_machine.travel(at(2026, 3, 4), tick=False):
        console(
            as_user(ppid.officer_a),
            report,
            "jawab",
            decision="not_documented",
            explanation="Dokumen itu belum dibuat oleh dinas terkait.",
        )
        requester(client, report, "object", grounds=["e"], reason="Dokumen itu wajib ada.")
    decision_due = Clock.objects.get(report=report, kind=Clock.Kind.INFO_OBJECTION_DECISION)
    # Wed 4 Mar + 30 (18–24 Mar and Good Friday skipped) → Thu 23 Apr.
    assert decision_due.due_at == dt.datetime(2026, 4, 23, 23, 59, 59, tzinfo=WIB)
    with time_machine.travel(at(2026, 4, 27, 9), tick=False):
        call_command("sweep")
        call_command("sweep")
    assert report.events.filter(kind=E.INFO_DECISION_LATE).count() == 1
    window = Clock.objects.get(report=report, kind=Clock.Kind.INFO_DISPUTE_WINDOW)
    # 14 working days from Thu 23 Apr: Labour Day, Ascension and its cuti skipped → Mon 18 May.
    assert window.due_at == dt.datetime(2026, 5, 18, 23, 59, 59, tzinfo=WIB)
    with time_machine.travel(at(2026, 4, 28), tick=False):
        response = requester(
            client,
            report,
            "commission",
            filed_on="2026-04-28",
            commission="Komisi Informasi DIY",
            register_number="010/KI-DIY/2026",
        )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == Status.INFO_COMMISSION
    dispute = report.ppid_disputes.get()
    assert dispute.filed_on == dt.date(2026, 4, 28) and dispute.recorded_by is None
