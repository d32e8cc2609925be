"""``manage.py use_model <version>``: switch the running classifier to another version."""

from django.core.management.base import BaseCommand, CommandError

from lapor.routing import training
from lapor.routing.models import ClassifierVersion


class Command(BaseCommand):
    help = "Make a trained classifier version the active one (or --list the versions)."

    def add_arguments(self, parser):
        parser.add_argument("version", nargs="?")
        parser.add_argument("--list", action="store_true")

    def handle(self, *args, **opts):
        if opts["list"] or not opts["version"]:
            for row in ClassifierVersion.objects.all():
                top1 = (row.metrics.get("category") or {}).get("top1", "?")
                mark = "*" if row.is_active else " "
                self.stdout.write(f"{mark} {row.version}  category top-1 {top1}%  {row.path}")
            return
        try:
            row = training.activate_version(opts["version"])
        except FileNotFoundError as e:
            raise CommandError(str(e)) from e
        self.stdout.write(f"active model: {row.version}")
