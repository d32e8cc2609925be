import pytest

from lapor.reports.models import Report, ReporterIdentity
from tests.conftest import report_post_data

pytestmark = pytest.mark.django_db


def test_it_creates_one_report_when_the_same_form_is_posted_twice(client, directory):
    data = report_post_data()
    first = client.post("/lapor/", data)
    second = client.post("/lapor/", data)
    assert Report.objects.count() == 1
    assert ReporterIdentity.objects.count() == 1
    assert first["Location"] == second["Location"]
    # The receipt still shows the PIN after the repeat.
    assert 'id="pin"' in client.get(second["Location"]).content.decode()


def test_it_does_not_reveal_a_report_to_another_session_reusing_the_key(client, directory):
    from django.test import Client

    data = report_post_data()
    client.post("/lapor/", data)
    stranger = Client()
    response = stranger.post("/lapor/", data)
    assert response.status_code == 404
    assert Report.objects.count() == 1


def test_it_creates_two_reports_from_two_form_renders(client, directory):
    client.post("/lapor/", report_post_data())
    client.post("/lapor/", report_post_data())  # a new submission_key each time
    assert Report.objects.count() == 2
