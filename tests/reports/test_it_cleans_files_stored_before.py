"""Files stored before every upload was cleaned (PDFs, recordings and JPEG comments were kept
as sent) are cleaned in place by ``manage.py clean_stored_attachments``: the public follow-up
photo and the reporter's PDF no longer carry the name, the rows follow the new files, the old
bytes are gone, clean photos are not re-encoded again, and a file that cannot be cleaned is
reported and left alone (evidence is never deleted)."""

from __future__ import annotations

import hashlib
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.test import Client

from lapor.reports import case_actions as ca
from lapor.reports.models import Attachment, ReportEvent
from tests.cases.conftest import submit
from tests.dirty_files import BUILDERS, leaks

pytestmark = pytest.mark.django_db

SECRET = "Wiryo Sukmajaya 3374012507900003"


def stored_as_before(report, event, kind: str, raw: bytes | None = None) -> Attachment:
    """An attachment row as an earlier version left it: the bytes exactly as sent."""
    name, content, content_type = BUILDERS[kind](SECRET)
    content = raw if raw is not None else content
    path = default_storage.save(f"attachments/00/old-{kind}", ContentFile(content))
    return Attachment.objects.create(
        report=report,
        event=event,
        file=path,
        original_name=name,
        content_type=content_type,
        kind="image" if content_type.startswith("image/") else "document",
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
    )


def test_old_dirty_files_are_cleaned_in_place(cast, directory):
    report = submit(privacy="public")
    ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.national_admin)
    event = ca.report_follow_up(
        report=report, message="Sudah ditambal.", actor=cast.officer_a, uploads=[]
    )
    photo = stored_as_before(report, event, "jpeg")
    letter = stored_as_before(report, None, "pdf")
    broken = stored_as_before(report, None, "ogg", raw=b"OggS" + b"\x00" * 100)
    old_names = {a.pk: a.file.name for a in (photo, letter, broken)}
    public_url = f"/laporan/{report.tracking_id}/gambar/{photo.pk}/"
    assert leaks(b"".join(Client().get(public_url).streaming_content), SECRET)

    out = StringIO()
    call_command("clean_stored_attachments", stdout=out)
    assert "Cleaned 2 stored files; 0 were clean already." in out.getvalue()
    assert f"Could not clean attachments {broken.pk}; they are left unchanged." in out.getvalue()

    for attachment in (photo, letter):
        attachment.refresh_from_db()
        with attachment.file.open("rb") as fh:
            data = fh.read()
        assert not leaks(data, SECRET)
        assert attachment.size == len(data)
        assert attachment.sha256 == hashlib.sha256(data).hexdigest()
        assert not default_storage.exists(old_names[attachment.pk])
    assert not leaks(b"".join(Client().get(public_url).streaming_content), SECRET)
    broken.refresh_from_db()
    assert broken.file.name == old_names[broken.pk] and default_storage.exists(broken.file.name)
    assert ReportEvent.objects.filter(pk=event.pk).exists()

    # A second run finds nothing more to do and does not re-encode clean photos.
    again = StringIO()
    call_command("clean_stored_attachments", stdout=again)
    assert "Cleaned 0 stored files; 2 were clean already." in again.getvalue()
