"""``manage.py load_directory``: regions, unit types, agencies and categories in one go.

Idempotent (upserts on natural keys, writes only what differs), so it is safe to run on
every deploy; see docs/directory.md for what is loaded and the measured timings.
"""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from lapor.agencies.loader import load_directory
from lapor.regions.loader import UpsertResult


class Command(BaseCommand):
    help = (
        "Load the Kemendagri regions and the agency directory (unit types, national agencies, "
        "governments and their units, kecamatan and vertical offices, categories). "
        "Idempotent: a second run changes nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--skip-regions",
            action="store_true",
            help="assume the regions are already loaded (saves ~0.3 s on a re-run)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()

        def report(stage: str, result: UpsertResult, seconds: float) -> None:
            self.stdout.write(
                f"  {stage:<26} {result.total:>7,} rows  {result.created:>7,} created  "
                f"{result.updated:>6,} updated  {result.unchanged:>7,} unchanged  {seconds:6.2f} s"
            )

        results = load_directory(regions=not options["skip_regions"], report=report)
        total = UpsertResult()
        for _stage, result in results:
            total += result
        elapsed = time.perf_counter() - started
        self.stdout.write(self.style.SUCCESS(f"Directory loaded: {total} in {elapsed:.2f} s"))
