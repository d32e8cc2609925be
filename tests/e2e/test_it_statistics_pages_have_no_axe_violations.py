"""axe-core finds no WCAG 2.1 A/AA violation on the statistics dashboard, a drill-down, the
league table and a scorecard, in Indonesian and English; the charts read without JavaScript."""

from __future__ import annotations

import pytest
import time_machine
from playwright.sync_api import expect

from lapor.stats.rollup import refresh
from tests.axe import AxeAudit
from tests.stats.conftest import NOW, make_dataset


@pytest.fixture
def stats_data(cast, directory):
    data = make_dataset(cast, directory)
    with time_machine.travel(NOW, tick=False):
        refresh(full=True)
    return data


@pytest.mark.parametrize("prefix", ["", "/en"], ids=["id", "en"])
def test_statistics_pages_have_no_axe_violations(prefix, page, stats_data, directory, shot):
    audit = AxeAudit(shot=shot)
    urls = {
        "dashboard": f"{prefix}/statistik/",
        "drill-down": f"{prefix}/statistik/?region=34.04",
        "league": f"{prefix}/statistik/instansi/",
        "scorecard": f"{prefix}/statistik/instansi/{directory.sleman_pupr.pk}/",
    }
    for name, url in urls.items():
        page.goto(url)
        expect(page.locator("html")).to_have_attribute("lang", "en" if prefix else "id")
        audit.check(page, name)
    audit.assert_clean()


def test_charts_read_without_javascript(nojs_page, stats_data, directory):
    page = nojs_page
    page.goto("/en/statistik/")
    chart = page.locator("svg[role=img]").first
    expect(chart).to_be_visible()
    assert chart.locator("title").text_content()
    expect(page.get_by_role("img", name="Reports received per month")).to_be_visible()
    expect(page.get_by_role("table", name="Reports by category")).to_be_visible()
    page.get_by_role("link", name="Daerah Istimewa Yogyakarta").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Daerah Istimewa Yogyakarta")
    page.goto(f"/en/statistik/instansi/{directory.sleman_pupr.pk}/")
    expect(page.get_by_role("img", name="Time to resolve")).to_be_visible()
