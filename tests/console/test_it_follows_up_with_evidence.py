"""The liaison officer's follow-up: text and files; "resolved" needs evidence; a question asks
the reporter; an error keeps the text and the files already received."""

import pytest

from lapor.reports.models import Attachment, PendingUpload, Report, ReportEvent, Status
from tests.console.conftest import case_url, login, snapshot
from tests.helpers import executable_as_jpg, jpeg_with_gps, pdf_file

pytestmark = pytest.mark.django_db


def test_resolved_without_evidence_is_refused_keeping_the_text(cast, disposed):
    client = login(cast.officer_a)
    before = snapshot(disposed)
    response = client.post(
        case_url(disposed, "tindak-lanjut", lang="en"),
        {
            "tindak_lanjut-message": "Lubang sudah ditambal aspal.",
            "tindak_lanjut-outcome": "resolved",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Closing as resolved needs evidence" in html
    assert "Lubang sudah ditambal aspal." in html
    assert 'value="resolved" id="id_tindak_lanjut-outcome_1" checked' in html
    assert snapshot(disposed) == before


def test_a_staged_file_survives_an_error_and_becomes_the_evidence(cast, disposed):
    client = login(cast.officer_a)
    url = case_url(disposed, "tindak-lanjut", lang="en")
    first = client.post(
        url,
        {
            "tindak_lanjut-message": "",
            "tindak_lanjut-outcome": "resolved",
            "attachments": [jpeg_with_gps("hasil-perbaikan.jpg"), executable_as_jpg()],
        },
    )
    html = first.content.decode()
    assert first.status_code == 200
    assert "hasil-perbaikan.jpg" in html  # received and kept
    assert 'href="#field-attachments"' in html  # the executable was refused, with a message
    assert Report.objects.get(pk=disposed.pk).status == Status.DISPOSED
    assert PendingUpload.objects.count() == 1
    token = html.split('name="pending" value="')[1].split('"')[0]
    assert token

    second = client.post(
        url,
        {
            "tindak_lanjut-message": "Lubang sudah ditambal aspal.",
            "tindak_lanjut-outcome": "resolved",
            "pending": token,
            "attachments": [pdf_file("berita-acara.pdf")],
        },
    )
    assert second.status_code == 302
    report = Report.objects.get(pk=disposed.pk)
    assert report.status == Status.FOLLOWED_UP
    event = ReportEvent.objects.get(report=report, kind="follow_up")
    assert event.data == {"resolved": True} and event.actor == cast.officer_a
    assert event.agency == cast.officer_a.memberships.get().agency
    names = sorted(Attachment.objects.filter(event=event).values_list("original_name", flat=True))
    assert names == ["berita-acara.pdf", "hasil-perbaikan.jpg"]
    assert PendingUpload.objects.count() == 0
    page = client.get(second["Location"]).content.decode()
    assert "Your follow-up was sent to the reporter." in page
    assert "Marked as resolved" in page


def test_a_question_asks_the_reporter(cast, disposed):
    client = login(cast.officer_a)
    response = client.post(
        case_url(disposed, "tindak-lanjut"),
        {"tindak_lanjut-message": "Di sisi jalan yang mana?", "tindak_lanjut-outcome": "question"},
    )
    assert response.status_code == 302
    event = ReportEvent.objects.get(report=disposed, kind="question")
    assert event.message == "Di sisi jalan yang mana?" and event.is_public
    report = Report.objects.get(pk=disposed.pk)
    assert report.status == Status.FOLLOWED_UP
    assert report.clocks.filter(kind="reporter_reply", stopped_at=None).exists()


def test_an_empty_follow_up_is_refused(cast, disposed):
    client = login(cast.officer_a)
    before = snapshot(disposed)
    response = client.post(
        case_url(disposed, "tindak-lanjut", lang="en"),
        {"tindak_lanjut-message": "  ", "tindak_lanjut-outcome": "progress"},
    )
    html = response.content.decode()
    assert response.status_code == 200 and 'href="#field-tindak_lanjut-message"' in html
    assert snapshot(disposed) == before
