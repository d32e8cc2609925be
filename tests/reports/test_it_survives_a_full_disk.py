"""Issue 11, item 4: a full disk. MEDIA_ROOT is a real 2 MB tmpfs filled to the last byte:
every channel that stores files answers with a clear message (the web form and the console
keep what was typed and the files already received; the API answers 503 with Retry-After; the
mail server answers 451 so the sending server retries), and no zero-byte or truncated file is
left behind. When space returns, the same form goes through with every file.

Mounting needs root; the test is skipped with the reason when it cannot mount, except where
LAPOR_REQUIRE_MOUNT=1 (CI) makes that a failure."""

from __future__ import annotations

import base64
import json
import os
import smtplib
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from lapor.reports.models import Attachment, PendingUpload, Report
from tests.conftest import report_post_data
from tests.console.conftest import case_url, login
from tests.dirty_files import BUILDERS

SIZE = "2m"


@dataclass
class SmallDisk:
    root: Path

    def fill(self) -> None:
        """Write a filler file until the filesystem refuses even one more byte."""
        fd = os.open(self.root / "filler", os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            for size in (65536, 4096, 1):
                while True:
                    try:
                        os.write(fd, b"\xff" * size)
                    except OSError:
                        break
        finally:
            os.close(fd)

    def free(self) -> None:
        (self.root / "filler").unlink()

    def files(self) -> dict[str, int]:
        """Every stored file but the filler, by storage name, with its size."""
        return {
            str(p.relative_to(self.root)): p.stat().st_size
            for p in self.root.rglob("*")
            if p.is_file() and p.name != "filler"
        }


def _mount_or_skip(target: str) -> None:
    required = os.environ.get("LAPOR_REQUIRE_MOUNT") == "1"
    if os.geteuid() != 0:
        if required:
            pytest.fail("LAPOR_REQUIRE_MOUNT=1 but not running as root")
        pytest.skip("mounting a small tmpfs needs root (set LAPOR_REQUIRE_MOUNT=1 to require)")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={SIZE}", "tmpfs", target],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        if required:
            pytest.fail(f"cannot mount a tmpfs: {done.stderr.strip()}")
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")


@pytest.fixture
def small_disk(settings) -> Iterator[SmallDisk]:
    target = tempfile.mkdtemp(prefix="lapor-full-disk-")
    _mount_or_skip(target)
    try:
        settings.MEDIA_ROOT = target
        yield SmallDisk(Path(target))
    finally:
        subprocess.run(["umount", target], check=True)
        os.rmdir(target)


def no_orphan_bytes(disk: SmallDisk) -> None:
    """Every stored file belongs to a row and has the row's size: nothing zero-byte,
    truncated or unowned."""
    rows = dict(PendingUpload.objects.values_list("file", "size"))
    rows.update(dict(Attachment.objects.values_list("file", "size")))
    assert disk.files() == rows


def token_of(html: str) -> str:
    return html.split('name="pending" value="')[1].split('"')[0]


def staged_ids(token: str) -> list[str]:
    """The staged files a form's token carries on (its signature holds a timestamp, which
    differs when two answers are a second apart: compare what it carries)."""
    from django.core import signing

    from lapor.web.forms import PENDING_SALT

    return signing.loads(token, salt=PENDING_SALT)


@pytest.mark.django_db
def test_the_report_form_keeps_everything_and_leaves_no_partial_file(client, directory, small_disk):
    photo = BUILDERS["jpeg"]("x")
    document = BUILDERS["pdf"]("y")
    typed = "Jalan di depan SD sudah tiga bulan berlubang dan tergenang air setiap hujan."
    first = client.post(
        "/en/lapor/",
        report_post_data(
            title="", body=typed, attachments=[SimpleUploadedFile(photo[0], photo[1])]
        ),
    )
    token = token_of(first.content.decode())
    assert PendingUpload.objects.count() == 1

    small_disk.fill()
    response = client.post(
        "/en/lapor/",
        report_post_data(
            title="Jalan berlubang",
            body=typed,
            pending=token,
            attachments=[SimpleUploadedFile(document[0], document[1])],
        ),
    )
    page = " ".join(response.content.decode().split())
    assert response.status_code == 200
    assert (
        "“surat.pdf” could not be stored: our file storage is full or unavailable. What you "
        "typed and the files already received are kept; please try again in a few minutes." in page
    )
    assert typed in page and 'value="Jalan berlubang"' in page
    assert "foto.jpg" in page
    assert staged_ids(token_of(response.content.decode())) == staged_ids(token)
    assert not Report.objects.exists()
    assert PendingUpload.objects.count() == 1
    no_orphan_bytes(small_disk)

    small_disk.free()
    again = client.post(
        "/en/lapor/",
        report_post_data(
            title="Jalan berlubang",
            body=typed,
            pending=token,
            attachments=[SimpleUploadedFile(document[0], document[1])],
        ),
    )
    assert again.status_code == 302
    report = Report.objects.get()
    assert sorted(report.attachments.values_list("original_name", flat=True)) == [
        "foto.jpg",
        "surat.pdf",
    ]
    no_orphan_bytes(small_disk)


@pytest.mark.django_db
def test_the_console_follow_up_keeps_the_text(cast, directory, small_disk):
    from lapor.reports import case_actions as ca
    from tests.cases.conftest import submit

    report = submit()
    ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.agency_admin)
    small_disk.fill()
    name, raw, _type = BUILDERS["png"]("z")
    response = login(cast.officer_a).post(
        case_url(report, "tindak-lanjut", lang="en"),
        {
            "tindak_lanjut-message": "Lubang sudah ditambal aspal.",
            "tindak_lanjut-outcome": "resolved",
            "attachments": [SimpleUploadedFile(name, raw)],
        },
    )
    page = " ".join(response.content.decode().split())
    assert response.status_code == 200
    assert "“gambar.png” could not be stored: our file storage is full or unavailable." in page
    assert "Lubang sudah ditambal aspal." in page
    assert not report.events.filter(kind="follow_up").exists()
    no_orphan_bytes(small_disk)


