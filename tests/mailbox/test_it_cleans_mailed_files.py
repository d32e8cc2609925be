"""Issue 10, item 2, by e-mail: attachments of a mailed report are stored without the name
planted in their metadata (EXIF, COM, GIF comment, PDF /Author and scripts, Ogg tags), through
the real SMTP intake server."""

from __future__ import annotations

from pathlib import Path

import pytest

from lapor.reports.models import PendingUpload, Report
from tests.dirty_files import BUILDERS, leaks, still_usable
from tests.mailbox.conftest import mail

pytestmark = pytest.mark.django_db(transaction=True)

SECRET = "Wiryo Sukmajaya 3374012507900003"


def test_e_mail_attachments_are_cleaned(directory, intake, outgoing):
    files = [BUILDERS[kind](SECRET) for kind in ("jpeg", "gif", "pdf", "ogg")]
    assert all(leaks(raw, SECRET) for _n, raw, _t in files)
    intake.send(mail(files=files))
    report = Report.objects.get()
    stored = list(report.attachments.all())
    assert sorted(a.original_name for a in stored) == sorted(n for n, _r, _t in files)
    for attachment in stored:
        with attachment.file.open("rb") as fh:
            data = fh.read()
        assert not leaks(data, SECRET), attachment.original_name
        still_usable(data, attachment.content_type)
    assert PendingUpload.objects.count() == 0


def test_a_file_that_cannot_be_cleaned_refuses_the_mail_and_keeps_nothing(
    directory, intake, outgoing, settings
):
    broken = b"OggS\x00\x02" + b"\x00" * 20 + b"\x01\x13OpusHead\x01\x01" + b"\x00" * 300
    intake.send(mail(files=[("pesan.ogg", broken, "audio/ogg")]))
    assert not Report.objects.exists()
    assert PendingUpload.objects.count() == 0
    assert [p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()] == []
    (answer,) = outgoing.sink.messages
    text = " ".join(answer.get_content().split())
    assert "“pesan.ogg” cannot be cleaned of its hidden details" in text
