"""Issue 10, item 2: no file a reporter or an officer uploads keeps anything that can name a
person, through every channel that stores files: the report form, the tracking page's "add
information", the desk and the console follow-up (whose photos the public sees) here; the staff
API in tests/api/test_it_cleans_staff_evidence.py and e-mail in
tests/mailbox/test_it_cleans_mailed_files.py. The files are made here with the name planted in
every metadata place their format has (EXIF, COM, XMP, ICC, PNG text, GIF comment; PDF /Author,
XMP, JavaScript, embedded file, comment annotation; container tags); the bytes stored and the
bytes served must not contain it, and the file must still be a usable picture, document or
recording."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from lapor.reports.models import Attachment, Report, ReportEvent
from tests.conftest import report_post_data
from tests.console.conftest import case_url, login
from tests.desk.conftest import DESK_URL, desk_post
from tests.dirty_files import BUILDERS, leaks, still_usable

pytestmark = pytest.mark.django_db

SECRET = "Wiryo Sukmajaya 3374012507900003"


def upload(kind: str, secret: str = SECRET) -> SimpleUploadedFile:
    name, raw, content_type = BUILDERS[kind](secret)
    assert leaks(raw, secret), f"the {kind} fixture does not carry the planted name"
    return SimpleUploadedFile(name, raw, content_type=content_type)


def stored(attachment: Attachment) -> bytes:
    with attachment.file.open("rb") as fh:
        return fh.read()


def assert_clean(attachment: Attachment, served: bytes | None = None) -> None:
    data = stored(attachment)
    assert not leaks(data, SECRET), f"{attachment.original_name} keeps the name: {data[:200]!r}"
    assert attachment.size == len(data)
    still_usable(data, attachment.content_type)
    if served is not None:
        assert served == data


@pytest.mark.parametrize("kind", sorted(BUILDERS))
def test_the_report_form_stores_every_kind_of_file_clean(client, directory, kind):
    response = client.post("/lapor/", report_post_data(attachments=[upload(kind)]))
    assert response.status_code == 302, response.content.decode()[:3000]
    report = Report.objects.get()
    attachment = report.attachments.get()
    served = client.get(f"/lacak/{report.tracking_id}/lampiran/{attachment.pk}/")
    assert served.status_code == 200
    assert_clean(attachment, b"".join(served.streaming_content))


def test_the_tracking_page_cleans_added_files(client, directory):
    client.post("/lapor/", report_post_data())
    report = Report.objects.get()
    response = client.post(
        f"/lacak/{report.tracking_id}/",
        {
            "action": "info",
            "message": "Foto dan rekaman terbaru.",
            "attachments": [upload("jpeg"), upload("ogg"), upload("pdf")],
        },
    )
    assert response.status_code == 302
    event = ReportEvent.objects.get(report=report, kind=ReportEvent.Kind.REPORTER_INFO)
    files = list(Attachment.objects.filter(event=event))
    assert len(files) == 3
    for attachment in files:
        assert_clean(attachment)


def test_the_desk_cleans_the_files_it_files(cast):
    officer = login(cast.officer_a)
    response = officer.post(DESK_URL, desk_post(attachments=[upload("png"), upload("m4a")]))
    assert response.status_code == 302, response.content.decode()[:2000]
    for attachment in Attachment.objects.all():
        assert_clean(attachment)


def test_follow_up_evidence_is_clean_in_the_console_and_for_the_public(cast, disposed):
    officer = login(cast.officer_a)
    response = officer.post(
        case_url(disposed, "tindak-lanjut"),
        {
            "tindak_lanjut-message": "Lubang sudah ditambal.",
            "tindak_lanjut-outcome": "resolved",
            "attachments": [upload("jpeg"), upload("webp"), upload("pdf"), upload("mp4")],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    event = ReportEvent.objects.get(report=disposed, kind="follow_up")
    files = list(Attachment.objects.filter(event=event))
    assert len(files) == 4
    for attachment in files:
        served = officer.get(f"/konsol/laporan/{disposed.tracking_id}/lampiran/{attachment.pk}/")
        assert served.status_code == 200
        assert_clean(attachment, b"".join(served.streaming_content))
    # The agency's photos are published on the public report page: served clean too.
    photos = [a for a in files if a.kind == "image"]
    assert len(photos) == 2
    public = Client()
    for photo in photos:
        shown = public.get(f"/laporan/{disposed.tracking_id}/gambar/{photo.pk}/")
        assert shown.status_code == 200
        assert_clean(photo, b"".join(shown.streaming_content))


@pytest.fixture
def disposed(cast, directory) -> Report:
    from lapor.reports import case_actions as ca
    from tests.cases.conftest import submit

    report = submit(privacy="public")
    ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.national_admin)
    report.refresh_from_db()
    return report
