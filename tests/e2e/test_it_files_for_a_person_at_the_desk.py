"""The desk in the real browser: axe finds no WCAG 2.1 A/AA violation on the desk form (empty
and with errors) and the receipt, in Indonesian and English; an officer files with JavaScript,
without it (a mistake loses no file), and with the keyboard alone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from lapor.reports.models import Attachment, Report, ReporterIdentity, ReportEvent
from tests.axe import AxeAudit
from tests.e2e.helpers import INCIDENT_DATE, log_in, pick_region_js, write_jpeg
from tests.e2e.test_it_works_with_keyboard_only import focused_matches, tab_to
from tests.e2e.test_it_works_without_javascript import pick_region_nojs

PERSON = "Sumarni Wahyuningsih"
SUBMIT = "#report-form button[type=submit]:not([name])"


def fill_desk_js(page, *, channel="desk", consent="signed_form", files=None):
    page.locator(f"input[name=channel][value={channel}]").check()
    page.locator("[name=full_name]").fill(PERSON)
    page.locator("[name=phone]").fill("0856-4321-0987")
    page.locator("input[name=kind][value=complaint]").check()
    page.locator("[name=title]").fill("Jalan berlubang di depan Puskesmas Depok")
    page.locator("[name=body]").fill(
        "Lubang besar di depan puskesmas sudah sebulan, ambulans harus memutar jauh."
    )
    page.locator("[name=incident_date]").fill(INCIDENT_DATE.isoformat())
    pick_region_js(page, "34", "34.04", "34.04.07", "34.04.07.2001")
    if files:
        page.locator("input[name=attachments]").set_input_files([str(f) for f in files])
    page.locator("input[name=privacy][value=public]").check()
    page.locator("input[name=privacy_read_out]").check()
    page.locator(f"input[name=consent][value={consent}]").check()


def read_receipt(page) -> tuple[str, str]:
    page.wait_for_url(re.compile(r"/konsol/loket/tanda-terima/\d+/$"))
    return page.locator("#tracking-id").inner_text().strip(), page.locator(
        "#pin"
    ).inner_text().strip()


@pytest.mark.parametrize("prefix", ["", "/en"], ids=["id", "en"])
def test_the_desk_has_no_axe_violations(prefix, page, cast, shot, tmp_path):
    audit = AxeAudit(shot=shot)

    def check(name):
        audit.check(page, name)

    log_in(page, cast.officer_a.email, prefix=prefix)
    page.goto(f"{prefix}/konsol/loket/")
    expect(page.locator("html")).to_have_attribute("lang", "en" if prefix else "id")
    check("desk-form")
    page.locator(SUBMIT).click()
    expect(page.locator("#error-summary")).to_be_visible()
    check("desk-form-with-errors")

    fill_desk_js(page, files=[write_jpeg(tmp_path / "surat-pengantar.jpg")])
    page.locator(SUBMIT).click()
    tracking_id, pin = read_receipt(page)
    assert re.fullmatch(r"\d{9}", tracking_id) and re.fullmatch(r"\d{6}", pin)
    check("desk-receipt")
    page.goto(f"{prefix}/konsol/antrean/semua/?saluran=desk")
    check("queue-filtered-by-channel")

    report = Report.objects.get(tracking_id=tracking_id)
    assert report.channel == "desk"
    assert Attachment.objects.filter(report=report).count() == 1
    assert ReporterIdentity.objects.get(report=report).consent == "signed_form"

    audit.assert_clean()


def test_it_files_without_javascript_and_loses_nothing_on_a_mistake(
    nojs_page, cast, shot, tmp_path
):
    page = nojs_page
    log_in(page, cast.agency_admin.email, prefix="/en")
    page.goto("/en/konsol/loket/")
    page.locator("input[name=channel][value=phone]").check()
    page.locator("[name=full_name]").fill(PERSON)
    page.locator("[name=phone]").fill("0856-4321-0987")
    page.locator("[name=title]").fill("Jalan berlubang di depan Puskesmas Depok")
    page.locator("[name=body]").fill(
        "Lubang besar di depan puskesmas sudah sebulan, ambulans harus memutar jauh."
    )
    page.locator("[name=incident_date]").fill(INCIDENT_DATE.isoformat())
    pick_region_nojs(page, "34", "34.04", "34.04.07", "34.04.07.2001")
    page.locator("input[name=attachments]").set_input_files(
        [str(write_jpeg(tmp_path / "foto-lubang.jpg"))]
    )
    page.locator("input[name=privacy_read_out]").check()
    # Consent forgotten: refused, with everything kept.
    with page.expect_navigation():
        page.locator(SUBMIT).click()
    expect(page.locator("#error-summary")).to_contain_text(
        "Record how the person agreed to this report being filed for them."
    )
    shot(page, "consent-missing")
    assert Report.objects.count() == 0
    expect(page.locator("[name=full_name]")).to_have_value(PERSON)
    expect(page.locator("select[name=village]")).to_have_value("34.04.07.2001")
    expect(page.locator(".pending-files")).to_contain_text("foto-lubang.jpg")
    expect(page.locator("input[name=privacy_read_out]")).to_be_checked()

    page.locator("input[name=consent][value=spoken_phone]").check()
    with page.expect_navigation():
        page.locator(SUBMIT).click()
    tracking_id, _pin = read_receipt(page)
    shot(page, "receipt")
    report = Report.objects.get(tracking_id=tracking_id)
    assert report.channel == "phone"
    assert Attachment.objects.get(report=report).original_name == "foto-lubang.jpg"
    assert ReportEvent.objects.get(report=report).data["desk"] == "phone"


def test_every_desk_field_is_reached_with_the_keyboard(page, cast):
    log_in(page, cast.officer_a.email, prefix="/en")
    page.goto("/en/konsol/loket/")
    # The skip link, then the console's own navigation, then the form's first control.
    page.keyboard.press("Tab")
    assert focused_matches(page, "a.skip-link")
    page.keyboard.press("Enter")
    tab_to(page, "input[name=channel]", limit=10)
    assert focused_matches(page, "input[name=channel][value=desk]")
    page.keyboard.press("ArrowDown")
    expect(page.locator("input[name=channel][value=phone]")).to_be_checked()
    for css in (
        "[name=full_name]",
        "[name=phone]",
        "[name=email]",
        "[name=disability]",
        "[name=person_language]",
    ):
        tab_to(page, css, limit=1)
    tab_to(page, "input[name=kind]", limit=1)
    tab_to(page, "input[name=attachments]", limit=20)
    tab_to(page, "button.voice-start", limit=1)
    tab_to(page, "input[name=voice_note]", limit=1)
    tab_to(page, "input[name=privacy]", limit=1)
    tab_to(page, "input[name=privacy_read_out]", limit=1)
    page.keyboard.press("Space")
    expect(page.locator("input[name=privacy_read_out]")).to_be_checked()
    tab_to(page, "input[name=consent]", limit=1)
    tab_to(page, "[name=consent_note]", limit=1)
    tab_to(page, SUBMIT, limit=1)
