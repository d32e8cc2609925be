from django.core.management.base import BaseCommand

from lapor.reports.attachments import purge_stale_uploads


class Command(BaseCommand):
    help = (
        "Delete files staged by forms that were never completed (older than a day) and stored "
        "files that no row refers to (older than STORAGE_ORPHAN_GRACE_HOURS)."
    )

    def handle(self, *args: object, **options: object) -> None:
        result = purge_stale_uploads()
        self.stdout.write(
            f"Deleted {result.rows} stale staged uploads and {result.files} orphan files"
            + (
                f"; {result.kept} could not be deleted (tried again next run)."
                if result.kept
                else "."
            )
        )
