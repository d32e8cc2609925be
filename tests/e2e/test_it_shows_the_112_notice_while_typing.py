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


def test_the_node_and_desk_forms_show_it_too(new_context, cast, directory, shot):
    """The forms that file for a person share the report fields and so the one live slot (the
    node form once had a second, hidden one first in the page, which took the notice)."""
    from lapor.nodes import actions as node_actions
    from tests.e2e.helpers import log_in

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
    for user, url in (
        (cast.community_node, f"/simpul/{node.pk}/lapor/"),
        (cast.officer_a, "/konsol/loket/"),
    ):
        page = new_context().new_page()
        log_in(page, user.email)
        page.goto(url)
        assert page.locator("#emergency-live").count() == 1
        live = page.locator("#emergency-live")
        expect(live).to_be_hidden()
        page.locator("[name=body]").fill("Ada kebakaran di gudang dekat pasar, api masih besar.")
        expect(live).to_be_visible()
        expect(live).to_contain_text("112")
        shot(page, url.strip("/").replace("/", "-"))
