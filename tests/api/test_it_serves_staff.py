"""Staff keys act as their user: the console's queues, a case, follow-ups; 404 outside scope."""

from __future__ import annotations

import json

import pytest

from lapor.reports import case_actions as ca
from lapor.reports.models import IdentityAccessLog, Report, ReportEvent
from tests.api.conftest import error_of
from tests.cases.conftest import submit


@pytest.fixture
def disposed(cast, directory) -> Report:
    report = submit(privacy="public")
    ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.national_admin)
    return report


def test_a_staff_key_reads_its_users_queue_and_case(api, make_key, cast, disposed):
    key = make_key(["staff"], user=cast.officer_a)
    r = api.get("/api/v1/staff/queues/follow-up", headers={"X-API-Key": key})
    assert r.status_code == 200, r.content
    body = r.json()
    assert body["count"] == 1 and body["results"][0]["tracking_id"] == disposed.tracking_id
    assert body["results"][0]["remaining_working_days"] is not None
    r = api.get(f"/api/v1/staff/reports/{disposed.tracking_id}", headers={"X-API-Key": key})
    assert r.status_code == 200
    assert r.json()["agency"] == directory_name(disposed)
    assert [e["kind"] for e in r.json()["timeline"]][:2] == ["submitted", "disposed"]


def directory_name(report: Report) -> str:
    report.refresh_from_db()
    return report.agency.name


def test_a_follow_up_through_the_api(api, make_key, cast, disposed):
    key = make_key(["staff"], user=cast.officer_a)
    url = f"/api/v1/staff/reports/{disposed.tracking_id}/follow-ups"

    def send(data):
        return api.post(
            url, json.dumps(data), content_type="application/json", headers={"X-API-Key": key}
        )

    r = send({"message": "  "})
    assert r.status_code == 422 and "message" in error_of(r)["fields"]
    r = send({"message": "Sudah ditambal.", "resolved": True})
    assert r.status_code == 422 and "evidence" in error_of(r)["fields"]
    bad = [{"name": "a.jpg", "content_base64": "***"}, {"name": "b.exe", "content_base64": "TVqQ"}]
    r = send({"message": "Sudah ditambal.", "resolved": True, "evidence": bad})
    assert set(error_of(r)["fields"]) == {"evidence.0.content_base64", "evidence.1"}
    assert not ReportEvent.objects.filter(report=disposed, kind="follow_up").exists()
    r = send({"message": "Sudah dijadwalkan minggu depan."})
    assert r.status_code == 201, r.content
    assert r.json()["status"] == "followed_up"
    event = ReportEvent.objects.get(report=disposed, kind="follow_up")
    assert event.actor == cast.officer_a
    r = send({"message": "Mohon kirim foto.", "question": True})
    assert r.status_code == 201 and r.json()["event"]["kind"] == "question"


def test_another_agencys_staff_key_gets_404_everywhere(api, make_key, cast, disposed):
    key = make_key(["staff"], user=cast.officer_b)  # Semarang
    tid = disposed.tracking_id
    r = api.get(f"/api/v1/staff/reports/{tid}", headers={"X-API-Key": key})
    assert r.status_code == 404 and error_of(r)["code"] == "not_found"
    r = api.post(
        f"/api/v1/staff/reports/{tid}/follow-ups",
        json.dumps({"message": "Bukan urusan kami."}),
        content_type="application/json",
        headers={"X-API-Key": key},
    )
    assert r.status_code == 404
    r = api.get("/api/v1/staff/queues/follow-up", headers={"X-API-Key": key})
    assert r.status_code == 200 and r.json()["count"] == 0
    assert not ReportEvent.objects.filter(report=disposed, kind="follow_up").exists()


def test_a_queue_the_user_does_not_have_is_404(api, make_key, cast, disposed):
    # A liaison officer verifies nothing.
    key = make_key(["staff"], user=cast.officer_a)
    r = api.get("/api/v1/staff/queues/verification", headers={"X-API-Key": key})
    assert r.status_code == 404
    r = api.get("/api/v1/staff/queues/no-such-queue", headers={"X-API-Key": key})
    assert r.status_code == 422 and "queue" in error_of(r)["fields"]
    r = api.get("/api/v1/staff/queues/all?channel=pigeon", headers={"X-API-Key": key})
    assert r.status_code == 422 and "channel" in error_of(r)["fields"]
    r = api.get("/api/v1/staff/queues/all?channel=web", headers={"X-API-Key": key})
    assert r.status_code == 200 and r.json()["count"] == 1


def test_staff_endpoints_need_the_staff_scope_and_a_user(api, make_key, cast, disposed):
    url = "/api/v1/staff/queues/all"
    r = api.get(url, headers={"X-API-Key": make_key(["reports"], user=cast.officer_a)})
    assert r.status_code == 403 and error_of(r)["code"] == "missing_scope"
    r = api.get(url, headers={"X-API-Key": make_key(["staff"])})
    assert r.status_code == 403 and error_of(r)["code"] == "no_staff_user"
    # A user with no membership: nothing exists for them.
    r = api.get(url, headers={"X-API-Key": make_key(["staff"], user=cast.reporter)})
    assert r.status_code == 404


def test_staff_never_get_the_reporters_identity(api, make_key, cast, directory):
    report = submit(privacy="anonymous")
    ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.national_admin)
    # Even a national admin (who may see it in the console) gets none through the API.
    key = make_key(["staff"], user=cast.national_admin)
    texts = [
        api.get(f"/api/v1/staff/reports/{report.tracking_id}", headers={"X-API-Key": key}),
        api.get("/api/v1/staff/queues/all", headers={"X-API-Key": key}),
    ]
    for r in texts:
        assert r.status_code == 200
        assert "siti@example.id" not in r.content.decode()
        assert "Siti" not in r.content.decode()
    assert not IdentityAccessLog.objects.filter(report=report).exists()


def test_a_queue_page_costs_the_same_number_of_queries_whatever_its_size(
    api, make_key, cast, directory
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(4):
        r = submit()
        ca.report_dispose(report=r, agency=directory.sleman_pupr, actor=cast.national_admin)
    key = make_key(["staff"], user=cast.officer_a)
    # The first request of a minute also records the key's last use.
    api.get("/api/v1/key", headers={"X-API-Key": key})
    counts = []
    for size in (1, 4):
        with CaptureQueriesContext(connection) as queries:
            r = api.get(f"/api/v1/staff/queues/all?page_size={size}", headers={"X-API-Key": key})
        assert len(r.json()["results"]) == size
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 10, counts


def test_a_resolved_follow_up_with_a_photo_as_evidence(api, make_key, cast, disposed):
    import base64
    import io

    from PIL import Image

    from lapor.reports.models import Attachment

    photo = io.BytesIO()
    Image.new("RGB", (40, 30), "gray").save(photo, format="JPEG")
    key = make_key(["staff"], user=cast.officer_a)
    evidence = [
        {"name": "hasil.jpg", "content_base64": base64.b64encode(photo.getvalue()).decode()}
    ]
    r = api.post(
        f"/api/v1/staff/reports/{disposed.tracking_id}/follow-ups",
        json.dumps({"message": "Sudah ditambal.", "resolved": True, "evidence": evidence}),
        content_type="application/json",
        headers={"X-API-Key": key},
    )
    assert r.status_code == 201, r.content
    event = ReportEvent.objects.get(report=disposed, kind="follow_up")
    assert event.data["resolved"] is True
    attachment = Attachment.objects.get(event=event)
    assert attachment.content_type == "image/jpeg" and attachment.original_name == "hasil.jpg"
