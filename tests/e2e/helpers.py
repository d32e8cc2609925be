"""Small steps the browser tests share: real files on disk, logging in, filing a report."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path
from typing import Any

from PIL import Image

PASSWORD = "Rahasia-Kuat-2026"  # tests/conftest.py Cast.password
INCIDENT_DATE = dt.date.today() - dt.timedelta(days=3)
# The report page has one form per thing the reporter may do; this one adds information.
ADD_INFO = "main form:has(input[name=action][value=info])"


def write_jpeg(path: Path, color: tuple[int, int, int] = (200, 30, 30)) -> Path:
    """A real JPEG on disk (the browser uploads files from disk, not from memory)."""
    buf = io.BytesIO()
    Image.new("RGB", (64, 48), color).save(buf, format="JPEG")
    path.write_bytes(buf.getvalue())
    return path


def write_pdf(path: Path) -> Path:
    """A real one-page PDF (uploads are rewritten by pikepdf, which needs a valid document)."""
    from tests.helpers import pdf_file

    path.write_bytes(pdf_file().read())
    return path


def log_in(page: Any, login: str, password: str = PASSWORD, prefix: str = "") -> None:
    page.goto(f"{prefix}/akun/masuk/")
    page.locator("[name=login]").fill(login)
    page.locator("[name=password]").fill(password)
    page.locator("main form button[type=submit]").click()
    # Reporters land on "my reports", staff on the console: either way, off the login page.
    page.wait_for_url(lambda url: "/akun/masuk/" not in url)


def pick_region_js(page: Any, *codes: str) -> None:
    """Choose province → regency → district → village; each choice makes the script fetch the
    next level, so wait for the wanted option to arrive before choosing it."""
    for name, code in zip(("province", "regency", "district", "village"), codes, strict=False):
        select = page.locator(f"select[name={name}]")
        select.locator(f"option[value='{code}']").wait_for(state="attached")
        select.select_option(code)


def fill_report_js(
    page: Any,
    *,
    title: str = "Jalan berlubang di depan SD Negeri Caturtunggal",
    body: str = "Sudah tiga bulan jalan di depan sekolah berlubang besar dan membahayakan "
    "anak-anak yang berangkat sekolah. Mohon segera diperbaiki.",
    privacy: str = "public",
    full_name: str = "Siti Rahmawati",
    phone: str = "0812-3456-7890",
    email: str = "",
    files: list[Path] | None = None,
) -> None:
    """Fill the report form as a person with JavaScript would (page already on /lapor/)."""
    page.locator("input[name=kind][value=complaint]").check()
    page.locator("[name=title]").fill(title)
    page.locator("[name=body]").fill(body)
    page.locator("[name=incident_date]").fill(INCIDENT_DATE.isoformat())
    pick_region_js(page, "34", "34.04", "34.04.07", "34.04.07.2001")
    if files:
        page.locator("input[name=attachments]").set_input_files([str(f) for f in files])
    page.locator(f"input[name=privacy][value={privacy}]").check()
    page.locator("[name=full_name]").fill(full_name)
    page.locator("[name=phone]").fill(phone)
    if email:
        page.locator("[name=email]").fill(email)


def submit_report(page: Any) -> tuple[str, str]:
    """Press "Check your answers", then "Send report" on the check page, and read the
    tracking number and PIN from the receipt."""
    page.locator("#check-answers").click()
    page.wait_for_selector("#check-form")
    page.locator("#send-report").click()
    page.wait_for_url(re.compile(r"/lapor/terkirim/\d+/$"))
    return page.locator("#tracking-id").inner_text().strip(), page.locator(
        "#pin"
    ).inner_text().strip()


def track(page: Any, tracking_id: str, pin: str, prefix: str = "") -> None:
    """Unlock a report with its number and PIN at /lacak/ (a fresh device has only those)."""
    page.goto(f"{prefix}/lacak/")
    page.locator("[name=tracking_id]").fill(tracking_id)
    page.locator("[name=pin]").fill(pin)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(rf"/lacak/{tracking_id}/$"))
