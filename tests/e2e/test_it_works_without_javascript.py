"""With JavaScript off, the whole filing works: the region pickers are filled by the
"show the places" button, an error loses nothing typed nor any file, the 112 notice is shown
by the server, and the report can be tracked."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from lapor.reports.models import Attachment, Report
from tests.e2e.helpers import INCIDENT_DATE, track, write_jpeg

BODY = (
    "Lampu penerangan jalan di depan pasar sudah mati dua minggu, jalan menjadi gelap dan "
    "rawan bagi pejalan kaki pada malam hari."
)


def refresh_places(page):
    """Press "Show the places in the chosen area" and wait for the redrawn form."""
    with page.expect_navigation():
        page.locator("button[name=_refresh][value=region]").click()


def pick_region_nojs(page, *codes):
    """Choose each code's level (by its number of dots), pressing the button in between."""
    for code in codes:
        name = ("province", "regency", "district", "village")[code.count(".")]
        select = page.locator(f"select[name={name}]")
        # Before the button is pressed the next level has no places to choose from.
        expect(select.locator(f"option[value='{code}']")).to_have_count(1)
        select.select_option(code)
        if name != "village":
            refresh_places(page)


def test_it_files_an_error_free_report_after_an_error_without_javascript(
    nojs_page, new_context, shot, tmp_path
):
    page = nojs_page
    photo = write_jpeg(tmp_path / "lampu-mati.jpg", color=(20, 20, 20))

    page.goto("/lapor/")
    expect(page.locator("button[name=_refresh][value=region]")).to_be_visible()
    expect(page.locator("select[name=regency] option")).to_have_count(1)  # only "— choose —"
    shot(page, "form-empty")

    page.locator("input[name=kind][value=aspiration]").check()
    page.locator("[name=body]").fill(BODY)
    page.locator("[name=incident_date]").fill(INCIDENT_DATE.isoformat())
    pick_region_nojs(page, "34")
    shot(page, "regencies-shown")
    # What was typed before pressing the button is still there.
    expect(page.locator("[name=body]")).to_have_value(BODY)
    expect(page.locator("input[name=kind][value=aspiration]")).to_be_checked()
    # No errors are shouted at someone who only asked for the next list.
    expect(page.locator("#error-summary")).to_have_count(0)

    pick_region_nojs(page, "34.04", "34.04.07", "34.04.07.2001")
    page.locator("[name=address]").fill("Jl. Kaliurang km 5")
    page.locator("input[name=privacy][value=confidential]").check()
    page.locator("[name=full_name]").fill("Budi Santoso")
    page.locator("[name=phone]").fill("0813 1111 2222")
    page.locator("[name=email]").fill("budi@example.id")
    page.locator("input[name=attachments]").set_input_files(str(photo))
    # The title is missing: the form comes back with an error and everything else kept.
    page.locator("#check-answers").click()
    page.wait_for_load_state()
    summary = page.locator("#error-summary")
    expect(summary).to_be_visible()
    expect(summary.locator("a[href='#field-title']")).to_have_count(1)
    expect(page.locator("#field-title .error-message")).to_be_visible()
    shot(page, "error-everything-kept")

    expect(page.locator("input[name=kind][value=aspiration]")).to_be_checked()
    expect(page.locator("[name=body]")).to_have_value(BODY)
    expect(page.locator("[name=incident_date]")).to_have_value(INCIDENT_DATE.isoformat())
    expect(page.locator("select[name=province]")).to_have_value("34")
    expect(page.locator("select[name=regency]")).to_have_value("34.04")
    expect(page.locator("select[name=district]")).to_have_value("34.04.07")
    expect(page.locator("select[name=village]")).to_have_value("34.04.07.2001")
    expect(page.locator("[name=address]")).to_have_value("Jl. Kaliurang km 5")
    expect(page.locator("input[name=privacy][value=confidential]")).to_be_checked()
    expect(page.locator("[name=full_name]")).to_have_value("Budi Santoso")
    expect(page.locator("[name=phone]")).to_have_value("0813 1111 2222")
    expect(page.locator("[name=email]")).to_have_value("budi@example.id")
    # The file was received once and is offered back, not lost.
    pending = page.locator("#field-attachments .pending-files li")
    expect(pending).to_have_count(1)
    expect(pending).to_contain_text("lampu-mati.jpg")
    expect(page.locator("#field-attachments input[name=remove_pending]")).not_to_be_checked()

    page.locator("[name=title]").fill("Lampu jalan mati di depan Pasar Demangan")
    page.locator("#check-answers").click()
    page.wait_for_selector("#check-form")
    shot(page, "check-your-answers")
    page.locator("#send-report").click()
    page.wait_for_url(re.compile(r"/lapor/terkirim/\d+/$"))
    tracking_id = page.locator("#tracking-id").inner_text().strip()
    pin = page.locator("#pin").inner_text().strip()
    # The print button needs JavaScript: without it, it stays hidden.
    expect(page.locator("button[data-print]")).to_be_hidden()
    shot(page, "receipt")

    report = Report.objects.get(tracking_id=tracking_id)
    assert report.kind == "aspiration"
    assert report.privacy == "confidential"
    assert report.region_id == "34.04.07.2001"
    assert report.address == "Jl. Kaliurang km 5"
    assert list(
        Attachment.objects.filter(report=report).values_list("original_name", flat=True)
    ) == ["lampu-mati.jpg"]

    other = new_context(javascript=False).new_page()
    track(other, tracking_id, pin)
    expect(other.locator("h1")).to_have_text("Lampu jalan mati di depan Pasar Demangan")
    expect(other.locator("ol.timeline a", has_text="lampu-mati.jpg")).to_be_visible()
    shot(other, "tracked")


def test_it_shows_the_112_notice_once_without_javascript(nojs_page, shot):
    page = nojs_page
    page.goto("/lapor/")
    page.locator("[name=title]").fill("Kebakaran di gudang dekat pasar")
    page.locator("[name=body]").fill(
        "Ada kebakaran di gudang dekat pasar, asapnya masuk ke rumah warga sekitar."
    )
    page.locator("[name=incident_date]").fill(INCIDENT_DATE.isoformat())
    pick_region_nojs(page, "34", "34.04")
    page.locator("[name=phone]").fill("0813 1111 2222")
    page.locator("#check-answers").click()
    page.wait_for_load_state()

    notice = page.locator("#emergency-notice")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("112")
    assert Report.objects.count() == 0  # stopped once, to tell the person to call 112
    expect(page.locator("[name=title]")).to_have_value("Kebakaran di gudang dekat pasar")
    expect(page.locator("select[name=regency]")).to_have_value("34.04")
    shot(page, "emergency-notice")

    page.locator("#check-answers").click()
    page.wait_for_selector("#check-form")
    shot(page, "check-your-answers")
    page.locator("#send-report").click()
    page.wait_for_url(re.compile(r"/lapor/terkirim/\d+/$"))
    expect(page.locator("main")).to_contain_text("112")
    shot(page, "receipt")

    report = Report.objects.get()
    assert report.emergency_suspected is True
    assert report.region_id == "34.04"
