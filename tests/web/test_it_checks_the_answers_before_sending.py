"""The form's buttons lead to a "check your answers" page first (kind, place, privacy,
contact, files); "Change" goes back to the right field with everything kept; "Send report"
files it; and the receipt says what happens next and by when."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from lapor.reports.models import Report
from tests.conftest import report_post_data
from tests.helpers import pdf_file

pytestmark = pytest.mark.django_db


def hidden_fields(page: str) -> dict[str, str]:
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page))


def test_it_shows_every_answer_before_filing(client: Client, directory) -> None:
    data = report_post_data(step="review", privacy="anonymous", attachments=[pdf_file()])
    response = client.post("/en/lapor/", data)
    page = response.content.decode()
    assert response.status_code == 200
    assert Report.objects.count() == 0  # nothing sent yet
    assert "Check your answers before sending" in page
    for shown in (
        "Complaint",
        "Jalan berlubang di depan SD Negeri Caturtunggal",
        "Caturtunggal, Depok, Kabupaten Sleman, Daerah Istimewa Yogyakarta",
        "Jl. Colombo No. 1",
        "Anonymous",
        "0812",
        "siti@example.id",
        ".pdf",
    ):
        assert shown in page, shown
    # Each answer has a "Change" that returns to its own field.
    for anchor in ("#field-kind", "#location", "#field-privacy", "#contact", "#field-attachments"):
        assert f'formaction="{anchor}"' in page
    # The default button (first in the form) sends; it is not a "Change".
    first = re.search(r"<button[^>]*>", page.split('id="check-form"')[1]).group(0)
    assert 'value="send"' in first

    # Sending from this page files it, with the staged file.
    fields = hidden_fields(page)
    fields["step"] = "send"
    receipt = client.post("/en/lapor/", fields)
    assert receipt.status_code == 302
    report = Report.objects.get()
    assert report.privacy == "anonymous"
    assert report.attachments.count() == 1
    page = client.get(receipt["Location"]).content.decode()
    assert "What happens next" in page
    assert re.search(r"within 3 working days: by <strong>\w+, \d+ \w+ \d{4}</strong>", page)
    assert "Ctrl+P" not in page


def test_it_goes_back_to_a_field_with_everything_kept(client: Client, directory) -> None:
    page = client.post("/lapor/", report_post_data(step="review")).content.decode()
    fields = hidden_fields(page)
    fields["_refresh"] = "edit"
    form = client.post("/lapor/", fields).content.decode()
    assert 'id="report-form"' in form
    assert "Jalan berlubang di depan SD Negeri Caturtunggal" in form
    assert 'id="error-summary"' not in form
    assert Report.objects.count() == 0


def test_it_does_not_review_an_invalid_form(client: Client, directory) -> None:
    page = client.post("/lapor/", report_post_data(step="review", title="")).content.decode()
    assert 'id="error-summary"' in page
    assert "<title>Galat: " in page


def test_it_makes_enter_check_the_answers_and_says_what_is_required(client: Client, directory):
    page = client.get("/en/lapor/").content.decode()
    form = page.split('id="report-form"')[1]
    # The first submit button of the form is what Enter presses: "check your answers",
    # never the hidden "show the places" button.
    first = re.search(r'<button type="submit"[^>]*>', form).group(0)
    assert 'name="step" value="review"' in first
    # Without JavaScript the places redraw returns to the place fields.
    refresh = re.search(r'<button type="submit" name="_refresh" value="region"[^>]*>', form)
    assert 'formaction="#location"' in refresh.group(0)
    # What is required, said before the first attempt.
    assert "A mobile phone number or an e-mail address" in page
    assert "at least 20 letters" in page
    assert 'href="tel:112"' in page
