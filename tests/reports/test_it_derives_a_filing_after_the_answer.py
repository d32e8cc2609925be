"""Issue 11.5: the intake writes only the report, its identity, its ``submitted`` event and the
receipt; the worker derives the verification clock, the outbox rows and routing from the event
(``lapor.reports.derive``): the pending event is the worker's queue entry, no task row is
written. Each test takes the path a real failure would: a worker that dies half-way, two
workers at once, an officer faster than the worker."""

from __future__ import annotations

import datetime as dt
import re
import threading
import time

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from lapor.notifications.management.commands import run_worker
from lapor.notifications.models import Notification
from lapor.regions.models import Region
from lapor.reports import actions, case_actions, derive, events
from lapor.reports.models import Clock, Report, ReportEvent, Status
from tests.conftest import report_post_data

pytestmark = pytest.mark.django_db


def _file(**kw: object) -> actions.Submitted:
    kw.setdefault("derive_later", True)  # as the web form, API v1 and Open311 file
    return actions.report_submit(
        kind="complaint",
        title="Jalan berlubang di depan SD Negeri Caturtunggal",
        body="Lubang besar sudah tiga bulan, banyak pengendara jatuh di sana.",
        incident_date=dt.date(2026, 1, 5),
        region=Region.objects.get(code="34.04.07.2001"),
        contact=actions.ReporterContact(full_name="Siti", email="siti.lapor@example.id"),
        **kw,  # type: ignore[arg-type]
    )


def _event(report: Report) -> ReportEvent:
    return ReportEvent.objects.get(report=report, kind=ReportEvent.Kind.SUBMITTED)


def _queued_tasks() -> int:
    return DBTaskResult.objects.count()


def _receipts(report: Report) -> int:
    return Notification.objects.filter(
        report=report, recipient_kind=Notification.RecipientKind.REPORTER
    ).count()


@pytest.mark.django_db(transaction=True)  # the real worker command
def test_the_filing_writes_the_event_and_the_worker_the_rest(directory):
    submitted = _file()
    report = submitted.report
    event = _event(report)
    # Before the worker: the durable record, flagged; nothing queued, nothing derived.
    assert event.derive_pending
    assert _queued_tasks() == 0
    assert not Clock.objects.filter(report=report).exists()
    assert _receipts(report) == 0
    assert Report.objects.get(pk=report.pk).due_at is None
    expected = derive.expected_due(report)
    assert expected is not None

    call_command("run_worker", "--once")

    event.refresh_from_db()
    report.refresh_from_db()
    assert not event.derive_pending
    clock = Clock.objects.get(report=report)
    assert clock.kind == Clock.Kind.VERIFY and clock.stopped_at is None
    # What the receipt showed before the worker is what the worker wrote.
    assert clock.due_at == report.due_at == expected
    assert derive.expected_due(report) is None
    assert _receipts(report) == 1


@pytest.mark.django_db(transaction=True)  # the real worker command
def test_deriving_twice_writes_nothing_twice(directory):
    report = _file().report
    event = _event(report)
    assert derive.derive(event.pk) is True
    # Another worker's poll (or the filing derived it itself): nothing left to do.
    assert derive.derive(event.pk) is False
    call_command("run_worker", "--once")
    assert Clock.objects.filter(report=report).count() == 1
    assert _receipts(report) == 1


def test_the_poll_derives_every_pending_event_oldest_first_in_batches(directory):
    with time_machine.travel(timezone.now() - dt.timedelta(minutes=5)):
        older = _file().report
    newer = _file().report

    assert derive.derive_pending_events(limit=1) == 1
    assert not _event(older).derive_pending
    assert _event(newer).derive_pending
    assert Clock.objects.filter(report=older).count() == 1
    assert derive.derive_pending_events() == 1
    assert derive.derive_pending_events() == 0
    assert Clock.objects.filter(report=newer).count() == 1
    assert _receipts(older) == _receipts(newer) == 1


@pytest.mark.django_db(transaction=True)  # the loop's thread has its own connection
def test_the_workers_derive_thread_derives_a_filing_within_its_interval(directory):
    if connection.vendor == "sqlite":
        # The test run's in-memory SQLite (shared cache) locks tables between threads at once;
        # a real SQLite file (WAL, busy timeout) lets the threads take turns.
        pytest.skip("two threads on the test run's in-memory SQLite")
    stop = threading.Event()
    thread = threading.Thread(target=run_worker.derive_loop, args=(stop, 0.05), daemon=True)
    thread.start()
    try:
        report = _file().report
        deadline = time.monotonic() + 10
        while _event(report).derive_pending and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        stop.set()
        thread.join(10)
    assert not thread.is_alive()
    assert not _event(report).derive_pending
    assert Clock.objects.filter(report=report).count() == 1
    assert _receipts(report) == 1


