"""Through a real SMTP server: a down server and a "451 try later" are retried with back-off,
and the message then arrives exactly once, with headers that make a duplicate recognisable."""

import datetime as dt

import pytest
import time_machine

from lapor.notifications.models import Notification
from tests.notifications.conftest import EMAIL, file_report, run_worker

# The worker commits and checks its connection like a real one: no wrapping test transaction.
pytestmark = pytest.mark.django_db(transaction=True)


def test_it_retries_until_delivered_and_delivers_once(quiet_start, cast, directory, smtp):
    start = quiet_start
    with time_machine.travel(start, tick=False):
        report = file_report()
        (row,) = Notification.objects.filter(report=report)
        run_worker()  # the SMTP server is not running yet
    row.refresh_from_db()
    assert (row.status, row.attempts) == ("pending", 1)
    assert row.last_error.startswith("ConnectionRefusedError")
    assert row.next_attempt_at == start + dt.timedelta(minutes=1)

    smtp.start()
    smtp.sink.refuse_data = 1  # the server answers "451 try again later" once
    with time_machine.travel(start + dt.timedelta(seconds=30), tick=False):
        run_worker()  # too early: the back-off holds
    row.refresh_from_db()
    assert (row.status, row.attempts, smtp.sink.messages) == ("pending", 1, [])

    with time_machine.travel(start + dt.timedelta(minutes=1, seconds=1), tick=False):  # due
        run_worker()
    row.refresh_from_db()
    assert (row.status, row.attempts) == ("pending", 2)
    assert "451" in row.last_error
    second_try = start + dt.timedelta(minutes=1, seconds=1)
    assert row.next_attempt_at == second_try + dt.timedelta(minutes=2)  # back-off doubles

    with time_machine.travel(start + dt.timedelta(minutes=4), tick=False):
        run_worker()
    row.refresh_from_db()
    assert (row.status, row.attempts) == ("sent", 3)
    assert row.sent_at is not None

    with time_machine.travel(start + dt.timedelta(hours=2), tick=False):
        run_worker()  # anything left queued finds the row sent
    # The reporter's mail only: two hours on, the clock may have passed 07:00 WIB, when the
    # staff's daily digests go out too.
    (message,) = [m for m in smtp.sink.messages if m["X-RcptTo"] == EMAIL]
    assert message["X-RcptTo"] == EMAIL
    assert message["To"] == EMAIL
    assert message["Message-ID"] == f"<event.{row.event_id}.reporter.email@lapor.localhost>"
    assert message["Auto-Submitted"] == "auto-generated"
    assert report.tracking_id in message["Subject"]
    assert f"?id={report.tracking_id}" in message.get_content()
