"""axe-core finds no WCAG 2.1 A/AA violation on the satisfaction survey form (empty, with
errors, answered) and on a scorecard's SKM section, in Indonesian and English."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from lapor.reports.models import Channel
from lapor.skm.actions import skm_answer
from lapor.skm.method import FIELDS
from lapor.stats.rollup import refresh
from tests.axe import AxeAudit
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
    audit = AxeAudit(shot=shot)

    page.goto(f"{prefix}/lacak/?id={report.tracking_id}")
    page.locator("#id_pin").fill(pin)
    page.locator("form button[type=submit]").click()
    page.goto(f"{prefix}/lacak/{report.tracking_id}/survei/")
    expect(page.locator("html")).to_have_attribute("lang", "en" if prefix else "id")
    audit.check(page, "survey")
    page.locator("form button[type=submit]").click()  # nothing chosen: errors
    expect(page.locator("#error-summary")).to_be_visible()
    audit.check(page, "survey-errors")
    for name in FIELDS:
        page.locator(f"input[name={name}][value='3']").check()
    page.locator("form button[type=submit]").click()
    expect(page.locator("#done")).to_be_visible()
    audit.check(page, "survey-done")

    page.goto(f"{prefix}/statistik/instansi/{directory.sleman_pupr.pk}/#skm")
    expect(page.locator("#skm-elements")).to_be_visible()
    page.locator("#skm details summary").click()
    audit.check(page, "scorecard")
    audit.assert_clean()
