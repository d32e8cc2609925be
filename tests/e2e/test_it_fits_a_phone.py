"""Every citizen page fits a phone: no sideways scrolling at 320 px wide, nor with the text at
twice its size on a 360 px phone (WCAG 1.4.10 reflow, 1.4.4 resize text), and no file input
whose button and text run past its box; and axe-core (WCAG 2.1 and 2.2, A and AA) finds nothing
on the pages issue 15 added or changed, in both languages.
Screenshots at 360 px are kept for a person to look at (test-artifacts/screenshots)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from lapor.reports import case_actions
from tests.axe import WCAG_22, AxeAudit
from tests.e2e.helpers import ADD_INFO, fill_report_js
from tests.public.conftest import file_report, publish

# Text at twice its size, as a phone's "font size" setting does it: the root size doubles and
# every rem and em with it.
BIG_TEXT_ON = "() => document.documentElement.style.setProperty('font-size', '200%', 'important')"
BIG_TEXT_OFF = "() => document.documentElement.style.removeProperty('font-size')"
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const boxes = '.stats-svg-wrap, .stats-table-wrap, .table-scroll';
  const wide = [...document.querySelectorAll('body *')].filter(el => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.right > width + 1 && !el.closest(boxes);
  }).slice(0, 5).map(
    el => el.tagName + '.' + el.className + ' ' + Math.round(el.getBoundingClientRect().right)
  );
  return {scroll: document.documentElement.scrollWidth, width, wide};
}"""


# A file input's own box fits (OVERFLOW), but what the browser draws inside it (the button and
# "No file chosen") can run past the box and be cut: measured here, for the visible ones.
FILE_INPUTS = """() => [...document.querySelectorAll('input[type=file]')]
  .filter(el => el.clientWidth > 0 && el.scrollWidth > el.clientWidth)
  .map(el => el.id + ' ' + el.scrollWidth + ' > ' + el.clientWidth)"""


def overflow(page):
    found = page.evaluate(OVERFLOW)
    cut = page.evaluate(FILE_INPUTS)
    if cut:
        found["file inputs cut"] = cut
    return found if found["scroll"] > found["width"] or cut else None


@pytest.mark.parametrize("prefix", ["", "/en"], ids=["id", "en"])
def test_it_fits_a_phone(prefix, new_context, cast, directory, shot):
    public = publish(file_report("Jalan berlubang di depan sekolah"), cast, directory.sleman_pupr)
    case_actions.report_follow_up(report=public, message="Sedang dicek.", actor=cast.officer_a)
    phone = new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = phone.new_page()
    audit = AxeAudit(WCAG_22)
    problems: dict[str, object] = {}

    def check(name, *, run_axe=True):
        # Any page in this state at 320 px, and at 360 px with double text.
        page.set_viewport_size({"width": 320, "height": 640})
        if found := overflow(page):
            problems[f"{name} @320"] = found
        page.set_viewport_size({"width": 360, "height": 740})
        # 200% text through the CSSOM (an inline <style> would break the page's CSP).
        page.evaluate(BIG_TEXT_ON)
        if found := overflow(page):
            problems[f"{name} @360 200%"] = found
        page.evaluate(BIG_TEXT_OFF)
        if run_axe:
            audit.check(page, name)
        shot(page, name)

    for url, name in (
        ("/", "home"),
        ("/lacak/", "track"),
        ("/laporan/", "public-feed"),
        (f"/laporan/{public.tracking_id}/", "public-report"),
        ("/statistik/", "statistics"),
        ("/statistik/instansi/", "league"),
        (f"/statistik/instansi/{directory.sleman_pupr.pk}/", "scorecard"),
        ("/informasi/", "public-information"),
        ("/aksesibilitas/", "accessibility-statement"),
        ("/akun/masuk/", "login"),
        ("/akun/daftar/", "register"),
        (f"/lacak/{public.tracking_id}/", "bookmarked-link-asks-for-pin"),
    ):
        page.goto(prefix + url)
        check(name)

    page.goto(f"{prefix}/lapor/")
    check("form")
    page.locator("#check-answers").click()
    expect(page.locator("#error-summary")).to_be_focused()
    expect(page).to_have_title(re.compile("^Error: " if prefix else "^Galat: "))
    check("form-with-errors")
    page.goto(f"{prefix}/lapor/")
    fill_report_js(page, email="siti.rahmawati.dengan.alamat.panjang@example.id")
    page.locator("#check-answers").click()
    expect(page.locator("#check-form")).to_be_visible()
    check("check-your-answers")
    page.locator("#send-report").click()
    expect(page.locator("#tracking-id")).to_be_visible()
    check("receipt")
    page.locator("main a.button").click()  # "Follow this report"
    expect(page.locator("ol.timeline")).to_be_visible()
    check("report-page")
    page.locator(ADD_INFO).locator("button[type=submit]").click()
    expect(page.locator("#error-summary").first).to_be_focused()
    check("report-page-with-errors")

    # The easy-read version, switched by the footer link and remembered.
    page.goto(f"{prefix}/lapor/")
    page.locator("footer a[href*='mudah-dibaca']").click()
    expect(page.locator("form.easy-form")).to_be_visible()
    check("easy-read-form")
    page.locator(".easy-step:not([hidden]) .easy-nav .button").click()
    check("easy-read-step-2")
    # On to the step with the files: its larger text made the file input's button and "No file
    # chosen" 3 px wider than the box at 360 px with text at 200 %, cut off.
    for _step in range(6):
        if page.locator("#id_attachments").is_visible():
            break
        page.locator(".easy-step:not([hidden]) .easy-nav .button").last.click()
    expect(page.locator("#id_attachments")).to_be_visible()
    check("easy-read-files", run_axe=False)

    assert not problems, f"pages wider than the phone: {problems}"
    audit.assert_clean()
