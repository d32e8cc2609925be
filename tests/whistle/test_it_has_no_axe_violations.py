"""axe-core (WCAG 2.1 A/AA) finds nothing on the whistleblowing pages, in Indonesian and English:
the form with the kind chosen, the verifier's case page with the referral and accused-unit forms
(and an error), the investigator's case page and the reporter's page after a referral. Real
browser (Debian's Chromium through Playwright)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.axe import AxeAudit, logged_in_page
from tests.whistle.conftest import BODY, inspektorat

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("prefix", ["", "/en"], ids=["id", "en"])
def test_the_whistleblowing_pages_have_no_axe_violations(
    prefix,
    chromium,
    live_server,
    cast,
    directory,  # noqa: F811
):
    from lapor.agencies.models import Membership
    from lapor.regions.models import Region
    from lapor.reports import actions, whistle
    from lapor.reports import case_actions as ca

    auditor_unit = inspektorat(directory)
    Membership.objects.create(
        user=cast.officer_b, agency=auditor_unit, role=Membership.Role.LIAISON_OFFICER
    )

    def file(title: str) -> Any:
        return actions.report_submit(
            kind="whistleblowing",
            title=title,
            body=BODY,
            incident_date=dt.date(2026, 1, 5),
            region=Region.objects.get(code="34.04.07.2001"),
            privacy="anonymous",
            contact=actions.ReporterContact(email="saksi@example.id"),
            requested_agency=directory.sleman_pupr,
        )

    awaiting = file("Pungli di loket perizinan").report
    disposed = file("Konflik kepentingan pengadaan").report
    ca.report_dispose(report=disposed, agency=auditor_unit, actor=cast.agency_admin)
    referred = file("Suap izin bangunan")
    whistle.report_refer(
        report=referred.report,
        body="kpk",
        message="Dilimpahkan ke KPK.",
        reference="R-1/2026",
        actor=cast.agency_admin,
    )

    audit = AxeAudit()
    citizen = chromium.new_context(base_url=live_server.url).new_page()
    citizen.goto(f"{prefix}/lapor/")
    citizen.check("input[name=kind][value=whistleblowing]")
    audit.check(citizen, "form-whistleblowing")
    citizen.goto(f"{prefix}/lacak/")
    citizen.fill("input[name=tracking_id]", referred.report.tracking_id)
    citizen.fill("input[name=pin]", referred.pin)
    citizen.locator("main form button[type=submit]").first.click()
    citizen.wait_for_load_state()
    assert referred.report.tracking_id in citizen.url
    audit.check(citizen, "reporter-page-referred")

    admin = logged_in_page(chromium, live_server, cast.agency_admin)
    audit.check(admin, "case-verifier", f"{prefix}/konsol/laporan/{awaiting.tracking_id}/")
    admin.locator("#action-rujuk button[type=submit]").click()
    admin.wait_for_selector("#error-summary")
    audit.check(admin, "case-referral-error")

    investigator = logged_in_page(chromium, live_server, cast.officer_b)
    audit.check(investigator, "case-auditor", f"{prefix}/konsol/laporan/{disposed.tracking_id}/")

    audit.assert_clean()
