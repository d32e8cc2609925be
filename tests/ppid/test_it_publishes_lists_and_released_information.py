"""Each agency's Daftar Informasi Publik (periodic, immediate, any time) and its exempted list
with the consequence test are public and searchable; information released in answer to a
request can be published, with its files, so the next person finds it before asking — never
with the request's text or the requester."""

from __future__ import annotations

import pytest
from django.test import Client

from lapor.ppid.models import InformationEntry

from .conftest import ADDRESS, NAME, NIK
from .steps import as_user, console, file_on_web

pytestmark = pytest.mark.django_db


def add_entry(officer, **data):
    post = {
        "category": "periodic",
        "title": "Laporan Keuangan Pemerintah Daerah 2025",
        "summary": "Laporan keuangan yang telah diaudit BPK.",
        **data,
    }
    return officer.post("/konsol/ppid/daftar-informasi/", post)


def test_the_ppid_keeps_the_lists_and_the_public_searches_them(ppid):
    officer = as_user(ppid.officer_a)
    assert add_entry(officer).status_code == 302
    refused = add_entry(officer, category="exempted", title="Dokumen penyelidikan")
    assert refused.status_code == 200  # an exempted entry needs its ground and its test
    assert (
        add_entry(
            officer,
            category="exempted",
            title="Dokumen penyelidikan pungutan liar",
            summary="Berita acara pemeriksaan Inspektorat yang sedang berjalan.",
            exemption_ground="a",
            consequence_test="Membuka dokumen sebelum pemeriksaan selesai dapat menghambat "
            "penegakan hukum.",
            exempt_until="Sampai pemeriksaan selesai",
        ).status_code
        == 302
    )
    public = Client()
    found = public.get("/informasi/", {"q": "keuangan"}).content.decode()
    assert "Laporan Keuangan Pemerintah Daerah 2025" in found
    listing = public.get(f"/informasi/instansi/{ppid.sleman_ppid.pk}/").content.decode()
    assert "Dokumen penyelidikan pungutan liar" in listing
    exempted = InformationEntry.objects.get(category="exempted")
    detail = public.get(f"/informasi/dokumen/{exempted.pk}/").content.decode()
    assert "menghambat penegakan hukum" in detail
    # Another agency's PPID cannot edit Sleman's list.
    other = as_user(ppid.officer_b)
    assert other.get(f"/konsol/ppid/daftar-informasi/{exempted.pk}/ubah/").status_code == 404
    assert other.post(f"/konsol/ppid/daftar-informasi/{exempted.pk}/tarik/").status_code == 404
    # Withdrawn entries leave the public list.
    officer.post(f"/konsol/ppid/daftar-informasi/{exempted.pk}/tarik/")
    assert public.get(f"/informasi/dokumen/{exempted.pk}/").status_code == 404


def test_released_information_is_published_for_the_next_person(ppid, client):
    from tests.helpers import pdf_file

    report = file_on_web(client, title="Daya tampung SD negeri Kecamatan Berbah 2026")
    officer = as_user(ppid.officer_a)
    response = console(
        officer,
        report,
        "jawab",
        decision="granted",
        explanation="Terlampir daya tampung kelas 1 seluruh SD negeri Kecamatan Berbah.",
        files=pdf_file("daya-tampung-berbah.pdf"),
    )
    assert response.status_code == 302
    file_pk = report.attachments.get().pk
    response = officer.post(
        f"/konsol/ppid/permohonan/{report.tracking_id}/publikasikan/",
        {
            "publikasikan-title": "Daya tampung kelas 1 SD negeri Berbah 2026",
            "publikasikan-summary": "Jumlah kursi kelas 1 setiap SD negeri di Berbah.",
            "publikasikan-released_files": [str(file_pk)],
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    entry = InformationEntry.objects.get(source_request=report)
    public = Client()
    # The next person searches before asking, on the list and on the request form.
    assert entry.title in public.get("/informasi/", {"q": "daya tampung"}).content.decode()
    form = public.post("/informasi/minta/", {"_refresh": "1", "title": "daya tampung sekolah"})
    assert entry.title in form.content.decode()
    page = public.get(f"/informasi/dokumen/{entry.pk}/").content.decode()
    assert "daya-tampung-berbah.pdf" in page
    download = public.get(f"/informasi/dokumen/{entry.pk}/berkas/{file_pk}/")
    assert download.status_code == 200
    for secret in (NIK, NAME, ADDRESS, report.tracking_id, report.body_original):
        assert secret not in page
    # Other attachments of the request are not reachable through the entry.
    assert public.get(f"/informasi/dokumen/{entry.pk}/berkas/{file_pk + 999}/").status_code == 404
