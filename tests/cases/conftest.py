from __future__ import annotations

import datetime as dt

import pytest

from lapor.core.timezones import WIB
from lapor.regions.models import Region
from lapor.reports import actions
from lapor.reports.models import Report


def at(y: int, m: int, d: int, h: int = 10, minute: int = 0) -> dt.datetime:
    """A moment in Yogyakarta's time zone (WIB)."""
    return dt.datetime(y, m, d, h, minute, tzinfo=WIB)


def submit(title: str = "Jalan berlubang di depan SD Negeri Caturtunggal", **kw) -> Report:
    region = Region.objects.get(code="34.04.07.2001")
    return actions.report_submit(
        kind=kw.pop("kind", "complaint"),
        title=title,
        body=kw.pop("body", "Lubang besar sudah tiga bulan, banyak pengendara jatuh di sana."),
        incident_date=dt.date(2026, 1, 5),
        region=region,
        privacy=kw.pop("privacy", "public"),
        contact=actions.ReporterContact(full_name="Siti", email="siti@example.id"),
        **kw,
    ).report


@pytest.fixture
def new_report(cast):
    return submit()
