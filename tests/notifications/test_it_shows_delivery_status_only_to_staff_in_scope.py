"""/konsol/notifikasi/: staff see the delivery status of messages about cases in their scope;
anyone else gets 404 (a stranger must not learn what exists), officers of another agency too."""

import pytest
from django.test import Client

from lapor.notifications.models import Notification
from tests.notifications.conftest import disposed, run_worker

pytestmark = pytest.mark.django_db

LIST = "/konsol/notifikasi/"


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_non_staff_get_404_and_strangers_the_login_page(cast, directory):
    report = disposed(cast, directory)
    row = Notification.objects.filter(report=report).first()
    reporter = _client(cast.reporter)
    for url in (LIST, f"{LIST}{row.pk}/", f"{LIST}preferensi/"):
        assert reporter.get(url).status_code == 404
    assert reporter.post(f"{LIST}{row.pk}/kirim-ulang/").status_code == 404
    anonymous = Client().get(LIST)
    assert anonymous.status_code == 302 and "/akun/" in anonymous["Location"]


def test_an_officer_of_another_agency_gets_404(cast, directory):
    report = disposed(cast, directory)
    row = Notification.objects.filter(report=report, event__kind="disposed").get()
    other = _client(cast.officer_b)
    page = other.get(LIST)
    assert page.status_code == 200 and report.tracking_id not in page.content.decode()
    assert other.get(f"{LIST}{row.pk}/").status_code == 404
    assert other.post(f"{LIST}{row.pk}/kirim-ulang/").status_code == 404

    own = _client(cast.officer_a)
    assert report.tracking_id in own.get(LIST).content.decode()
    detail = own.get(f"{LIST}{row.pk}/")
    assert detail.status_code == 200 and row.subject in detail.content.decode()
    assert report.tracking_id in _client(cast.national_admin).get(LIST).content.decode()


@pytest.mark.django_db(transaction=True)  # the worker commits: no wrapping test transaction
def test_staff_see_the_error_and_can_retry_a_failed_message(cast, directory, smtp):
    smtp.start()
    report = disposed(cast, directory)
    smtp.sink.refuse_data = 1  # the first message (the receipt) is refused for good
    smtp.sink.data_reply = "554 5.7.1 Message rejected as spam"
    run_worker()
    submitted, disposition = Notification.objects.filter(report=report).order_by("pk")
    assert (submitted.status, submitted.attempts, disposition.status) == ("failed", 1, "sent")

    officer = _client(cast.officer_a)
    html = officer.get(f"{LIST}?status=failed").content.decode()
    assert "554" in html and "Message rejected as spam" in html
    assert disposition.subject not in html  # filtered to failed ones
    assert officer.post(f"{LIST}{disposition.pk}/kirim-ulang/").status_code == 302  # not failed
    response = officer.post(f"{LIST}{submitted.pk}/kirim-ulang/")
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == "pending"
    run_worker()
    submitted.refresh_from_db()
    assert (submitted.status, submitted.attempts) == ("sent", 2)
    assert len(smtp.sink.messages) == 2
