"""Voice: a reporter records a voice note in the browser (a fake microphone), listens to it
before sending; the officer plays it back and answers with a voice note of their own; the
reporter listens to the written follow-up, read aloud in Indonesian."""

from __future__ import annotations

from playwright.sync_api import expect

from lapor.reports import case_actions as ca
from lapor.reports.models import Attachment, Report
from tests.e2e.helpers import fill_report_js, log_in
from tests.e2e.nodes_steps import (
    PHONE,
    note_shot,
    playable_seconds,
    plays,
    record_voice_note,
    send,
)


def test_a_voice_note_goes_both_ways_and_answers_can_be_listened_to(
    new_context, cast, directory, shot
):
    reporter = new_context(viewport=PHONE).new_page()
    reporter.goto("/lapor/")
    fill_report_js(reporter)
    record_voice_note(reporter)
    review = reporter.locator(".voice-playback")
    assert playable_seconds(reporter, review) != -1  # the browser can read its own recording
    note_shot(reporter, "05-report-form-recorded")
    shot(reporter, "report-form-with-recording")
    # "Check your answers" carries the recording on to the check page; then send.
    send(reporter, reporter.locator("#check-answers"))
    send(reporter, reporter.locator("#send-report"))
    tracking_id = reporter.locator("#tracking-id").inner_text().strip()
    report = Report.objects.get(tracking_id=tracking_id)
    voice = Attachment.objects.get(report=report)
    assert (voice.kind, voice.content_type) == ("audio", "audio/webm")

    # The verifier (agency admin of Sleman) plays it back in the console.
    admin = new_context().new_page()
    log_in(admin, cast.agency_admin.email)
    admin.goto(f"/konsol/laporan/{tracking_id}/")
    player = admin.locator("#attachments ~ ul.files audio.voice-player").first
    assert playable_seconds(admin, player) > 0.5
    assert plays(admin, player)

    # The liaison officer answers in writing and with a recorded voice note.
    ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.agency_admin)
    officer = new_context().new_page()
    log_in(officer, cast.officer_a.email)
    officer.goto(f"/konsol/laporan/{tracking_id}/")
    section = officer.locator("#action-tindak-lanjut")
    section.locator("textarea").fill("Lubang sudah kami tambal hari ini. Terima kasih.")
    record_voice_note(officer, scope=section)
    send(officer, section.locator("button[type=submit]"))
    answer = Attachment.objects.exclude(pk=voice.pk).get(report=report)
    assert answer.kind == "audio" and answer.event.kind == "follow_up"

    # The reporter listens to the follow-up (spoken by espeak-ng) and to the officer's voice.
    reporter.goto(f"/lacak/{tracking_id}/")
    listen = reporter.locator(".listen audio").first
    expect(listen).to_be_visible()
    assert playable_seconds(reporter, listen) > 2
    assert plays(reporter, listen)
    officer_voice = reporter.locator(f"audio.voice-player[src$='/lampiran/{answer.pk}/']")
    assert playable_seconds(reporter, officer_voice) > 0.5
    note_shot(reporter, "06-reporter-listens")
    shot(reporter, "reporter-listens")
