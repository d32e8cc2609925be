"""One case from the first click to the rating, across four people, each in their own browser
(own cookies): a reporter without an account files a report with a photo; the agency admin of
Kabupaten Sleman verifies it and, after searching the directory, disposes it to the Dinas PUPR;
the Dinas PUPR liaison officer marks it resolved (first forgetting the evidence); the reporter,
on another device with only the tracking number and PIN, says it is not fixed yet; the officer
follows up again; the reporter closes the report with a rating."""

from __future__ import annotations

import re

from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from lapor.reports.models import Attachment, Report, ReportEvent, Status
from tests.e2e.helpers import fill_report_js, log_in, submit_report, track, write_jpeg

TITLE = "Jalan berlubang di depan SD Negeri Caturtunggal"
RESOLVED_TEXT = (
    "Lubang sudah ditambal dengan aspal oleh tim pemeliharaan jalan pada hari Senin. "
    "Foto hasil pekerjaan terlampir."
)
REPLY_TEXT = "Terima kasih, tetapi tambalannya sudah ambles lagi dan air menggenang di sana."
SECOND_TEXT = "Tim kembali ke lokasi, memperbaiki saluran air dan menambal ulang dengan beton."
CLOSE_COMMENT = "Sekarang jalannya rata. Terima kasih, tapi perlu dua kali datang."

FOLLOW_UP = "#action-tindak-lanjut"
REPLY = "main form:has(input[name=action][value=reply])"
CLOSE = "main form:has(input[name=action][value=close])"


def speaks(page):
    """Translate expected texts into the language the page was rendered in."""
    return translation.override(page.locator("html").get_attribute("lang") or "id")


def open_from_queue(page, slug, tracking_id):
    """From the console dashboard, open a queue and the case by its tracking number."""
    card = page.locator("ul.queue-cards > li", has=page.locator(f"a[href$='/antrean/{slug}/']"))
    expect(card.locator(".count")).to_have_text(re.compile(r"^\s*1\b"))  # "1 laporan"
    card.locator("a").click()
    page.wait_for_url(f"**/konsol/antrean/{slug}/")
    row = page.locator("table.queue-table tbody tr", has_text=tracking_id)
    expect(row).to_have_count(1)
    expect(row).to_contain_text(TITLE)
    return row


