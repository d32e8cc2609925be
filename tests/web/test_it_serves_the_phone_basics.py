"""What a phone needs beside the form (issue 15): compressed pages (but not the receipt with
its PIN), a favicon, an installable web app with a service worker that keeps no personal
data, an accessibility statement linked from every page, and the easy-read switch."""

from __future__ import annotations

import gzip
import json

import pytest
from django.test import Client

from lapor.reports.models import Report
from tests.conftest import report_post_data

pytestmark = pytest.mark.django_db
GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, br"}


def test_it_compresses_pages_but_not_the_receipt(client: Client, directory) -> None:
    form = client.get("/lapor/", **GZIP)
    assert form["Content-Encoding"] == "gzip"
    html = gzip.decompress(form.content)
    assert b'id="report-form"' in html
    # The whole form page, compressed, stays far below 60 KB (docs/performance.md).
    assert len(form.content) < 60 * 1024
    receipt = client.get(client.post("/lapor/", report_post_data())["Location"], **GZIP)
    assert receipt.status_code == 200
    assert "Content-Encoding" not in receipt  # the PIN is never compressed (BREACH)
    assert b'id="pin"' in receipt.content


def test_it_has_a_favicon_and_a_manifest(client: Client, directory) -> None:
    page = client.get("/").content.decode()
    assert 'rel="icon"' in page and "favicon.svg" in page
    assert client.get("/favicon.ico").status_code == 301
    manifest = client.get("/manifest.webmanifest")
    assert manifest["Content-Type"] == "application/manifest+json"
    data = json.loads(manifest.content)
    assert data["start_url"] == "/lapor/" and data["display"] == "standalone"
    assert {"192x192", "512x512"} <= {i["sizes"] for i in data["icons"]}


def test_it_serves_a_service_worker_that_keeps_no_personal_pages(client: Client) -> None:
    sw = client.get("/sw.js")
    assert sw["Content-Type"].startswith("text/javascript")
    assert sw["Service-Worker-Allowed"] == "/"
    body = sw.content.decode()
    assert "__ASSETS__" not in body and "__VERSION__" not in body
    assert "/static/css/lapor.css" in body
    # The stored form is fetched without cookies: no logged-in person's details in it.
    assert 'credentials: "omit"' in body


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_it_links_the_accessibility_statement_from_every_page(client: Client, prefix) -> None:
    for url in (f"{prefix}/", f"{prefix}/lacak/", f"{prefix}/laporan/"):
        assert f'href="{prefix}/aksesibilitas/"' in client.get(url).content.decode()
    page = client.get(f"{prefix}/aksesibilitas/").content.decode()
    assert "WCAG 2.1" in page and "aksesibilitas@" in page


def test_it_switches_to_easy_read_and_remembers_it(client: Client, directory) -> None:
    response = client.get("/mudah-dibaca/?next=/lapor/")
    assert response.status_code == 302 and response["Location"] == "/lapor/"
    page = client.get("/lapor/").content.decode()
    assert "Pertanyaan 1 dari 7" in page or "Question 1 of 7" in page
    assert "pict-anonymous.svg" in page
    # Elsewhere too: the receipt and the report page speak plainly.
    location = client.post("/lapor/", report_post_data())["Location"]
    assert 'class="easy easy-summary"' in client.get(location).content.decode()
    report = Report.objects.get()
    detail = client.get(f"/lacak/{report.tracking_id}/").content.decode()
    assert 'id="easy-now"' in detail
    # Off again, with the same link; an outside "next" is refused.
    assert client.get("/mudah-dibaca/?next=https://evil.example/")["Location"] == "/lapor/"
    assert "Question 1 of 7" not in client.get("/en/lapor/").content.decode()


def test_it_names_categories_in_normal_case(client: Client, directory) -> None:
    page = client.get("/lapor/").content.decode()
    assert "PEKERJAAN UMUM DAN PENATAAN RUANG" not in page
    assert "Pekerjaan umum dan penataan ruang" in page


def test_it_explains_the_status_in_plain_words(client: Client, directory) -> None:
    client.post("/en/lapor/", report_post_data())
    report = Report.objects.get()
    page = client.get(f"/en/lacak/{report.tracking_id}/").content.decode()
    assert "An administrator checks it and sends it on." in page
    assert f"Tracking number {report.tracking_id}" in page
