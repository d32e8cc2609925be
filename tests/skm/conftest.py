from __future__ import annotations

import datetime as dt

from lapor.reports import actions as report_actions
from lapor.reports import case_actions as ca
from lapor.reports.models import Channel, Report
from tests.sms.conftest import _sms_settings  # noqa: F401  (SKM answers by SMS)


def closed_report(
    cast, directory, *, channel: str = Channel.WEB, phone: str = "", email: str = "warga@example.id"
) -> tuple[Report, str]:  # type: ignore[no-untyped-def]
    """A complaint filed, handled by Dinas PUPR Sleman and closed by its reporter; with its PIN."""
    from lapor.regions.models import Region

    submitted = report_actions.report_submit(
        kind="complaint",
        title="Jalan berlubang di depan SD Negeri Caturtunggal",
        body="Sudah tiga bulan jalan di depan sekolah berlubang besar dan membahayakan anak-anak.",
        incident_date=dt.date.today() - dt.timedelta(days=3),
        region=Region.objects.get(code="34.04.07.2001"),
        channel=channel,
        contact=report_actions.ReporterContact(
            full_name="Siti Rahmawati", email=email, phone=phone
        ),
    )
    report = submitted.report
    ca.report_dispose(
        report=report,
        agency=directory.sleman_pupr,
        privacy="public",
        complexity="simple",
        actor=cast.agency_admin,
    )
    ca.report_follow_up(report=report, message="Sudah ditambal.", actor=cast.officer_a)
    ca.report_close_by_reporter(report=report, rating=4, actor=None)
    report.refresh_from_db()
    assert report.closed_at is not None
    return report, submitted.pin or ""
