"""What the reporter writes after filing (replies, added information, closing comments) is
never published — on the public page, through Open311 or in open data — while the agency's
follow-ups are (scrubbed)."""

import pytest
from django.test import Client

from lapor.reports import case_actions as ca
from tests.cases.conftest import submit

pytestmark = pytest.mark.django_db

REPLY = "Saya Budi Hartono dari RT 03, rumah cat hijau di samping masjid."
CLOSING = "Terima kasih, salam dari keluarga Hartono."
FOLLOW_UP = "Lubang sudah ditambal. Hubungi kami di 0274-123456 bila belum beres."


def test_only_agency_messages_leave_the_system(cast, directory):
    report = submit()
    ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.agency_admin)
    ca.report_follow_up(report=report, message=FOLLOW_UP, actor=cast.officer_a)
    ca.report_reporter_reply(report=report, message=REPLY, actor=None)
    ca.report_follow_up(report=report, message="Kami cek lagi besok.", actor=cast.officer_a)
    ca.report_close_by_reporter(report=report, rating=5, comment=CLOSING, actor=None)

    client = Client()
    outputs = {
        "page": client.get(f"/laporan/{report.tracking_id}/").content.decode(),
        "open311": client.get("/open311/v2/servicerequestupdates.json").content.decode(),
        "open311 request": client.get(
            f"/open311/v2/requests/{report.tracking_id}.json"
        ).content.decode(),
        "open data": client.get(f"/data/api/reports/{report.tracking_id}.json").content.decode(),
    }
    for name, body in outputs.items():
        assert "Hartono" not in body, name
        assert "123456" not in body, name  # the agency's text is published, but scrubbed
    assert "Lubang sudah ditambal" in outputs["page"]
    assert "Lubang sudah ditambal" in outputs["open311"]
    assert "Lubang sudah ditambal" in outputs["open data"]
