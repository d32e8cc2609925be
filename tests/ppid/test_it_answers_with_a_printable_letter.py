"""The written notice is a letter in Indonesian with the agency's name, as HTML to print and as
PDF; the PDF is rendered to PNG with pdftoppm to check it is a readable page. A partial grant
needs files (or where to collect), the Pasal 17 ground and the consequence test."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from lapor.ppid.models import Notice
from tests.helpers import pdf_file

from .conftest import NAME
from .steps import as_user, console, file_on_web, unlock

pytestmark = pytest.mark.django_db
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "ppid"

PARTIAL = {
    "decision": "partial",
    "explanation": "Terlampir rincian anggaran per ruas jalan. Nama calon penyedia jasa untuk "
    "paket yang belum selesai dipilih tidak kami berikan.",
    "form": "softcopy",
    "delivery": "email",
    "cost": "15000",
    "cost_detail": "30 lembar × Rp 500",
    "exemption_ground": "b",
    "consequence_test": "Membuka nama calon penyedia sebelum pemilihan selesai dapat "
    "mengganggu persaingan usaha yang sehat.",
    "withheld": "Nama calon penyedia untuk dua paket yang masih dalam pemilihan.",
}


def test_a_partial_grant_needs_its_ground_and_consequence_test(ppid, client):
    report = file_on_web(client)
    officer = as_user(ppid.officer_a)
    without_test = console(
        officer,
        report,
        "jawab",
        **{**PARTIAL, "consequence_test": ""},
        files=pdf_file("rincian.pdf"),
    )
    assert without_test.status_code == 200
    assert "uji konsekuensi" in without_test.content.decode().lower() or (
        "consequence test" in without_test.content.decode().lower()
    )
    # The file already sent is kept for the next try (no file is lost on a form error).
    assert 'name="pending" value="' in without_test.content.decode()
    no_files = console(officer, report, "jawab", **PARTIAL)
    assert no_files.status_code == 200
    assert not Notice.objects.exists()


def test_the_notice_is_an_indonesian_letter_in_html_and_pdf(ppid, client):
    report = file_on_web(client)
    officer = as_user(ppid.officer_a)
    response = console(officer, report, "jawab", **PARTIAL, files=pdf_file("rincian.pdf"))
    assert response.status_code == 302, response.content.decode()[:3000]
    notice = Notice.objects.get()
    assert notice.cost == 15000 and notice.exemption_ground == "b"

    unlock(client, report)
    page = client.get(f"/informasi/permohonan/{report.tracking_id}/").content.decode()
    letter_url = f"/informasi/permohonan/{report.tracking_id}/pemberitahuan/{notice.pk}/"
    assert letter_url in page and "rincian.pdf" in page
    html = client.get(letter_url)
    assert html.status_code == 200 and html["Cache-Control"] == "private, no-store"
    text = html.content.decode()
    for words in (
        "PEMBERITAHUAN TERTULIS",
        "PEMERINTAH KABUPATEN SLEMAN",
        "PEJABAT PENGELOLA INFORMASI DAN DOKUMENTASI UTAMA KABUPATEN SLEMAN",
        notice.number,
        "diterima sebagian",
        "Pasal 17 huruf b",
        "Uji konsekuensi",
        "Rp 15.000",
        NAME,
        'lang="id"',
    ):
        assert words in text, words
    pdf = client.get(letter_url + "?format=pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    # The staff see the same letter; another agency's PPID does not.
    staff_url = f"/konsol/ppid/permohonan/{report.tracking_id}/pemberitahuan/{notice.pk}/"
    assert officer.get(staff_url).status_code == 200
    assert as_user(ppid.officer_b).get(staff_url).status_code == 404
    # A stranger's browser (no PIN) gets nothing.
    from django.test import Client

    assert Client().get(letter_url).status_code == 404

    if shutil.which("pdftoppm"):
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        source = ARTIFACTS / "pemberitahuan.pdf"
        source.write_bytes(pdf.content)
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "60",
                "-f",
                "1",
                "-l",
                "1",
                str(source),
                str(ARTIFACTS / "pemberitahuan"),
            ],
            check=True,
            timeout=60,
        )
        page_png = next(ARTIFACTS.glob("pemberitahuan-*1.png"))
        from PIL import Image

        with Image.open(page_png) as image:
            width, height = image.size
            assert 1.3 < height / width < 1.5  # A4 portrait
            # Not a blank page: a good part of the pixels carry text.
            dark = sum(image.convert("L").histogram()[:128])
            assert dark > width * height * 0.01
