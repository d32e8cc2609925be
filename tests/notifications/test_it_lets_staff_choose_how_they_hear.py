"""Each staff member chooses: daily digest or none, and immediate e-mails on or off (off by
default). With immediate on, a new case in their unit's queue is one e-mail to them."""

import pytest
from django.core import mail
from django.test import Client

from lapor.notifications.models import Notification, StaffPreference
from tests.notifications.conftest import disposed, run_worker

# The worker commits and checks its connection like a real one: no wrapping test transaction.
pytestmark = pytest.mark.django_db(transaction=True)

PREFS = "/konsol/notifikasi/preferensi/"


def test_immediate_messages_only_for_who_asked(cast, directory):
    client = Client()
    client.force_login(cast.officer_a)
    page = client.get(PREFS)
    assert page.status_code == 200
    assert 'value="daily" id="id_digest_0" checked' in page.content.decode().replace("\n", " ")
    response = client.post(PREFS, {"digest": "none", "immediate": "on"})
    assert response.status_code == 302
    pref = StaffPreference.objects.get(user=cast.officer_a)
    assert (pref.digest, pref.immediate) == ("none", True)

    report = disposed(cast, directory)  # by the Sleman admin, to Sleman's Dinas PUPR
    (row,) = Notification.objects.filter(recipient_kind="staff")
    assert row.user == cast.officer_a and row.report == report
    assert row.dedupe_key == f"event:{row.event_id}:staff:{cast.officer_a.pk}:email"
    assert report.tracking_id in row.subject
    run_worker()
    to_officer = [m for m in mail.outbox if m.to == [cast.officer_a.email]]
    assert len(to_officer) == 1

    assert client.post(PREFS, {"digest": "sometimes"}).status_code == 200  # invalid: re-shown
    client.post(PREFS, {"digest": "daily"})  # immediate unticked
    disposed(cast, directory)
    assert Notification.objects.filter(recipient_kind="staff").count() == 1
