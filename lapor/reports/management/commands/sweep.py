from django.core.management.base import BaseCommand

from lapor.reports.sweep import sweep


class Command(BaseCommand):
    help = "Escalate overdue cases and close/archive what the reporter left unanswered (once)."

    def handle(self, *args: object, **options: object) -> None:
        result = sweep()
        self.stdout.write(
            f"escalated {len(result.escalated)}, closed {len(result.closed)}, "
            f"archived {len(result.archived)}, "
            f"late answers opened to objection {len(result.objection_opened)}, "
            f"late decisions opened to the Commission {len(result.dispute_opened)}"
        )
