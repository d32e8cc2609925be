"""``manage.py retrain_routing``: what the worker does nightly — train a candidate on the
decisions so far, promote it only if it beats the running model on the newest decisions it has
not seen, else keep it aside with its metrics."""

import json

from django.core.management.base import BaseCommand

from lapor.routing import learning


class Command(BaseCommand):
    help = "Retrain the classifier from admins' decisions; promote only if better."

    def add_arguments(self, parser):
        parser.add_argument("--name", help="version name (default: v<date>-<time>)")
        parser.add_argument("--min-new", type=int, default=learning.MIN_NEW)

    def handle(self, *args, **opts):
        result = learning.retrain(version=opts["name"], min_new=opts["min_new"])
        self.stdout.write(json.dumps(result, ensure_ascii=False, indent=1, default=str))
