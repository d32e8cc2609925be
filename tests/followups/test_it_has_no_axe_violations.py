"""axe-core (WCAG 2.1 A/AA) finds nothing on the pages of issue 17's follow-up quality, in
Indonesian and English: the response-template page (and with an error), the case page with the
template picker and a flagged follow-up, the reporter's page telling of a recycled photo, and the
scorecard with the new indicators. Real browser (Debian's Chromium through Playwright)."""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

import pytest

from tests.console.test_it_has_no_axe_violations import (  # noqa: F401 - fixture
    AXE_OPTIONS,
    _describe,
    _logged_in_page,
    chromium,
)
from tests.followups.photos import jpeg, resized, street

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"


@pytest.mark.parametrize("prefix", ["", "/en"], ids=["id", "en"])
def test_the_follow_up_quality_pages_have_no_axe_violations(
    prefix,
    chromium,  # noqa: F811
    live_server,
    cast,
    directory,
):
    from axe_playwright_python.sync_playwright import Axe
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

    axe = Axe()
    found: dict[str, list] = {}

    def check(page: Any, url: str, name: str) -> None:
        if url:
            assert page.goto(url).status == 200, url
        found[name] = axe.run(page, options=AXE_OPTIONS).response["violations"]

    admin = _logged_in_page(chromium, live_server, cast.agency_admin)
    check(admin, f"{prefix}/konsol/templat/", "templates")
    admin.locator("main form button[type=submit]").first.click()
    admin.wait_for_selector("#error-summary")
    check(admin, "", "templates-with-error")
    check(admin, f"{prefix}/konsol/laporan/{report.tracking_id}/", "case-flagged-admin")

    officer = _logged_in_page(chromium, live_server, cast.officer_a)
    check(officer, f"{prefix}/konsol/laporan/{report.tracking_id}/", "case-officer-templates")

    citizen = chromium.new_context(base_url=live_server.url).new_page()
    citizen.goto(f"{prefix}/lacak/")
    citizen.fill("input[name=tracking_id]", report.tracking_id)
    citizen.fill("input[name=pin]", filed.pin)
    citizen.locator("main form button[type=submit]").first.click()
    citizen.wait_for_selector("#evidence-notice")
    check(citizen, "", "reporter-evidence-notice")
    check(citizen, f"{prefix}/statistik/instansi/{directory.sleman_pupr.pk}/", "scorecard")

    bad = {name: v for name, v in found.items() if v}
    assert not bad, "\n".join(f"{name}:\n{_describe(v)}" for name, v in bad.items())
