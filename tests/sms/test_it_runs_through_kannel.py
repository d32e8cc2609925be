"""End to end through the real Kannel: a phone (fakesmsc) sends LAPOR to 1708, smsbox calls the
app (a live server), the receipt goes back through sendsms; the agency verifies and follows up
in the console and the follow-up reaches the phone; the reporter answers by SMS; the report is
in the public feed and the public API. Kannel's delivery reports come back to /sms/dlr."""

from __future__ import annotations

import re
import time

import pytest

from lapor.notifications.models import Notification
from lapor.reports.models import Report, ReportEvent, Status
from lapor.reports.tracking import pin_matches
from lapor.sms.models import DeliveryReport, ReceiptPin
from tests.console.conftest import case_url, login
from tests.sms.conftest import PHONE, pause
from tests.sms.kannel import Kannel

pytestmark = [pytest.mark.kannel, pytest.mark.django_db(transaction=True)]


def wait_for(predicate, timeout: float = 20.0, what: str = "condition"):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        pause(0.1)
    raise TimeoutError(f"waited {timeout}s for {what}")


def delivered(count: int) -> None:
    """Wait until Kannel's delivery reports for ``count`` messages are in: the live server
    then has nothing more to write while the test goes on."""
    wait_for(
        lambda: (
            DeliveryReport.objects.filter(status=1).values("notification").distinct().count()
            >= count
        ),
        what=f"delivery reports of {count} messages",
    )


def test_a_report_by_sms_is_followed_up_and_the_answer_reaches_the_phone(
    kannel: Kannel, run_outbox, cast, directory
):
    kannel.send_mo(
        PHONE, "LAPOR Jalan berlubang besar di depan SD Caturtunggal Kec. Depok Kab. Sleman"
    )
    report = wait_for(Report.objects.first, what="the report")
    assert report.channel == "sms" and report.regency_code == "34.04"

    assert run_outbox() == 1
    receipt = kannel.wait_received(1)[0]
    assert receipt.receiver == PHONE and receipt.sender == "1708"
    assert report.tracking_id in receipt.text
    pin = re.search(r"PIN (\d{6})", receipt.text)
    assert pin is not None, receipt.text
    assert pin_matches(report.tracking_id, pin.group(1), report.pin_hash)
    delivered(1)
    assert not ReceiptPin.objects.exists()  # deleted once the gateway took it

    admin = login(cast.agency_admin)
    response = admin.post(
        case_url(report, "disposisi"),
        {
            "disposisi-agency": directory.sleman_pupr.pk,
            "disposisi-title_published": "Jalan berlubang di Caturtunggal",
            "disposisi-body_published": "Lubang besar di depan SD Caturtunggal.",
            "disposisi-privacy": "public",
            "disposisi-complexity": "simple",
        },
    )
    assert response.status_code == 302
    officer = login(cast.officer_a)
    response = officer.post(
        case_url(report, "tindak-lanjut"),
        {
            "tindak_lanjut-message": "Lubang sudah ditambal hari ini oleh tim UPT Jalan.",
            "tindak_lanjut-outcome": "progress",
        },
    )
    assert response.status_code == 302
    assert run_outbox() == 2  # disposed, followed up
    got = kannel.wait_received(3)
    delivered(3)
    assert "Dinas PUPR Kab. Sleman" in got[1].text
    follow_up = got[2].text
    assert report.tracking_id in follow_up and "Lubang sudah ditambal hari ini" in follow_up
    assert f"BALAS {report.tracking_id}" in follow_up

    kannel.send_mo(PHONE, f"BALAS {report.tracking_id} Terima kasih, tapi sisi kiri belum.")
    wait_for(
        lambda: Report.objects.filter(pk=report.pk, status=Status.REPORTER_REPLIED).exists(),
        what="the reply",
    )
    reply = ReportEvent.objects.get(report=report, kind="reporter_reply")
    assert reply.message == "Terima kasih, tapi sisi kiri belum."
    assert run_outbox() == 1
    delivered(4)
    assert "has been sent to the agency" in kannel.wait_received(4)[3].text or (
        "telah dikirim" in kannel.wait_received(4)[3].text
    )

    # Public: the feed and the public API show the verified report (published text only).
    feed = login(cast.reporter2).get("/laporan/").content.decode()
    assert "Jalan berlubang di Caturtunggal" in feed
    api = login(cast.reporter2).get(f"/api/v1/public/reports/{report.tracking_id}")
    assert api.status_code == 200
    assert api.json()["tracking_id"] == report.tracking_id and PHONE not in api.content.decode()

    # Kannel reported delivery of every message it sent.
    sent = Notification.objects.filter(channel="sms", status="sent")
    assert sent.count() == 4
    assert len(kannel.received()) == 4  # nothing twice
