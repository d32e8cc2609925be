"""Webhook tasks (django-tasks): thin, ids as arguments, logic in ``webhooks``."""

from __future__ import annotations

from django_tasks import task

from lapor.partners import webhooks


@task()
def send_webhook(delivery_id: int) -> str:
    """One attempt for one webhook delivery; idempotent (claimed rows)."""
    return webhooks.deliver(delivery_id)


@task()
def retry_due_webhooks() -> dict[str, int]:
    """Every minute: re-enqueue lost webhook tasks, recover rows of a worker that died."""
    return webhooks.requeue_due()
