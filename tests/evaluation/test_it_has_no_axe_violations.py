"""axe-core (WCAG 2.1 A/AA) finds nothing on the evaluation pages in Indonesian and English:
the national roll-up, a government's units, an agency's detail with the decree form and with
an error. Real browser (Debian's Chromium through Playwright)."""

from __future__ import annotations

import os
from typing import Any

import pytest

from tests.console.test_it_has_no_axe_violations import (  # noqa: F401 - fixture
    AXE_OPTIONS,
    _describe,
    _logged_in_page,
    chromium,
)
from tests.evaluation.test_it_evaluates_agencies import fixture  # noqa: F401 - fixture

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"


@pytest.mark.parametrize("prefix", ["", "/en"], ids=["id", "en"])
def test_the_evaluation_pages_have_no_axe_violations(
    prefix,
    chromium,  # noqa: F811
    live_server,
    cast,
    fixture,  # noqa: F811
):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    found: dict[str, list] = {}

    def check(page: Any, url: str, name: str) -> None:
        if url:
            assert page.goto(url).status == 200, url
        found[name] = axe.run(page, options=AXE_OPTIONS).response["violations"]

    national = _logged_in_page(chromium, live_server, cast.national_admin)
    check(national, f"{prefix}/konsol/evaluasi/", "provinces")
    check(national, f"{prefix}/konsol/evaluasi/?pemerintah={fixture.sleman_gov.pk}", "units")
    admin = _logged_in_page(chromium, live_server, cast.agency_admin)
    check(admin, f"{prefix}/konsol/evaluasi/{fixture.sleman_pupr.pk}/", "detail")
    admin.locator("main form button[type=submit]").first.click()
    admin.wait_for_selector("#error-summary")
    check(admin, "", "detail-with-error")

    bad = {name: v for name, v in found.items() if v}
    assert not bad, "\n".join(f"{name}:\n{_describe(v)}" for name, v in bad.items())
