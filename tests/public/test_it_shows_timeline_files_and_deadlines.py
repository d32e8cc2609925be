"""The public page: the public timeline (agency names, never staff names), only the agency's
follow-up images (never the reporter's files), and running deadlines with their state."""

from __future__ import annotations

import datetime as dt

import time_machine
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from lapor.reports import case_actions
from lapor.reports.models import Attachment, ReportEvent


def _attach(report, event, kind="image", name="foto.jpg"):
    return Attachment.objects.create(
        report=report,
        event=event,
        file=ContentFile(b"\xff\xd8\xff\xe0 not really a jpeg", name=name),
        original_name=name,
        content_type="image/jpeg",
        kind=kind,
        size=20,
        sha256="0" * 64,
    )


def test_it_shows_agency_images_and_never_reporter_files(client, cast, published):
    report = published()
    submitted = ReportEvent.objects.get(report=report, kind="submitted")
    reporter_photo = _attach(report, submitted, name="wajah-pelapor.jpg")
    follow_up = case_actions.report_follow_up(
        report=report, message="Sudah ditambal.", actor=cast.officer_a
    )
    agency_photo = _attach(report, follow_up, name="hasil-perbaikan.jpg")
    agency_doc = _attach(report, follow_up, kind="document", name="surat-tugas.pdf")
    url = reverse("public:report", kwargs={"tracking_id": report.tracking_id})
    html = client.get(url).content.decode()

    def image_url(a):
        return reverse("public:image", kwargs={"tracking_id": report.tracking_id, "pk": a.pk})

    assert image_url(agency_photo) in html
    assert image_url(reporter_photo) not in html
    assert image_url(agency_doc) not in html
    assert "wajah-pelapor" not in html and "surat-tugas" not in html
    assert Client().get(image_url(agency_photo)).status_code == 200
    assert Client().get(image_url(reporter_photo)).status_code == 404
    assert Client().get(image_url(agency_doc)).status_code == 404


def test_it_shows_the_public_timeline_without_staff_or_reporter_words(client, cast, published):
    report = published()
    case_actions.report_follow_up(
        report=report, message="Tim kami sudah ke lokasi.", actor=cast.officer_a
    )
    case_actions.report_reporter_reply(
        report=report, message="Saya Siti, rumah saya nomor 5, belum beres.", actor=None
    )
    html = client.get(
        reverse("public:report", kwargs={"tracking_id": report.tracking_id})
    ).content.decode()
    assert "Tim kami sudah ke lokasi." in html
    assert "rumah saya nomor 5" not in html
    assert "Andi Petugas" not in html and "Admin Nasional" not in html
    assert "Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Sleman" in html


def test_it_shows_running_deadlines_and_overdue_state(client, cast, published):
    with time_machine.travel(dt.datetime(2026, 3, 2, 3, tzinfo=dt.UTC), tick=False):
        report = published()
        url = f"/laporan/{report.tracking_id}/"
        html = client.get(url).content.decode()
        assert 'id="deadlines"' in html
        assert "Overdue" not in html and "Terlambat" not in html
    with time_machine.travel(dt.datetime(2026, 6, 1, 3, tzinfo=dt.UTC), tick=False):
        html = Client().get("/en" + url).content.decode()
        assert "Overdue" in html
