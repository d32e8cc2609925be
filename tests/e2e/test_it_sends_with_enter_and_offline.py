"""Enter (a phone's Go key) in a field checks the answers — with JavaScript and without, where
it used to press the hidden "show the places" button; without JavaScript a places refresh
returns to the place fields. Offline, the form is kept as a draft on the device and sent when
the connection returns, and the person is told."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from lapor.reports.models import Report
from tests.e2e.helpers import INCIDENT_DATE, fill_report_js
from tests.e2e.test_it_works_without_javascript import pick_region_nojs


def test_it_checks_the_answers_when_enter_is_pressed(page, shot):
    page.goto("/lapor/")
    fill_report_js(page)
    page.locator("[name=title]").press("Enter")
    expect(page.locator("#check-form")).to_be_visible()
    assert Report.objects.count() == 0
    shot(page, "check-your-answers-after-enter")
    page.locator("#send-report").click()
    expect(page.locator("#tracking-id")).to_have_text(re.compile(r"^\d{9}$"))


def test_it_checks_the_answers_when_enter_is_pressed_without_javascript(nojs_page, shot):
    page = nojs_page
    page.goto("/lapor/")
    page.locator("[name=title]").fill("Lampu jalan mati di depan pasar")
    page.locator("[name=body]").fill("Lampu jalan mati dua minggu, jalan menjadi gelap sekali.")
    page.locator("[name=incident_date]").fill(INCIDENT_DATE.isoformat())
    pick_region_nojs(page, "34")
    # The redrawn page opens at the place fields, not at the top.
    assert page.url.endswith("/lapor/#location")
    assert page.evaluate("window.scrollY") > 0
    pick_region_nojs(page, "34.04")
    page.locator("[name=phone]").fill("0813 1111 2222")
    page.locator("[name=phone]").press("Enter")
    page.wait_for_load_state()
    expect(page.locator("#check-form")).to_be_visible()
    shot(page, "check-your-answers-without-javascript")
    page.locator("#send-report").click()
    expect(page.locator("#tracking-id")).to_be_visible()
    assert Report.objects.get().region_id == "34.04"


def test_it_keeps_an_offline_draft_and_sends_it_when_back_online(new_context, shot):
    context = new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto("/lapor/")
    # The service worker is installed from the form, with its stored (cookie-less) copy.
    assert page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    fill_report_js(page, title="Sampah menumpuk di pinggir jalan desa")

    context.set_offline(True)
    page.locator("#check-answers").click()
    status = page.locator("#offline-status")
    expect(status).to_contain_text("Anda sedang tanpa sambungan internet")
    expect(status.locator(".notice")).to_be_focused()
    draft = page.evaluate("localStorage.getItem('lapor-draft:/lapor/')")
    assert "Sampah menumpuk di pinggir jalan desa" in draft
    assert "csrfmiddlewaretoken" not in draft
    shot(page, "offline-draft-kept")

    # Still offline, the form opens again (from the service worker) with the draft in it.
    page.reload()
    expect(page.locator("[name=title]")).to_have_value("Sampah menumpuk di pinggir jalan desa")
    expect(status).to_contain_text("Anda sedang tanpa sambungan internet")
    assert Report.objects.count() == 0

    # The connection returns: the draft is sent, and the receipt says so.
    context.set_offline(False)
    page.wait_for_url(re.compile(r"/lapor/terkirim/\d+/$"))
    expect(page.locator("#draft-sent")).to_be_visible()
    shot(page, "offline-draft-sent")
    report = Report.objects.get()
    assert report.title_original == "Sampah menumpuk di pinggir jalan desa"
    assert page.evaluate("localStorage.getItem('lapor-draft:/lapor/')") is None
