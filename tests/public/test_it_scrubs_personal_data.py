"""Published text masks NIK, phone numbers and e-mail addresses on the feed, the report page
and in search results; the original text never appears."""

from __future__ import annotations

from django.urls import reverse

from lapor.reports import case_actions
from tests.public.conftest import EMAIL, NIK, PHONE

BODY = (
    f"Saya warga dengan NIK {NIK}, hubungi {PHONE} atau {EMAIL}. "
    "Jalan di depan sekolah berlubang besar."
)


def _assert_clean(html: str) -> None:
    assert NIK not in html
    assert "3404 0712" not in html
    assert PHONE not in html
    assert "81234567890" not in html
    assert EMAIL not in html
    assert "siti.rahma" not in html


def test_it_masks_personal_data_everywhere(client, published):
    report = published(f"Sekolah rusak, hubungi {PHONE}", BODY)
    feed = client.get(reverse("public:feed")).content.decode()
    _assert_clean(feed)
    assert "[nomor telepon disamarkan]" in feed
    page = client.get(reverse("public:report", kwargs={"tracking_id": report.tracking_id}))
    html = page.content.decode()
    _assert_clean(html)
    assert "[NIK disamarkan]" in html
    assert "[email disamarkan]" in html
    results = client.get(reverse("public:feed"), {"q": "sekolah"}).content.decode()
    assert report.tracking_id in results
    _assert_clean(results)


def test_it_masks_agency_follow_ups_and_hides_staff_names(client, cast, published):
    report = published()
    case_actions.report_follow_up(
        report=report,
        message=f"Sudah kami cek. Hubungi petugas kami di {PHONE}.",
        actor=cast.officer_a,
    )
    html = client.get(
        reverse("public:report", kwargs={"tracking_id": report.tracking_id})
    ).content.decode()
    assert "Sudah kami cek" in html
    _assert_clean(html)
    assert "Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Sleman" in html
    for name in ("Andi Petugas", "Admin Nasional", "Siti"):
        assert name not in html


def test_it_never_publishes_the_original_text(client, cast, published, directory):
    from tests.public.conftest import file_report

    report = file_report("Judul asli dengan nama Pak Harjo", "Isi asli menyebut Pak Harjo.")
    case_actions.report_dispose(
        report=report,
        agency=directory.sleman_pupr,
        actor=cast.national_admin,
        title_published="Jalan rusak di Depok",
        body_published="Jalan rusak, mohon diperbaiki.",
    )
    html = client.get(
        reverse("public:report", kwargs={"tracking_id": report.tracking_id})
    ).content.decode()
    assert "Jalan rusak di Depok" in html
    assert "Harjo" not in html
    assert "Harjo" not in client.get(reverse("public:feed")).content.decode()
