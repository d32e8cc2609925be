"""Citizen apps: submit (idempotent), track with ID + PIN, reply, close with a rating, dispute."""

from __future__ import annotations

import json
from typing import Any

import pytest

from lapor.notifications.models import Notification
from lapor.reports import case_actions as ca
from lapor.reports import pin_guard
from lapor.reports.models import Channel, IdentityAccessLog, Report, ReporterIdentity
from tests.api.conftest import error_of

NAME, EMAIL, PHONE = "Siti Rahmawati", "siti.rahma@example.id", "081234567890"


def payload(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "kind": "complaint",
        "title": "Jalan berlubang di depan SD",
        "body": "Lubang besar sudah tiga bulan, banyak pengendara jatuh di sana.",
        "incident_date": "2026-01-05",
        "region_code": "34.04.07.2001",
        "privacy": "public",
        "contact": {"full_name": NAME, "email": EMAIL, "phone": PHONE},
        "category": "jalan-berlubang",
    }
    data.update(overrides)
    return data


def post(api, key: str, data: Any, **headers: str):
    body = data if isinstance(data, str) else json.dumps(data)
    return api.post(
        "/api/v1/reports",
        body,
        content_type="application/json",
        headers={"X-API-Key": key, **headers},
    )


@pytest.fixture
def key(make_key, directory) -> str:
    return make_key(["reports"])


def test_submit_files_the_report_through_the_api_channel_and_returns_id_and_pin(api, key):
    r = post(api, key, payload())
    assert r.status_code == 201, r.content
    body = r.json()
    assert len(body["pin"]) == 6 and body["created"] is True
    report = Report.objects.get(tracking_id=body["tracking_id"])
    assert report.channel == Channel.API
    assert report.region_id == "34.04.07.2001" and report.category.code == "jalan-berlubang"
    assert body["status"] == "awaiting_verification"
    assert ReporterIdentity.objects.get(report=report).email == EMAIL
    # The identity is stored, never echoed.
    for secret in (NAME, EMAIL, PHONE):
        assert secret not in r.content.decode()


def test_undotted_region_codes_are_understood(api, key):
    r = post(api, key, payload(region_code="3404072001"))
    assert r.status_code == 201, r.content


def test_the_same_idempotency_key_files_once_and_returns_the_same_receipt(api, key, make_key):
    first = post(api, key, payload(), **{"Idempotency-Key": "order-77"})
    again = post(api, key, payload(), **{"Idempotency-Key": "order-77"})
    assert first.status_code == 201 and again.status_code == 200
    assert again.json()["tracking_id"] == first.json()["tracking_id"]
    assert again.json()["pin"] == first.json()["pin"] and again.json()["created"] is False
    assert Report.objects.count() == 1
    # Another partner's identical key is another submission.
    other = make_key(["reports"], partner_name="Sambat Online Malang")
    assert post(api, other, payload(), **{"Idempotency-Key": "order-77"}).status_code == 201
    assert Report.objects.count() == 2


def test_bad_payloads_get_422_with_the_fields_and_nothing_is_filed(api, key):
    r = post(api, key, payload(title="Rus", contact={"full_name": "X"}, incident_date="2999-01-01"))
    assert r.status_code == 422
    error = error_of(r)
    assert error["code"] == "validation_error"
    assert set(error["fields"]) >= {"title", "contact.phone", "incident_date"}
    r = post(api, key, payload(region_code="99.99"))
    assert error_of(r)["fields"] == {"region_code": [error_of(r)["fields"]["region_code"][0]]}
    r = post(api, key, payload(category="no-such-category"))
    assert "category" in error_of(r)["fields"]
    r = post(api, key, payload(privacy="secret", rating="x"))
    assert r.status_code == 422 and "privacy" in error_of(r)["fields"]
    missing = payload()
    del missing["title"], missing["body"]
    r = post(api, key, missing)
    assert set(error_of(r)["fields"]) == {"title", "body"}
    r = post(api, key, payload(title=5, contact={"phone": ["x"]}))
    assert set(error_of(r)["fields"]) == {"title", "contact.phone"}
    assert Report.objects.count() == 0


def test_a_body_that_is_not_json_gets_400(api, key):
    r = post(api, key, "{not json")
    assert r.status_code == 400
    assert error_of(r)["code"] == "invalid_json"
    r = post(api, key, "[1, 2]")
    assert r.status_code in (400, 422)
    error_of(r)
    assert Report.objects.count() == 0


def test_field_messages_are_indonesian_by_default(api, key):
    missing = payload()
    del missing["title"]
    r = post(api, key, missing)
    assert r["Content-Language"] == "id"
    r = post(api, key, missing, **{"Accept-Language": "en"})
    assert error_of(r)["fields"]["title"] == ["This field is required."]


def test_a_key_without_the_reports_scope_gets_403(api, make_key, directory):
    r = post(api, make_key(["open311"]), payload())
    assert r.status_code == 403
    assert error_of(r)["code"] == "missing_scope"
    assert Report.objects.count() == 0


