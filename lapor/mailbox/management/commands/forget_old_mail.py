"""``manage.py forget_old_mail``: drop kept raw copies of unprocessed mail after 90 days and
undelivered receipt PINs after 30 (run daily from cron or a timer)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand

from lapor.mailbox.actions import forget_old_mail


class Command(BaseCommand):
    help = "Forget kept copies of unprocessed e-mail and undelivered receipt PINs."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--days", type=int, default=90)

    def handle(self, *args: Any, **options: Any) -> None:
        done = forget_old_mail(older_than=dt.timedelta(days=options["days"]))
        self.stdout.write(f"forgot {done['raw_copies']} raw copies, {done['pins']} PINs")
