"""The schedule lives in the database: the digest is enqueued once a day at 07:00 WIB, the
sweep and the statistics every five minutes, the retry nets every minute — once per slot,
however many ticks."""

import pytest

from lapor.notifications.schedule import tick
from tests.cases.conftest import at

pytestmark = pytest.mark.django_db


def test_each_job_is_enqueued_once_per_slot():
    assert tick(at(2026, 11, 3, 6, 59)) == [
        "sweep",
        "retry_notifications",
        "refresh_stats",
        "retry_webhooks",
        "search_words",
        "purge_uploads",
    ]
    assert tick(at(2026, 11, 3, 6, 59)) == []
    assert tick(at(2026, 11, 3, 7, 0)) == [
        "retry_notifications",
        "staff_digest",
        "retry_webhooks",
    ]
    assert tick(at(2026, 11, 3, 7, 0)) == []
    assert tick(at(2026, 11, 3, 7, 4)) == [
        "sweep",
        "retry_notifications",
        "refresh_stats",
        "retry_webhooks",
        "search_words",
    ]
    assert "staff_digest" not in tick(at(2026, 11, 3, 23, 0))
    # A worker that was down for days runs each job once on return, not once per missed slot.
    assert tick(at(2026, 11, 7, 9, 0)) == [
        "sweep",
        "retry_notifications",
        "refresh_stats",
        "staff_digest",
        "open_data_dump",
        "retry_webhooks",
        "search_words",
        "search_words_rebuild",
        "purge_uploads",
        "sweep_storage",
        "routing_retrain",
    ]
    assert tick(at(2026, 11, 7, 9, 0)) == []
