"""Reports filed by SMS are answered by SMS, to the phone in their identity (read through the
logged reporter_identity); web reports by e-mail as before. The dedupe key names the channel."""

import pytest

from lapor.notifications.delivery import reporter_address
from lapor.notifications.models import Notification
from lapor.reports import case_actions as ca
from lapor.reports.models import IdentityAccessLog, Report
from tests.cases.conftest import submit
from tests.sms.conftest import OTHER_PHONE, PHONE, sms

pytestmark = pytest.mark.django_db


def test_web_reports_keep_e_mail(cast, directory):
    report = submit()
    row = Notification.objects.get(report=report, event__kind="submitted")
    assert row.channel == "email" and row.dedupe_key.endswith(":reporter:email")
    assert reporter_address(row) == "siti@example.id"


def test_sms_reports_are_answered_by_sms_to_the_identity_phone(cast, directory):
    sms("LAPOR Jalan berlubang besar di depan SD Caturtunggal, Kab. Sleman")
    report = Report.objects.get()
    ca.report_dispose(
        report=report, agency=directory.sleman_pupr, privacy="public", actor=cast.agency_admin
    )
    row = Notification.objects.get(report=report, event__kind="disposed")
    assert row.channel == "sms" and row.dedupe_key == f"event:{row.event_id}:reporter:sms"
    assert row.address == ""  # never stored in the outbox
    assert "Dinas PUPR Kab. Sleman" in row.body and len(row.body) <= 4 * 153
    before = IdentityAccessLog.objects.filter(report=report, purpose="notify reporter").count()
    assert reporter_address(row) == PHONE
    assert IdentityAccessLog.objects.filter(report=report, purpose="notify reporter").count() == (
        before + 1
    )


def test_answers_go_to_the_number_that_wrote(cast, directory):
    sms("LAPOR Jalan berlubang besar di depan SD Caturtunggal, Kab. Sleman")
    report = Report.objects.get()
    sms(f"CEK {report.tracking_id}", sender=OTHER_PHONE)
    row = Notification.objects.filter(channel="sms").order_by("pk").last()
    assert row.dedupe_key.startswith("sms:in:")
    assert reporter_address(row) == OTHER_PHONE
    assert row.report is None  # the stranger's answer is not tied to the report


def test_an_anonymous_sms_report_never_shows_the_number(cast, directory, client):
    sms("LAPOR ANONIM kepala sekolah minta uang seragam di Kab. Sleman")
    report = Report.objects.get()
    assert report.privacy == "anonymous" and report.identity_hidden
    ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.agency_admin)
    client.force_login(cast.officer_a)
    response = client.get(f"/en/konsol/laporan/{report.tracking_id}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert report.tracking_id in page
    assert PHONE not in page and PHONE[3:] not in page
    client.force_login(cast.national_admin)
    response = client.get("/en/konsol/notifikasi/")
    assert response.status_code == 200
    outbox = response.content.decode()
    assert f"#{report.tracking_id}" in outbox  # the SMS rows are listed
    assert PHONE not in outbox and PHONE[3:] not in outbox
    for row in Notification.objects.filter(channel="sms"):
        detail = client.get(f"/en/konsol/notifikasi/{row.pk}/")
        assert detail.status_code == 200
        assert PHONE not in detail.content.decode()
