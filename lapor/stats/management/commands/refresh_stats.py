from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from lapor.stats.rollup import refresh


class Command(BaseCommand):
    help = "Bring the statistics rollups up to date (incremental; --full rebuilds everything)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--full", action="store_true", help="recompute every report")

    def handle(self, *args: Any, **options: Any) -> None:
        result = refresh(full=options["full"])
        if result.skipped:
            self.stdout.write("another refresh is running; nothing done")
            return
        self.stdout.write(
            f"facts of {result.reports} reports, {result.days} days, "
            f"{result.agencies} agency scores ("
            + ", ".join(f"{k} {v:.1f} s" for k, v in result.seconds.items())
            + ")"
        )
