"""Someone who cannot use a mouse files a report with the keyboard alone: the skip link, Tab
through every field in a sensible order, type, arrows in radio groups and selects, Space on the
file picker, Enter to send. No clicks and no ``fill()``: only ``page.keyboard``."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from lapor.reports.models import Attachment, Report
from tests.e2e.helpers import INCIDENT_DATE, write_jpeg

FOCUSED = "() => { const e = document.activeElement; return e ? e.outerHTML.slice(0, 120) : '' }"


def focused_matches(page, css):
    return page.evaluate("(css) => !!document.activeElement?.matches(css)", css)


def tab_to(page, css, limit=12):
    """Press Tab until the element matching ``css`` has the focus; fail if it takes more than
    ``limit`` presses (a field skipped, hidden or out of order)."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focused_matches(page, css):
            return
        seen.append(page.evaluate(FOCUSED))
    raise AssertionError(f"{css} not reached by {limit} Tabs; focus went through: {seen}")


def test_it_files_a_report_with_the_keyboard_only(page, shot, tmp_path):
    photo = write_jpeg(tmp_path / "trotoar-rusak.jpg", color=(90, 90, 90))
    page.goto("/lapor/")
    keyboard = page.keyboard

    # The first Tab reaches the skip link, which becomes visible; Enter jumps to the content.
    keyboard.press("Tab")
    assert focused_matches(page, "a.skip-link")
    box = page.locator("a.skip-link").bounding_box()
    assert box is not None and box["x"] >= 0 and box["y"] >= 0, "skip link stays off-screen"
    shot(page, "skip-link")
    keyboard.press("Enter")
    assert focused_matches(page, "main#main")

    # The first control in the content is the kind of report; arrows change the choice.
    tab_to(page, "input[name=kind]", limit=3)
    assert focused_matches(page, "input[name=kind][value=complaint]")
    keyboard.press("ArrowDown")
    expect(page.locator("input[name=kind][value=aspiration]")).to_be_checked()

    tab_to(page, "[name=title]", limit=1)
    keyboard.type("Trotoar rusak di Jalan Affandi")
    tab_to(page, "[name=body]", limit=1)
    keyboard.type(
        "Trotoar di sisi barat Jalan Affandi ambles dan ubinnya lepas, pejalan kaki harus "
        "turun ke jalan raya."
    )
    tab_to(page, "[name=incident_date]", limit=1)
    # Chromium's date field in the en-US locale: month, day, year; each part advances itself.
    keyboard.type(INCIDENT_DATE.strftime("%m%d%Y"))
    expect(page.locator("[name=incident_date]")).to_have_value(INCIDENT_DATE.isoformat())

    # Province: type the start of its name; the script then loads the regencies.
    tab_to(page, "select[name=province]", limit=4)
    keyboard.type("Daerah")
    expect(page.locator("select[name=province]")).to_have_value("34")
    expect(page.locator("select[name=regency] option[value='34.04']")).to_have_count(1)
    tab_to(page, "select[name=regency]", limit=1)
    keyboard.type("Kabupaten Sleman")
    expect(page.locator("select[name=regency]")).to_have_value("34.04")
    expect(page.locator("select[name=district] option[value='34.04.07']")).to_have_count(1)
    tab_to(page, "select[name=district]", limit=1)
    keyboard.type("Depok")
    expect(page.locator("select[name=district]")).to_have_value("34.04.07")
    # Village: arrows work too (the first place after "— choose —" is Caturtunggal).
    expect(page.locator("select[name=village] option[value='34.04.07.2001']")).to_have_count(1)
    tab_to(page, "select[name=village]", limit=1)
    keyboard.press("ArrowDown")
    expect(page.locator("select[name=village]")).to_have_value("34.04.07.2001")
    shot(page, "place-chosen")

    # The hidden no-JS button is not a Tab stop: the address comes next.
    tab_to(page, "[name=address]", limit=1)
    keyboard.type("Depan Gedung Serbaguna")

    # The file picker opens with Space; the test stands in for the system dialog.
    tab_to(page, "input[name=attachments]", limit=6)
    # A loaded CI machine can take a while to raise the chooser: a generous timeout.
    with page.expect_file_chooser(timeout=30_000) as chooser:
        keyboard.press("Space")
    chooser.value.set_files(str(photo))

    # The voice note (lapor.voice): the recorder's button, then its own file field.
    tab_to(page, "button.voice-start", limit=1)
    tab_to(page, "input[name=voice_note]", limit=1)
    tab_to(page, "input[name=privacy]", limit=1)
    assert focused_matches(page, "input[name=privacy][value=public]")
    tab_to(page, "[name=full_name]", limit=1)
    keyboard.type("Dewi Lestari")
    tab_to(page, "[name=phone]", limit=1)
    keyboard.type("0812 7777 6666")
    tab_to(page, "[name=email]", limit=1)
    keyboard.type("dewi@example.id")
    tab_to(page, "#check-answers", limit=2)
    shot(page, "ready-to-check")
    keyboard.press("Enter")
    page.wait_for_selector("#check-form")
    tab_to(page, "#send-report", limit=30)
    shot(page, "ready-to-send")
    keyboard.press("Enter")

    page.wait_for_url(re.compile(r"/lapor/terkirim/\d+/(#main)?$"))  # the skip link left #main
    expect(page.locator("#tracking-id")).to_have_text(re.compile(r"^\d{9}$"))
    expect(page.locator("#pin")).to_have_text(re.compile(r"^\d{6}$"))
    shot(page, "receipt")

    report = Report.objects.get(tracking_id=page.locator("#tracking-id").inner_text().strip())
    assert report.kind == "aspiration"
    assert report.title_original == "Trotoar rusak di Jalan Affandi"
    assert report.incident_date == INCIDENT_DATE
    assert report.region_id == "34.04.07.2001"
    assert report.address == "Depan Gedung Serbaguna"
    assert Attachment.objects.filter(report=report).count() == 1
