"""With JavaScript, words of an emergency make the 112 notice appear while the person types,
is announced (a polite live region), and the report then goes through on the first press."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from lapor.reports.models import Report
from tests.e2e.helpers import fill_report_js, submit_report


def test_it_shows_the_112_notice_while_typing(page, shot):
    page.goto("/lapor/")
    live = page.locator("#emergency-live")
    expect(live).to_be_hidden()
    expect(live).to_have_attribute("aria-live", "polite")

    fill_report_js(
        page,
        title="Jalan rusak dekat pasar",
        body="Kemarin ada kebakaran di gudang dekat pasar dan jalannya sekarang rusak parah.",
    )
    expect(live).to_be_visible()
    expect(live).to_contain_text("112")
    shot(page, "live-notice")

    # Taking the words out hides it again.
    page.locator("[name=body]").fill(
        "Jalan di depan pasar rusak parah sejak musim hujan, banyak lubang dalam."
    )
    expect(live).to_be_hidden()
    page.locator("[name=body]").fill(
        "Kemarin ada kebakaran di gudang dekat pasar dan jalannya sekarang rusak parah."
    )
    expect(live).to_be_visible()

    tracking_id, _pin = submit_report(page)  # no second stop: the person saw the notice
    assert re.fullmatch(r"\d{9}", tracking_id)
    expect(page.locator("main")).to_contain_text("112")
    shot(page, "receipt")
    assert Report.objects.get(tracking_id=tracking_id).emergency_suspected is True
