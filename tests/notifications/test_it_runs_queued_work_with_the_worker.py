"""`manage.py run_worker --once` runs what is due on this database: queued sends, and the
periodic jobs (here the sweep, which escalates an overdue case)."""

import pytest
import time_machine
from django.core import mail
from django_tasks_db.models import DBTaskResult

from lapor.notifications.models import Notification, ScheduledJob
from lapor.reports.models import ReportEvent
from tests.cases.conftest import at
from tests.notifications.conftest import file_report, run_worker

# The worker commits and checks its connection like a real one: no wrapping test transaction.
pytestmark = pytest.mark.django_db(transaction=True)


def test_the_worker_sends_queued_notifications_and_runs_the_sweep(cast, directory):
    with time_machine.travel(at(2026, 11, 2), tick=False):
        report = file_report()
    queued = DBTaskResult.objects.get()
    assert queued.status == "READY" and queued.task_path.endswith("send_notification")

    with time_machine.travel(at(2026, 11, 9), tick=False):  # verification was due on the 5th
        run_worker()

    queued.refresh_from_db()
    assert queued.status == "SUCCESSFUL"
    assert Notification.objects.get(report=report).status == "sent"
    assert len(mail.outbox) == 1
    assert set(ScheduledJob.objects.values_list("name", flat=True)) == {
        "sweep",
        "retry_notifications",
        "staff_digest",
        "open_data_dump",
        "refresh_stats",
        "retry_webhooks",
        "search_words",
        "search_words_rebuild",
        "purge_uploads",
        "sweep_storage",
        "routing_retrain",
    }
    assert ReportEvent.objects.filter(report=report, kind="escalated").exists()
    assert not DBTaskResult.objects.exclude(status="SUCCESSFUL").exists()
