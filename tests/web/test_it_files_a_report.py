import io

import pytest
from PIL import Image

from lapor.reports.models import (
    Attachment,
    PendingUpload,
    Report,
    ReporterIdentity,
    ReportEvent,
    Status,
)
from tests.conftest import report_post_data
from tests.helpers import jpeg_with_gps, ogg_voice_note, pdf_file

pytestmark = pytest.mark.django_db


def test_it_files_a_report_and_shows_a_receipt_with_id_and_pin(client, directory):
    response = client.post("/lapor/", report_post_data())
    assert response.status_code == 302
    report = Report.objects.get()
    assert response["Location"] == f"/lapor/terkirim/{report.tracking_id}/"
    assert report.tracking_id.isdigit() and len(report.tracking_id) == 9
    assert report.status == Status.AWAITING_VERIFICATION
    assert report.region_id == "34.04.07.2001"
    assert (report.province_code, report.regency_code, report.district_code) == (
        "34",
        "34.04",
        "34.04.07",
    )
    receipt = client.get(response["Location"]).content.decode()
    assert report.tracking_id in receipt
    pin = receipt.split('id="pin">')[1].split("<")[0]
    assert pin.isdigit() and len(pin) == 6
    assert pin not in report.pin_hash


def test_it_keeps_the_original_text_and_the_identity_apart(client, directory):
    client.post("/lapor/", report_post_data(full_name="Siti Rahmawati"))
    report = Report.objects.get()
    assert report.title_original == report.title_published
    assert report.body_original.startswith("Sudah tiga bulan")
    identity = ReporterIdentity.objects.get(report=report)
    assert identity.full_name == "Siti Rahmawati"
    assert identity.phone == "+6281234567890"  # normalised to E.164
    # Nothing of the identity is stored on the report row itself.
    row = Report.objects.filter(pk=report.pk).values().get()
    assert "Siti" not in str(row) and "6281234567890" not in str(row)
    event = ReportEvent.objects.get(report=report)
    assert event.kind == ReportEvent.Kind.SUBMITTED
    assert (event.old_status, event.new_status) == ("", Status.AWAITING_VERIFICATION)


def test_it_stores_attachments_and_strips_photo_metadata(client, directory):
    data = report_post_data(attachments=[jpeg_with_gps(), pdf_file(), ogg_voice_note()])
    assert client.post("/lapor/", data).status_code == 302
    kinds = sorted(Attachment.objects.values_list("kind", flat=True))
    assert kinds == ["audio", "document", "image"]
    photo = Attachment.objects.get(kind="image")
    with photo.file.open("rb") as fh, Image.open(io.BytesIO(fh.read())) as img:
        exif = img.getexif()
        assert not exif.get_ifd(0x8825)  # no GPS block
        assert 0xA430 not in exif and 0x010F not in exif
    assert photo.original_name == "foto.jpg"
    assert not photo.file.name.endswith("foto.jpg")  # stored under a random name
    assert PendingUpload.objects.count() == 0


def test_it_links_the_report_to_a_logged_in_reporter(client, cast):
    client.force_login(cast.reporter)
    client.post("/lapor/", report_post_data())
    report = Report.objects.get()
    assert report.reporter_user == cast.reporter
    page = client.get("/akun/laporan-saya/").content.decode()
    assert report.tracking_id in page


def test_it_files_in_english_too(client, directory):
    page = client.get("/en/lapor/").content.decode()
    assert "Report title" in page and 'lang="en"' in page
    response = client.post("/en/lapor/", report_post_data())
    assert response["Location"].startswith("/en/lapor/terkirim/")
    assert Report.objects.get().language == "en"