@pytest.mark.django_db(transaction=True)  # two connections: a worker holding the row
def test_a_second_worker_skips_an_event_another_is_deriving(directory):
    if connection.vendor != "postgresql":
        pytest.skip("row locks (SKIP LOCKED) are PostgreSQL's; SQLite has one writer")
    report = _file().report
    event = _event(report)
    held = threading.Event()
    release = threading.Event()

    def first_worker() -> None:
        # Holds the event's row as derive() does while it writes the consequences.
        with transaction.atomic():
            ReportEvent.objects.select_for_update().get(pk=event.pk)
            held.set()
            release.wait(10)
        connection.close()

    holder = threading.Thread(target=first_worker, daemon=True)
    holder.start()
    assert held.wait(10)
    try:
        started = time.monotonic()
        # The second worker neither waits for the first nor derives the event too.
        assert derive.derive(event.pk) is False
        assert derive.derive_pending_events() == 0
        assert time.monotonic() - started < 2
    finally:
        release.set()
        holder.join(10)
    assert _event(report).derive_pending  # the first worker (here: gone) left it pending
    assert derive.derive(event.pk) is True
    assert Clock.objects.filter(report=report).count() == 1


def test_a_worker_that_fails_half_way_leaves_the_event_pending_and_nothing_written(directory):
    report = _file().report
    event = _event(report)
    calls: list[int] = []

    def dies(evt: ReportEvent) -> None:
        calls.append(evt.pk)
        raise RuntimeError("worker killed while writing the outbox")

    # After the other subscribers: the clock and the reporter's row are already written when
    # it fails, and must be rolled back with it.
    events.subscribe(dies)
    try:
        with pytest.raises(RuntimeError):
            derive.derive(event.pk)
        assert calls == [event.pk]
        assert _event(report).derive_pending
        assert not Clock.objects.filter(report=report).exists()
        assert _receipts(report) == 0
        assert Report.objects.get(pk=report.pk).due_at is None
        # The poll logs it and carries on; it stays pending for the next poll.
        assert derive.derive_pending_events() == 0
        assert _event(report).derive_pending
    finally:
        events.SUBSCRIBERS.remove(dies)
    assert derive.derive_pending_events() == 1
    assert Clock.objects.filter(report=report).count() == 1
    assert _receipts(report) == 1


def test_an_officer_faster_than_the_worker_gets_no_stale_clock(cast, directory):
    report = _file().report
    case_actions.report_dispose(
        report=report, agency=directory.sleman_pupr, actor=cast.agency_admin
    )
    report.refresh_from_db()
    assert report.status != Status.AWAITING_VERIFICATION
    due = report.due_at
    clocks = list(Clock.objects.filter(report=report).values_list("kind", flat=True))

    assert derive.derive(_event(report).pk) is True

    report.refresh_from_db()
    # No verification clock started after the case was verified; its own deadline stands.
    assert list(Clock.objects.filter(report=report).values_list("kind", flat=True)) == clocks
    assert Clock.Kind.VERIFY not in clocks
    assert report.due_at == due
    # The reporter still gets the receipt of the filing.
    assert Notification.objects.filter(
        report=report, event=_event(report), recipient_kind=Notification.RecipientKind.REPORTER
    ).exists()


def test_a_channel_that_needs_the_rows_derives_them_in_its_own_transaction(directory):
    submitted = _file(derive_later=False)  # as the SMS, e-mail and desk intakes file
    report = submitted.report
    assert not _event(report).derive_pending
    assert Clock.objects.filter(report=report).count() == 1
    assert _receipts(report) == 1
    assert derive.derive_pending_events() == 0


def test_the_web_filing_request_writes_only_the_filing(client, directory):
    with CaptureQueriesContext(connection) as ctx:
        response = client.post("/lapor/", report_post_data())
    assert response.status_code == 302
    written = [q["sql"] for q in ctx.captured_queries if q["sql"].startswith(("INSERT", "UPDATE"))]
    tables = sorted({re.search(r'(?:INTO|UPDATE) "(\w+)"', sql).group(1) for sql in written})  # type: ignore[union-attr]
    assert tables == [
        "reports_report",
        "reports_reporteridentity",
        "reports_reportevent",
    ]
    # One transaction (a savepoint inside the test's own), none for a tracking ID retry.
    control = [q["sql"] for q in ctx.captured_queries if q["sql"].startswith(("BEGIN", "SAVEP"))]
    assert len(control) == 1
    # The receipt shows the deadline before the worker has written it, and the PIN once.
    receipt = client.get(response["Location"])
    assert re.search(r'id="pin">\d{6}<', receipt.content.decode())
    report = Report.objects.get()
    assert not Clock.objects.filter(report=report).exists()
    assert receipt.context["verify_due"] == derive.expected_due(report) is not None
    again = client.get(response["Location"]).content.decode()
    assert not re.search(r'id="pin">\d{6}<', again)
