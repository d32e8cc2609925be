"""``manage.py remask_reports``: recompute the masked published text of every report (and so
the public search index, generated from it) and rebuild the search vocabulary from it. Run it
after the masking rules in lapor/reports/scrub.py change, or after loading reports with raw
SQL."""

from django.core.management.base import BaseCommand

from lapor.public.vocabulary import refresh_words
from lapor.reports.models import Report
from lapor.reports.remask import remask


class Command(BaseCommand):
    help = "Re-mask the published text of every report and rebuild the search vocabulary."

    def handle(self, *args: object, **options: object) -> None:
        changed = remask(Report)
        words = refresh_words(full=True)
        self.stdout.write(f"re-masked {changed} reports; vocabulary rebuilt with {words} words")
