"""An information request by SMS, end to end through the real Kannel: a phone (fakesmsc) sends
PERMINTAAN to 1708 and is asked for the identity the law requires; it answers NIK#…; the
receipt SMS carries the registration number, the tracking number, the PIN and the due date;
the PPID asks a question in the console and the phone answers with BALAS; the PPID's written
notice reaches the phone; the phone objects with KEBERATAN and is told its number."""

from __future__ import annotations

import re

import pytest

from lapor.ppid.models import InformationRequest, Objection, RequesterIdentity
from lapor.reports.models import Report, ReportEvent, Status
from lapor.reports.tracking import pin_matches
from lapor.sms.models import InboundSms
from tests.ppid.conftest import NIK, make_ppid
from tests.ppid.steps import as_user, console
from tests.sms.conftest import PHONE
from tests.sms.kannel import Kannel
from tests.sms.test_it_runs_through_kannel import delivered, wait_for

pytestmark = [pytest.mark.kannel, pytest.mark.django_db(transaction=True)]


def test_a_request_by_sms_is_answered_by_sms(kannel: Kannel, run_outbox, cast, directory):
    ppid = make_ppid(directory)
    kannel.send_mo(PHONE, "PERMINTAAN rincian anggaran perbaikan jalan Kec. Depok Kab. Sleman 2026")
    wait_for(lambda: InboundSms.objects.filter(outcome="asked_identity").exists(), what="ask")
    assert run_outbox() == 1
    question = kannel.wait_received(1)[0].text
    assert "NIK#Nama#Alamat#Pekerjaan#Tujuan" in question
    assert not Report.objects.exists()

    kannel.send_mo(PHONE, f"{NIK}#Rina Kusumawardani#Jl Kaliurang 5 Sleman#Mahasiswa#skripsi")
    report = wait_for(Report.objects.first, what="the request")
    info = InformationRequest.objects.get(report=report)
    assert report.channel == "sms" and report.status == Status.INFO_REGISTERED
    assert RequesterIdentity.objects.get(report=report).id_number == NIK
    assert run_outbox() == 1
    receipt = kannel.wait_received(2)[1].text
    assert info.registration_number in receipt and report.tracking_id in receipt
    pin = re.search(r"PIN (\d{6})", receipt)
    assert pin is not None and pin_matches(report.tracking_id, pin.group(1), report.pin_hash)
    delivered(2)
    assert NIK not in "".join(InboundSms.objects.values_list("text", flat=True))

    officer = as_user(ppid.officer_a)
    response = console(officer, report, "klarifikasi", question="Ruas jalan mana saja?")
    assert response.status_code == 302
    assert run_outbox() == 1
    asked = kannel.wait_received(3)[2].text
    assert "Ruas jalan mana saja?" in asked and f"BALAS {report.tracking_id}" in asked

    kannel.send_mo(PHONE, f"BALAS {report.tracking_id} Semua ruas jalan kabupaten di Depok.")
    wait_for(
        lambda: ReportEvent.objects.filter(report=report, kind="info_clarified").exists(),
        what="the clarification",
    )
    report.refresh_from_db()
    assert report.status == Status.INFO_REGISTERED
    assert run_outbox() == 1  # "your information has been added"
    kannel.wait_received(4)

    response = console(
        officer,
        report,
        "jawab",
        decision="granted",
        explanation="Rincian anggaran per ruas dapat diunduh di halaman permohonan Anda.",
        collect_place="Kantor PPID Utama Kabupaten Sleman",
    )
    assert response.status_code == 302
    assert run_outbox() == 1
    notice = kannel.wait_received(5)[4].text
    assert report.tracking_id in notice and f"KEBERATAN {report.tracking_id}" in notice
    delivered(5)

    kannel.send_mo(
        PHONE, f"KEBERATAN {report.tracking_id} Rinciannya tidak per ruas seperti diminta."
    )
    objection = wait_for(Objection.objects.first, what="the objection")
    assert objection.grounds == ["d"] and objection.channel == "sms"
    assert run_outbox() == 1
    told = kannel.wait_received(6)[5].text
    assert objection.number in told
    delivered(6)
    assert len(kannel.received()) == 6  # nothing twice
