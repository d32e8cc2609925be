"""axe-core (WCAG 2.1 A/AA) finds nothing on the pages of issue 17's follow-up quality, in
Indonesian and English: the response-template page (and with an error), the case page with the
template picker and a flagged follow-up, the reporter's page telling of a recycled photo, and the
scorecard with the new indicators. Real browser (Debian's Chromium through Playwright)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.axe import AxeAudit, logged_in_page
from tests.followups.photos import jpeg, resized, street

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("prefix", ["", "/en"], ids=["id", "en"])
def test_the_follow_up_quality_pages_have_no_axe_violations(
    prefix,
    chromium,
    live_server,
    cast,
    directory,
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from lapor.regions.models import Region
    from lapor.reports import actions
    from lapor.reports import case_actions as ca
    from lapor.reports.attachments import check_file, stage
    from lapor.reports.models import ResponseTemplate
    from lapor.stats.rollup import refresh

    photo = jpeg(street(), taken="2026:01:04 07:00:00")
    filed = actions.report_submit(
        kind="complaint",
        title="Jalan Colombo berlubang",
        body="Lubang besar sudah tiga bulan, banyak pengendara jatuh di sana.",
        incident_date=dt.date(2026, 1, 5),
        region=Region.objects.get(code="34.04.07.2001"),
        contact=actions.ReporterContact(full_name="Siti", email="siti@example.id"),
        uploads=[stage(check_file(SimpleUploadedFile("lubang.jpg", photo)))],
    )
    report = filed.report
    ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.agency_admin)
    ResponseTemplate.objects.create(
        agency=directory.sleman_gov,
        situation="scheduled",
        title="Jadwal pemeriksaan",
        body="Laporan {nomor} akan diperiksa paling lambat {batas_waktu}.",
    )
    ca.report_follow_up(
        report=report,
        message="Lubang sudah ditambal aspal.",
        actor=cast.officer_a,
        resolved=True,
        uploads=[stage(check_file(SimpleUploadedFile("sesudah.jpg", resized(photo))))],
    )
    refresh()

    audit = AxeAudit()
    admin = logged_in_page(chromium, live_server, cast.agency_admin)
    audit.check(admin, "templates", f"{prefix}/konsol/templat/")
    admin.locator("main form button[type=submit]").first.click()
    admin.wait_for_selector("#error-summary")
    audit.check(admin, "templates-with-error")
    audit.check(admin, "case-flagged-admin", f"{prefix}/konsol/laporan/{report.tracking_id}/")

    officer = logged_in_page(chromium, live_server, cast.officer_a)
    audit.check(officer, "case-officer-templates", f"{prefix}/konsol/laporan/{report.tracking_id}/")

    citizen = chromium.new_context(base_url=live_server.url).new_page()
    citizen.goto(f"{prefix}/lacak/")
    citizen.fill("input[name=tracking_id]", report.tracking_id)
    citizen.fill("input[name=pin]", filed.pin)
    citizen.locator("main form button[type=submit]").first.click()
    citizen.wait_for_selector("#evidence-notice")
    audit.check(citizen, "reporter-evidence-notice")
    audit.check(citizen, "scorecard", f"{prefix}/statistik/instansi/{directory.sleman_pupr.pk}/")

    audit.assert_clean()
