"""Queues list the oldest deadline first, with the working days left or late, per region."""

import datetime as dt

import pytest
import time_machine

from lapor.console.selectors import Queue, queue_reports, remaining_label
from lapor.core.models import CalendarDay
from lapor.reports import case_actions as ca
from tests.cases.conftest import at
from tests.console.conftest import SEMARANG_VILLAGE, file_report, login

pytestmark = pytest.mark.django_db


def test_oldest_deadline_first_and_no_deadline_last(cast, directory):
    with time_machine.travel(at(2026, 11, 4), tick=False):  # Wednesday: due Mon 9 Nov
        newer = file_report(title="Laporan yang lebih baru")
    with time_machine.travel(at(2026, 11, 2), tick=False):  # Monday: due Thu 5 Nov
        older = file_report(title="Laporan yang lebih lama")
        archived = file_report(title="Laporan yang diarsipkan")
        ca.report_archive(report=archived, reason="duplicate", actor=cast.agency_admin)
    assert list(queue_reports(cast.national_admin, Queue.ALL)) == [older, newer, archived]
    # The place's verifier keeps a case only while it awaits verification (issue 10.1).
    assert list(queue_reports(cast.agency_admin, Queue.ALL)) == [older, newer]
    assert list(queue_reports(cast.agency_admin, Queue.VERIFICATION)) == [older, newer]


def test_each_row_says_how_many_working_days_are_left_or_late(cast, directory):
    with time_machine.travel(at(2026, 11, 2), tick=False):  # Monday
        early = file_report(title="Laporan pertama")  # due Thu 5 Nov
    with time_machine.travel(at(2026, 11, 5), tick=False):
        late = file_report(title="Laporan kedua")  # due Tue 10 Nov
    with time_machine.travel(at(2026, 11, 9, 9), tick=False):  # Monday
        page = login(cast.agency_admin).get("/en/konsol/antrean/verifikasi/").content.decode()
        overdue = login(cast.national_admin).get("/en/konsol/antrean/terlambat/").content.decode()
    assert page.index(early.tracking_id) < page.index(late.tracking_id)
    # Due at the end of Thu 5; on Mon 9 it is late by Fri 6 and Mon 9 (not the weekend), the
    # rule of deadlines.remaining_working_days.
    assert "2 working days late" in page
    assert "1 working day left" in page  # Mon 9 → Tue 10
    assert early.tracking_id in overdue and late.tracking_id not in overdue


def test_local_days_off_count_for_the_region_only(cast, directory):
    CalendarDay.objects.create(date=dt.date(2026, 11, 3), name="Libur Semarang", region_code="33")
    with time_machine.travel(at(2026, 11, 2), tick=False):
        sleman = file_report()
        semarang = file_report(SEMARANG_VILLAGE)
    with time_machine.travel(at(2026, 11, 2, 12), tick=False):
        page = login(cast.national_admin).get("/en/konsol/antrean/verifikasi/").content.decode()
    sleman_row = page.split(sleman.tracking_id)[2].split("</tr>")[0]
    semarang_row = page.split(semarang.tracking_id)[2].split("</tr>")[0]
    assert "3 working days left" in sleman_row
    assert "3 working days left" in semarang_row  # its deadline moved a day: still 3 to go
    assert "5 Nov 2026" in sleman_row and "6 Nov 2026" in semarang_row
    assert "Kota Semarang" in semarang_row and "Kabupaten Sleman" in sleman_row


def test_the_labels(settings):
    from django.utils import translation

    with translation.override("en"):
        assert remaining_label(3, False) == "3 working days left"
        assert remaining_label(1, False) == "1 working day left"
        assert remaining_label(0, False) == "due today"
        assert remaining_label(-2, True) == "2 working days late"
        assert remaining_label(0, True) == "overdue"
        assert remaining_label(None, False) == "no running deadline"


def test_it_pages_by_fifty(cast, directory):
    with time_machine.travel(at(2026, 11, 2), tick=False):
        for i in range(51):
            file_report(title=f"Laporan nomor {i}")
    client = login(cast.agency_admin)
    first = client.get("/en/konsol/antrean/verifikasi/").content.decode()
    assert first.count('scope="row"') == 50 and "?halaman=2" in first
    second = client.get("/en/konsol/antrean/verifikasi/?halaman=2").content.decode()
    assert second.count('scope="row"') == 1 and "Page 2 of 2" in second
    assert client.get("/en/konsol/antrean/verifikasi/?halaman=abc").status_code == 200
    assert client.get("/en/konsol/antrean/tidak-ada/").status_code == 404
