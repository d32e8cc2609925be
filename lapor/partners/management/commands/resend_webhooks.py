"""``manage.py resend_webhooks [--partner ID] [--id DELIVERY_ID ...]``: send failed webhooks
again (each with a fresh series of attempts and its own, unchanged event ID)."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from lapor.partners import actions
from lapor.partners.models import WebhookDelivery


class Command(BaseCommand):
    help = "Send failed partner webhooks again."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--partner", type=int, help="Only this partner app (id).")
        parser.add_argument("--id", type=int, action="append", help="Only these deliveries.")

    def handle(self, *args: Any, partner: int | None, id: list[int] | None, **options: Any) -> None:  # noqa: A002
        rows = WebhookDelivery.objects.filter(status=WebhookDelivery.Status.FAILED).order_by(
            "event_id"
        )
        if partner is not None:
            rows = rows.filter(partner_id=partner)
        if id:
            rows = rows.filter(pk__in=id)
        count = 0
        for row in rows:
            actions.delivery_resend(delivery=row)
            count += 1
        self.stdout.write(f"{count} failed webhook(s) queued to be sent again.")
