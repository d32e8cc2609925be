"""axe-core finds no WCAG 2.1 A/AA violation on any page of the public-information service, in
Indonesian and English: the lists and their search, an entry, the request form (also with
errors), the receipt, the requester's page with its forms, the letter, the yearly reports, and
the console's register, request page, objections register, list editor and desk form."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from lapor.ppid import actions
from lapor.ppid.models import InformationEntry
from tests.axe import AxeAudit
from tests.e2e.helpers import log_in
from tests.e2e.ppid_steps import fill_request, open_own_request, send_request
from tests.ppid.conftest import make_ppid


@pytest.mark.parametrize("prefix", ["", "/en"], ids=["id", "en"])
def test_it_ppid_pages_have_no_axe_violations(prefix, page, new_context, cast, directory, shot):
    ppid = make_ppid(directory)
    entry = actions.entry_save(
        agency=ppid.sleman_ppid,
        data=actions.EntryData(
            category="exempted",
            title="Dokumen penyelidikan pungutan liar",
            summary="Berita acara pemeriksaan Inspektorat yang sedang berjalan.",
            exemption_ground="a",
            consequence_test="Membuka dokumen sebelum pemeriksaan selesai dapat menghambat "
            "penegakan hukum.",
        ),
        actor=ppid.officer_a,
    )
    audit = AxeAudit(shot=shot)

    def check(name, target=page):
        audit.check(target, name)

    lang = "en" if prefix else "id"
    page.goto(f"{prefix}/informasi/?q=penyelidikan")
    expect(page.locator("html")).to_have_attribute("lang", lang)
    check("information-search")
    page.goto(f"{prefix}/informasi/instansi/{ppid.sleman_ppid.pk}/")
    check("agency-list")
    page.goto(f"{prefix}/informasi/dokumen/{entry.pk}/")
    check("entry")
    page.goto(f"{prefix}/informasi/minta/")
    check("request-form")
    page.locator("#request-form button[type=submit]:not([name])").click()
    expect(page.locator("#error-summary")).to_be_visible()
    check("request-form-with-errors")
    fill_request(page, prefix)
    tracking_id, pin, _registration = send_request(page)
    check("receipt")

    officer = new_context().new_page()
    log_in(officer, ppid.officer_a.email, prefix=prefix)
    officer.goto(f"{prefix}/konsol/ppid/")
    check("console-register", officer)
    officer.goto(f"{prefix}/konsol/ppid/permohonan/{tracking_id}/")
    check("console-request", officer)
    officer.locator("#action-jawab button[type=submit]:not([name])").click()
    expect(officer.locator("#error-summary")).to_be_visible()
    check("console-request-with-errors", officer)
    section = officer.locator("#action-jawab")
    section.locator("input[name=jawab-decision][value=refused]").check()
    section.locator("[name=jawab-explanation]").fill("Informasi ini dikecualikan sementara.")
    section.locator("select[name=jawab-exemption_ground]").select_option("a")
    section.locator("[name=jawab-consequence_test]").fill(
        "Membuka dokumen dapat menghambat proses penegakan hukum yang sedang berjalan."
    )
    section.locator("button[type=submit]:not([name])").click()
    expect(officer.locator("#console-messages")).to_be_visible()
    officer.goto(f"{prefix}/konsol/ppid/keberatan/")
    check("console-objections", officer)
    officer.goto(f"{prefix}/konsol/ppid/daftar-informasi/")
    check("console-entries", officer)
    officer.goto(f"{prefix}/konsol/ppid/daftar-informasi/{entry.pk}/ubah/")
    check("console-entry-edit", officer)

    open_own_request(page, tracking_id, pin, prefix)
    check("requester-page")
    page.locator("ul.notices a").first.click()
    check("notice-letter")

    desk = new_context().new_page()
    log_in(desk, cast.officer_a.email, prefix=prefix)
    desk.goto(f"{prefix}/konsol/ppid/loket/")
    check("console-desk", desk)

    page.goto(f"{prefix}/statistik/ppid/")
    check("annual-index")
    page.goto(
        f"{prefix}/statistik/ppid/{ppid.sleman_ppid.pk}/{InformationEntry.objects.get().created_at.year}/"
    )
    check("annual-detail")

    audit.assert_clean()
