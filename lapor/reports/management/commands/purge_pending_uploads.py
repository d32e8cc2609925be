import datetime as dt

from django.core.management.base import BaseCommand
from django.utils import timezone

from lapor.reports.models import PendingUpload


class Command(BaseCommand):
    help = "Delete files staged by forms that were never completed (older than a day)."

    def handle(self, *args: object, **options: object) -> None:
        cutoff = timezone.now() - dt.timedelta(days=1)
        stale = PendingUpload.objects.filter(created_at__lt=cutoff)
        count = 0
        for pending in stale.iterator():
            pending.file.delete(save=False)
            pending.delete()
            count += 1
        self.stdout.write(f"Deleted {count} stale staged uploads.")
