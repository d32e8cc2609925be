"""axe-core (WCAG 2.1 A/AA) finds nothing on the evaluation pages in Indonesian and English:
the national roll-up, a government's units, an agency's detail with the decree form and with
an error. Real browser (Debian's Chromium through Playwright)."""

from __future__ import annotations

import pytest

from tests.axe import AxeAudit, logged_in_page
from tests.evaluation.test_it_evaluates_agencies import fixture  # noqa: F401 - fixture

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("prefix", ["", "/en"], ids=["id", "en"])
def test_the_evaluation_pages_have_no_axe_violations(
    prefix,
    chromium,
    live_server,
    cast,
    fixture,  # noqa: F811
):
    audit = AxeAudit()
    national = logged_in_page(chromium, live_server, cast.national_admin)
    audit.check(national, "provinces", f"{prefix}/konsol/evaluasi/")
    audit.check(national, "units", f"{prefix}/konsol/evaluasi/?pemerintah={fixture.sleman_gov.pk}")
    admin = logged_in_page(chromium, live_server, cast.agency_admin)
    audit.check(admin, "detail", f"{prefix}/konsol/evaluasi/{fixture.sleman_pupr.pk}/")
    admin.locator("main form button[type=submit]").first.click()
    admin.wait_for_selector("#error-summary")
    audit.check(admin, "detail-with-error")

    audit.assert_clean()
