from __future__ import annotations

import itertools
import threading
import time
from urllib.parse import urlencode

import pytest
from django.core.signals import request_finished, request_started
from django.db import connection
from django.test import Client

from lapor.notifications.models import Notification

SECRET = "test-sms-secret"
PHONE = "+6281234567890"
OTHER_PHONE = "+6285712345678"
_clock = itertools.count(1795864856)


@pytest.fixture(autouse=True)
def _sms_settings(settings):  # type: ignore[no-untyped-def]
    settings.SMS_CALLBACK_SECRET = SECRET
    settings.SMS_CALLBACK_ALLOWED_IPS = ["127.0.0.1", "::1"]


def incoming_url(text: str, sender: str = PHONE, ts: str | None = None, **extra: str) -> str:
    query = {
        "secret": SECRET,
        "from": sender,
        "to": "1708",
        "text": text,
        "coding": "0",
        "charset": "UTF-8",
        "smsc": "FAKE",
        "ts": ts or str(next(_clock)),
    }
    query.update(extra)
    return "/sms/incoming?" + urlencode(query)


def sms(text: str, sender: str = PHONE, ts: str | None = None) -> str:
    """Kannel delivers one SMS to the app; returns the app's plain-text answer to Kannel."""
    response = Client().get(incoming_url(text, sender, ts))
    assert response.status_code == 200, response.content
    return response.content.decode()


def answers() -> list[str]:
    """Bodies of the SMS rows in the outbox, oldest first."""
    return list(
        Notification.objects.filter(channel=Notification.ChannelName.SMS)
        .order_by("pk")
        .values_list("body", flat=True)
    )


def last_answer() -> str:
    return answers()[-1]


# SQLite's test database is one in-memory database shared by the test and the live server's
# threads, and a shared in-memory database answers "table is locked" at once instead of waiting.
# On SQLite the two take turns: the test holds TURN except while it waits (``pause``), and the
# live server takes it for each request (request signals). PostgreSQL needs none of this.
TURN = threading.Lock()
_test_thread: list[int] = []
_in_flight = threading.Semaphore(64)
_IN_FLIGHT_MAX = 64


def _take_turn(**_kwargs: object) -> None:
    if threading.get_ident() not in _test_thread:
        _in_flight.acquire()
        TURN.acquire()


def _give_turn(**_kwargs: object) -> None:
    if threading.get_ident() not in _test_thread:
        TURN.release()
        _in_flight.release()


def _drain() -> None:
    """Wait until the live server has finished every request (Kannel is stopped by now)."""
    taken = 0
    deadline = time.monotonic() + 30
    while taken < _IN_FLIGHT_MAX and time.monotonic() < deadline:
        if _in_flight.acquire(timeout=0.1):
            taken += 1
    for _ in range(taken):
        _in_flight.release()


def pause(seconds: float) -> None:
    """Wait, letting the live server work meanwhile."""
    if not _test_thread:
        time.sleep(seconds)
        return
    TURN.release()
    try:
        time.sleep(seconds)
    finally:
        TURN.acquire()


@pytest.fixture
def kannel(live_server, settings):  # type: ignore[no-untyped-def]
    """Real bearerbox + smsbox on free ports, calling the live server; the app's SMS settings
    point at them."""
    from tests.sms.kannel import Kannel, require_kannel

    require_kannel()
    sqlite = connection.vendor == "sqlite"
    if sqlite:
        TURN.acquire()
        _test_thread.append(threading.get_ident())
        request_started.connect(_take_turn, dispatch_uid="sms-take-turn")
        request_finished.connect(_give_turn, dispatch_uid="sms-give-turn")
    gateway = Kannel(app_base_url=live_server.url, secret=SECRET)
    settings.SMS_SENDSMS_URL = gateway.sendsms_url
    settings.SMS_SENDSMS_PASSWORD = gateway.sendsms_password
    settings.SMS_CALLBACK_BASE_URL = live_server.url
    gateway.start()
    gateway.listen()
    try:
        yield gateway
    finally:
        gateway.cleanup()
        if sqlite:
            TURN.release()
            _drain()
            request_started.disconnect(dispatch_uid="sms-take-turn")
            request_finished.disconnect(dispatch_uid="sms-give-turn")
            _test_thread.clear()


@pytest.fixture
def run_outbox():  # type: ignore[no-untyped-def]
    """The worker's delivery, run in the test: send every due row once; returns how many were
    sent."""
    from django.utils import timezone

    from lapor.notifications.delivery import deliver

    def run() -> int:
        due = Notification.objects.filter(
            status=Notification.Status.PENDING, next_attempt_at__lte=timezone.now()
        ).order_by("pk")
        pks = list(due.values_list("pk", flat=True))
        return sum(deliver(pk) == "sent" for pk in pks)

    return run
