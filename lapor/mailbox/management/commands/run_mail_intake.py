"""``manage.py run_mail_intake``: receive e-mail for the intake and reply addresses."""

from __future__ import annotations

import signal
import threading
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from lapor.mailbox.server import build


class Command(BaseCommand):
    help = "Receive e-mail (SMTP or LMTP): new reports and replies to notifications."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--host", default=settings.MAIL_INTAKE_HOST)
        parser.add_argument("--port", type=int, default=settings.MAIL_INTAKE_PORT)
        parser.add_argument("--lmtp", action="store_true", default=settings.MAIL_INTAKE_LMTP)

    def handle(self, *args: Any, **options: Any) -> None:
        controller = build(options["host"], options["port"], lmtp=options["lmtp"])
        stop = threading.Event()
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, lambda *_a: stop.set())
        controller.start()
        self.stdout.write(
            f"Mail intake ({'LMTP' if options['lmtp'] else 'SMTP'}) on "
            f"{options['host']}:{options['port']}: new reports to "
            f"{settings.MAIL_INTAKE_ADDRESS}, replies to "
            f"{settings.MAIL_REPLY_PREFIX}+<token>@{settings.MAIL_DOMAIN}",
        )
        self.stdout.flush()
        try:
            stop.wait()
        finally:
            controller.stop()
