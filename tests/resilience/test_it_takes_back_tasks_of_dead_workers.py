"""A task row "running" whose worker stopped beating goes back to the queue; one whose worker
is alive, or that no heartbeat-writing worker claimed, is left alone (issue 11.1). The worker's
heartbeat shows in the console and at /health/worker/."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from lapor.notifications import leases
from lapor.routing.tasks import auto_dispose

pytestmark = pytest.mark.django_db


def _running(worker_id: str, minutes_ago: float) -> DBTaskResult:
    result = auto_dispose.enqueue(0)
    row = DBTaskResult.objects.get(pk=result.id)
    DBTaskResult.objects.filter(pk=row.pk).update(
        status=TaskResultStatus.RUNNING,
        started_at=timezone.now() - dt.timedelta(minutes=minutes_ago),
        worker_ids=[worker_id],
    )
    return row


def test_tasks_of_a_dead_worker_are_queued_again():
    now = timezone.now()
    leases.beat("lapor-alive", now - dt.timedelta(minutes=5))
    orphan = _running("lapor-dead", 5)
    kept = _running("lapor-alive", 5)
    young = _running("lapor-dead", 0)  # within its lease
    foreign = _running("db-worker-without-heartbeat", 60)
    assert leases.reclaim_tasks() == 1
    status = dict(DBTaskResult.objects.values_list("pk", "status"))
    assert status[orphan.pk] == TaskResultStatus.READY
    assert status[kept.pk] == status[young.pk] == status[foreign.pk] == TaskResultStatus.RUNNING
    # ... due now, for the next free worker.
    assert DBTaskResult.objects.ready().filter(pk=orphan.pk).exists()


def test_the_health_endpoint_and_the_console_show_the_heartbeat(cast):
    client = Client()
    stopped = client.get("/health/worker/")
    assert stopped.status_code == 503 and stopped.json()["status"] == "stopped"
    assert stopped["Retry-After"]
    leases.beat("lapor-abc", timezone.now())
    running = client.get("/health/worker/")
    assert running.status_code == 200
    assert running.json()["workers"][0]["worker_id"] == "lapor-abc"
    web = client.get("/health/")
    assert web.status_code == 200 and web.json() == {
        "status": "ok",
        "database": "ok",
        "cache": "ok",
    }
    client.force_login(cast.agency_admin)
    page = client.get("/en/konsol/notifikasi/").content.decode()
    assert 'id="worker-heartbeat"' in page and "The background worker is running" in page
