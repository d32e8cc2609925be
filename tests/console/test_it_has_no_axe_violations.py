"""axe-core finds no WCAG 2.1 A/AA violation on the console pages, in Indonesian and English,
including a case page with an error and the pages of each role. Runs in the real browser
(Debian's Chromium through Playwright), so it is marked ``browser``."""

from __future__ import annotations

import pytest

from tests.axe import AxeAudit, logged_in_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("prefix", ["", "/en"], ids=["id", "en"])
def test_the_console_has_no_axe_violations(prefix, chromium, live_server, cast, directory):
    from lapor.reports import case_actions as ca
    from tests.console.conftest import file_report

    awaiting = file_report()
    anonymous = file_report(privacy="anonymous", title="Pungutan liar di sekolah negeri")
    disposed = file_report(title="Lampu jalan mati sebulan")
    ca.report_dispose(report=disposed, agency=directory.sleman_pupr, actor=cast.agency_admin)
    ca.report_dispose(report=anonymous, agency=directory.sleman_pupr, actor=cast.agency_admin)

    audit = AxeAudit()
    admin = logged_in_page(chromium, live_server, cast.agency_admin)
    audit.check(admin, "dashboard", f"{prefix}/konsol/")
    audit.check(admin, "verification-queue", f"{prefix}/konsol/antrean/verifikasi/")
    audit.check(
        admin, "case-verifier", f"{prefix}/konsol/laporan/{awaiting.tracking_id}/?q=dinas+pupr"
    )
    admin.locator("#action-tunda button[type=submit]").click()
    admin.wait_for_selector("#error-summary")
    audit.check(admin, "case-with-error")
    audit.check(admin, "calendar", f"{prefix}/konsol/kalender/")

    officer = logged_in_page(chromium, live_server, cast.officer_a)
    audit.check(officer, "follow-up-queue", f"{prefix}/konsol/antrean/tindak-lanjut/")
    audit.check(officer, "case-officer", f"{prefix}/konsol/laporan/{disposed.tracking_id}/")
    audit.check(officer, "case-anonymous", f"{prefix}/konsol/laporan/{anonymous.tracking_id}/")

    national = logged_in_page(chromium, live_server, cast.national_admin)
    audit.check(
        national, "case-national-admin", f"{prefix}/konsol/laporan/{anonymous.tracking_id}/"
    )

    audit.assert_clean()
