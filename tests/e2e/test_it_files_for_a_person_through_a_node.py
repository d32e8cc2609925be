"""A community node's helper files a report for a person who cannot type — with their consent,
a recorded voice note instead of the text — then listens to the agency's answer and replies
for them with another voice note. The person can take the report back with their PIN."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from lapor.nodes import actions as node_actions
from lapor.nodes.models import NodeFiling
from lapor.reports import case_actions as ca
from lapor.reports.models import Attachment, Report, ReportEvent
from tests.e2e.helpers import log_in, track
from tests.e2e.nodes_steps import (
    PHONE,
    fill_node_report,
    note_shot,
    playable_seconds,
    plays,
    record_voice_note,
    send,
)


def test_a_helper_files_for_a_person_and_follows_up(new_context, cast, directory, shot):
    node = node_actions.node_register(
        name="Simpul Difabel Sleman",
        kind="disability",
        region=None,
        agency=directory.sleman_gov,
        actor=cast.agency_admin,
    )
    node_actions.node_helper_add(
        node=node, email=cast.community_node.email, actor=cast.agency_admin
    )

    page = new_context(viewport=PHONE).new_page()
    log_in(page, cast.community_node.email)
    page.goto("/simpul/")
    expect(page.locator("h1")).to_have_text("Simpul Difabel Sleman")
    page.locator(f"main a[href='/simpul/{node.pk}/lapor/']").click()
    fill_node_report(page)
    record_voice_note(page)
    shot(page, "node-form-with-recording")
    note_shot(page, "02-node-form-recorded")
    send(page, page.locator("#report-form button[type=submit]:not([name])"))
    page.wait_for_url(re.compile(rf"/simpul/{node.pk}/terkirim/\d+/$"))
    tracking_id = page.locator("#tracking-id").inner_text().strip()
    pin = page.locator("#pin").inner_text().strip()
    note_shot(page, "03-node-receipt")

    report = Report.objects.get(tracking_id=tracking_id)
    assert report.body_original == "Laporan ada di pesan suara terlampir."
    assert report.reporter_user_id is None
    voice = Attachment.objects.get(report=report)
    assert (voice.kind, voice.content_type) == ("audio", "audio/webm")
    assert NodeFiling.objects.get(report=report).consent == "spoken"

    # The agency answers in writing.
    ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.agency_admin)
    ca.report_follow_up(
        report=report,
        message="Trotoar akan kami perbaiki dan kami beri jalur landai minggu depan.",
        actor=cast.officer_a,
    )

    # The helper listens to the answer (made in Indonesian on our side) with the person.
    page.goto(f"/simpul/{node.pk}/")
    note_shot(page, "01-node-page")
    page.locator(f"main a[href='/simpul/{node.pk}/laporan/{tracking_id}/']").click()
    listen = page.locator(".listen audio").first
    assert playable_seconds(page, listen) > 2
    assert plays(page, listen)
    # The person's own voice note, played back on the node's page too.
    assert playable_seconds(page, page.locator("audio.voice-player").first) > 0.5
    note_shot(page, "04-node-report-listen")

    # And replies for them, speaking.
    page.locator("[name=message]").fill("Pak Darmo berterima kasih dan akan mengecek.")
    record_voice_note(page)
    send(page, page.locator("main form button[type=submit]").last)
    expect(page.locator("#done")).to_be_visible()
    reply = ReportEvent.objects.get(report=report, kind="reporter_reply")
    assert reply.actor_id is None and reply.data["via_node"] == node.pk
    assert reply.attachments.get().kind == "audio"

    # The person follows their own report with their ID and PIN, and takes it back.
    person = new_context(viewport=PHONE).new_page()
    track(person, tracking_id, pin)
    expect(person.locator("#node-panel-title")).to_be_visible()
    person.locator(f"form[action$='/simpul/tarik/{tracking_id}/'] button").click()
    expect(person.locator(".node-panel")).to_contain_text("Anda sudah menariknya")
    page.goto(f"/simpul/{node.pk}/laporan/{tracking_id}/")
    expect(page.locator("h1")).not_to_have_text(report.title_original)
