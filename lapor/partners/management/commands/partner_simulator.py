"""``manage.py partner_simulator --secret whsec_…``: run the partner webhook receiver for a demo."""

from __future__ import annotations

import threading
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from lapor.partners.simulator import PartnerSimulator


class Command(BaseCommand):
    help = "Run a partner app's webhook receiver (verifies signatures, deduplicates by event ID)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--secret", required=True, help="The integration's signing secret.")
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=0, help="0: any free port (default).")
        parser.add_argument("--stall", type=int, default=0, help="Answer the next N late.")
        parser.add_argument("--stall-seconds", type=float, default=15.0)
        parser.add_argument("--fail", type=int, default=0, help="Answer the next N with 500.")

    def handle(self, *args: Any, **options: Any) -> None:
        simulator = PartnerSimulator(options["secret"], host=options["host"], port=options["port"])
        simulator.stall_next = options["stall"]
        simulator.stall_seconds = options["stall_seconds"]
        simulator.fail_next = options["fail"]
        simulator.verbose = True
        try:
            simulator.start()
        except OSError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Partner simulator listening on {simulator.url} (Ctrl-C to stop)")
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            pass
        finally:
            simulator.stop()
            self.stdout.write(
                f"Accepted {len(simulator.accepted)} event(s); "
                f"{len(simulator.hits)} request(s) received."
            )