def _filed(api, key, **overrides) -> tuple[str, str]:
    r = post(api, key, payload(**overrides))
    assert r.status_code == 201, r.content
    return r.json()["tracking_id"], r.json()["pin"]


def test_tracking_needs_the_right_pin_in_the_header(api, key):
    tid, pin = _filed(api, key)
    r = api.get(f"/api/v1/reports/{tid}", headers={"X-API-Key": key, "X-Report-PIN": pin})
    assert r.status_code == 200, r.content
    body = r.json()
    assert body["tracking_id"] == tid and body["status"] == "awaiting_verification"
    assert body["timeline"][0]["kind"] == "submitted"
    assert body["allowed_actions"] == ["info"]
    wrong = api.get(f"/api/v1/reports/{tid}", headers={"X-API-Key": key, "X-Report-PIN": "000000"})
    unknown = api.get("/api/v1/reports/123", headers={"X-API-Key": key, "X-Report-PIN": pin})
    assert wrong.status_code == unknown.status_code == 404
    assert error_of(wrong)["message"] == error_of(unknown)["message"]
    r = api.get(f"/api/v1/reports/{tid}", headers={"X-API-Key": key})
    assert r.status_code == 422 and error_of(r)["code"] == "validation_error"
    # No session is started for an API call.
    assert "sessionid" not in r.cookies


def test_wrong_pins_are_rate_limited_with_429(api, key):
    tid, pin = _filed(api, key)
    headers = {"X-API-Key": key, "X-Report-PIN": "111111"}
    for _ in range(pin_guard.FREE_FAILURES):
        assert api.get(f"/api/v1/reports/{tid}", headers=headers).status_code == 404
    r = api.get(f"/api/v1/reports/{tid}", headers={**headers, "X-Report-PIN": pin})
    assert r.status_code == 429
    assert error_of(r)["code"] == "rate_limited" and int(r["Retry-After"]) > 0


def act(api, key, tid, pin, what, data):
    return api.post(
        f"/api/v1/reports/{tid}/{what}",
        json.dumps(data),
        content_type="application/json",
        headers={"X-API-Key": key, "X-Report-PIN": pin},
    )


def test_reply_close_with_rating_and_dispute(api, key, cast, directory):
    tid, pin = _filed(api, key)
    report = Report.objects.get(tracking_id=tid)
    # Before a follow-up a "reply" adds information.
    r = act(api, key, tid, pin, "replies", {"message": "Foto menyusul."})
    assert r.status_code == 201, r.content
    assert r.json()["event"]["kind"] == "reporter_info"
    # Closing now is not possible.
    r = act(api, key, tid, pin, "close", {"rating": 5})
    assert r.status_code == 409 and error_of(r)["code"] == "not_allowed_now"
    ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.national_admin)
    ca.report_follow_up(report=report, message="Sudah ditambal.", actor=cast.officer_a)
    r = act(api, key, tid, pin, "replies", {"message": "Belum rata."})
    assert r.status_code == 201 and r.json()["status"] == "reporter_replied"
    ca.report_follow_up(report=report, message="Sudah diratakan.", actor=cast.officer_a)
    r = act(api, key, tid, pin, "close", {"rating": 6})
    assert r.status_code == 422 and "rating" in error_of(r)["fields"]
    r = act(api, key, tid, pin, "close", {"rating": 4, "comment": "Terima kasih."})
    assert r.status_code == 201, r.content
    assert r.json()["status"] == "closed_by_reporter"
    report.refresh_from_db()
    assert report.rating == 4 and report.rating_comment == "Terima kasih."
    r = act(api, key, tid, pin, "dispute", {"reason": " "})
    assert r.status_code == 422 and error_of(r)["code"] == "reason_required"
    before = Notification.objects.count()
    r = act(api, key, tid, pin, "dispute", {"reason": "Berlubang lagi."})
    assert r.status_code == 201 and r.json()["status"] == "disposed"
    # The write went through the outbox like any other channel's (the agency hears of it).
    assert Notification.objects.count() > before


def test_writes_need_the_pin_too(api, key):
    tid, _pin = _filed(api, key)
    r = act(api, key, tid, "999999", "replies", {"message": "Halo"})
    assert r.status_code == 404
    assert Report.objects.get(tracking_id=tid).events.count() == 1


def test_an_anonymous_reporter_is_never_named_in_any_answer(api, key, cast, directory):
    tid, pin = _filed(api, key, privacy="anonymous")
    report = Report.objects.get(tracking_id=tid)
    ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.national_admin)
    ca.report_follow_up(report=report, message="Sedang dikerjakan.", actor=cast.officer_a)
    answers = [
        api.get(f"/api/v1/reports/{tid}", headers={"X-API-Key": key, "X-Report-PIN": pin}),
        api.get(f"/api/v1/public/reports/{tid}"),
        api.get("/api/v1/public/reports"),
    ]
    assert all(a.status_code == 200 for a in answers)
    for a in answers:
        text = a.content.decode()
        assert tid in text
        for secret in (NAME, EMAIL, PHONE, "Siti"):
            assert secret not in text
    # And the API never read the identity table through the logged door.
    assert not IdentityAccessLog.objects.filter(report=report).exists()
