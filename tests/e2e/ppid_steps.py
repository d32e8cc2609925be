"""Browser steps of the information-request tests."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import expect

from tests.ppid.conftest import ADDRESS, NAME, NIK


def fill_request(
    page: Any, prefix: str = "", *, agency_name: str = "Pemerintah Kabupaten Sleman"
) -> None:
    """Fill /informasi/minta/ as a person would: the place pickers are redrawn by the server
    (the "show the regencies and agencies" button), so this works without JavaScript too."""
    page.goto(f"{prefix}/informasi/minta/")
    page.locator("[name=title]").fill("Rincian anggaran perbaikan jalan Kecamatan Depok 2026")
    page.locator("[name=information]").fill(
        "Salinan rincian anggaran (RKA) perbaikan jalan kabupaten di Kecamatan Depok tahun "
        "2026 per ruas jalan, beserta nama penyedia jasa."
    )
    page.locator("[name=purpose]").fill("Penelitian skripsi tentang belanja infrastruktur.")
    page.locator("select[name=province]").select_option("34")
    page.locator("button[name=_refresh]").click()
    page.locator("select[name=regency]").select_option("34.04")
    page.locator("button[name=_refresh]").click()
    page.locator("select[name=agency]").select_option(label=agency_name)
    page.locator("[name=id_number]").fill(NIK)
    page.locator("[name=full_name]").fill(NAME)
    page.locator("[name=address]").fill(ADDRESS)
    page.locator("[name=occupation]").fill("Mahasiswa")
    page.locator("[name=email]").fill("rina@example.id")


def send_request(page: Any) -> tuple[str, str, str]:
    page.locator("#request-form button[type=submit]:not([name])").click()
    page.wait_for_url(re.compile(r"/informasi/terkirim/\d+/$"))
    expect(page.locator("#due-date")).to_be_visible()
    return (
        page.locator("#tracking-id").inner_text().strip(),
        page.locator("#pin").inner_text().strip(),
        page.locator("#registration-number").inner_text().strip(),
    )


def open_own_request(page: Any, tracking_id: str, pin: str, prefix: str = "") -> None:
    page.goto(f"{prefix}/lacak/")
    page.locator("[name=tracking_id]").fill(tracking_id)
    page.locator("[name=pin]").fill(pin)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(rf"/informasi/permohonan/{tracking_id}/$"))
