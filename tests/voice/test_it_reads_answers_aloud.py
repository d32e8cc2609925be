"""Every written answer can be listened to: Indonesian speech made with espeak-ng, cached."""

import shutil

import pytest
from django.core.files.storage import default_storage
from django.test import Client

from lapor.reports import case_actions as ca
from lapor.reports.models import Report, ReportEvent
from lapor.voice import speech
from tests.conftest import report_post_data

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not shutil.which("espeak-ng"), reason="espeak-ng is not installed"),
]


def _followed_up(client, cast, directory) -> tuple[Report, ReportEvent]:
    client.post("/lapor/", report_post_data())
    report = Report.objects.get()
    ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.agency_admin)
    event = ca.report_follow_up(
        report=report, message="Lubang akan kami tambal minggu ini.", actor=cast.officer_a
    )
    return report, event


def test_the_reporter_listens_to_the_follow_up(client, cast, directory):
    report, event = _followed_up(client, cast, directory)
    page = client.get(f"/lacak/{report.tracking_id}/").content.decode()
    url = f"/suara/lacak/{report.tracking_id}/{event.pk}.mp3"
    assert f'src="{url}"' in page
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "audio/mpeg"
    audio = b"".join(response.streaming_content)
    assert len(audio) > 2000
    assert audio[:3] == b"ID3" or audio[0] == 0xFF  # an MP3 frame or tag
    # Cached: the second listen reads the stored file.
    name = speech.storage_name(speech.event_text(event, "id"), "id")
    assert default_storage.exists(name)
    assert "Tindak lanjut" in speech.event_text(event, "id") or "Lubang" in speech.event_text(
        event, "id"
    )


def test_only_the_agencys_words_are_read_and_only_to_the_reporter(client, cast, directory):
    report, event = _followed_up(client, cast, directory)
    submitted = ReportEvent.objects.get(report=report, kind="submitted")
    assert client.get(f"/suara/lacak/{report.tracking_id}/{submitted.pk}.mp3").status_code == 404
    stranger = Client()
    assert stranger.get(f"/suara/lacak/{report.tracking_id}/{event.pk}.mp3").status_code == 404
    stranger.force_login(cast.officer_b)
    assert stranger.get(f"/suara/lacak/{report.tracking_id}/{event.pk}.mp3").status_code == 404


def test_the_speech_is_made_once_per_text():
    first = speech.speech_file("Selamat pagi. Laporan Anda sudah kami terima.", "id")
    second = speech.speech_file("Selamat pagi. Laporan Anda sudah kami terima.", "id")
    assert first == second
    other = speech.speech_file("Selamat siang.", "id")
    assert other != first
