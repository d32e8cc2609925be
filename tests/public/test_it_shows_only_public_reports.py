"""The feed and the report page show verified public and anonymous reports, never confidential,
unverified or archived ones, and never an anonymous reporter's identity."""

from __future__ import annotations

from django.urls import reverse

from lapor.reports import case_actions
from tests.public.conftest import file_report


def test_it_lists_public_and_anonymous_reports(client, published):
    public = published("Lampu jalan mati di Jalan Kaliurang")
    anonymous = published(
        "Pungutan liar di kantor kelurahan",
        privacy="anonymous",
        name="Rahasia Pelapor",
        email="pelapor.anon@example.id",
    )
    html = client.get(reverse("public:feed")).content.decode()
    assert public.title_published in html
    assert anonymous.title_published in html
    assert "Rahasia Pelapor" not in html
    assert "pelapor.anon@example.id" not in html
    assert "Siti" not in html


def test_it_never_lists_confidential_unverified_or_archived(client, cast, directory, published):
    confidential = published("Laporan rahasia tentang dinas", privacy="confidential")
    unverified = file_report("Belum diverifikasi sama sekali")
    archived = file_report("Akan diarsipkan oleh admin")
    case_actions.report_archive(report=archived, reason="duplicate", actor=cast.national_admin)
    html = client.get(reverse("public:feed")).content.decode()
    for report in (confidential, unverified, archived):
        assert report.title_published not in html
        page = client.get(reverse("public:report", kwargs={"tracking_id": report.tracking_id}))
        assert page.status_code == 404


def test_it_shows_an_anonymous_report_without_identity(client, published):
    report = published(
        "Pungutan liar di sekolah",
        privacy="anonymous",
        name="Bambang Wibisono",
        email="bambang@example.id",
    )
    response = client.get(reverse("public:report", kwargs={"tracking_id": report.tracking_id}))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Pungutan liar di sekolah" in html
    assert "Bambang" not in html
    assert "bambang@example.id" not in html


def test_it_shows_404_for_unknown_and_malformed_ids(client, published):
    published()
    assert client.get("/laporan/999999999/").status_code == 404
    assert client.get("/laporan/abc/").status_code == 404


def test_it_works_in_english(client, published):
    report = published()
    assert client.get("/en/laporan/").status_code == 200
    assert client.get(f"/en/laporan/{report.tracking_id}/").status_code == 200
