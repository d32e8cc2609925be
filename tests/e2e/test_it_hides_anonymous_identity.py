"""An anonymous reporter's name, phone and e-mail appear on no page that the public, another
reporter or an agency officer can load — only on the reporter's own view of the report."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from lapor.reports.models import Report, ReporterIdentity
from tests.e2e.helpers import fill_report_js, log_in, submit_report, write_jpeg

NAME = "Rahasia Sekali Namanya"
EMAIL = "rahasia.sekali@example.id"
PHONE = "0813-5555-4444"
# Every way the phone could be written out: as typed, normalised (+62…), in groups.
SECRETS = [
    NAME,
    NAME.upper(),
    EMAIL,
    "rahasia.sekali",
    PHONE,
    "0813 5555 4444",
    "081355554444",
    "81355554444",
    "+62 813",
]


def leaks(text):
    return [s for s in SECRETS if s.lower() in text.lower()]


def visit_everything(page, tracking_id, attachment_url, extra=()):
    """Load every page this person can reach, in both languages; return what leaked where."""
    found = {}
    for prefix in ("", "/en"):
        paths = [
            "/",
            "/lapor/",
            "/lacak/",
            f"/lacak/?id={tracking_id}",
            "/akun/masuk/",
            "/akun/daftar/",
            "/akun/laporan-saya/",
            *extra,
        ]
        for path in paths:
            response = page.goto(prefix + path)
            assert response.status < 500, f"{prefix}{path} answered {response.status}"
            for where, text in (("html", response.text()), ("page", page.content())):
                if hit := leaks(text):
                    found[f"{prefix}{path} ({where})"] = hit
        # The report itself and its files: 404, and the 404 page says nothing either.
        for path in (f"/lacak/{tracking_id}/", attachment_url):
            response = page.goto(prefix + path)
            assert response.status == 404, f"{prefix}{path} answered {response.status}"
            if hit := leaks(response.text()):
                found[f"{prefix}{path} (404)"] = hit
        # Guessing the PIN does not open it either, and the error does not echo the identity.
        page.goto(f"{prefix}/lacak/")
        page.locator("[name=tracking_id]").fill(tracking_id)
        page.locator("[name=pin]").fill("000000")
        page.locator("main form button[type=submit]").click()
        expect(page.locator("#error-summary")).to_be_visible()
        if hit := leaks(page.content()):
            found[f"{prefix}/lacak/ (wrong PIN)"] = hit
    return found


@pytest.fixture
def anonymous_report(page, shot, tmp_path):
    page.goto("/lapor/")
    fill_report_js(
        page,
        title="Pungutan liar di kantor kelurahan",
        body="Petugas loket meminta uang tambahan untuk surat pengantar yang seharusnya gratis.",
        privacy="anonymous",
        full_name=NAME,
        phone=PHONE,
        email=EMAIL,
        files=[write_jpeg(tmp_path / "kuitansi.jpg")],
    )
    tracking_id, _pin = submit_report(page)
    shot(page, "receipt")
    # Positive control: the reporter sees their own name, so the strings above are the right
    # ones to look for (a typo in SECRETS would make the test pass vacuously).
    page.goto(f"/lacak/{tracking_id}/")
    assert NAME in page.content()
    shot(page, "reporter-own-view")
    attachment_url = page.locator("ol.timeline a", has_text="kuitansi.jpg").get_attribute("href")
    return tracking_id, attachment_url


def test_it_hides_anonymous_identity(anonymous_report, new_context, cast, shot):
    tracking_id, attachment_url = anonymous_report
    report = Report.objects.get(tracking_id=tracking_id)
    assert report.privacy == "anonymous"
    identity = ReporterIdentity.objects.get(report=report)
    assert (identity.full_name, identity.email) == (NAME, EMAIL)

    public = new_context().new_page()
    leaked = {"public": visit_everything(public, tracking_id, attachment_url)}
    shot(public, "public")

    other_reporter = new_context().new_page()
    log_in(other_reporter, cast.reporter2.email)
    leaked["reporter2"] = visit_everything(other_reporter, tracking_id, attachment_url)
    shot(other_reporter, "reporter2")

    officer = new_context().new_page()
    log_in(officer, cast.officer_a.email)
    # Officers are staff: they also reach the console and the admin site (with nothing in it
    # they may change). The report is not theirs yet; whatever those pages answer, no identity.
    leaked["officer_a"] = visit_everything(
        officer,
        tracking_id,
        attachment_url,
        extra=["/admin/", "/konsol/", f"/konsol/laporan/{tracking_id}/"],
    )
    shot(officer, "officer_a")

    assert not any(leaked.values()), f"the anonymous reporter's identity leaked: {leaked}"
