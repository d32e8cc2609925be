"""Background tasks (django-tasks; the database backend by default, see settings.TASKS).

Tasks are thin: they call the module that owns the logic, so the same logic runs from tests,
management commands and any other queue backend. Arguments are ids, never objects: a task may
run minutes later, when the row has changed.
"""

from __future__ import annotations

from django_tasks import task

from lapor.notifications import delivery


@task()
def send_notification(notification_id: int) -> str:
    """Send one outbox row; idempotent (a second run for the same row sends nothing)."""
    return delivery.deliver(notification_id)


@task()
def retry_due_notifications() -> dict[str, int]:
    """Every minute: re-enqueue rows whose task was lost, give up on rows stuck in sending."""
    return delivery.requeue_due()


@task()
def send_staff_digests() -> int:
    """Daily at 07:00 WIB: one summary per staff member who wants it and has something."""
    from lapor.notifications.digest import send_digests

    return send_digests()


@task()
def run_sweep() -> dict[str, int]:
    """Every five minutes: escalate overdue cases, close/archive unanswered ones."""
    # Imported here: the sweep imports the case actions, which import the outbox.
    from lapor.reports.sweep import sweep

    result = sweep()
    # The statistics rollups ride on the sweep's five-minute slot (the sweep's closures change
    # them too): a separate queued task, so a slow refresh never delays the next sweep.
    return {
        "escalated": len(result.escalated),
        "closed": len(result.closed),
        "archived": len(result.archived),
    }


@task()
def refresh_stats() -> dict[str, int]:
    """Every five minutes: bring the statistics rollups up to date.

    Incremental and idempotent (lapor.stats.rollup); ``manage.py refresh_stats --full``
    rebuilds everything."""
    from lapor.stats.rollup import refresh

    return refresh().as_dict()


@task()
def dump_open_data() -> dict[str, int]:
    """Daily at 02:00 WIB: the open-data dump of all public reports (lapor.opendata.dump)."""
    from lapor.opendata.dump import write_dump

    manifest = write_dump()
    return {"reports": manifest["reports"], "events": manifest["events"]}
