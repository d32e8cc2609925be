from django.core.management.base import BaseCommand

from lapor.reports.attachments import attachments_reclean


class Command(BaseCommand):
    help = (
        "Remove metadata from attachments stored before every upload was cleaned (run once "
        "after upgrading); files that cannot be cleaned are listed, never deleted."
    )

    def handle(self, *args: object, **options: object) -> None:
        result = attachments_reclean()
        self.stdout.write(
            f"Cleaned {result.cleaned} stored files; {result.already_clean} were clean already."
        )
        if result.failed:
            ids = ", ".join(str(pk) for pk in result.failed)
            self.stdout.write(f"Could not clean attachments {ids}; they are left unchanged.")
