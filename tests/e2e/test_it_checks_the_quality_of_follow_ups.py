"""Issue 17 in the browser: the officer inserts a response template, edits it and posts it with
a photo as proof; the answer, nearly the one the agency gave to three other reports, is flagged
as formulaic, and the photo — the reporter's own, resized — as recycled; the verifier sees both
on the case page and the reporter is told on their page. (The map's keyboard picker and the
public map with its list: test_it_picks_and_shows_points_on_a_map.py.)"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.helpers import log_in, track
from tests.followups.photos import jpeg, resized, street

pytestmark = pytest.mark.browser

TEMPLATE = (
    "Terima kasih atas laporan {nomor}. Laporan sudah kami terima dan akan segera kami "
    "tindak lanjuti sesuai ketentuan yang berlaku. Mohon kesediaan Bapak/Ibu untuk menunggu "
    "informasi selanjutnya dari kami."
)


def _case(cast: Any, directory: Any, title: str, photo: bytes | None = None) -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from lapor.regions.models import Region
    from lapor.reports import actions
    from lapor.reports import case_actions as ca
    from lapor.reports.attachments import check_file, stage

    uploads = [stage(check_file(SimpleUploadedFile("lubang-saya.jpg", photo)))] if photo else []
    filed = actions.report_submit(
        kind="complaint",
        title=title,
        body="Lubang besar sudah tiga bulan, banyak pengendara jatuh di sana.",
        incident_date=dt.date.today() - dt.timedelta(days=3),
        region=Region.objects.get(code="34.04.07.2001"),
        contact=actions.ReporterContact(full_name="Siti", email="siti@example.id"),
        uploads=uploads,
    )
    ca.report_dispose(report=filed.report, agency=directory.sleman_pupr, actor=cast.agency_admin)
    return filed


def test_templates_formulaic_answers_and_recycled_photos(
    page: Any, new_context: Any, site: str, cast: Any, directory: Any, tmp_path: Path, shot: Any
) -> None:
    from lapor.reports import case_actions as ca
    from lapor.reports.models import EvidenceFlag, ResponseTemplate

    ResponseTemplate.objects.create(
        agency=directory.sleman_gov, situation="acknowledge", title="Terima kasih", body=TEMPLATE
    )
    for title in ["Jalan Kaliurang rusak", "Jalan Gejayan rusak", "Jalan Affandi"]:
        earlier = _case(cast, directory, title).report
        ca.report_follow_up(
            report=earlier,
            message=TEMPLATE.replace("{nomor}", f"{earlier.tracking_id}"),
            actor=cast.officer_a,
        )
    own_photo = jpeg(street(), taken="2026:01:04 07:00:00")
    filed = _case(cast, directory, "Jalan Colombo berlubang", own_photo)
    report = filed.report
    proof = tmp_path / "sesudah.jpg"
    proof.write_bytes(resized(own_photo))

    log_in(page, cast.officer_a.email)
    page.goto(f"/en/konsol/laporan/{report.tracking_id}/")
    page.select_option("#id_templat", label="Terima kasih")
    page.get_by_role("button", name="Insert the template").click()
    message = page.locator("[name=tindak_lanjut-message]")
    text = message.input_value()
    assert f"Terima kasih atas laporan {report.tracking_id}." in text
    message.fill(text + " Tim kami sudah menambal lubangnya.")
    page.locator("[name=tindak_lanjut-outcome][value=resolved]").check()
    page.locator("#action-tindak-lanjut input[type=file][name=attachments]").set_input_files(
        str(proof)
    )
    shot(page, "follow-up-from-a-template")
    page.locator("#action-tindak-lanjut form[method=post] button[type=submit]").last.click()
    page.wait_for_selector("#console-messages")
    reasons = set(EvidenceFlag.objects.filter(report=report).values_list("reason", flat=True))
    assert reasons == {"formulaic", "same_case"}

    verifier = new_context().new_page()
    log_in(verifier, cast.agency_admin.email)
    verifier.goto(f"/en/konsol/laporan/{report.tracking_id}/")
    flags = verifier.locator("#evidence-flags")
    assert "Nearly the same answer as many given to other reports" in flags.inner_text()
    assert "Same picture as an earlier photo of this case" in flags.inner_text()
    shot(verifier, "flagged-for-the-verifier")

    reporter = new_context().new_page()
    track(reporter, report.tracking_id, filed.pin, prefix="/en")
    notice = reporter.locator("#evidence-notice")
    assert "the same picture as an earlier photo of your report" in notice.inner_text()
    shot(reporter, "told-to-the-reporter")
