from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from lapor.sms.actions import forget_old_sms


class Command(BaseCommand):
    help = "Blank the text of incoming SMS older than a year; drop receipt PINs never sent."

    def handle(self, *args: Any, **options: Any) -> None:
        done = forget_old_sms()
        self.stdout.write(
            f"SMS texts blanked: {done['texts']}; receipt PINs dropped: {done['pins']}"
        )
