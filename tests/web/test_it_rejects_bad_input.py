"""Every failure path of the report form: a clear message, in the page's language, and
nothing the person typed is lost."""

import datetime as dt

import pytest
from django.test import override_settings

from lapor.reports.models import PendingUpload, Report
from tests.conftest import report_post_data
from tests.helpers import big_file, executable_as_jpg, jpeg_with_gps

pytestmark = pytest.mark.django_db

REQUIRED = ["kind", "title", "body", "incident_date", "province", "regency", "privacy"]


@pytest.mark.parametrize("field", REQUIRED)
def test_it_names_each_missing_required_field_and_keeps_the_rest(client, directory, field):
    data = report_post_data(**{field: ""})
    response = client.post("/lapor/", data)
    assert response.status_code == 200
    assert Report.objects.count() == 0
    page = response.content.decode()
    assert 'id="error-summary"' in page
    assert f'href="#field-{field}"' in page
    for kept in ("title", "address"):
        if kept != field:
            assert str(data[kept]) in page


def test_it_says_it_in_indonesian_and_in_english(client, directory):
    page_id = client.post("/lapor/", report_post_data(title="")).content.decode()
    page_en = client.post("/en/lapor/", report_post_data(title="")).content.decode()
    # Specific and plain, not Django's generic "This field is required." (issue 15).
    assert "Write a short title for your report" in page_en
    assert "This field is required." not in page_en
    assert "Tulis judul singkat laporan Anda" in page_id
    # The page title starts with "Error:" ("Galat:") so a screen reader hears it first.
    assert "<title>Galat: " in page_id
    assert "<title>Error: " in page_en


def test_it_requires_a_way_to_reach_the_reporter(client, directory):
    page = client.post("/en/lapor/", report_post_data(phone="", email="")).content.decode()
    assert "Give a mobile phone number or an e-mail address" in page
    assert "If you have neither" in page
    assert Report.objects.count() == 0


def test_it_rejects_a_bad_phone_number(client, directory):
    page = client.post("/en/lapor/", report_post_data(phone="12ab")).content.decode()
    assert "Enter a valid phone number" in page
    assert 'value="12ab"' in page


def test_it_rejects_places_that_do_not_belong_together(client, directory):
    # Kota Semarang is not in DI Yogyakarta.
    data = report_post_data(province="34", regency="33.74", district="", village="")
    page = client.post("/en/lapor/", data).content.decode()
    assert Report.objects.count() == 0
    assert "Select a valid choice" in page or "do not belong together" in page


def test_it_rejects_a_village_from_another_district(client, directory):
    data = report_post_data(district="34.04.08", village="34.04.07.2001")
    page = client.post("/en/lapor/", data).content.decode()
    assert Report.objects.count() == 0
    assert "Select a valid choice" in page or "do not belong together" in page


def test_it_rejects_a_future_incident_date(client, directory):
    future = (dt.date.today() + dt.timedelta(days=5)).isoformat()
    page = client.post("/en/lapor/", report_post_data(incident_date=future)).content.decode()
    assert "cannot be in the future" in page
    assert f'value="{future}"' in page
    assert Report.objects.count() == 0


def test_it_rejects_an_executable_named_like_a_photo(client, directory):
    data = report_post_data(attachments=[executable_as_jpg()])
    page = client.post("/en/lapor/", data).content.decode()
    assert "“foto-jalan.jpg” is not a photo, PDF document, voice recording or video" in page
    assert Report.objects.count() == 0
    assert PendingUpload.objects.count() == 0


@override_settings(ATTACHMENT_MAX_FILE_BYTES=50_000)
def test_it_rejects_an_oversize_file(client, directory):
    data = report_post_data(attachments=[big_file("video-besar.png", 60_000)])
    page = client.post("/en/lapor/", data).content.decode()
    assert "“video-besar.png” is 58.6\xa0KB; each file may be at most 48.8\xa0KB." in page
    assert Report.objects.count() == 0


@override_settings(ATTACHMENT_MAX_FILES=2)
def test_it_rejects_too_many_files_but_keeps_them_to_remove(client, directory):
    files = [jpeg_with_gps(f"foto{i}.jpg") for i in range(3)]
    response = client.post("/en/lapor/", report_post_data(attachments=files))
    page = response.content.decode()
    assert "Attach at most 2 files; you chose 3." in page
    assert Report.objects.count() == 0
    staged = list(PendingUpload.objects.all())
    assert len(staged) == 3
    for p in staged:
        assert f'value="{p.pk}"' in page  # a "remove" checkbox per file
    # Remove one and send again: two files are attached, nothing re-uploaded.
    token = page.split('name="pending" value="')[1].split('"')[0]
    data = report_post_data(pending=token, remove_pending=[str(staged[0].pk)])
    data["submission_key"] = response.context["form"]["submission_key"].value()
    assert client.post("/en/lapor/", data).status_code == 302
    assert Report.objects.get().attachments.count() == 2


def test_it_keeps_good_files_when_the_form_has_errors(client, directory):
    response = client.post("/en/lapor/", report_post_data(title="", attachments=[jpeg_with_gps()]))
    page = response.content.decode()
    assert "Files already received" in page and "foto.jpg" in page
    token = page.split('name="pending" value="')[1].split('"')[0]
    fixed = report_post_data(pending=token)
    assert client.post("/en/lapor/", fixed).status_code == 302
    assert Report.objects.get().attachments.count() == 1


def test_it_ignores_a_forged_pending_token(client, directory):
    data = report_post_data(pending="not-a-signed-token")
    assert client.post("/lapor/", data).status_code == 302
    assert Report.objects.get().attachments.count() == 0


@override_settings(REQUEST_MAX_BYTES=10_000)
def test_it_refuses_a_huge_request_with_a_page_that_explains_the_limits(client, directory):
    data = report_post_data(attachments=[big_file("rekaman.png", 20_000)])
    response = client.post("/en/lapor/", data)
    assert response.status_code == 413
    assert "The files are too large" in response.content.decode()
    assert Report.objects.count() == 0


def test_it_rejects_a_too_short_text(client, directory):
    page = client.post("/en/lapor/", report_post_data(body="rusak")).content.decode()
    assert "write at least 20 letters (you wrote 5)" in page
