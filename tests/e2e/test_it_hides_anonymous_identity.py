"""An anonymous reporter's name, phone and e-mail appear on no page that the public, another
reporter or an agency officer can load — not even once the report is handled by the officer's
agency — only on the reporter's own view of the report.

Each person loads the pages named below in both languages, then follows every same-site link
from them (their files too): "every page they can reach", not a list that ages.
"""

from __future__ import annotations

import html
import io
import re

from PIL import Image
from playwright.sync_api import expect

from lapor.reports.case_actions import report_dispose
from lapor.reports.models import Report, ReporterIdentity
from tests.e2e.helpers import fill_report_js, log_in, submit_report, write_pdf

NAME = "Rahasia Sekali Namanya"
EMAIL = "rahasia.sekali@example.id"
PHONE = "0813-5555-4444"
# Every way the identity could be written out: the phone as typed, normalised (+62…), grouped.
SECRETS = [NAME, EMAIL, "rahasia.sekali", PHONE, "0813 5555 4444", "81355554444", "5555-4444"]
PAGES = ["/", "/lapor/", "/lacak/", "/akun/masuk/", "/akun/daftar/", "/akun/laporan-saya/"]
# Followed links stay on the site and out of static files; enough for every page of this app.
CRAWL_LIMIT = 120


def leaks(text):
    return [s for s in SECRETS if s.lower() in text.lower()]


def write_jpeg_with_owner(path, owner):
    """A photo whose EXIF names its owner, as many phones write it."""
    exif = Image.Exif()
    exif[0xA430] = owner  # CameraOwnerName
    exif[0x013B] = owner  # Artist
    buf = io.BytesIO()
    Image.new("RGB", (64, 48), (10, 120, 40)).save(buf, format="JPEG", exif=exif)
    path.write_bytes(buf.getvalue())
    assert owner.encode() in path.read_bytes()
    return path


def visit(page, tracking_id, *, extra=()):
    """Load the named pages in the browser (the links from them, in both languages, are then
    crawled). The report must be a 404 in both languages and guessing its PIN must fail.
    Return {where: secrets found}."""
    found = {}
    for path in [*PAGES, f"/lacak/?id={tracking_id}", *extra]:
        response = page.goto(path)
        assert response.status < 500, f"{path} answered {response.status}"
        if hit := leaks(response.text() + page.content()):
            found[path] = hit
    for path in (f"/lacak/{tracking_id}/", f"/en/lacak/{tracking_id}/"):
        # Without access the link asks for the PIN (issue 15): nothing of the report shown.
        response = page.goto(path)
        assert response.status == 200 and page.locator("[name=pin]").count() == 1, path
        assert page.locator("ol.timeline").count() == 0, path
        if hit := leaks(page.content()):
            found[f"{path} (PIN asked)"] = hit
    page.goto("/lacak/")
    page.locator("[name=tracking_id]").fill(tracking_id)
    page.locator("[name=pin]").fill("000000")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("#error-summary")).to_be_visible()
    if hit := leaks(page.content()):
        found["/lacak/ (wrong PIN)"] = hit
    return found


def crawl(page, site, start):
    """GET every same-site link reachable from ``start`` with this person's cookies, files
    included (bodies and headers, e.g. a download's file name). Return ({url: secrets found},
    {url: status})."""
    queue, seen, found, statuses = list(start), set(), {}, {}
    while queue and len(seen) < CRAWL_LIMIT:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        response = page.request.get(site + path)
        statuses[path] = response.status
        text = response.body().decode("utf-8", "replace")
        headers = " ".join(f"{k}: {v}" for k, v in response.headers.items())
        if hit := leaks(text + " " + headers):
            found[path] = hit
        if "text/html" not in response.headers.get("content-type", ""):
            continue
        for href in re.findall(r'href="([^"]+)"', text):
            href = html.unescape(href).split("#")[0]
            if href.startswith("/") and not href.startswith(("//", "/static/")):
                queue.append(href)
    return found, statuses


def test_it_hides_anonymous_identity(page, new_context, site, directory, cast, shot, tmp_path):
    photo = write_jpeg_with_owner(tmp_path / "kuitansi.jpg", NAME)
    letter = write_pdf(tmp_path / f"surat {NAME}.pdf")  # people name files after themselves

    page.goto("/lapor/")
    fill_report_js(
        page,
        title="Pungutan liar di kantor kelurahan",
        body="Petugas loket meminta uang tambahan untuk surat pengantar yang seharusnya gratis.",
        privacy="anonymous",
        full_name=NAME,
        phone=PHONE,
        email=EMAIL,
        files=[photo, letter],
    )
    tracking_id, _pin = submit_report(page)
    shot(page, "receipt")
    report = Report.objects.get(tracking_id=tracking_id)
    assert report.privacy == "anonymous"
    identity = ReporterIdentity.objects.get(report=report)
    assert (identity.full_name, identity.email) == (NAME, EMAIL)

    # Positive control: the reporter sees their own name, so the strings above are the right
    # ones to look for (a typo in SECRETS would make this test pass without checking anything).
    page.goto(f"/lacak/{tracking_id}/")
    assert NAME in page.content()
    shot(page, "reporter-own-view")

    public = new_context().new_page()
    other_reporter = new_context().new_page()
    log_in(other_reporter, cast.reporter2.email)
    officer = new_context().new_page()
    log_in(officer, cast.officer_a.email)
    # Officers are staff: they reach the console (the admin site answers them 404).
    staff_pages = ["/konsol/", f"/konsol/laporan/{tracking_id}/", "/admin/"]

    leaked = {
        "public": visit(public, tracking_id),
        "reporter2": visit(other_reporter, tracking_id),
        "officer_a": visit(officer, tracking_id, extra=staff_pages),
    }
    for who, person, start in (
        ("public", public, ["/", "/en/"]),
        ("reporter2", other_reporter, ["/", "/en/", "/akun/laporan-saya/"]),
        ("officer_a", officer, ["/", "/en/", *staff_pages]),
    ):
        leaked[f"{who}, following links"] = crawl(person, site, start)[0]
    shot(public, "public-wrong-pin")

    # Verified and sent to the officer's agency: now they handle it, and still do not know
    # who sent it — not from the page, the files' names, nor the photo's metadata.
    report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.national_admin)
    officer.goto(f"/konsol/laporan/{tracking_id}/")
    expect(officer.locator("main")).to_contain_text("Pungutan liar di kantor kelurahan")
    shot(officer, "officer-case-page")
    found, statuses = crawl(officer, site, ["/konsol/", f"/konsol/laporan/{tracking_id}/"])
    leaked["officer_a, handling the report"] = found
    files = [p for p in statuses if p.startswith(f"/konsol/laporan/{tracking_id}/lampiran/")]
    assert len(files) == 2 and all(statuses[p] == 200 for p in files), statuses
    for path in (f"/lacak/{tracking_id}/", f"/en/lacak/{tracking_id}/"):
        # Handling the case in the console is not the reporter's view of it: the link only
        # asks for the PIN.
        answer = officer.request.get(site + path)
        assert answer.status == 200 and 'name="pin"' in answer.text()
        assert 'class="timeline"' not in answer.text()
    bad = {who: where for who, where in leaked.items() if where}
    assert not bad, f"the anonymous reporter's identity leaked: {bad}"
