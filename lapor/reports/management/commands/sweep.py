from django.core.management.base import BaseCommand

from lapor.reports.sweep import sweep


class Command(BaseCommand):
    help = "Escalate overdue cases and close/archive what the reporter left unanswered (once)."

    def handle(self, *args: object, **options: object) -> None:
        result = sweep()
        self.stdout.write(
            f"escalated {len(result.escalated)}, closed {len(result.closed)}, "
            f"archived {len(result.archived)}"
        )
