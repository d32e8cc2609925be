"""``manage.py rollback_model``: put back the model that ran before the current one."""

from django.core.management.base import BaseCommand

from lapor.routing import classifier, learning


class Command(BaseCommand):
    help = "Switch the classifier back to the version that ran before the current one."

    def handle(self, *args, **opts):
        row = learning.rollback()
        version = row.version if row is not None else classifier.default_version()
        self.stdout.write(f"running model: {version}")
