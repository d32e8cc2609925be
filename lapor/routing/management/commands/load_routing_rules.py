from django.core.management.base import BaseCommand

from lapor.routing.rules import load_rules


class Command(BaseCommand):
    help = "Create the seed jurisdiction rules that are missing (never overwrites edits)."

    def handle(self, *args: object, **options: object) -> None:
        created = load_rules()
        self.stdout.write(f"{created} routing rules created")
