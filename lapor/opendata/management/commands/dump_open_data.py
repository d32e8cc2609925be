from django.core.management.base import BaseCommand

from lapor.opendata.dump import write_dump


class Command(BaseCommand):
    help = "Write today's open-data dump (CSV and JSON, gzip) of all public reports."

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        manifest = write_dump()
        self.stdout.write(
            f"{manifest['reports']} reports, {manifest['events']} events → "
            + ", ".join(f["path"] for f in manifest["files"])
        )
