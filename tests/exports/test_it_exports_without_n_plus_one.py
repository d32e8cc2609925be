"""Exporting 50 reports costs the same queries as exporting 5, except the identity read that
``access.reporter_identity`` makes (and logs) for each report."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lapor.exports import selectors
from lapor.reports import case_actions as ca
from lapor.reports.access import reporter_identity
from tests.exports.conftest import SEMARANG_VILLAGE, csv_rows, download, file_report, xlsx_rows

pytestmark = pytest.mark.django_db


def _add_reports(cast, directory, count: int) -> None:
    # A mix: public, anonymous, confidential; disposed, postponed, archived; two regions.
    for i in range(count):
        privacy = ("public", "anonymous", "confidential")[i % 3]
        if i % 5 == 4:
            report = file_report(f"Laporan {i}", privacy=privacy, category=directory.category_road)
            ca.report_postpone(report=report, message="Mohon lengkapi.", actor=cast.national_admin)
            continue
        village = SEMARANG_VILLAGE if i % 2 else "34.04.07.2001"
        report = file_report(f"Laporan {i}", privacy=privacy, village=village)
        agency = directory.semarang_pupr if i % 2 else directory.sleman_pupr
        ca.report_dispose(report=report, agency=agency, actor=cast.national_admin)


def _export(user, fmt, monkeypatch) -> tuple[int, int, int]:
    """(rows, queries outside the identity reads, queries inside them)."""
    inside = 0
    with CaptureQueriesContext(connection) as captured:

        def counting(*args, **kwargs):
            nonlocal inside
            before = len(captured.captured_queries)
            try:
                return reporter_identity(*args, **kwargs)
            finally:
                inside += len(captured.captured_queries) - before

        monkeypatch.setattr(selectors, "reporter_identity", counting)
        response = download(user, fmt)
        rows = (csv_rows if fmt == "csv" else xlsx_rows)(response)
    return len(rows) - 1, len(captured.captured_queries) - inside, inside


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_it_does_not_query_per_row_beyond_the_identity_read(cast, directory, monkeypatch, fmt):
    _add_reports(cast, directory, 5)
    rows5, other5, identity5 = _export(cast.national_admin, fmt, monkeypatch)
    _add_reports(cast, directory, 45)
    rows50, other50, identity50 = _export(cast.national_admin, fmt, monkeypatch)
    assert (rows5, rows50) == (5, 50)
    assert other50 == other5
    # The identity read itself costs the same for every report.
    assert identity50 / 50 == identity5 / 5


def test_it_does_not_query_per_row_for_scoped_staff_either(cast, directory, monkeypatch):
    _add_reports(cast, directory, 5)
    rows5, other5, _ = _export(cast.agency_admin, "csv", monkeypatch)
    _add_reports(cast, directory, 45)
    rows50, other50, _ = _export(cast.agency_admin, "csv", monkeypatch)
    assert rows50 > rows5 > 0
    assert other50 == other5
