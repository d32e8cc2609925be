"""axe-core finds no WCAG 2.1 A/AA violation on the console pages, in Indonesian and English,
including a case page with an error and the pages of each role. Runs in the real browser
(Debian's Chromium through Playwright), so it is marked ``browser``."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import Client

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Playwright's sync API runs an event loop in the test thread (see tests/e2e/conftest.py).
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}


@pytest.fixture
def chromium() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


def _logged_in_page(chromium: Any, live_server: Any, user: Any) -> Any:
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context = chromium.new_context(base_url=live_server.url, locale="en-US")
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    return context.new_page()


def _describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"[{v['impact']}] {v['id']}: {v['help']}")
        for node in v["nodes"][:3]:
            lines.append(f"    {node['target']} {node['html'][:120]!r}")
    return "\n".join(lines)


@pytest.mark.parametrize("prefix", ["", "/en"], ids=["id", "en"])
def test_the_console_has_no_axe_violations(prefix, chromium, live_server, cast, directory):
    from axe_playwright_python.sync_playwright import Axe

    from lapor.reports import case_actions as ca
    from tests.console.conftest import file_report

    awaiting = file_report()
    anonymous = file_report(privacy="anonymous", title="Pungutan liar di sekolah negeri")
    disposed = file_report(title="Lampu jalan mati sebulan")
    ca.report_dispose(report=disposed, agency=directory.sleman_pupr, actor=cast.agency_admin)
    ca.report_dispose(report=anonymous, agency=directory.sleman_pupr, actor=cast.agency_admin)

    axe = Axe()
    found: dict[str, list] = {}

    def visit(page: Any, url: str) -> None:
        assert page.goto(url).status == 200, url

    def check(page: Any, name: str) -> None:
        found[name] = axe.run(page, options=AXE_OPTIONS).response["violations"]

    admin = _logged_in_page(chromium, live_server, cast.agency_admin)
    visit(admin, f"{prefix}/konsol/")
    check(admin, "dashboard")
    visit(admin, f"{prefix}/konsol/antrean/verifikasi/")
    check(admin, "verification-queue")
    visit(admin, f"{prefix}/konsol/laporan/{awaiting.tracking_id}/?q=dinas+pupr")
    check(admin, "case-verifier")
    admin.locator("#action-tunda button[type=submit]").click()
    admin.wait_for_selector("#error-summary")
    check(admin, "case-with-error")
    visit(admin, f"{prefix}/konsol/kalender/")
    check(admin, "calendar")

    officer = _logged_in_page(chromium, live_server, cast.officer_a)
    visit(officer, f"{prefix}/konsol/antrean/tindak-lanjut/")
    check(officer, "follow-up-queue")
    visit(officer, f"{prefix}/konsol/laporan/{disposed.tracking_id}/")
    check(officer, "case-officer")
    visit(officer, f"{prefix}/konsol/laporan/{anonymous.tracking_id}/")
    check(officer, "case-anonymous")

    national = _logged_in_page(chromium, live_server, cast.national_admin)
    visit(national, f"{prefix}/konsol/laporan/{anonymous.tracking_id}/")
    check(national, "case-national-admin")

    bad = {name: v for name, v in found.items() if v}
    assert not bad, "\n".join(f"{name}:\n{_describe(v)}" for name, v in bad.items())
