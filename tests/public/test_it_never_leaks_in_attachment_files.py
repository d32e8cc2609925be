"""Property (the attachment side of test_it_never_leaks_on_public_pages.py): whatever name, NIK,
phone number and e-mail address hide in a file's metadata, whatever its format and whichever
channel brings it (the reporter's form or the agency's follow-up, whose photos are public),
none of them is in the bytes we store, nor in the bytes served to the reporter, the officer
or the public."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lapor.reports import case_actions as ca
from lapor.reports.models import Attachment, Report
from tests.conftest import report_post_data
from tests.console.conftest import case_url, login
from tests.dirty_files import BUILDERS, leaks

pytestmark = pytest.mark.django_db

name = st.builds(
    "{} {}".format,
    st.sampled_from(["Wiryo", "Sukmawati", "Bambang", "Ni Luh", "Yohana", "Teuku"]),
    st.from_regex(r"[A-Z][a-z]{4,9}", fullmatch=True),
)
nik = st.from_regex(r"3[1-9]\d{14}", fullmatch=True)
phone = st.from_regex(r"08[1-9]\d{8,10}", fullmatch=True)
email = st.from_regex(r"[a-z]{3,8}\.[a-z]{2,6}@(gmail\.com|mail\.id)", fullmatch=True)
kind = st.sampled_from(sorted(BUILDERS))
channel = st.sampled_from(["report_form", "follow_up"])
privacy = st.sampled_from(["public", "anonymous", "confidential"])


def body(response) -> bytes:
    assert response.status_code == 200, response.status_code
    return b"".join(response.streaming_content)


@settings(
    max_examples=14,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    name=name,
    nik=nik,
    phone=phone,
    email=email,
    kind=kind,
    channel=channel,
    privacy=privacy,
)
def test_no_planted_identity_survives_in_a_stored_or_served_file(
    cast, directory, name, nik, phone, email, kind, channel, privacy
):
    secrets = [name, nik, phone, email]
    filename, raw, content_type = BUILDERS[kind](" ".join(secrets))
    assert all(leaks(raw, s) for s in secrets)
    upload = SimpleUploadedFile(filename, raw, content_type=content_type)
    reporter = Client()
    filed = reporter.post("/lapor/", report_post_data(privacy=privacy, attachments=[]))
    assert filed.status_code == 302
    report = Report.objects.latest("pk")
    officer = login(cast.officer_a)
    served: list[bytes] = []
    ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.national_admin)
    if channel == "report_form":
        added = reporter.post(
            f"/lacak/{report.tracking_id}/",
            {"action": "info", "message": "Berkas tambahan.", "attachments": [upload]},
        )
        assert added.status_code == 302
        attachment = Attachment.objects.get(report=report)
        served.append(body(reporter.get(f"/lacak/{report.tracking_id}/lampiran/{attachment.pk}/")))
    else:
        done = officer.post(
            case_url(report, "tindak-lanjut"),
            {
                "tindak_lanjut-message": "Sudah diperbaiki.",
                "tindak_lanjut-outcome": "resolved",
                "attachments": [upload],
            },
        )
        assert done.status_code == 302
        attachment = Attachment.objects.get(report=report)
        if attachment.kind == "image" and privacy != "confidential":
            public = Client().get(f"/laporan/{report.tracking_id}/gambar/{attachment.pk}/")
            served.append(body(public))
    served.append(
        body(officer.get(f"/konsol/laporan/{report.tracking_id}/lampiran/{attachment.pk}/"))
    )
    with attachment.file.open("rb") as fh:
        stored = fh.read()
    for data in [stored, *served]:
        for secret in secrets:
            assert not leaks(data, secret), (kind, channel, secret)
    report.delete()
