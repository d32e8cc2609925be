"""A worker that dies after claiming a row but before reaching the mail server (a database
outage, a kill) leaves it "sending". That message was never attempted: after the lease the
safety net sends it — "delivery unknown" is kept for attempts that reached the server
(issue 11.1)."""

import datetime as dt

import pytest
import time_machine
from django.core import mail

from lapor.notifications import delivery
from lapor.notifications.models import Notification
from tests.notifications.conftest import file_report, run_worker

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_claimed_but_untried_message_is_sent_after_the_lease(
    quiet_start, cast, directory, monkeypatch
):
    start = quiet_start
    with time_machine.travel(start, tick=False):
        report = file_report()
        (row,) = Notification.objects.filter(report=report)

        def die(notification: Notification) -> str:
            raise SystemExit("worker killed before it reached the server")

        monkeypatch.setattr(delivery, "reporter_address", die)
        with pytest.raises(SystemExit):
            delivery.deliver(row.pk)
        monkeypatch.undo()
    row.refresh_from_db()
    assert row.status == "sending" and row.reached_server_at is None and not mail.outbox

    with time_machine.travel(start + dt.timedelta(minutes=16), tick=False):
        run_worker()
    row.refresh_from_db()
    assert row.status == "sent" and row.last_error == ""
    assert len(mail.outbox) == 1
