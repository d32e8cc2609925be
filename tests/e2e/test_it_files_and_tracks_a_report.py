"""A person with JavaScript files a report with a photo, then follows it from another device
with only the tracking number and PIN, and adds information with another file."""

from __future__ import annotations

import re

from django.utils import translation
from playwright.sync_api import expect

from lapor.reports.models import Attachment, Report, ReportEvent, Status
from tests.e2e.helpers import (
    ADD_INFO,
    INCIDENT_DATE,
    fill_report_js,
    submit_report,
    write_jpeg,
    write_pdf,
)


def test_it_files_and_tracks_a_report(page, new_context, shot, tmp_path):
    photo = write_jpeg(tmp_path / "jalan-berlubang.jpg")
    letter = write_pdf(tmp_path / "surat-rt.pdf")

    page.goto("/lapor/")
    # The no-JS "show the places" button is hidden once the script runs.
    expect(page.locator("button[name=_refresh][value=region]")).to_be_hidden()
    shot(page, "form-empty")

    fill_report_js(page, files=[photo])
    # The cascade loaded each level from /wilayah/anak/ and kept the choices.
    expect(page.locator("select[name=regency]")).to_have_value("34.04")
    expect(page.locator("select[name=district]")).to_have_value("34.04.07")
    expect(page.locator("select[name=village]")).to_have_value("34.04.07.2001")
    shot(page, "form-filled")

    tracking_id, pin = submit_report(page)
    assert re.fullmatch(r"\d{9}", tracking_id)
    assert re.fullmatch(r"\d{6}", pin)
    shot(page, "receipt")

    report = Report.objects.get(tracking_id=tracking_id)
    assert report.title_original == "Jalan berlubang di depan SD Negeri Caturtunggal"
    assert report.incident_date == INCIDENT_DATE
    assert report.region_id == "34.04.07.2001"
    assert (report.province_code, report.regency_code) == ("34", "34.04")
    assert report.status == Status.AWAITING_VERIFICATION
    assert list(report.attachments.values_list("original_name", flat=True)) == [
        "jalan-berlubang.jpg"
    ]

    # Another device: nothing but the number and the PIN.
    other = new_context().new_page()
    # The bookmarked link asks for the PIN (not "not found"), with the number filled in.
    other.goto(f"/lacak/{tracking_id}/")
    expect(other.locator("[name=tracking_id]")).to_have_value(tracking_id)
    expect(other.locator("ol.timeline")).to_have_count(0)
    shot(other, "bookmarked-link-asks-for-the-pin")
    other.locator("[name=pin]").fill(pin)
    with other.expect_navigation():
        other.locator("[name=pin]").press("Enter")
    other.wait_for_url(re.compile(rf"/lacak/{tracking_id}/$"))
    with translation.override("id"):
        expect(other.locator(".status")).to_have_text(report.get_status_display())
    timeline = other.locator("ol.timeline")
    expect(timeline.locator("a", has_text="jalan-berlubang.jpg")).to_be_visible()
    shot(other, "tracked")

    add_info = other.locator(ADD_INFO)
    add_info.locator("[name=message]").fill("Lubangnya makin lebar setelah hujan kemarin.")
    add_info.locator("input[name=attachments]").set_input_files(str(letter))
    add_info.locator("button[type=submit]").click()
    other.wait_for_url(re.compile(rf"/lacak/{tracking_id}/\?"))  # back to the report
    expect(other.locator(".notice-success")).to_be_visible()
    expect(timeline.get_by_text("Lubangnya makin lebar setelah hujan kemarin.")).to_be_visible()
    expect(timeline.locator("a", has_text="surat-rt.pdf")).to_be_visible()
    shot(other, "information-added")

    # The files are served to the reporter through the access check.
    response = other.request.get(
        timeline.locator("a", has_text="jalan-berlubang.jpg").get_attribute("href")
    )
    assert response.ok
    assert response.headers["content-type"] == "image/jpeg"

    assert Attachment.objects.filter(report=report).count() == 2
    kinds = list(report.events.order_by("at", "pk").values_list("kind", flat=True))
    assert kinds[0] == ReportEvent.Kind.SUBMITTED
    assert kinds.count(ReportEvent.Kind.REPORTER_INFO) == 1
    info = ReportEvent.objects.get(report=report, kind=ReportEvent.Kind.REPORTER_INFO)
    assert list(info.attachments.values_list("original_name", flat=True)) == ["surat-rt.pdf"]
