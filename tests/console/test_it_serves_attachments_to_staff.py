"""Attachments are served to staff through the console, after the access check."""

import pytest
from django.test import Client

from lapor.reports.models import Attachment, Report
from tests.conftest import report_post_data
from tests.console.conftest import case_url, login
from tests.helpers import pdf_file

pytestmark = pytest.mark.django_db


def test_staff_in_scope_download_others_get_404(cast, directory, supervisor):
    Client().post("/lapor/", report_post_data(attachments=[pdf_file("denah-lokasi.pdf")]))
    report = Report.objects.get()
    attachment = Attachment.objects.get(report=report)
    url = case_url(report) + f"lampiran/{attachment.pk}/"
    admin = login(cast.agency_admin)
    page = admin.get(case_url(report)).content.decode()
    assert f'href="{url}"' in page and "denah-lokasi.pdf" in page
    response = admin.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "denah-lokasi.pdf" in response["Content-Disposition"]
    assert response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert login(cast.officer_b).get(url).status_code == 404
    assert login(cast.officer_a).get(url).status_code == 404  # not dispositioned to it yet
    assert login(supervisor).get(url).status_code == 404
    assert admin.get(case_url(report) + f"lampiran/{attachment.pk + 99}/").status_code == 404
    assert admin.post(url).status_code == 405