@pytest.mark.django_db
def test_the_staff_api_answers_503_with_retry_after(cast, directory, small_disk, client):
    from lapor.open311.models import ApiKey, PartnerApp
    from lapor.reports import case_actions as ca
    from tests.api.conftest import error_of
    from tests.cases.conftest import submit

    report = submit()
    ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.agency_admin)
    key = ApiKey(
        partner=PartnerApp.objects.create(name="Uji"), scopes=["staff"], user=cast.officer_a
    )
    raw_key = key.set_new_key()
    key.save()
    small_disk.fill()
    evidence = []
    for kind in ("jpeg", "pdf"):
        name, raw, _type = BUILDERS[kind]("q")
        evidence.append({"name": name, "content_base64": base64.b64encode(raw).decode()})
    response = client.post(
        f"/api/v1/staff/reports/{report.tracking_id}/follow-ups",
        json.dumps({"message": "Sudah ditambal.", "resolved": True, "evidence": evidence}),
        content_type="application/json",
        headers={"X-API-Key": raw_key},
    )
    assert response.status_code == 503 and response["Retry-After"] == "60"
    assert error_of(response)["code"] == "storage_unavailable"
    assert not PendingUpload.objects.exists()
    no_orphan_bytes(small_disk)


@pytest.mark.django_db(transaction=True)
def test_the_mail_server_answers_451_and_keeps_nothing(directory, small_disk, settings):
    from lapor.mailbox.server import build
    from tests.mailbox.conftest import INTAKE, Intake, mail
    from tests.notifications.conftest import free_port

    settings.MAIL_DOMAIN = "lapor.localhost"
    settings.MAIL_INTAKE_ADDRESS = INTAKE
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    server = Intake(free_port())
    server.controller = build("127.0.0.1", server.port)
    server.controller.start()
    try:
        small_disk.fill()
        with pytest.raises(smtplib.SMTPDataError) as refused:
            server.send(mail(files=[BUILDERS["jpeg"]("m")]))
        assert refused.value.smtp_code == 451
    finally:
        server.controller.stop()
    assert not Report.objects.exists() and not PendingUpload.objects.exists()
    no_orphan_bytes(small_disk)
