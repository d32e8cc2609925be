"""An information request can be filed on every channel — the web form, API v1, Open311, SMS,
e-mail, and a walk-in or telephone desk — and each lands in the same process: registered with
a registration number, its 10-working-day clock at the PPID Utama, and a receipt that carries
the number and the due date. The identity goes to the requester's table only."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from lapor.notifications.models import Notification
from lapor.open311.models import Open311Submission
from lapor.ppid.models import InformationRequest, RequesterIdentity
from lapor.reports.models import Clock, Report, ReporterIdentity, Status

from .conftest import NIK, request_post_data
from .steps import as_user, file_on_web

pytestmark = pytest.mark.django_db


def assert_registered(report: Report, channel: str, ppid) -> InformationRequest:
    report.refresh_from_db()
    assert report.kind == "information_request" and report.channel == channel
    assert report.status == Status.INFO_REGISTERED
    assert report.agency == ppid.sleman_ppid
    info = InformationRequest.objects.get(report=report)
    assert info.registration_number and info.registered_at
    assert Clock.objects.get(report=report, kind="info_answer", stopped_at=None).due_at
    identity = RequesterIdentity.objects.get(report=report)
    assert identity.id_number == NIK
    # The reporter table has the contact only, never the name, NIK or address.
    contact = ReporterIdentity.objects.get(report=report)
    assert contact.full_name == ""
    receipt = Notification.objects.get(
        event__report=report, event__kind="submitted", recipient_kind="reporter"
    )
    assert info.registration_number in receipt.body
    return info


def test_web(ppid, client):
    report = file_on_web(client)
    info = assert_registered(report, "web", ppid)
    page = client.get(f"/informasi/terkirim/{report.tracking_id}/").content.decode()
    assert info.registration_number in page and 'id="due-date"' in page


def test_the_complaint_form_hands_a_request_over_with_what_was_typed(ppid, client):
    from tests.conftest import report_post_data

    page = client.post(
        "/lapor/", report_post_data(kind="information_request", title="Anggaran jalan Depok 2026")
    )
    assert page.status_code == 200
    text = page.content.decode()
    assert 'action="/informasi/minta/"' in text
    assert 'value="Anggaran jalan Depok 2026"' in text
    assert not Report.objects.exists()


def test_api_v1(ppid, make_key, api):
    key = make_key()
    payload = {
        "title": "Rincian anggaran jalan Depok 2026",
        "information": "Salinan RKA perbaikan jalan kabupaten di Kecamatan Depok 2026.",
        "purpose": "Penelitian skripsi.",
        "agency_id": ppid.sleman_ppid.parent_id,
        "region_code": "34.04",
        "requester": {
            "kind": "person",
            "id_number": NIK,
            "full_name": "Rina Kusumawardani",
            "address": "Jl. Kaliurang Km 5, Sleman",
            "occupation": "Mahasiswa",
            "email": "rina@example.id",
        },
    }
    response = api.post(
        "/api/v1/information-requests",
        json.dumps(payload),
        content_type="application/json",
        HTTP_X_API_KEY=key,
    )
    assert response.status_code == 201, response.content
    data = response.json()
    report = Report.objects.get(tracking_id=data["tracking_id"])
    info = assert_registered(report, "api", ppid)
    assert data["registration_number"] == info.registration_number and data["answer_due_at"]
    assert NIK not in response.content.decode()
    mine = api.get(
        f"/api/v1/information-requests/{report.tracking_id}",
        HTTP_X_API_KEY=key,
        HTTP_X_REPORT_PIN=data["pin"],
    )
    assert mine.status_code == 200 and mine.json()["status"] == "info_registered"
    assert NIK not in mine.content.decode() and "Kusumawardani" not in mine.content.decode()
    # Without the identity: refused in the one error shape, with the reason.
    payload["requester"]["id_number"] = ""
    refused = api.post(
        "/api/v1/information-requests",
        json.dumps(payload),
        content_type="application/json",
        HTTP_X_API_KEY=key,
    )
    assert refused.status_code == 422
    assert "requester.id_number" in refused.json()["error"]["fields"]
    # The generic report endpoint sends information requests here.
    generic = api.post(
        "/api/v1/reports",
        json.dumps(
            {
                "kind": "information_request",
                "title": "Minta data anggaran",
                "body": "Saya minta data anggaran jalan tahun 2026 di Depok.",
                "incident_date": "2026-01-05",
                "region_code": "34.04.07",
                "contact": {"phone": "081234567890"},
            }
        ),
        content_type="application/json",
        HTTP_X_API_KEY=key,
    )
    assert generic.status_code == 422
    assert "UU 14/2008" in generic.json()["error"]["message"]


def test_open311(ppid, partner_key):
    client = Client()
    definition = client.get("/open311/v2/services/permohonan-informasi-publik.json").json()
    assert {a["code"] for a in definition["attributes"]} >= {"id_number", "purpose", "agency_id"}
    services = client.get("/open311/v2/services.json").json()
    assert any(s["service_code"] == "permohonan-informasi-publik" for s in services)
    response = client.post(
        "/open311/v2/requests.json",
        {
            "api_key": partner_key,
            "service_code": "permohonan-informasi-publik",
            "description": "Rincian anggaran jalan Depok 2026\nSalinan RKA per ruas jalan.",
            "first_name": "Rina",
            "last_name": "Kusumawardani",
            "email": "rina@example.id",
            "attribute[requester_kind]": "person",
            "attribute[id_number]": NIK,
            "attribute[requester_address]": "Jl. Kaliurang Km 5, Sleman",
            "attribute[occupation]": "Mahasiswa",
            "attribute[purpose]": "Penelitian skripsi.",
            "attribute[agency_id]": str(ppid.sleman_ppid.parent_id),
            "attribute[region_code]": "3404",
        },
    )
    assert response.status_code == 200, response.content
    record = response.json()[0]
    report = Report.objects.get(tracking_id=record["service_request_id"])
    info = assert_registered(report, "api", ppid)
    assert info.registration_number in record["service_notice"]
    stored = Open311Submission.objects.get(report=report).attributes
    assert "id_number" not in stored and NIK not in json.dumps(stored)
    missing = client.post(
        "/open311/v2/requests.json",
        {
            "api_key": partner_key,
            "service_code": "permohonan-informasi-publik",
            "description": "Data anggaran jalan",
            "attribute[agency_id]": "1",
        },
    )
    assert missing.status_code == 400


def test_sms(ppid, settings):
    from tests.sms.conftest import PHONE, SECRET, answers, sms

    settings.SMS_CALLBACK_SECRET = SECRET
    settings.SMS_CALLBACK_ALLOWED_IPS = ["127.0.0.1"]
    sms("PERMINTAAN rincian anggaran perbaikan jalan di Kab. Sleman tahun 2026")
    assert not Report.objects.exists()
    assert "NIK#Nama#Alamat#Pekerjaan#Tujuan" in answers()[-1]
    assert "LAPOR ANONIM" in answers()[-1]
    sms(f"{NIK}#Rina Kusumawardani#Jl Kaliurang 5 Sleman#Mahasiswa#penelitian skripsi")
    report = Report.objects.get()
    info = assert_registered(report, "sms", ppid)
    receipt = answers()[-1]
    assert info.registration_number in receipt and "{PIN}" in receipt
    contact = ReporterIdentity.objects.get(report=report)
    assert contact.phone == PHONE
    from lapor.sms.models import InboundSms

    # The SMS that carried the identity is not kept in the SMS log.
    assert not InboundSms.objects.filter(text__contains=NIK).exists()


def test_email(ppid, settings):
    from lapor.mailbox.actions import receive_mail
    from tests.mailbox.conftest import mail

    settings.MAIL_PPID_ADDRESS = "ppid@lapor.localhost"
    settings.MAIL_DOMAIN = "lapor.localhost"
    body = (
        f"NIK: {NIK}\nNama: Rina Kusumawardani\nAlamat: Jl. Kaliurang Km 5, Kab. Sleman\n"
        "Pekerjaan: Mahasiswa\nInstansi: Pemerintah Kabupaten Sleman\n"
        "Informasi: Rincian anggaran perbaikan jalan Kecamatan Depok 2026\n"
        "Tujuan: Penelitian skripsi\n"
    )
    message = mail(
        subject="Permintaan informasi anggaran jalan",
        body=body,
        to="ppid@lapor.localhost",
        sender="rina@example.id",
    )
    result = receive_mail(raw=message.as_bytes(), recipient="ppid@lapor.localhost")
    assert result.outcome == "filed", result
    assert_registered(result.report, "email", ppid)
    # Without the identity: nothing filed, the sender is told what is missing, nothing kept.
    refused = mail(
        subject="Permintaan informasi",
        body="Informasi: data anggaran jalan 2026\n",
        to="ppid@lapor.localhost",
        sender="someone@example.id",
    )
    result = receive_mail(raw=refused.as_bytes(), recipient="ppid@lapor.localhost")
    assert result.outcome == "refused"
    assert Report.objects.count() == 1
    from lapor.mailbox.models import InboundMessage

    assert InboundMessage.objects.get(reason="ppid_identity_missing").raw is None


def test_desk(ppid, cast):
    desk = as_user(cast.officer_a)  # a liaison officer staffs the walk-in desk
    data = request_post_data(channel="desk", consent="signed_form", consent_note="F-12")
    response = desk.post("/konsol/ppid/loket/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    report = Report.objects.get()
    assert_registered(report, "desk", ppid)
    contact = ReporterIdentity.objects.get(report=report)
    assert contact.consent == "signed_form" and report.reporter_user_id is None
    assert report.events.get(kind="submitted").actor == cast.officer_a
    # The desk officer files but does not read the request or the identity afterwards.
    assert desk.get(f"/konsol/ppid/permohonan/{report.tracking_id}/").status_code == 404
    # A consent that does not fit the channel is refused.
    bad = desk.post(
        "/konsol/ppid/loket/", request_post_data(channel="phone", consent="signed_form")
    )
    assert bad.status_code == 200 and Report.objects.count() == 1
