"""Issue 11.5: the intake writes only the report, its identity, its ``submitted`` event and the
receipt; the worker derives the verification clock, the outbox rows and routing from the event
(``lapor.reports.derive``). Each test takes the path a real failure would: a lost task row, a
worker that dies half-way, two workers at once, an officer faster than the worker."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

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


def _derive_tasks() -> int:
    return DBTaskResult.objects.filter(task_path="lapor.reports.tasks.derive_event").count()


def _receipts(report: Report) -> int:
    return Notification.objects.filter(
        report=report, recipient_kind=Notification.RecipientKind.REPORTER
    ).count()


@pytest.mark.django_db(transaction=True)  # the real worker command
def test_the_filing_writes_the_event_and_its_task_and_the_worker_the_rest(directory):
    submitted = _file()
    report = submitted.report
    event = _event(report)
    # Before the worker: the durable record and its queued derivation, nothing derived.
    assert event.derive_pending
    assert _derive_tasks() == 1
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
    # The queued task runs after the sweep (or the filing derived it itself): nothing to do.
    assert derive.derive(event.pk) is False
    call_command("run_worker", "--once")
    assert Clock.objects.filter(report=report).count() == 1
    assert _receipts(report) == 1


def test_the_sweep_derives_an_event_whose_task_was_lost(directory):
    with time_machine.travel(timezone.now() - dt.timedelta(minutes=5)):
        lost = _file().report
    fresh = _file().report
    # The worker crashed between the commit and its queue: the task rows are gone.
    DBTaskResult.objects.filter(task_path="lapor.reports.tasks.derive_event").delete()

    assert derive.derive_pending_events() == 1

    assert not _event(lost).derive_pending
    assert Clock.objects.filter(report=lost).count() == 1
    assert _receipts(lost) == 1
    # A filing of a moment ago is still its own task's (it may be running right now).
    assert _event(fresh).derive_pending
    assert not Clock.objects.filter(report=fresh).exists()
    assert derive.derive_pending_events(now=timezone.now() + derive.SWEEP_AFTER * 2) == 1
    assert Clock.objects.filter(report=fresh).count() == 1


@pytest.mark.django_db(transaction=True)  # the real worker command
def test_the_schedule_runs_the_sweep(directory):
    with time_machine.travel(timezone.now() - dt.timedelta(minutes=5)):
        report = _file().report
    DBTaskResult.objects.filter(task_path="lapor.reports.tasks.derive_event").delete()
    call_command("run_worker", "--once")
    assert not _event(report).derive_pending
    assert _receipts(report) == 1


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
        # The sweep logs it and carries on; it stays pending for the next sweep.
        later = timezone.now() + derive.SWEEP_AFTER * 2
        assert derive.derive_pending_events(now=later) == 0
        assert _event(report).derive_pending
    finally:
        events.SUBSCRIBERS.remove(dies)
    assert derive.derive_pending_events(now=later) == 1
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
    assert _derive_tasks() == 0


def test_the_web_filing_request_writes_only_the_filing(client, directory):
    with CaptureQueriesContext(connection) as ctx:
        response = client.post("/lapor/", report_post_data())
    assert response.status_code == 302
    written = [q["sql"] for q in ctx.captured_queries if q["sql"].startswith(("INSERT", "UPDATE"))]
    tables = sorted({re.search(r'(?:INTO|UPDATE) "(\w+)"', sql).group(1) for sql in written})  # type: ignore[union-attr]
    assert tables == [
        "django_tasks_database_dbtaskresult",
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
