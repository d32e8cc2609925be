"""axe-core (WCAG 2.1 and 2.2, A and AA) finds nothing on the community nodes' pages, the
console's node pages and the voice recorder and players, in Indonesian and in English."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from lapor.nodes import actions as node_actions
from lapor.reports import case_actions as ca
from lapor.reports.models import Report
from tests.axe import WCAG_22, AxeAudit
from tests.e2e.helpers import fill_report_js, log_in, track
from tests.e2e.nodes_steps import PHONE, fill_node_report, record_voice_note, send


@pytest.mark.parametrize("prefix", ["", "/en"], ids=["id", "en"])
def test_node_and_voice_pages_have_no_axe_violations(prefix, new_context, cast, directory, shot):
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
    audit = AxeAudit(WCAG_22, shot=shot)

    def check(name, target):
        audit.check(target, name)

    page = new_context(viewport=PHONE).new_page()
    log_in(page, cast.community_node.email, prefix=prefix)
    page.goto(f"{prefix}/simpul/{node.pk}/")
    check("node-page-empty", page)
    page.goto(f"{prefix}/simpul/{node.pk}/lapor/")
    check("node-form", page)
    page.locator("#report-form button[type=submit]:not([name])").click()
    expect(page.locator("#error-summary")).to_be_visible()
    check("node-form-with-errors", page)
    page.locator("button[name=_send_code]").click()
    expect(page.locator("#code-error")).to_be_visible()
    check("node-form-code-needs-a-number", page)
    fill_node_report(
        page, body="Trotoar rusak berat sejak banjir bulan lalu, kursi roda tidak bisa lewat."
    )
    record_voice_note(page)
    check("node-form-with-recording", page)
    send(page, page.locator("#report-form button[type=submit]:not([name])"))
    page.wait_for_url(re.compile(r"/terkirim/\d+/$"))
    tracking_id = page.locator("#tracking-id").inner_text().strip()
    pin = page.locator("#pin").inner_text().strip()
    check("node-receipt", page)
    report = Report.objects.get(tracking_id=tracking_id)
    ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.agency_admin)
    ca.report_follow_up(report=report, message="Akan kami perbaiki.", actor=cast.officer_a)
    page.goto(f"{prefix}/simpul/{node.pk}/laporan/{tracking_id}/")
    check("node-report-page", page)
    page.locator("main form button[type=submit]").last.click()  # nothing written: error
    expect(page.locator("#error-summary")).to_be_visible()
    check("node-report-page-with-errors", page)
    page.goto(f"{prefix}/simpul/{node.pk}/")
    check("node-page", page)

    # The person's own page: the node panel, a spoken answer, the recorder.
    person = new_context(viewport=PHONE).new_page()
    track(person, tracking_id, pin, prefix=prefix)
    check("reporter-page-with-node-and-listen", person)

    # A citizen's report form with a finished recording.
    citizen = new_context(viewport=PHONE).new_page()
    citizen.goto(f"{prefix}/lapor/")
    fill_report_js(citizen)
    record_voice_note(citizen)
    check("report-form-with-recording", citizen)

    # The console's node pages.
    admin = new_context().new_page()
    log_in(admin, cast.agency_admin.email, prefix=prefix)
    admin.goto(f"{prefix}/konsol/simpul/")
    check("console-nodes", admin)
    admin.locator("main form button[type=submit]").last.click()
    expect(admin.locator("#error-summary")).to_be_visible()
    check("console-nodes-with-errors", admin)
    admin.goto(f"{prefix}/konsol/simpul/{node.pk}/")
    check("console-node", admin)
    admin.locator("[name=email]").fill("tidak.ada@example.id")
    admin.locator("form[action='#add-helper'] button[type=submit]").click()
    expect(admin.locator("#error-summary")).to_be_visible()
    check("console-node-with-errors", admin)
    admin.goto(f"{prefix}/konsol/laporan/{tracking_id}/")
    check("console-case-with-node-and-voice", admin)

    audit.assert_clean()
