"""Issue 10 item 11 and issue 11 item 4: the purge (``manage.py purge_pending_uploads``, and
hourly in the worker) removes the files of forms never completed and sweeps the storage itself:
files no row refers to (a crash between writing the bytes and the row, a rolled-back
transaction, a partial write) go once they are older than the grace period; files of reports
and of forms still being filled stay."""

from __future__ import annotations

import datetime as dt
import os
import time
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.utils import timezone

from lapor.notifications.schedule import JOBS
from lapor.reports.models import Attachment, PendingUpload, Report
from tests.conftest import report_post_data
from tests.helpers import jpeg_with_gps

pytestmark = pytest.mark.django_db


def age(name: str, hours: float) -> None:
    """Make a stored file look ``hours`` old (the filesystem's modification time)."""
    then = time.time() - hours * 3600
    os.utime(default_storage.path(name), (then, then))


def token_of(html: str) -> str:
    return html.split('name="pending" value="')[1].split('"')[0]


def test_the_purge_sweeps_rows_and_the_storage(client, directory, settings):
    settings.STORAGE_ORPHAN_GRACE_HOURS = 6
    # A filed report with a photo: stays.
    client.post("/lapor/", report_post_data(attachments=[jpeg_with_gps("dilapor.jpg")]))
    kept_attachment = Attachment.objects.get()
    age(kept_attachment.file.name, 100)
    # A form being filled right now: its staged file stays.
    client.post("/lapor/", report_post_data(title="", attachments=[jpeg_with_gps("baru.jpg")]))
    fresh_pending = PendingUpload.objects.get()
    # A form abandoned two days ago: row and file go.
    client.post("/lapor/", report_post_data(title="", attachments=[jpeg_with_gps("lama.jpg")]))
    stale = PendingUpload.objects.exclude(pk=fresh_pending.pk).get()
    PendingUpload.objects.filter(pk=stale.pk).update(
        created_at=timezone.now() - dt.timedelta(days=2)
    )
    # What failed attempts leave: files without a row, one of them empty, one truncated.
    orphans = [
        default_storage.save("attachments/ab/orphan.jpg", ContentFile(b"\xff\xd8" * 500)),
        default_storage.save("attachments/cd/empty.pdf", ContentFile(b"")),
        default_storage.save("attachments/ef/truncated.ogg", ContentFile(b"OggS\x00")),
    ]
    for name in orphans:
        age(name, 7)
    # An orphan younger than the grace period may be an upload being stored this instant.
    recent = default_storage.save("attachments/ab/just-now.jpg", ContentFile(b"\xff\xd8"))
    age(recent, 1)

    out = StringIO()
    call_command("purge_pending_uploads", stdout=out)
    assert "Deleted 1 stale staged uploads and 3 orphan files." in out.getvalue()

    assert not PendingUpload.objects.filter(pk=stale.pk).exists()
    assert not default_storage.exists(stale.file.name)
    for name in orphans:
        assert not default_storage.exists(name)
    assert default_storage.exists(recent)
    assert default_storage.exists(fresh_pending.file.name)
    assert default_storage.exists(kept_attachment.file.name)
    with kept_attachment.file.open("rb") as fh:
        assert len(fh.read()) == kept_attachment.size
    assert Report.objects.count() == 1


def test_the_worker_purges_rows_hourly_and_sweeps_the_storage_nightly(client, directory):
    client.post("/lapor/", report_post_data(title="", attachments=[jpeg_with_gps("lama.jpg")]))
    PendingUpload.objects.update(created_at=timezone.now() - dt.timedelta(days=2))
    orphan = default_storage.save("attachments/ab/orphan.jpg", ContentFile(b"\xff\xd8" * 50))
    age(orphan, 48)

    hourly = next(j for j in JOBS if j.name == "purge_uploads")
    assert hourly.every == dt.timedelta(hours=1)
    assert hourly.task.call() == {"rows": 1, "files": 0, "kept": 0}
    assert default_storage.exists(orphan)

    nightly = next(j for j in JOBS if j.name == "sweep_storage")
    assert nightly.daily_at == dt.time(3, 0)
    assert nightly.task.call() == {"rows": 0, "files": 1, "kept": 0}
    assert not default_storage.exists(orphan)
