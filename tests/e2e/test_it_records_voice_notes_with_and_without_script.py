"""The recorder stops by itself at its time limit and a recording can be deleted; without
JavaScript the same field takes a recording chosen from the phone."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from lapor.reports.models import Attachment
from tests.e2e.nodes_steps import PHONE, send
from tests.helpers import media_bytes


def test_the_recording_stops_at_the_time_limit_and_can_be_deleted(new_context, site):
    page = new_context(viewport=PHONE).new_page()
    page.goto("/en/lapor/")
    box = page.locator(".voice-note")
    expect(box.locator(".voice-recorder")).to_be_visible()
    # A two-second limit instead of three minutes, to see it reached.
    box.evaluate("b => b.setAttribute('data-limit', '2')")
    box.locator(".voice-start").click()
    expect(box.locator(".voice-review")).to_be_visible(timeout=15_000)
    expect(box.locator(".voice-status")).to_contain_text("The time limit is reached")
    assert box.locator("input[name=voice_note]").evaluate("i => i.files.length") == 1
    expect(box.locator(".voice-start")).to_be_focused()
    box.locator(".voice-discard").click()
    expect(box.locator(".voice-review")).to_be_hidden()
    expect(box.locator(".voice-status")).to_have_text("The recording was deleted.")
    assert box.locator("input[name=voice_note]").evaluate("i => i.files.length") == 0


def test_without_javascript_a_recording_is_chosen_as_a_file(nojs_page, tmp_path, cast):
    page = nojs_page
    page.set_viewport_size(PHONE)
    recording = tmp_path / "rekaman.ogg"
    recording.write_bytes(media_bytes("ogg"))
    page.goto("/lapor/")
    expect(page.locator(".voice-recorder")).to_be_hidden()
    page.locator("input[name=kind][value=complaint]").check()
    page.locator("[name=title]").fill("Lampu jalan mati di depan pasar")
    page.locator("[name=incident_date]").fill("2026-11-02")
    # Without JavaScript the places come one level at a time ("show the places").
    for name, code in (("province", "34"), ("regency", "34.04")):
        page.locator(f"select[name={name}]").select_option(code)
        page.locator("button[name=_refresh][value=region]").click()
    page.locator("[name=phone]").fill("0812-3456-7890")
    page.locator("input[name=voice_note]").set_input_files(str(recording))
    # "Check your answers" carries the recording on to the check page; then send.
    send(page, page.locator("#check-answers"))
    send(page, page.locator("#send-report"))
    expect(page).to_have_url(re.compile(r"/lapor/terkirim/\d+/$"))
    voice = Attachment.objects.get()
    assert (voice.kind, voice.content_type) == ("audio", "audio/ogg")
    assert voice.report.body_original == "Laporan ada di pesan suara terlampir."
