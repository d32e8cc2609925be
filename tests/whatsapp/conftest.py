from __future__ import annotations

import datetime as dt
import os

import pytest
from django.utils import timezone

from lapor.notifications.models import Notification
from tests.whatsapp.simulator import PHONE_NUMBER_ID, Simulator

TOKEN = "EAAGsimulatortoken"
APP_SECRET = "sim-app-secret-7f3a"
VERIFY_TOKEN = "lapor-verify-token"
WA_ID = "6281234567890"  # how WhatsApp names the user
PHONE = "+6281234567890"  # how Lapor stores the number
OTHER_WA_ID = "6285712345678"


@pytest.fixture(autouse=True)
def _whatsapp_settings(settings):  # type: ignore[no-untyped-def]
    settings.WHATSAPP_PROVIDER = "cloud"
    settings.WHATSAPP_ACCESS_TOKEN = TOKEN
    settings.WHATSAPP_APP_SECRET = APP_SECRET
    settings.WHATSAPP_VERIFY_TOKEN = VERIFY_TOKEN
    settings.WHATSAPP_PHONE_NUMBER_ID = PHONE_NUMBER_ID
    settings.WHATSAPP_TIMEOUT = 5


@pytest.fixture
def sim(live_server, settings):  # type: ignore[no-untyped-def]
    """The Cloud API simulator on loopback, posting signed webhooks to the live server; the
    app's WhatsApp settings point at it. ``WA_SIM_PORT`` fixes its port (default: any free)."""
    simulator = Simulator(
        access_token=TOKEN,
        app_secret=APP_SECRET,
        webhook_url=f"{live_server.url}/whatsapp/webhook",
        port=int(os.environ.get("WA_SIM_PORT", "0")),
    )
    simulator.start()
    settings.WHATSAPP_API_URL = simulator.api_url
    try:
        yield simulator
    finally:
        simulator.stop()


@pytest.fixture
def run_outbox():  # type: ignore[no-untyped-def]
    """The worker's delivery, run in the test: every due row once; returns how many were sent."""
    from lapor.notifications.delivery import deliver

    def run() -> int:
        due = Notification.objects.filter(
            status=Notification.Status.PENDING, next_attempt_at__lte=timezone.now()
        ).order_by("pk")
        return sum(deliver(pk) == "sent" for pk in list(due.values_list("pk", flat=True)))

    return run


def make_due(notification: Notification) -> None:
    Notification.objects.filter(pk=notification.pk).update(
        next_attempt_at=timezone.now() - dt.timedelta(seconds=1)
    )


def answers() -> list[str]:
    return list(
        Notification.objects.filter(channel=Notification.ChannelName.WHATSAPP)
        .order_by("pk")
        .values_list("body", flat=True)
    )
