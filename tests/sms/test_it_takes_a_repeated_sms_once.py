"""The same SMS delivered twice by the gateway (same sender, receiver, SMSC time and text)
creates one report and one answer; the same text sent again later is a new message."""

import threading

import pytest
from django.db import connection
from django.test import Client

from lapor.notifications.models import Notification
from lapor.reports.models import Report
from lapor.sms.models import InboundSms
from tests.sms.conftest import incoming_url, sms

pytestmark = pytest.mark.django_db

TEXT = "LAPOR Jalan berlubang besar di depan SD Caturtunggal, Kab. Sleman"


def test_a_repeat_creates_nothing(directory):
    assert sms(TEXT, ts="1795864856") == "ok"
    for _ in range(5):
        assert sms(TEXT, ts="1795864856") == "duplicate"
    assert Report.objects.count() == 1
    assert Notification.objects.filter(channel="sms").count() == 1
    inbound = InboundSms.objects.get()
    assert inbound.duplicates == 5


def test_the_same_text_at_another_time_is_another_message(directory):
    sms(TEXT, ts="1795864856")
    sms(TEXT, ts="1795864999")
    assert Report.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_a_repeat_racing_the_original_creates_one_report(directory, live_server):
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers need PostgreSQL (the SQLite test database is in memory)")
    import urllib.request

    url = live_server.url + incoming_url(TEXT, ts="1795864856")
    barrier = threading.Barrier(6)
    results: list[str] = []

    def call() -> None:
        barrier.wait()
        with urllib.request.urlopen(url, timeout=30) as response:
            results.append(response.read().decode())

    threads = [threading.Thread(target=call) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == ["duplicate"] * 5 + ["ok"]
    assert Report.objects.count() == 1
    assert Notification.objects.filter(channel="sms").count() == 1
    assert Client  # noqa: B018
