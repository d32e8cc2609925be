"""Every clock of an information request, in frozen time, across weekends, national holidays
and cuti bersama (2026: Imlek on 16–17 Feb, Nyepi and Lebaran 18–24 Mar, Good Friday, Labour
Day, Ascension 14–15 May, Idul Adha 27–28 May, Pancasila Day). Each step goes through the page
a person uses; the dates below were counted by hand on the 2026 calendar."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from lapor.core.timezones import WIB
from lapor.reports.models import Clock, Status

from .conftest import at
from .steps import as_user, console, file_on_web, requester

pytestmark = pytest.mark.django_db

K = Clock.Kind


def end_of(y: int, m: int, d: int) -> dt.datetime:
    return dt.datetime(y, m, d, 23, 59, 59, tzinfo=WIB)


def running(report, kind):
    return Clock.objects.get(report=report, kind=kind, stopped_at__isnull=True)


def test_ten_working_days_skip_a_weekend_imlek_and_its_cuti_bersama(ppid, client):
    # Wed 11 Feb → Thu 12 (1), Fri 13 (2), Sat, Sun, Mon 16 cuti bersama Imlek, Tue 17 Imlek,
    # Wed 18 (3) … Fri 27 (10).
    with time_machine.travel(at(2026, 2, 11), tick=False):
        report = file_on_web(client)
    clock = running(report, K.INFO_ANSWER)
    assert clock.due_at == end_of(2026, 2, 27)
    assert clock.agency == ppid.sleman_ppid
    report.refresh_from_db()
    assert report.due_at == clock.due_at
    assert report.information_request.registration_number.endswith("/PPID/2026")


def test_one_extension_adds_seven_working_days_and_only_once(ppid, client):
    with time_machine.travel(at(2026, 2, 11), tick=False):
        report = file_on_web(client)
    officer = as_user(ppid.officer_a)
    with time_machine.travel(at(2026, 2, 25), tick=False):
        reason = "Dokumen harus dihimpun dari tiga bidang di Dinas PUPR."
        response = console(officer, report, "perpanjang", reason=reason)
        assert response.status_code == 302
        # Fri 27 Feb + 7: Mon 2 … Tue 10 Mar.
        assert running(report, K.INFO_ANSWER).due_at == end_of(2026, 3, 10)
        again = console(officer, report, "perpanjang", reason=reason)
    assert again.status_code == 200
    assert "hanya dapat diperpanjang satu kali" in again.content.decode()
    assert running(report, K.INFO_ANSWER).due_at == end_of(2026, 3, 10)


def test_no_extension_once_the_ten_days_have_passed(ppid, client):
    with time_machine.travel(at(2026, 2, 11), tick=False):
        report = file_on_web(client)
    with time_machine.travel(at(2026, 3, 2), tick=False):
        response = console(
            as_user(ppid.officer_a), report, "perpanjang", reason="Terlambat tetapi ingin."
        )
    assert response.status_code == 200
    assert running(report, K.INFO_ANSWER).due_at == end_of(2026, 2, 27)


def test_a_clarification_pauses_the_clock_and_the_answer_resumes_it(ppid, client):
    with time_machine.travel(at(2026, 2, 11), tick=False):
        report = file_on_web(client)
    with time_machine.travel(at(2026, 2, 12), tick=False):  # 1 working day used
        response = console(
            as_user(ppid.officer_a), report, "klarifikasi", question="Tahun anggaran berapa?"
        )
        assert response.status_code == 302
    assert running(report, K.INFO_ANSWER).due_at is None
    # The requester has 10 working days to answer: Fri 13, (Imlek) Wed 18 … Mon 2 Mar.
    assert running(report, K.INFO_CLARIFICATION).due_at == end_of(2026, 3, 2)
    with time_machine.travel(at(2026, 2, 20), tick=False):
        response = requester(client, report, "info", message="Tahun anggaran 2026, per ruas.")
        assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == Status.INFO_REGISTERED
    # Paused from the day of the question to the day of the answer (12–20 Feb, neither
    # counted): all 10 days run from Mon 23 Feb: 23–27 Feb, 2–6 Mar.
    assert running(report, K.INFO_ANSWER).due_at == end_of(2026, 3, 6)


def test_thirty_days_to_object_thirty_to_decide_and_fourteen_to_the_commission(ppid, client):
    with time_machine.travel(at(2026, 3, 2), tick=False):
        report = file_on_web(client)
    officer, atasan = as_user(ppid.officer_a), as_user(ppid.atasan_a)
    with time_machine.travel(at(2026, 3, 13), tick=False):
        response = console(
            officer,
            report,
            "jawab",
            decision="refused",
            explanation="Informasi ini termasuk informasi yang dikecualikan.",
            exemption_ground="a",
            consequence_test="Membuka dokumen saat penyelidikan berjalan dapat menghambat "
            "penegakan hukum dan menghilangkan barang bukti.",
        )
        assert response.status_code == 302, response.content.decode()[:3000]
    # Fri 13 Mar + 30: Nyepi, Lebaran and their cuti bersama (18–24 Mar), Good Friday and
    # Labour Day skipped → Tue 5 May.
    assert running(report, K.INFO_OBJECTION_WINDOW).due_at == end_of(2026, 5, 5)
    with time_machine.travel(at(2026, 3, 25), tick=False):
        response = requester(
            client, report, "object", grounds=["a"], reason="Penyelidikan sudah selesai tahun lalu."
        )
        assert response.status_code == 302, response.content.decode()[:3000]
    # Wed 25 Mar + 30 → Fri 8 May.
    assert running(report, K.INFO_OBJECTION_DECISION).due_at == end_of(2026, 5, 8)
    with time_machine.travel(at(2026, 5, 11), tick=False):
        response = console(
            atasan,
            report,
            "putuskan-keberatan",
            outcome="rejected",
            considerations="Penyelidikan masih berjalan menurut surat Kejaksaan Negeri Sleman.",
        )
        assert response.status_code == 302, response.content.decode()[:3000]
    # Mon 11 May + 14: Ascension (14) and its cuti (15), Idul Adha (27) and its cuti (28),
    # Pancasila Day (1 Jun) skipped → Fri 5 Jun.
    assert running(report, K.INFO_DISPUTE_WINDOW).due_at == end_of(2026, 6, 5)
    objection = report.ppid_objections.get()
    assert objection.late  # decided on 11 May, after the 8 May deadline


def test_a_local_day_off_moves_a_running_answer_deadline(ppid, client, cast):
    from lapor.core import actions as core_actions

    with time_machine.travel(at(2026, 2, 11), tick=False):
        report = file_on_web(client)
        core_actions.calendar_day_add(
            date=dt.date(2026, 2, 26),
            name="Hari Jadi Kabupaten Sleman",
            region_code="34.04",
            actor=cast.national_admin,
        )
    assert running(report, K.INFO_ANSWER).due_at == end_of(2026, 3, 2)
