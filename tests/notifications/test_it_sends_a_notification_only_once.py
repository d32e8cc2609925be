"""Running the send task twice for the same row sends one e-mail: the row is claimed under a
lock, and a sent row is never sent again."""

import pytest

from lapor.notifications.models import Notification
from lapor.notifications.tasks import send_notification
from tests.notifications.conftest import file_report, run_worker

# The worker commits and checks its connection like a real one: no wrapping test transaction.
pytestmark = pytest.mark.django_db(transaction=True)


def test_two_runs_of_the_task_send_once(cast, directory, smtp):
    smtp.start()
    report = file_report()
    (row,) = Notification.objects.filter(report=report)
    send_notification.enqueue(row.pk)  # a duplicate task, as a retry or a second worker would
    assert send_notification.call(row.pk) == "sent"
    assert send_notification.call(row.pk) == "skipped"
    run_worker()  # and both queued tasks run too
    row.refresh_from_db()
    assert (row.status, row.attempts) == ("sent", 1)
    assert len(smtp.sink.messages) == 1
