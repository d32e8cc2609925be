"""The partner's receiver sees each event exactly once after deduplicating by event ID, in
order per report, even when it processed our first attempts but answered too late (our
timeout): the retries carry the same event ID and the same bytes."""

import datetime as dt

import pytest
import time_machine

from lapor.partners.models import DeliveryAttempt
from lapor.reports import case_actions as ca
from tests.partners.conftest import deliveries, dispose, pushed, run_worker

# The worker commits like a real one: no wrapping test transaction.
pytestmark = pytest.mark.django_db(transaction=True)


def test_each_event_is_received_once_though_the_first_answers_come_too_late(
    quiet_start, cast, directory, partner, simulator, settings
):
    settings.PARTNER_WEBHOOK_TIMEOUT = 0.5
    simulator.stall_next = 2
    simulator.stall_seconds = 1.5
    start = quiet_start
    with time_machine.travel(start, tick=False):
        report = pushed(partner)
        dispose(report, cast, directory)
        ca.report_follow_up(
            report=report, message="Lampu sudah diganti oleh tim PJU.", actor=cast.officer_a
        )
        first, second = deliveries(report)
        assert (first.event_type, second.event_type) == ("report.disposed", "report.follow_up")
        run_worker()
    first.refresh_from_db()
    second.refresh_from_db()
    # The receiver got and processed it, but answered after our timeout: a failed attempt.
    assert (first.status, first.attempts) == ("pending", 1)
    assert first.next_attempt_at == start + dt.timedelta(seconds=30)
    # In order per report: the follow-up waits for the disposition.
    assert (second.status, second.attempts) == ("pending", 0)
    assert simulator.accepted_ids() == [str(first.event_uuid)]

    with time_machine.travel(start + dt.timedelta(seconds=31), tick=False):
        run_worker()  # the second attempt is late too
    first.refresh_from_db()
    assert (first.status, first.attempts) == ("pending", 2)
    assert first.next_attempt_at == start + dt.timedelta(seconds=31 + 60)  # back-off doubles

    with time_machine.travel(start + dt.timedelta(seconds=92), tick=False):
        run_worker()
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, first.attempts) == ("delivered", 3)
    assert (second.status, second.attempts) == ("delivered", 1)

    with time_machine.travel(start + dt.timedelta(hours=2), tick=False):
        run_worker()  # anything left queued finds the rows delivered

    # Exactly once after deduplication, in event order.
    assert simulator.accepted_ids() == [str(first.event_uuid), str(second.event_uuid)]
    assert [a["type"] for a in simulator.accepted] == ["report.disposed", "report.follow_up"]
    # ... though the receiver saw the first event three times.
    assert simulator.outcomes() == ["accepted", "duplicate", "duplicate", "accepted"]
    log = list(DeliveryAttempt.objects.filter(delivery=first).order_by("number"))
    assert [a.succeeded for a in log] == [False, False, True]
    assert all("timed out" in a.error for a in log[:2]), [a.error for a in log]
    assert log[2].status_code == 200


def test_a_failed_event_holds_back_the_next_of_the_same_report_until_delivered(
    quiet_start, cast, directory, partner, simulator
):
    simulator.fail_next = 1  # the receiver answers 500 once
    start = quiet_start
    with time_machine.travel(start, tick=False):
        report = pushed(partner)
        other = pushed(partner, "LAKSA-2026-0002")
        dispose(report, cast, directory)
        dispose(other, cast, directory)
        ca.report_follow_up(report=report, message="Sedang dikerjakan.", actor=cast.officer_a)
        run_worker()
    rows = {(d.report_id, d.event_type): d for d in deliveries()}
    held = rows[(report.pk, "report.follow_up")]
    failed = rows[(report.pk, "report.disposed")]
    failed.refresh_from_db()
    held.refresh_from_db()
    assert (failed.status, failed.last_status_code) == ("pending", 500)
    assert held.status == "pending" and held.attempts == 0
    # Another report's events are not held back.
    independent = rows[(other.pk, "report.disposed")]
    independent.refresh_from_db()
    assert independent.status == "delivered"
    with time_machine.travel(start + dt.timedelta(seconds=31), tick=False):
        run_worker()
    held.refresh_from_db()
    assert held.status == "delivered"
    ours = [a for a in simulator.accepted if a["report"]["tracking_id"] == report.tracking_id]
    assert [a["type"] for a in ours] == ["report.disposed", "report.follow_up"]
    assert [a["sequence"] for a in ours] == sorted(a["sequence"] for a in ours)
