"""axe-core finds no WCAG 2.1 A/AA violation on the public feed, a public report page, search
results and the filtered feed, in Indonesian and English."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from lapor.reports import case_actions
from tests.axe import AxeAudit
from tests.public.conftest import EMAIL, NIK, file_report, publish


@pytest.mark.parametrize("prefix", ["", "/en"], ids=["id", "en"])
def test_it_public_pages_have_no_axe_violations(prefix, page, cast, directory, shot):
    report = publish(
        file_report(
            "Jalan berlubang di depan sekolah",
            f"Lubang besar di depan SD. NIK saya {NIK}, surel {EMAIL}.",
        ),
        cast,
        directory.sleman_pupr,
    )
    publish(file_report("Lampu jalan mati", privacy="anonymous"), cast, directory.sleman_pupr)
    case_actions.report_follow_up(report=report, message="Sedang dicek.", actor=cast.officer_a)
    audit = AxeAudit(shot=shot)

    def check(name):
        audit.check(page, name)

    lang = "en" if prefix else "id"
    page.goto(f"{prefix}/laporan/")
    expect(page.locator("html")).to_have_attribute("lang", lang)
    check("public-feed")
    page.goto(f"{prefix}/laporan/?province=34&regency=34.04&status=open")
    check("public-feed-filtered")
    page.goto(f"{prefix}/laporan/?q=sekolah")
    expect(page.locator("main h3 a", has_text="Jalan berlubang")).to_be_visible()
    check("public-search")
    page.goto(f"{prefix}/laporan/{report.tracking_id}/")
    assert NIK not in page.content()
    check("public-report")
    page.locator("main form button[type=submit]").first.click()
    check("public-report-supported")
    page.locator("[name=email]").fill("bukan-email")
    page.locator("#ikuti ~ form button[type=submit]").click()
    expect(page.locator("#error-summary")).to_be_visible()
    check("public-report-follow-error")

    audit.assert_clean()
