"""The working-day calendar page: upcoming days off, adding and removing admin days (which
recomputes running deadlines), each admin within its own scope."""

import datetime as dt

import pytest
import time_machine

from lapor.core.models import CalendarDay
from lapor.reports.models import Clock, ReportEvent
from tests.cases.conftest import at
from tests.console.conftest import file_report, login

pytestmark = pytest.mark.django_db


def test_it_lists_national_holidays_and_admin_days(cast, directory):
    CalendarDay.objects.create(
        date=dt.date(2026, 12, 3), name="Hari Jadi Sleman", region_code="34.04"
    )
    CalendarDay.objects.create(
        date=dt.date(2026, 12, 4), name="Libur Semarang", region_code="33.74"
    )
    CalendarDay.objects.create(date=dt.date(2026, 10, 1), name="Sudah lewat", region_code="")
    with time_machine.travel(at(2026, 11, 2), tick=False):
        page = login(cast.agency_admin).get("/en/konsol/kalender/").content.decode()
        national = login(cast.national_admin).get("/en/konsol/kalender/").content.decode()
        indonesian = login(cast.agency_admin).get("/konsol/kalender/").content.decode()
    assert "Christmas" in page and "2027" in page  # this year's and next year's holidays
    assert "Hari Raya Natal" in indonesian
    assert "Hari Jadi Sleman" in page and "Libur Semarang" not in page
    assert "Sudah lewat" not in page
    assert "Libur Semarang" in national


def test_a_national_admin_adds_a_national_day_and_deadlines_move(cast, directory):
    with time_machine.travel(at(2026, 11, 2), tick=False):  # Monday; verify due Thu 5 Nov
        report = file_report()
        client = login(cast.national_admin)
        response = client.post(
            "/en/konsol/kalender/",
            {"date": "2026-11-04", "name": "Cuti bersama tambahan", "scope": "national"},
        )
        assert response.status_code == 302
        assert "now a day off" in client.get(response["Location"]).content.decode()
    day = CalendarDay.objects.get()
    assert day.region_code == "" and day.created_by == cast.national_admin
    verify = Clock.objects.get(report=report, kind="verify")
    assert verify.due_at.date() == dt.date(2026, 11, 6)
    assert ReportEvent.objects.filter(report=report, kind="deadline_moved").exists()


def test_an_agency_admin_adds_and_removes_days_of_its_own_region_only(cast, directory):
    client = login(cast.agency_admin)
    page = client.get("/en/konsol/kalender/").content.decode()
    assert 'value="34.04"' in page and 'value="national"' not in page
    refused = client.post(
        "/en/konsol/kalender/", {"date": "2026-12-01", "name": "Libur", "scope": "national"}
    )
    assert refused.status_code == 200 and not CalendarDay.objects.exists()
    added = client.post(
        "/en/konsol/kalender/", {"date": "2026-12-01", "name": "Hari Jadi", "scope": "34.04"}
    )
    assert added.status_code == 302
    own = CalendarDay.objects.get(region_code="34.04")
    national = CalendarDay.objects.create(date=dt.date(2026, 12, 2), name="Nasional")
    assert client.post(f"/konsol/kalender/{national.pk}/hapus/").status_code == 404
    assert CalendarDay.objects.filter(pk=national.pk).exists()
    assert client.post(f"/konsol/kalender/{own.pk}/hapus/").status_code == 302
    assert not CalendarDay.objects.filter(pk=own.pk).exists()


def test_a_duplicate_or_empty_day_is_explained(cast, directory):
    CalendarDay.objects.create(date=dt.date(2026, 12, 1), name="Hari Jadi", region_code="34.04")
    client = login(cast.agency_admin)
    duplicate = client.post(
        "/en/konsol/kalender/", {"date": "2026-12-01", "name": "Lagi", "scope": "34.04"}
    )
    html = duplicate.content.decode()
    assert "already a day off here" in html and 'value="Lagi"' in html
    empty = client.post("/en/konsol/kalender/", {"date": "", "name": "", "scope": "34.04"})
    assert 'href="#field-date"' in empty.content.decode()
    assert CalendarDay.objects.count() == 1


def test_staff_without_the_capability_get_404(cast, supervisor, directory):
    day = CalendarDay.objects.create(
        date=dt.date(2026, 12, 1), name="Hari Jadi", region_code="34.04"
    )
    for user in (cast.officer_a, supervisor):
        client = login(user)
        assert client.get("/konsol/kalender/").status_code == 404
        assert client.post(f"/konsol/kalender/{day.pk}/hapus/").status_code == 404
    assert CalendarDay.objects.count() == 1
