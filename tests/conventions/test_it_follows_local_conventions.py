"""Issue 17, item 7: local conventions. Deadlines are shown in the time zone of the case's place
with the zone named (23:59 WIT for Papua, not 21:59 WIB), on the reporter's page, the console,
the public page and the SMS status; phone numbers are shown as Indonesians write them
(0812-3456-7890) while stored in E.164; dates in Indonesian."""

from __future__ import annotations

import datetime as dt

import pytest

from lapor.accounts.phones import display_phone
from lapor.regions.models import Region
from lapor.reports import actions
from lapor.reports.models import Clock, ReporterIdentity
from lapor.sms.compose import status_text
from tests.console.conftest import case_url, login

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("+6281234567890", "0812-3456-7890"),
        ("+628123456789", "0812-3456-789"),
        ("+62274123456", "0274-123456"),
        ("+622129001234", "021-29001234"),
        ("+14155552671", "+1 415-555-2671"),
        ("", ""),
    ],
)
def test_phone_numbers_are_shown_as_indonesians_write_them(stored, shown):
    assert display_phone(stored) == shown


def _papua_report(cast):  # type: ignore[no-untyped-def]
    Region.objects.create(code="91", parent=None, level=1, name="Papua")
    Region.objects.create(code="91.71", parent_id="91", level=2, name="Kota Jayapura")
    return actions.report_submit(
        kind="complaint",
        title="Lampu jalan mati di Abepura",
        body="Sudah dua minggu lampu jalan di depan pasar Abepura mati, jalan gelap sekali.",
        incident_date=dt.date(2026, 1, 5),
        region=Region.objects.get(code="91.71"),
        contact=actions.ReporterContact(full_name="Yosina", phone="+6281298765432"),
    )


def test_a_papua_deadline_is_shown_at_2359_wit(cast, directory, client):
    filed = _papua_report(cast)
    report = filed.report
    clock = Clock.objects.get(report=report, kind=Clock.Kind.VERIFY)
    assert clock.due_at is not None
    local = clock.due_at.astimezone(dt.timezone(dt.timedelta(hours=9)))
    assert (local.hour, local.minute) == (23, 59)  # the end of a working day in Jayapura
    session = client.session
    session["tracked_reports"] = [report.tracking_id]
    session.save()
    page = client.get(f"/lacak/{report.tracking_id}/").content.decode()
    assert "23:59 WIT" in page and "21:59 WIB" not in page
    english = client.get(f"/en/lacak/{report.tracking_id}/").content.decode()
    assert "23:59 WIT" in english
    console = login(cast.national_admin).get(case_url(report)).content.decode()
    assert "23:59 WIT" in console and "21:59 WIB" not in console
    # Indonesian month and day names, and the phone as written at home.
    months = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus")
    months += ("September", "Oktober", "November", "Desember")
    assert any(m in console for m in months)
    assert "0812-9876-5432" in console and "+6281298765432" not in console
    assert ReporterIdentity.objects.get(report=report).phone == "+6281298765432"
    # The SMS status (CEK) gives the date of the place.
    sms = status_text(report, "id")
    expected = local.strftime("%d").lstrip("0")
    assert f" {expected} " in sms
