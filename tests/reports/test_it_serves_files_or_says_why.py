"""Issue 11, item 4, on the reading side: an attachment whose storage cannot be read answers
503 with Retry-After (the file is not lost, the storage is down), one whose file is gone 404 —
never a 500 — on the reporter's, the staff's and the public's paths."""

from __future__ import annotations

import os

import pytest
from django.core.files.storage import default_storage

from lapor.reports import case_actions as ca
from lapor.reports.models import Attachment, Report
from tests.conftest import report_post_data
from tests.console.conftest import login
from tests.helpers import jpeg_with_gps

pytestmark = pytest.mark.django_db


@pytest.fixture
def filed(client, cast, directory) -> tuple[Report, Attachment]:
    client.post("/lapor/", report_post_data(attachments=[jpeg_with_gps()]))
    report = Report.objects.get()
    ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.agency_admin)
    return report, report.attachments.get()


def urls(report: Report, attachment: Attachment) -> list[tuple[str, str | None]]:
    return [
        (f"/en/lacak/{report.tracking_id}/lampiran/{attachment.pk}/", None),
        (f"/en/konsol/laporan/{report.tracking_id}/lampiran/{attachment.pk}/", "staff"),
    ]


def test_an_unreadable_storage_answers_503_with_retry_after(client, cast, filed):
    report, attachment = filed
    # The storage fails to read: the file's place holds something that cannot be opened.
    path = default_storage.path(attachment.file.name)
    os.remove(path)
    os.mkdir(path)
    staff = login(cast.officer_a)
    for url, who in urls(report, attachment):
        response = (staff if who else client).get(url)
        assert response.status_code == 503, url
        assert response["Retry-After"] == "60"
        assert "cannot be read right now" in response.content.decode()


def test_a_missing_file_answers_404(client, cast, filed):
    report, attachment = filed
    default_storage.delete(attachment.file.name)
    staff = login(cast.officer_a)
    for url, who in urls(report, attachment):
        assert (staff if who else client).get(url).status_code == 404, url
