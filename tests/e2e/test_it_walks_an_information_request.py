"""A whole information request in the real browser: a person files it on the web; the PPID
grants it in part with a file, the copying cost, the Pasal 17 ground and the consequence test;
the person reads the letter (HTML and PDF) and objects; the Atasan PPID decides in writing; the
person records the dispute at the Information Commission. Screenshots of every step."""

from __future__ import annotations

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from lapor.ppid.models import Dispute, Notice, Objection
from lapor.reports.models import Report, Status
from tests.e2e.helpers import log_in, write_pdf
from tests.e2e.ppid_steps import fill_request, open_own_request, send_request
from tests.ppid.conftest import NIK


@pytest.fixture
def ppid_cast(site, cast, directory):
    from tests.ppid.conftest import make_ppid

    return make_ppid(directory)


def test_it_walks_a_request_to_the_information_commission(new_context, ppid_cast, shot, tmp_path):
    person = new_context().new_page()
    person.goto("/informasi/")
    shot(person, "public-information")
    fill_request(person)
    shot(person, "request-form-filled")
    tracking_id, pin, registration = send_request(person)
    assert registration.endswith("/PPID/" + registration[-4:])
    shot(person, "receipt")

    officer = new_context().new_page()
    log_in(officer, ppid_cast.officer_a.email)
    officer.goto("/konsol/ppid/")
    expect(officer.locator("main table")).to_contain_text(registration)
    shot(officer, "ppid-register")
    officer.locator("main table a", has_text=registration).click()
    expect(officer.locator("main")).to_contain_text(NIK)  # the PPID reads the identity (logged)
    section = officer.locator("#action-jawab")
    section.locator("input[name=jawab-decision][value=partial]").check()
    section.locator("[name=jawab-explanation]").fill(
        "Terlampir rincian anggaran perbaikan jalan per ruas. Nama calon penyedia jasa untuk "
        "paket yang masih dalam pemilihan belum dapat kami berikan."
    )
    section.locator("input[name=attachments]").set_input_files(
        str(write_pdf(tmp_path / "rincian-anggaran-depok-2026.pdf"))
    )
    section.locator("select[name=jawab-form]").select_option("softcopy")
    section.locator("select[name=jawab-delivery]").select_option("email")
    section.locator("[name=jawab-cost]").fill("15000")
    section.locator("[name=jawab-cost_detail]").fill("30 lembar × Rp 500")
    section.locator("select[name=jawab-exemption_ground]").select_option("b")
    section.locator("[name=jawab-consequence_test]").fill(
        "Membuka nama calon penyedia sebelum pemilihan selesai dapat mengganggu persaingan "
        "usaha yang sehat; setelah kontrak ditandatangani namanya diumumkan."
    )
    section.locator("[name=jawab-withheld]").fill("Nama calon penyedia dua paket.")
    shot(officer, "notice-form")
    section.locator("button[type=submit]:not([name])").click()
    expect(officer.locator("#console-messages")).to_be_visible()
    shot(officer, "notice-sent")
    notice = Notice.objects.get()
    assert notice.decision == "partial" and notice.cost == 15000

    open_own_request(person, tracking_id, pin)
    expect(person.locator("#notices")).to_be_visible()
    shot(person, "requester-page-with-notice")
    person.locator("ul.notices a", has_text="Baca surat").first.click()
    person.wait_for_url(re.compile(r"/pemberitahuan/\d+/$"))
    expect(person.locator("h1")).to_have_text("PEMBERITAHUAN TERTULIS")
    shot(person, "notice-letter")
    pdf = person.request.get(person.url + "?format=pdf")
    assert pdf.ok and pdf.body().startswith(b"%PDF")
    person.go_back()

    form = person.locator("form:has(input[name=action][value=object])")
    form.locator("input[name=grounds][value=a]").check()
    form.locator("[name=reason]").fill(
        "Pemilihan penyedia untuk dua paket sudah selesai, jadi namanya tidak lagi rahasia."
    )
    form.locator("button[type=submit]").click()
    expect(person.locator("#done")).to_be_visible()
    shot(person, "objection-filed")
    objection = Objection.objects.get()

    atasan = new_context().new_page()
    log_in(atasan, ppid_cast.atasan_a.email)
    atasan.goto("/konsol/ppid/keberatan/")
    expect(atasan.locator("main table")).to_contain_text(objection.number)
    shot(atasan, "objections-register")
    atasan.locator("main table a", has_text=objection.number).click()
    expect(atasan.locator("#action-jawab")).to_have_count(0)  # the Atasan does not answer
    decide = atasan.locator("#action-putuskan-keberatan")
    decide.locator("input[value=partly_accepted]").check()
    decide.locator("textarea").nth(0).fill(
        "Dua paket telah selesai dipilih dan berkontrak; untuk paket itu alasan pengecualian "
        "Pasal 17 huruf b tidak berlaku lagi."
    )
    decide.locator("textarea").nth(1).fill(
        "PPID memberikan nama penyedia dua paket yang telah berkontrak dalam 5 hari kerja."
    )
    shot(atasan, "decision-form")
    decide.locator("button[type=submit]").click()
    expect(atasan.locator("#console-messages")).to_be_visible()
    shot(atasan, "decision-sent")

    open_own_request(person, tracking_id, pin)
    expect(person.locator("#commission")).to_be_visible()
    shot(person, "requester-page-with-decision")
    commission = person.locator("form:has(input[name=action][value=commission])")
    commission.locator("[name=filed_on]").fill(timezone.localdate().isoformat())
    commission.locator("[name=commission]").fill("Komisi Informasi Daerah Istimewa Yogyakarta")
    commission.locator("[name=register_number]").fill("012/KI-DIY/PSI/2026")
    commission.locator("button[type=submit]").click()
    expect(person.locator("#done")).to_be_visible()
    shot(person, "dispute-recorded")

    report = Report.objects.get(tracking_id=tracking_id)
    assert report.status == Status.INFO_COMMISSION
    assert Objection.objects.get().outcome == "partly_accepted"
    dispute = Dispute.objects.get()
    assert dispute.register_number == "012/KI-DIY/PSI/2026" and dispute.objection == objection
    # The requester's identity is nowhere on the public side.
    public = new_context().new_page()
    for url in ("/informasi/", "/laporan/", f"/statistik/ppid/{report.agency_id}/2026/"):
        public.goto(url)
        assert NIK not in public.content()
