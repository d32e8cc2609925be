"""Media on S3-compatible object storage (issue 12): attachments and staged uploads go to a
real S3 server on loopback (moto_server, docs/operations.md), never to the local disk, and
come back through the same access-checked views."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.test import Client, override_settings

from lapor.reports.models import Attachment, PendingUpload, Report
from tests.conftest import report_post_data
from tests.console.conftest import case_url, login
from tests.helpers import jpeg_with_gps, pdf_file

pytestmark = [pytest.mark.django_db, pytest.mark.s3]

PORT = 9431
BUCKET = "lapor-media"


def _moto_server() -> str | None:
    found = shutil.which("moto_server") or str(Path(sys.executable).parent / "moto_server")
    return found if Path(found).exists() else None


@pytest.fixture(scope="module")
def s3_server():
    binary = _moto_server()
    if binary is None:
        pytest.skip("moto_server is not installed (pip install 'moto[server]')")
    proc = subprocess.Popen(
        [binary, "-H", "127.0.0.1", "-p", str(PORT)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", PORT), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        import boto3

        client = boto3.client(
            "s3",
            endpoint_url=f"http://127.0.0.1:{PORT}",
            aws_access_key_id="test",
            aws_secret_access_key="test",
            region_name="us-east-1",
        )
        client.create_bucket(Bucket=BUCKET)
        yield client
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture
def on_s3(s3_server, tmp_path):
    options = {
        "bucket_name": BUCKET,
        "endpoint_url": f"http://127.0.0.1:{PORT}",
        "access_key": "test",
        "secret_key": "test",
        "region_name": "us-east-1",
        "addressing_style": "path",
        "default_acl": "private",
        "file_overwrite": False,
    }
    storages = {
        "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    # An empty media root: anything written to the local disk would show up here. (Django's
    # setting_changed handler rebuilds default_storage from the overridden STORAGES.)
    with override_settings(STORAGES=storages, MEDIA_ROOT=str(tmp_path / "media")):
        yield s3_server
    assert not (tmp_path / "media").exists() or not any((tmp_path / "media").rglob("*.*"))


def _keys(client) -> set[str]:
    listing = client.list_objects_v2(Bucket=BUCKET)
    return {o["Key"] for o in listing.get("Contents", [])}


def test_attachments_are_stored_in_the_bucket_and_served_to_staff(cast, directory, on_s3):
    before = _keys(on_s3)
    Client().post("/lapor/", report_post_data(attachments=[pdf_file("denah-lokasi.pdf")]))
    report = Report.objects.get()
    attachment = Attachment.objects.get(report=report)
    assert attachment.file.name in _keys(on_s3) - before
    body = on_s3.get_object(Bucket=BUCKET, Key=attachment.file.name)["Body"].read()
    assert body.startswith(b"%PDF")
    response = login(cast.agency_admin).get(case_url(report) + f"lampiran/{attachment.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == body
    # Private objects: an unsigned GET of the object is refused by the store.
    import urllib.request

    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(f"http://127.0.0.1:{PORT}/{BUCKET}/{attachment.file.name}")


def test_staged_uploads_wait_in_the_bucket_and_become_attachments(directory, on_s3):
    client = Client()
    page = client.post(
        "/en/lapor/", report_post_data(title="", attachments=[jpeg_with_gps("foto.jpg")])
    ).content.decode()
    staged = PendingUpload.objects.get()
    assert staged.file.name in _keys(on_s3)
    token = page.split('name="pending" value="')[1].split('"')[0]
    assert client.post("/en/lapor/", report_post_data(pending=token)).status_code == 302
    attachment = Attachment.objects.get()
    # The staged object becomes the attachment as it is (no second copy in the bucket).
    assert attachment.file.name == staged.file.name
    assert attachment.file.name in _keys(on_s3)
    assert PendingUpload.objects.count() == 0
    with attachment.file.open("rb") as fh:
        assert fh.read(3) == b"\xff\xd8\xff"  # still a JPEG (its metadata stripped)
