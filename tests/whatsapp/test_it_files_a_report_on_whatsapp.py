"""WhatsApp end to end against the Cloud API simulator: a photo, a shared location and a text
file one report with the photo (cleaned) and the place; the receipt and the officer's follow-up
arrive on WhatsApp; a voice note becomes an attachment; the reporter acts with the SMS
keywords."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.test import Client
from PIL import Image

from lapor.reports import case_actions as ca
from lapor.reports.models import Attachment, Report, ReportEvent, Status
from lapor.whatsapp.models import InboundMessage, MessageStatus, OutboundMessage
from tests.helpers import jpeg_with_gps, media_bytes
from tests.whatsapp.conftest import PHONE, WA_ID, answers

pytestmark = pytest.mark.django_db(transaction=True)

PLACE = {
    "latitude": -7.774682,
    "longitude": 110.388731,
    "name": "SD Negeri Caturtunggal 1",
    "address": "Jl. Colombo, Caturtunggal, Depok, Kabupaten Sleman",
}


def _file_with_photo_place_and_text(sim) -> Report:  # type: ignore[no-untyped-def]
    photo = jpeg_with_gps().read()
    assert sim.user_sends_image(WA_ID, photo)[1] == (200, "ok")
    assert sim.user_sends_location(WA_ID, **PLACE)[1] == (200, "ok")
    assert InboundMessage.objects.filter(outcome__in=["file_kept", "place_kept"]).count() == 2
    assert not Report.objects.exists()  # nothing filed before the words
    sim.user_sends_text(WA_ID, "LAPOR Jalan berlubang besar di depan sekolah, anak-anak jatuh")
    return Report.objects.get()


def test_photo_location_and_text_file_one_report(sim, run_outbox, directory):
    report = _file_with_photo_place_and_text(sim)
    assert report.channel == "whatsapp"
    assert report.regency_code == "34.04"  # from the shared location's address
    assert report.latitude == Decimal("-7.774682") and report.longitude == Decimal("110.388731")
    assert "Jalan berlubang" in report.body_original
    photo = Attachment.objects.get(report=report)
    assert photo.kind == "image" and photo.content_type == "image/jpeg"
    with Image.open(photo.file) as image:  # the same cleaning as the web: no GPS left
        assert not image.getexif()

    run_outbox()
    texts = [s for s in sim.sent if s.to == WA_ID]
    receipt = next(s for s in texts if report.tracking_id in s.body)
    assert receipt.type == "text" and not receipt.outside_window  # inside the service window
    assert "PIN" in receipt.body and "{PIN}" not in receipt.body
    # A later message files nothing new: the place was used once.
    assert InboundMessage.objects.get(type="location").outcome == "place_used"


def test_the_officers_follow_up_arrives_on_whatsapp(sim, run_outbox, cast, directory):
    report = _file_with_photo_place_and_text(sim)
    ca.report_dispose(
        report=report,
        agency=directory.sleman_pupr,
        privacy="public",
        complexity="simple",
        actor=cast.agency_admin,
    )
    ca.report_follow_up(
        report=report, message="Lubang sudah kami tambal hari ini.", actor=cast.officer_a
    )
    run_outbox()
    follow_up = [s for s in sim.sent if "Lubang sudah kami tambal" in s.body]
    assert len(follow_up) == 1 and follow_up[0].to == WA_ID
    assert f"BALAS {report.tracking_id}" in follow_up[0].body

    # Delivered and read, as WhatsApp reports them, recorded against the outbox row.
    sim.push_status(follow_up[0].message_id, "delivered", WA_ID)
    sim.push_status(follow_up[0].message_id, "read", WA_ID)
    sim.push_status(follow_up[0].message_id, "read", WA_ID)  # repeated: recorded once
    out = OutboundMessage.objects.get(message_id=follow_up[0].message_id)
    statuses = MessageStatus.objects.filter(notification_id=out.notification_id)
    assert sorted(statuses.values_list("status", flat=True)) == ["delivered", "read"]
    # Staff see them on the outbox row's page.
    staff = Client()
    staff.force_login(cast.officer_a)
    page = staff.get(f"/en/konsol/notifikasi/{out.notification_id}/").content.decode()
    assert "Reported by WhatsApp" in page and "Delivered to the phone" in page and "Read" in page

    # Free text from the reporter threads onto the report as the reply.
    sim.user_sends_text(WA_ID, "Terima kasih, tapi sisi kiri belum")
    report.refresh_from_db()
    assert report.status == Status.REPORTER_REPLIED
    # Close with a rating, then dispute: the SMS keywords, on WhatsApp.
    ca.report_follow_up(report=report, message="Sisi kiri juga sudah.", actor=cast.officer_a)
    sim.user_sends_text(WA_ID, f"TUTUP {report.tracking_id} 4 cepat")
    report.refresh_from_db()
    assert report.status == Status.CLOSED_BY_REPORTER and report.rating == 4
    sim.user_sends_text(WA_ID, f"SANGGAH {report.tracking_id} ternyata berlubang lagi")
    report.refresh_from_db()
    assert ReportEvent.objects.filter(report=report, kind="disputed").exists()
    sim.user_sends_text(WA_ID, f"CEK {report.tracking_id}")
    assert report.tracking_id in answers()[-1]


def test_outside_the_service_window_an_approved_template_is_used(sim, run_outbox, cast, directory):
    sim.user_sends_text(WA_ID, "LAPOR Lampu jalan mati di Caturtunggal, Kabupaten Sleman")
    report = Report.objects.get()
    run_outbox()
    # Two days later the reporter has not written again: the window is closed.
    InboundMessage.objects.update(
        received_at=InboundMessage.objects.get().received_at - dt.timedelta(days=2)
    )
    ca.report_dispose(
        report=report,
        agency=directory.sleman_pupr,
        privacy="public",
        complexity="simple",
        actor=cast.agency_admin,
    )
    run_outbox()
    last = sim.sent[-1]
    assert last.type == "template" and last.template == "lapor_pemberitahuan"
    assert last.language == "id" and last.body.startswith(report.tracking_id + " | ")
    assert not any(s.outside_window for s in sim.sent)  # no free text WhatsApp would drop


def test_a_voice_note_arrives_as_an_attachment(sim, run_outbox, directory):
    sim.user_sends_text(WA_ID, "LAPOR Sampah menumpuk di pasar Caturtunggal, Kabupaten Sleman")
    report = Report.objects.get()
    status = sim.user_sends_voice_note(WA_ID, media_bytes("ogg", (("artist", "Budi"),)))[1]
    assert status == (200, "ok")
    voice = Attachment.objects.get(report=report)
    assert voice.kind == "audio" and voice.content_type == "audio/ogg"
    assert voice.event.kind == "reporter_info"
    assert b"Budi" not in voice.file.read()  # tags stripped like any upload
    assert sim.media_downloads == 1
    assert InboundMessage.objects.filter(sender=PHONE).count() == 2
