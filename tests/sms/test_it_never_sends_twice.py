"""A gateway that takes the request and never answers: whether it accepted is unknown, so the
row fails as "delivery unknown" and is not retried automatically; Kannel's delivery report, if
it comes, marks it sent. A refused connection is retried (test_it_survives_the_gateway)."""

from __future__ import annotations

import socket
import threading
from urllib.parse import urlencode

import pytest
from django.test import Client

from lapor.notifications.delivery import deliver
from lapor.notifications.models import Notification
from lapor.sms.actions import sms_receive
from lapor.sms.models import DeliveryReport
from tests.sms.conftest import SECRET

pytestmark = pytest.mark.django_db


@pytest.fixture
def silent_gateway():  # type: ignore[no-untyped-def]
    """A server on a free port that reads the request and never answers."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    got: list[bytes] = []
    held: list[socket.socket] = []
    stop = threading.Event()

    def run() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _addr = server.accept()
            except OSError:
                continue
            got.append(conn.recv(65536))
            held.append(conn)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}/cgi-bin/sendsms", got
    stop.set()
    thread.join(5)
    for conn in held:
        conn.close()
    server.close()


def test_no_answer_after_the_request_is_not_retried(directory, settings, silent_gateway):
    url, got = silent_gateway
    settings.SMS_SENDSMS_URL = url
    settings.SMS_TIMEOUT = 1
    sms_receive(sender="+6281234567890", receiver="1708", text="INFO", smsc_time="1")
    row = Notification.objects.get()
    assert deliver(row.pk) == "failed"
    row.refresh_from_db()
    assert row.status == "failed" and row.next_attempt_at is None
    assert "unknown" in row.last_error and "+6281234567890" not in row.last_error
    assert len(got) == 1 and got[0].startswith(b"POST /cgi-bin/sendsms HTTP/1.1")
    assert deliver(row.pk) == "skipped"
    assert len(got) == 1

    # Kannel did take it: its delivery report says so.
    query = urlencode({"secret": SECRET, "n": row.pk, "type": 8, "answer": "ACK/"})
    assert Client().get(f"/sms/dlr?{query}").status_code == 200
    row.refresh_from_db()
    assert row.status == "sent"
    assert DeliveryReport.objects.get().status == 8


def test_an_undelivered_report_does_not_mark_sent(directory):
    sms_receive(sender="+6281234567890", receiver="1708", text="INFO", smsc_time="1")
    row = Notification.objects.get()
    query = urlencode({"secret": SECRET, "n": row.pk, "type": 16, "answer": "NACK"})
    assert Client().get(f"/sms/dlr?{query}").status_code == 200
    row.refresh_from_db()
    assert row.status == "pending"
