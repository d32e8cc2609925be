import re

import pytest
from django.test import Client

from lapor.reports.models import Attachment, Report, ReportEvent, Status
from tests.conftest import report_post_data
from tests.helpers import executable_as_jpg, pdf_file

pytestmark = pytest.mark.django_db


def _file(client: Client) -> tuple[Report, str]:
    receipt = client.get(client.post("/lapor/", report_post_data())["Location"]).content.decode()
    pin = receipt.split('id="pin">')[1].split("<")[0]
    return Report.objects.latest("pk"), pin


def asks_for_the_pin(response, report: Report) -> bool:
    """Another browser opening the report's link gets the PIN form, not the report (and the
    same form for a number that does not exist: it tells nothing)."""
    page = response.content.decode()
    return (
        response.status_code == 200
        and 'name="pin"' in page
        and f'value="{report.tracking_id}"' in page
        and report.title_original not in page
    )


def test_it_opens_a_report_with_its_tracking_id_and_pin(client, directory):
    report, pin = _file(client)
    visitor = Client()
    assert asks_for_the_pin(visitor.get(f"/lacak/{report.tracking_id}/"), report)
    spaced = f"{report.tracking_id[:3]} {report.tracking_id[3:6]}-{report.tracking_id[6:]}"
    response = visitor.post("/lacak/", {"tracking_id": spaced, "pin": pin})
    assert response["Location"] == f"/lacak/{report.tracking_id}/"
    page = visitor.get(response["Location"]).content.decode()
    assert report.title_original in page
    assert "Menunggu Verifikasi" in page or "Awaiting verification" in page


def test_it_gives_one_message_for_a_wrong_pin_and_an_unknown_id(client, directory):
    report, pin = _file(client)
    visitor = Client()
    wrong_pin = visitor.post("/en/lacak/", {"tracking_id": report.tracking_id, "pin": "000000"})
    unknown = visitor.post("/en/lacak/", {"tracking_id": "123456789", "pin": pin})
    message = "The tracking number and PIN do not match a report."
    assert message in wrong_pin.content.decode() and message in unknown.content.decode()
    assert f'value="{report.tracking_id}"' in wrong_pin.content.decode()  # kept


def test_it_stops_pin_guessing(client, directory):
    report, pin = _file(client)
    visitor = Client()
    for _ in range(10):
        visitor.post("/en/lacak/", {"tracking_id": report.tracking_id, "pin": "999999"})
    blocked = visitor.post("/en/lacak/", {"tracking_id": report.tracking_id, "pin": pin})
    assert "Too many wrong attempts" in blocked.content.decode()
    assert asks_for_the_pin(visitor.get(f"/lacak/{report.tracking_id}/"), report)


def test_it_lets_the_reporter_add_information_and_files(client, directory):
    report, _pin = _file(client)
    url = f"/lacak/{report.tracking_id}/"
    response = client.post(
        url,
        {
            "action": "info",
            "message": "Lubangnya sekarang makin lebar.",
            "attachments": [pdf_file()],
        },
    )
    assert response.status_code == 302
    event = ReportEvent.objects.get(report=report, kind=ReportEvent.Kind.REPORTER_INFO)
    assert event.message == "Lubangnya sekarang makin lebar."
    assert Attachment.objects.get(event=event).kind == "document"
    page = client.get(url).content.decode()
    assert "Lubangnya sekarang makin lebar." in page and "surat.pdf" in page


def test_it_refuses_empty_information_and_bad_files_keeping_the_text(client, directory):
    report, _pin = _file(client)
    url = f"/en/lacak/{report.tracking_id}/"
    empty = client.post(url, {"action": "info", "message": "  "}).content.decode()
    assert "Write something or attach a file" in empty
    bad = client.post(
        url, {"action": "info", "message": "Foto terbaru", "attachments": [executable_as_jpg()]}
    )
    page = bad.content.decode()
    assert "is not a photo" in page and "Foto terbaru" in page
    assert not ReportEvent.objects.filter(kind=ReportEvent.Kind.REPORTER_INFO).exists()


def test_it_refuses_information_on_a_closed_report(client, directory):
    report, _pin = _file(client)
    Report.objects.filter(pk=report.pk).update(status=Status.CLOSED_BY_SYSTEM)
    url = f"/en/lacak/{report.tracking_id}/"
    assert "information can no longer be added" in client.get(url).content.decode()
    assert client.post(url, {"action": "info", "message": "Masih rusak"}).status_code == 404
    assert not ReportEvent.objects.filter(kind=ReportEvent.Kind.REPORTER_INFO).exists()


def test_it_serves_attachments_only_to_the_reporter(client, directory):
    client.post("/lapor/", report_post_data(attachments=[pdf_file()]))
    report = Report.objects.get()
    attachment = report.attachments.get()
    url = f"/lacak/{report.tracking_id}/lampiran/{attachment.pk}/"
    ok = client.get(url)
    assert ok.status_code == 200 and ok["Content-Type"] == "application/pdf"
    assert ok["X-Content-Type-Options"] == "nosniff"
    assert Client().get(url).status_code == 404


def test_it_shows_a_logged_in_reporter_their_report_without_a_pin(cast):
    owner = Client()
    owner.force_login(cast.reporter)
    owner.post("/lapor/", report_post_data())
    report = Report.objects.get()
    fresh = Client()
    fresh.force_login(cast.reporter)
    assert fresh.get(f"/lacak/{report.tracking_id}/").status_code == 200
    other = Client()
    other.force_login(cast.reporter2)
    assert asks_for_the_pin(other.get(f"/lacak/{report.tracking_id}/"), report)


def test_it_asks_for_the_pin_alike_for_a_number_that_does_not_exist(client, directory):
    report, _pin = _file(client)
    token = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
    real = token.sub("", Client().get(f"/lacak/{report.tracking_id}/").content.decode())
    missing = token.sub("", Client().get("/lacak/123456789/").content.decode())
    assert real.replace(report.tracking_id, "X") == missing.replace("123456789", "X")
