"""An incremental refresh picks up new reports, new events and time passing, and nothing else."""

from __future__ import annotations

import io

import pytest
import time_machine
from django.core.management import call_command
from django.db.models import Sum

from lapor.notifications import tasks
from lapor.notifications.schedule import JOBS
from lapor.reports import case_actions as ca
from lapor.stats.models import RegionPeriod, ReportFact
from lapor.stats.rollup import refresh
from tests.cases.conftest import at, submit

pytestmark = pytest.mark.django_db

ORDER = ("grain", "period", "region_level", "region_code")


def _total(field: str = "n") -> int:
    days = RegionPeriod.objects.filter(grain="d", region_level=1)
    return days.aggregate(s=Sum(field))["s"] or 0


def test_it_recomputes_only_what_changed(refreshed, cast, directory):
    with time_machine.travel(at(2026, 12, 1), tick=False):
        nothing = refresh()
    assert nothing.reports == 0 and nothing.days == 0
    with time_machine.travel(at(2026, 12, 1, 13), tick=False):
        fresh = submit()
        ca.report_dispose(report=fresh, agency=directory.sleman_pupr, actor=cast.agency_admin)
        result = refresh()
    assert result.reports == 1 and _total() == 5
    fact = ReportFact.objects.get(report_id=fresh.pk)
    assert fact.disposed and fact.followed_up_within_5wd is None  # window still open
    # Nothing happens to it; a week later time alone makes it late.
    with time_machine.travel(at(2026, 12, 10), tick=False):
        later = refresh()
    assert later.reports == 1
    fact.refresh_from_db()
    assert fact.followed_up_within_5wd is False
    # An event on an old report updates its day's rows.
    with time_machine.travel(at(2026, 12, 11), tick=False):
        ca.report_follow_up(report=refreshed.bounced, message="Dicek.", actor=cast.officer_b)
        refresh()
    assert _total("n_followed_up") == 3
    assert ReportFact.objects.get(report_id=refreshed.bounced.pk).followed_up


def test_full_and_incremental_agree(refreshed, cast, directory):
    with time_machine.travel(at(2026, 12, 2), tick=False):
        ca.report_follow_up(
            report=refreshed.late, message="Sudah diperbaiki.", actor=cast.officer_a
        )
        refresh()
        incremental = list(RegionPeriod.objects.order_by(*ORDER).values())
        call_command("refresh_stats", "--full", stdout=io.StringIO())
        full = list(RegionPeriod.objects.order_by(*ORDER).values())
    strip = [{k: v for k, v in row.items() if k != "id"} for row in incremental]
    assert strip == [{k: v for k, v in row.items() if k != "id"} for row in full]


def test_the_worker_runs_it_every_few_minutes():
    job = next(j for j in JOBS if j.name == "refresh_stats")
    assert job.every is not None and job.every.total_seconds() <= 600
    assert tasks.refresh_stats.call() == {"reports": 0, "days": 0, "agencies": 0}


def test_two_refreshes_never_run_at_once(refreshed):
    from lapor.stats.models import Watermark

    with time_machine.travel(at(2026, 12, 1), tick=False):
        Watermark.objects.filter(name="facts").update(lease_until=at(2026, 12, 1, 10, 20))
        assert refresh().skipped
    # A crashed run's lease expires.
    with time_machine.travel(at(2026, 12, 1, 11), tick=False):
        assert not refresh().skipped
    assert Watermark.objects.get(name="facts").lease_until is None
