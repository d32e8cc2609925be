"""axe-core finds no WCAG 2.1 A/AA violation on any citizen page, in Indonesian and English,
including the states people meet when something goes wrong (a form with errors)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.axe import AxeAudit
from tests.e2e.helpers import ADD_INFO, fill_report_js, log_in, submit_report


@pytest.mark.parametrize("prefix", ["", "/en"], ids=["id", "en"])
def test_it_has_no_axe_violations(prefix, page, new_context, cast, shot):
    audit = AxeAudit(shot=shot)

    def check(name, target=page):
        audit.check(target, name)

    lang = "en" if prefix else "id"
    page.goto(f"{prefix}/")
    expect(page.locator("html")).to_have_attribute("lang", lang)
    check("home")
    page.goto(f"{prefix}/lapor/")
    check("report-form")
    page.locator("#check-answers").click()
    expect(page.locator("#error-summary")).to_be_visible()
    check("report-form-with-errors")
    page.goto(f"{prefix}/lacak/")
    check("track-form")
    page.locator("[name=tracking_id]").fill("123456789")
    page.locator("[name=pin]").fill("000000")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("#error-summary")).to_be_visible()
    check("track-form-with-errors")
    page.goto(f"{prefix}/akun/daftar/")
    check("register")
    page.goto(f"{prefix}/akun/masuk/")
    check("login")

    # Without its script the form shows the "show the places" button: check that state too.
    # (axe itself needs JavaScript, so block the page's scripts rather than disable JS.)
    noscript = new_context().new_page()
    noscript.route(re.compile(r"\.js(\?.*)?$"), lambda route: route.abort())
    noscript.goto(f"{prefix}/lapor/")
    expect(noscript.locator("button[name=_refresh][value=region]")).to_be_visible()
    check("report-form-without-script", noscript)

    # Logged in: file a report (it then appears under "my reports"), see receipt and report.
    log_in(page, cast.reporter.email, prefix=prefix)
    check("my-reports-empty")
    page.goto(f"{prefix}/lapor/")
    fill_report_js(page, email="siti@example.id")
    tracking_id, _pin = submit_report(page)
    check("receipt")
    page.goto(f"{prefix}/lacak/{tracking_id}/")
    check("report-page")
    page.locator(ADD_INFO).locator("button[type=submit]").click()  # nothing written: error
    expect(page.locator("#error-summary")).to_be_visible()
    check("report-page-with-errors")
    page.goto(f"{prefix}/akun/laporan-saya/")
    expect(page.locator("main table a", has_text=tracking_id)).to_be_visible()
    check("my-reports")
    assert re.search(rf"^http://[^/]+{prefix}/akun/laporan-saya/$", page.url)

    audit.assert_clean()
