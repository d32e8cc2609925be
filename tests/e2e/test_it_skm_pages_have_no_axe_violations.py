"""axe-core finds no WCAG 2.1 A/AA violation on the satisfaction survey form (empty, with
errors, answered) and on a scorecard's SKM section, in Indonesian and English."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from lapor.reports.models import Channel
from lapor.skm.actions import skm_answer
from lapor.skm.method import FIELDS
from lapor.stats.rollup import refresh
from tests.e2e.test_it_has_no_axe_violations import AXE_OPTIONS, describe
from tests.skm.conftest import closed_report

ANSWERS = [
    (4, 4, 3, 4, 4, 3, 4, 4, 3),
    (3, 3, 3, 4, 3, 3, 4, 3, 3),
    (4, 3, 2, 4, 3, 4, 3, 2, 4),
    (3, 4, 3, 4, 2, 3, 4, 3, 3),
    (4, 4, 4, 4, 4, 4, 4, 4, 4),
]


@pytest.mark.parametrize("prefix", ["", "/en"], ids=["id", "en"])
def test_skm_pages_have_no_axe_violations(prefix, page, cast, directory, shot):
    for values in ANSWERS:
        report, _pin = closed_report(cast, directory)
        skm_answer(
            report=report, values=dict(zip(FIELDS, values, strict=True)), channel=Channel.WEB
        )
    report, pin = closed_report(cast, directory)
    refresh(full=True)
    axe = Axe()
    found = {}

    page.goto(f"{prefix}/lacak/?id={report.tracking_id}")
    page.locator("#id_pin").fill(pin)
    page.locator("form button[type=submit]").click()
    page.goto(f"{prefix}/lacak/{report.tracking_id}/survei/")
    expect(page.locator("html")).to_have_attribute("lang", "en" if prefix else "id")
    found["survey"] = axe.run(page, options=AXE_OPTIONS).response["violations"]
    shot(page, "survey")
    page.locator("form button[type=submit]").click()  # nothing chosen: errors
    expect(page.locator("#error-summary")).to_be_visible()
    found["survey-errors"] = axe.run(page, options=AXE_OPTIONS).response["violations"]
    for name in FIELDS:
        page.locator(f"input[name={name}][value='3']").check()
    page.locator("form button[type=submit]").click()
    expect(page.locator("#done")).to_be_visible()
    found["survey-done"] = axe.run(page, options=AXE_OPTIONS).response["violations"]

    page.goto(f"{prefix}/statistik/instansi/{directory.sleman_pupr.pk}/#skm")
    expect(page.locator("#skm-elements")).to_be_visible()
    page.locator("#skm details summary").click()
    found["scorecard"] = axe.run(page, options=AXE_OPTIONS).response["violations"]
    shot(page, "scorecard")
    problems = {name: v for name, v in found.items() if v}
    assert not problems, "\n".join(f"{n}:\n{describe(v)}" for n, v in problems.items())
