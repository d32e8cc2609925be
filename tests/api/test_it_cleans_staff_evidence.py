"""Issue 10, item 2, through the staff API: evidence files posted base64 are stored without
the name planted in their metadata; a storage that cannot take them answers 503 and keeps
nothing staged."""

from __future__ import annotations

import base64
import json

import pytest
from django.utils import translation
from django.utils.translation import gettext

from lapor.reports import case_actions as ca
from lapor.reports.models import Attachment, PendingUpload, Report
from tests.cases.conftest import submit
from tests.dirty_files import BUILDERS, leaks, still_usable

pytestmark = pytest.mark.django_db

SECRET = "Wiryo Sukmajaya 3374012507900003"


@pytest.fixture
def disposed(cast, directory) -> Report:
    report = submit(privacy="public")
    ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.national_admin)
    return report


def post(api, key, report, evidence):
    return api.post(
        f"/api/v1/staff/reports/{report.tracking_id}/follow-ups",
        json.dumps({"message": "Sudah ditambal.", "resolved": True, "evidence": evidence}),
        content_type="application/json",
        headers={"X-API-Key": key},
    )


def encoded(kind: str) -> dict[str, str]:
    name, raw, _type = BUILDERS[kind](SECRET)
    assert leaks(raw, SECRET)
    return {"name": name, "content_base64": base64.b64encode(raw).decode()}


def test_the_staff_api_cleans_evidence(api, make_key, cast, disposed):
    key = make_key(["staff"], user=cast.officer_a)
    response = post(api, key, disposed, [encoded(k) for k in ("jpeg", "pdf", "mp3")])
    assert response.status_code == 201, response.content
    files = list(Attachment.objects.filter(report=disposed))
    assert len(files) == 3
    for attachment in files:
        with attachment.file.open("rb") as fh:
            data = fh.read()
        assert not leaks(data, SECRET), attachment.original_name
        still_usable(data, attachment.content_type)
    assert PendingUpload.objects.count() == 0


def test_a_refused_evidence_file_leaves_nothing_staged(api, make_key, cast, disposed):
    key = make_key(["staff"], user=cast.officer_a)
    broken = {
        "name": "rekaman.mp4",
        "content_base64": base64.b64encode(b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 400).decode(),
    }
    response = post(api, key, disposed, [encoded("jpeg"), broken])
    assert response.status_code == 422
    message = response.json()["error"]["fields"]["evidence.1"][0]
    with translation.override("id"):  # the API answers in the default language
        expected = gettext(
            "“%(name)s” cannot be cleaned of its hidden details (names, places and dates in its "
            "tags), so it was not accepted. Please send the recording or video in another format "
            "(MP4, M4A, MP3 or OGG)."
        ) % {"name": "rekaman.mp4"}
    assert message == expected
    assert PendingUpload.objects.count() == 0 and not Attachment.objects.exists()
