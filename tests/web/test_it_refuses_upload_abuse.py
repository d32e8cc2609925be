"""Issue 10, item 11 (and item 2's refusals): a decompression bomb is refused from its header,
before a pixel is decoded; a client cannot use a failing form to stage file after file; files
that cannot be cleaned are refused with a clear message and nothing of them is stored."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings

from lapor.reports.models import PendingUpload, Report
from tests.conftest import report_post_data
from tests.dirty_files import png_bomb
from tests.helpers import jpeg_with_gps

pytestmark = pytest.mark.django_db


def files_on_disk(settings) -> list[Path]:
    return [p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()]


def pending_token(html: str) -> str:
    return html.split('name="pending" value="')[1].split('"')[0]


def staged_ids(token: str) -> list[str]:
    from django.core import signing

    from lapor.web.forms import PENDING_SALT

    return signing.loads(token, salt=PENDING_SALT)


def test_a_decompression_bomb_is_refused_from_its_header(client, directory, settings):
    bomb = png_bomb(9990)
    assert len(bomb) < 100_000  # 97 KB on the wire, 100 megapixels once decoded
    data = report_post_data(
        title="Foto jalan rusak",
        attachments=[SimpleUploadedFile("jalan.png", bomb, content_type="image/png")],
    )
    response = client.post("/en/lapor/", data)
    page = response.content.decode()
    assert response.status_code == 200
    assert (
        "“jalan.png” is too large a picture (more than 50 megapixels). "
        "Please send a smaller copy." in page
    )
    assert "Foto jalan rusak" in page  # what was typed is kept
    assert not Report.objects.exists() and not PendingUpload.objects.exists()
    assert files_on_disk(settings) == []


@override_settings(STAGING_MAX_FILES_PER_SESSION=3, STAGING_MAX_FILES_PER_ADDRESS=5)
def test_a_failing_form_cannot_stage_file_after_file(directory, settings):
    client = Client(REMOTE_ADDR="203.0.113.7")
    # The title is missing: every attempt fails, each brings one more new file.
    token = None
    for i in range(3):
        page = client.post(
            "/en/lapor/",
            report_post_data(title="", pending=token, attachments=[jpeg_with_gps(f"f{i}.jpg")]),
        ).content.decode()
        assert "Too many files" not in page
        token = pending_token(page)
    assert PendingUpload.objects.count() == 3
    refused = client.post(
        "/en/lapor/",
        report_post_data(
            title="",
            body="Teks yang saya ketik panjang sekali dan harus tetap ada di formulir ini.",
            pending=token,
            attachments=[jpeg_with_gps("f3.jpg")],
        ),
    ).content.decode()
    assert "Too many files were sent from your connection without a report being sent." in refused
    assert "Teks yang saya ketik panjang sekali" in refused  # nothing typed is lost
    for i in range(3):  # the files already received stay on the form
        assert f"f{i}.jpg" in refused
    # The same staged files (the token's signature holds a timestamp: compare what it carries).
    assert staged_ids(pending_token(refused)) == staged_ids(token)
    assert PendingUpload.objects.count() == 3
    assert len(files_on_disk(settings)) == 3

    # A new session (cookies cleared) from the same address is counted by the address.
    fresh = Client(REMOTE_ADDR="203.0.113.7")
    for _ in range(2):
        fresh.post("/en/lapor/", report_post_data(title="", attachments=[jpeg_with_gps()]))
    assert PendingUpload.objects.count() == 5
    blocked = fresh.post("/en/lapor/", report_post_data(title="", attachments=[jpeg_with_gps()]))
    assert "Too many files were sent" in blocked.content.decode()
    assert PendingUpload.objects.count() == 5
    # Another connection is not affected.
    other = Client(REMOTE_ADDR="198.51.100.20")
    other.post("/en/lapor/", report_post_data(title="", attachments=[jpeg_with_gps()]))
    assert PendingUpload.objects.count() == 6

    # Sending the report with the staged files frees the first client's count.
    filed = client.post("/en/lapor/", report_post_data(pending=token))
    assert filed.status_code == 302
    assert Report.objects.get().attachments.count() == 3
    again = client.post("/en/lapor/", report_post_data(title="", attachments=[jpeg_with_gps()]))
    assert "Too many files" not in again.content.decode()


def encrypted_pdf() -> bytes:
    doc = pikepdf.new()
    doc.add_blank_page()
    out = io.BytesIO()
    doc.save(out, encryption=pikepdf.Encryption(user="rahasia", owner="rahasia"))
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "surat.pdf",
            encrypted_pdf(),
            "“surat.pdf” is protected by a password, so we cannot remove its hidden details.",
        ),
        (
            "rusak.pdf",
            b"%PDF-1.7\n" + b"\x00garbage" * 200,
            "“rusak.pdf” looks like a PDF document but cannot be read and cleaned",
        ),
        (
            "pesan.ogg",
            b"OggS\x00\x02" + b"\x00" * 20 + b"\x01\x13OpusHead\x01\x01" + b"\x00" * 300,
            "“pesan.ogg” cannot be cleaned of its hidden details",
        ),
    ],
    ids=["encrypted-pdf", "broken-pdf", "broken-ogg"],
)
def test_a_file_that_cannot_be_cleaned_is_refused(
    client, directory, settings, name, content, message
):
    upload = SimpleUploadedFile(name, content)
    page = client.post("/en/lapor/", report_post_data(attachments=[upload])).content.decode()
    assert message in " ".join(page.split())
    assert not Report.objects.exists() and not PendingUpload.objects.exists()
    assert files_on_disk(settings) == []


def test_without_ffmpeg_recordings_are_refused_not_stored_dirty(
    client, directory, settings, monkeypatch
):
    from tests.dirty_files import BUILDERS

    name, raw, content_type = BUILDERS["mp3"]("Wiryo Sukmajaya")
    monkeypatch.setenv("PATH", "/nonexistent")
    upload = SimpleUploadedFile(name, raw, content_type=content_type)
    page = client.post("/en/lapor/", report_post_data(attachments=[upload])).content.decode()
    assert "Voice recordings and videos cannot be accepted right now" in " ".join(page.split())
    assert not PendingUpload.objects.exists()
    assert files_on_disk(settings) == []
