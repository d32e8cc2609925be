"""A voice note recorded in a browser (WebM/Opus, sniffed as video) is cleaned and kept as a
voice note; it comes in its own field, beside the other files, on every form."""

import os
import re
import subprocess
import tempfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from lapor.reports import case_actions as ca
from lapor.reports.attachments import check_file
from lapor.reports.models import Attachment, Report
from tests.conftest import report_post_data

pytestmark = pytest.mark.django_db


def browser_voice_note(name: str = "pesan-suara.webm") -> SimpleUploadedFile:
    """What Chromium's MediaRecorder writes: Opus in WebM, sound only, with a title tag."""
    with tempfile.TemporaryDirectory() as work:
        out = os.path.join(work, "out.webm")
        subprocess.run(
            [
                "ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi",
                "-i", "sine=frequency=300:duration=1", "-metadata", "title=Siti di rumah",
                "-c:a", "libopus", "-f", "webm", out,
            ],
            check=True,
            timeout=60,
        )  # fmt: skip
        with open(out, "rb") as fh:
            return SimpleUploadedFile(name, fh.read(), content_type="audio/webm")


def test_a_browser_recording_is_a_cleaned_voice_note():
    checked = check_file(browser_voice_note())
    assert (checked.kind, checked.content_type) == ("audio", "audio/webm")
    assert b"Siti di rumah" not in checked.content


def test_the_report_form_takes_a_voice_note(client, cast):
    data = report_post_data()
    data["voice_note"] = browser_voice_note()
    assert client.post("/lapor/", data).status_code == 302
    attachment = Attachment.objects.get()
    assert (attachment.kind, attachment.content_type) == ("audio", "audio/webm")


def test_a_voice_note_can_be_the_report(client, cast):
    data = report_post_data(body="")
    data["voice_note"] = browser_voice_note()
    assert client.post("/lapor/", data).status_code == 302
    report = Report.objects.get()
    assert report.body_original == "Laporan ada di pesan suara terlampir."
    # Without a voice note the text is still required.
    page = client.post("/en/lapor/", report_post_data(body="")).content.decode()
    assert "Write what happened: what, when, where and who was involved." in page
    assert Report.objects.count() == 1


def test_a_short_summary_beside_a_voice_note_is_enough(client, cast):
    data = report_post_data(body="Lihat rekaman.")
    data["voice_note"] = browser_voice_note()
    assert client.post("/lapor/", data).status_code == 302
    assert Report.objects.get().body_original == "Lihat rekaman."


def test_an_officer_answers_with_a_voice_note(client, cast, directory):
    client.post("/lapor/", report_post_data())
    report = Report.objects.get()
    ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.agency_admin)
    client.force_login(cast.officer_a)
    response = client.post(
        f"/konsol/laporan/{report.tracking_id}/tindak-lanjut/",
        {"tindak_lanjut-message": "Dengarkan jawaban kami.", "tindak_lanjut-outcome": "progress",
         "voice_note": browser_voice_note("jawaban.webm")},
    )  # fmt: skip
    assert response.status_code == 302, re.findall(
        r"error-message.{0,300}", response.content.decode()
    )
    attachment = Attachment.objects.get()
    assert attachment.kind == "audio"
    assert attachment.event.kind == "follow_up"
    page = client.get(f"/konsol/laporan/{report.tracking_id}/").content.decode()
    src = f"/konsol/laporan/{report.tracking_id}/lampiran/{attachment.pk}/"
    assert f'<audio class="voice-player" controls preload="none" src="{src}"' in page


def test_a_voice_note_can_be_the_whole_reply(client, cast, directory):
    client.post("/lapor/", report_post_data())
    report = Report.objects.get()
    ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.agency_admin)
    ca.report_follow_up(report=report, message="Sudah kami tambal.", actor=cast.officer_a)
    response = client.post(
        f"/lacak/{report.tracking_id}/",
        {"action": "reply", "message": "", "voice_note": browser_voice_note()},
    )
    assert response.status_code == 302
    reply = report.events.get(kind="reporter_reply")
    assert reply.message == "Balasan ada di pesan suara terlampir."
    assert reply.attachments.get().kind == "audio"
