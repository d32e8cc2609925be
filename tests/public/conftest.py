from __future__ import annotations

import datetime as dt

import pytest

from lapor.regions.models import Region
from lapor.reports import actions, case_actions
from lapor.reports.models import Report

NIK = "3404071234560001"
PHONE = "0812-3456-7890"
EMAIL = "siti.rahma@example.id"


def file_report(
    title: str = "Jalan berlubang di depan SD Negeri Caturtunggal",
    body: str = "Lubang besar sudah tiga bulan, banyak pengendara jatuh di sana.",
    *,
    privacy: str = "public",
    region: str = "34.04.07.2001",
    kind: str = "complaint",
    name: str = "Siti Rahmawati",
    email: str = "siti@example.id",
    **extra: object,
) -> Report:
    return actions.report_submit(
        kind=kind,
        title=title,
        body=body,
        incident_date=dt.date(2026, 1, 5),
        region=Region.objects.get(code=region),
        privacy=privacy,
        contact=actions.ReporterContact(full_name=name, email=email),
        **extra,  # type: ignore[arg-type]
    ).report


def publish(report: Report, cast, agency) -> Report:  # type: ignore[no-untyped-def]
    """Verify and dispose, as a national admin: the report becomes public (unless confidential)."""
    case_actions.report_dispose(report=report, agency=agency, actor=cast.national_admin)
    report.refresh_from_db()
    return report


@pytest.fixture
def published(cast, directory):  # type: ignore[no-untyped-def]
    def make(*args, agency=None, **kw):  # type: ignore[no-untyped-def]
        return publish(file_report(*args, **kw), cast, agency or directory.sleman_pupr)

    return make
