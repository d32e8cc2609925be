"""A small, hand-checkable data set made with the case actions under frozen time.

November 2026 has no national holiday: Monday 2 Nov + n working days is plain weekday counting.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
import time_machine

from lapor.regions.models import Region
from lapor.reports import actions
from lapor.reports import case_actions as ca
from lapor.reports.models import Report
from tests.cases.conftest import at, submit

NOW = at(2026, 11, 30, 12)
SECRET_TITLE = "Pungli RAHASIA di kantor kelurahan Miroto"
SECRET_BODY = "Petugas bernama Joko Rahasiawan meminta uang 500 ribu, NIK saya 3404071234567890."


@dataclass
class Dataset:
    quick: Report  # followed up in 2 wd, closed after 2 wd, rating 5
    late: Report  # followed up after 9 wd, closed rating 2, then disputed (reopened)
    bounced: Report  # not our authority at Sleman PUPR, re-routed to Semarang PUPR, ignored
    secret: Report  # confidential, Semarang, awaiting verification


def _submit_semarang(**kw) -> Report:
    return actions.report_submit(
        kind="complaint",
        title=SECRET_TITLE,
        body=SECRET_BODY,
        incident_date=dt.date(2026, 11, 1),
        region=Region.objects.get(code="33.74.01.1001"),
        privacy="confidential",
        contact=actions.ReporterContact(full_name="Joko", email="joko@example.id"),
        **kw,
    ).report


def make_dataset(cast, directory) -> Dataset:
    with time_machine.travel(at(2026, 11, 2), tick=False):
        quick, late, bounced = submit(), submit(), submit()
        for r in (quick, late, bounced):
            ca.report_dispose(report=r, agency=directory.sleman_pupr, actor=cast.agency_admin)
    with time_machine.travel(at(2026, 11, 3), tick=False):
        secret = _submit_semarang()
        ca.report_not_our_authority(report=bounced, reason="Jalan provinsi", actor=cast.officer_a)
        ca.report_dispose(report=bounced, agency=directory.semarang_pupr, actor=cast.national_admin)
    with time_machine.travel(at(2026, 11, 4), tick=False):
        ca.report_follow_up(report=quick, message="Sudah ditambal.", actor=cast.officer_a)
        ca.report_close_by_reporter(report=quick, rating=5, actor=None)
    with time_machine.travel(at(2026, 11, 13), tick=False):
        ca.report_follow_up(report=late, message="Akan kami cek.", actor=cast.officer_a)
        ca.report_close_by_reporter(report=late, rating=2, actor=None)
    with time_machine.travel(at(2026, 11, 16), tick=False):
        ca.report_dispute(report=late, reason="Belum diperbaiki sama sekali", actor=None)
    return Dataset(quick, late, bounced, secret)


@pytest.fixture
def dataset(cast, directory) -> Dataset:
    return make_dataset(cast, directory)


@pytest.fixture
def refreshed(dataset):
    from lapor.stats.rollup import refresh

    with time_machine.travel(NOW, tick=False):
        refresh(full=True)
    return dataset
