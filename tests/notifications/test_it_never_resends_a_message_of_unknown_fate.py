"""A worker that dies after the server accepted a message but before recording it leaves the
row "sending". The safety net then marks it failed, "delivery unknown", and does not send it
again by itself (at most once); a lost task, by contrast, is simply queued again."""

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django_tasks_db.models import DBTaskResult

from lapor.notifications import delivery
from lapor.notifications.models import Notification
from tests.notifications.conftest import file_report, run_worker

# The worker commits and checks its connection like a real one: no wrapping test transaction.
pytestmark = pytest.mark.django_db(transaction=True)


def test_a_message_of_unknown_fate_is_not_sent_again(quiet_start, cast, directory, monkeypatch):
    start = quiet_start
    with time_machine.travel(start, tick=False):
        report = file_report()
        (row,) = Notification.objects.filter(report=report)

        def die(notification: Notification) -> None:
            raise SystemExit("worker killed after the server accepted the message")

        monkeypatch.setattr(delivery, "_record_sent", die)
        run_worker()
        monkeypatch.undo()
    row.refresh_from_db()
    assert row.status == "sending" and len(mail.outbox) == 1

    with time_machine.travel(start + dt.timedelta(minutes=16), tick=False):
        run_worker()
    row.refresh_from_db()
    assert row.status == "failed" and row.last_error == delivery.UNKNOWN_DELIVERY
    assert len(mail.outbox) == 1


def test_a_lost_task_is_queued_again(quiet_start, cast, directory):
    start = quiet_start
    with time_machine.travel(start, tick=False):
        report = file_report()
    DBTaskResult.objects.all().delete()  # e.g. pruned, or a queue outage
    with time_machine.travel(start + dt.timedelta(minutes=5), tick=False):
        run_worker()
    assert Notification.objects.get(report=report).status == "pending"  # still in grace
    with time_machine.travel(start + dt.timedelta(minutes=11), tick=False):
        run_worker()
    assert Notification.objects.get(report=report).status == "sent"
    assert len(mail.outbox) == 1