def test_it_walks_a_whole_case(new_context, cast, directory, shot, tmp_path):
    photo = write_jpeg(tmp_path / "jalan-berlubang.jpg")
    evidence = write_jpeg(tmp_path / "sesudah-ditambal.jpg", color=(60, 60, 60))
    evidence_again = write_jpeg(tmp_path / "sesudah-dibeton.jpg", color=(150, 150, 150))

    # (1) The reporter, without an account, files the report with a photo.
    reporter = new_context().new_page()
    reporter.goto("/lapor/")
    fill_report_js(reporter, title=TITLE, files=[photo])
    shot(reporter, "reporter-form-filled")
    tracking_id, pin = submit_report(reporter)
    assert re.fullmatch(r"\d{9}", tracking_id) and re.fullmatch(r"\d{6}", pin)
    shot(reporter, "reporter-receipt")
    report = Report.objects.get(tracking_id=tracking_id)
    assert report.status == Status.AWAITING_VERIFICATION
    # The case page; after an action the browser keeps the form's "#action-…" fragment.
    case_url = re.compile(rf"/konsol/laporan/{tracking_id}/(#[\w-]+)?$")

    # (2) The agency admin verifies and disposes it to the Dinas PUPR.
    admin = new_context().new_page()
    log_in(admin, cast.agency_admin.email)
    admin.wait_for_url("**/konsol/")
    expect(admin.locator("ul.roles")).to_contain_text("Pemerintah Kabupaten Sleman")
    shot(admin, "admin-dashboard")
    row = open_from_queue(admin, "verifikasi", tracking_id)
    shot(admin, "admin-verification-queue")
    row.locator("a", has_text=tracking_id).click()
    admin.wait_for_url(case_url)
    expect(admin.locator("#attachments + ul.files")).to_contain_text("jalan-berlubang.jpg")

    admin.locator("#id_q").fill("dinas pupr sleman")
    admin.locator("#directory-search button[type=submit]").click()
    admin.wait_for_url(re.compile(r"\?q=dinas\+pupr\+sleman"))
    dispose = admin.locator("#action-disposisi")
    choices = dispose.locator("fieldset.agency-choices")
    pupr = choices.get_by_label("Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Sleman")
    expect(pupr).to_have_count(1)
    expect(choices).not_to_contain_text("Semarang")
    pupr.check()
    dispose.locator("[name=disposisi-message]").fill("Mohon ditindaklanjuti, dekat sekolah.")
    shot(admin, "admin-dispose-filled")
    dispose.locator("button[type=submit]").click()
    admin.wait_for_url(case_url)
    expect(admin.locator(".console-messages .notice-success")).to_contain_text(
        "Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Sleman"
    )
    shot(admin, "admin-disposed")
    report.refresh_from_db()
    assert report.status == Status.DISPOSED
    assert report.agency_id == directory.sleman_pupr.pk

    # (3) The liaison officer marks it resolved: first without evidence, then with it.
    officer = new_context().new_page()
    log_in(officer, cast.officer_a.email)
    officer.wait_for_url("**/konsol/")
    row = open_from_queue(officer, "tindak-lanjut", tracking_id)
    shot(officer, "officer-follow-up-queue")
    row.locator("a", has_text=tracking_id).click()
    officer.wait_for_url(case_url)
    form = officer.locator(FOLLOW_UP)
    form.locator("[name=tindak_lanjut-message]").fill(RESOLVED_TEXT)
    form.locator("[name=tindak_lanjut-outcome][value=resolved]").check()
    form.locator("button[type=submit]").click()

    officer.wait_for_url(f"**/konsol/laporan/{tracking_id}/tindak-lanjut/**")
    with speaks(officer):
        no_evidence = gettext(
            "Closing as resolved needs evidence: attach a photo or document of the result."
        )
    summary = officer.locator("#error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text(no_evidence)
    expect(form.locator(".error-message")).to_contain_text(no_evidence)
    form = officer.locator(FOLLOW_UP)
    expect(form.locator("[name=tindak_lanjut-message]")).to_have_value(RESOLVED_TEXT)
    expect(form.locator("[name=tindak_lanjut-outcome][value=resolved]")).to_be_checked()
    assert not report.events.filter(kind=ReportEvent.Kind.FOLLOW_UP).exists()
    shot(officer, "officer-error-no-evidence")

    form.locator("input[name=attachments]").set_input_files(str(evidence))
    form.locator("button[type=submit]").click()
    officer.wait_for_url(case_url)
    expect(officer.locator(".console-messages .notice-success")).to_be_visible()
    expect(officer.locator("ol.timeline")).to_contain_text("sesudah-ditambal.jpg")
    shot(officer, "officer-resolved")

    # (4) The reporter, on another device with only the number and PIN, replies.
    device = new_context().new_page()
    track(device, tracking_id, pin)
    timeline = device.locator("ol.timeline")
    expect(timeline).to_contain_text(RESOLVED_TEXT)
    evidence_link = timeline.locator("a", has_text="sesudah-ditambal.jpg")
    expect(evidence_link).to_be_visible()
    served = device.request.get(evidence_link.get_attribute("href"))
    assert served.ok and served.headers["content-type"] == "image/jpeg"
    shot(device, "reporter-sees-follow-up")
    device.locator(REPLY).locator("[name=message]").fill(REPLY_TEXT)
    device.locator(REPLY).locator("button[type=submit]").click()
    device.wait_for_url(re.compile(rf"/lacak/{tracking_id}/\?done=reply"))
    expect(device.locator(".notice-success")).to_be_visible()
    expect(timeline).to_contain_text(REPLY_TEXT)
    shot(device, "reporter-replied")

    # (5) The officer finds the reply in the follow-up queue and follows up again.
    officer.goto("/konsol/")
    row = open_from_queue(officer, "tindak-lanjut", tracking_id)
    row.locator("a", has_text=tracking_id).click()
    officer.wait_for_url(case_url)
    expect(officer.locator("ol.timeline")).to_contain_text(REPLY_TEXT)
    form = officer.locator(FOLLOW_UP)
    form.locator("[name=tindak_lanjut-message]").fill(SECOND_TEXT)
    form.locator("[name=tindak_lanjut-outcome][value=resolved]").check()
    form.locator("input[name=attachments]").set_input_files(str(evidence_again))
    form.locator("button[type=submit]").click()
    officer.wait_for_url(case_url)
    expect(officer.locator(".console-messages .notice-success")).to_be_visible()
    shot(officer, "officer-second-follow-up")

    # (6) The reporter closes the report with a rating of 4 and a comment.
    device.goto(f"/lacak/{tracking_id}/")
    expect(timeline).to_contain_text(SECOND_TEXT)
    close = device.locator(CLOSE)
    close.locator("[name=rating][value='4']").check()
    close.locator("[name=comment]").fill(CLOSE_COMMENT)
    shot(device, "reporter-rating")
    close.locator("button[type=submit]").click()
    device.wait_for_url(re.compile(rf"/lacak/{tracking_id}/\?done=close"))
    expect(device.locator(".notice-success")).to_be_visible()
    shot(device, "reporter-closed")

    # The reporter's page tells the whole story, in order.
    entries = timeline.locator("> li")
    with speaks(device):
        expected = [
            str(ReportEvent.Kind.SUBMITTED.label),
            str(ReportEvent.Kind.DISPOSED.label),
            str(ReportEvent.Kind.FOLLOW_UP.label),
            str(ReportEvent.Kind.REPORTER_REPLY.label),
            str(ReportEvent.Kind.FOLLOW_UP.label),
            str(ReportEvent.Kind.CLOSED.label),
        ]
        closed_status = str(Status.CLOSED_BY_REPORTER.label)
    expect(entries.locator("p.what strong.kind")).to_have_text(expected)
    expect(entries.nth(0)).to_contain_text("jalan-berlubang.jpg")
    expect(entries.nth(1)).to_contain_text("Dinas Pekerjaan Umum dan Penataan Ruang")
    expect(entries.nth(2)).to_contain_text(RESOLVED_TEXT)
    expect(entries.nth(2)).to_contain_text("sesudah-ditambal.jpg")
    expect(entries.nth(3)).to_contain_text(REPLY_TEXT)
    expect(entries.nth(4)).to_contain_text(SECOND_TEXT)
    expect(entries.nth(4)).to_contain_text("sesudah-dibeton.jpg")
    expect(entries.nth(5)).to_contain_text(CLOSE_COMMENT)
    expect(device.locator(".status")).to_have_text(closed_status)
    expect(device.locator(REPLY)).to_have_count(0)
    expect(device.locator(CLOSE)).to_have_count(0)

    # And so does the database.
    report.refresh_from_db()
    assert report.status == Status.CLOSED_BY_REPORTER
    assert report.rating == 4
    assert report.rating_comment == CLOSE_COMMENT
    events = list(report.events.filter(is_public=True).order_by("at", "pk"))
    assert [e.kind for e in events] == [
        ReportEvent.Kind.SUBMITTED,
        ReportEvent.Kind.DISPOSED,
        ReportEvent.Kind.FOLLOW_UP,
        ReportEvent.Kind.REPORTER_REPLY,
        ReportEvent.Kind.FOLLOW_UP,
        ReportEvent.Kind.CLOSED,
    ]
    submitted, disposed, resolved, reply, second, closed = events
    assert disposed.actor_id == cast.agency_admin.pk
    assert disposed.target_agency_id == directory.sleman_pupr.pk
    assert resolved.actor_id == cast.officer_a.pk
    assert resolved.data == {"resolved": True}
    assert resolved.message == RESOLVED_TEXT
    assert reply.actor_id is None and reply.message == REPLY_TEXT
    assert closed.data == {"rating": 4}
    assert list(resolved.attachments.values_list("original_name", flat=True)) == [
        "sesudah-ditambal.jpg"
    ]
    proof = Attachment.objects.get(report=report, original_name="sesudah-ditambal.jpg")
    assert proof.event_id == resolved.pk
    assert proof.content_type == "image/jpeg"
    assert proof.file.storage.exists(proof.file.name)
    assert list(
        Attachment.objects.filter(report=report)
        .order_by("pk")
        .values_list("original_name", flat=True)
    ) == ["jalan-berlubang.jpg", "sesudah-ditambal.jpg", "sesudah-dibeton.jpg"]
