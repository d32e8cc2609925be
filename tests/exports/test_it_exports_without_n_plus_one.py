"""Exporting 50 reports costs the same queries as exporting 5, the identity reads included:
``access.reporter_identities`` decides and logs a whole chunk at once (issue 12), one log row
per report all the same."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lapor.exports import selectors
from lapor.reports import case_actions as ca
from lapor.reports.models import IdentityAccessLog
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


def _export(user, fmt) -> tuple[int, int]:
    """(rows, queries)."""
    with CaptureQueriesContext(connection) as captured:
        response = download(user, fmt)
        rows = (csv_rows if fmt == "csv" else xlsx_rows)(response)
    return len(rows) - 1, len(captured.captured_queries)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_it_does_not_query_per_row_not_even_for_identities(cast, directory, fmt):
    _add_reports(cast, directory, 5)
    rows5, queries5 = _export(cast.national_admin, fmt)
    _add_reports(cast, directory, 45)
    before = IdentityAccessLog.objects.count()
    rows50, queries50 = _export(cast.national_admin, fmt)
    assert (rows5, rows50) == (5, 50)
    assert queries50 == queries5
    # Still one log row per exported report.
    assert IdentityAccessLog.objects.count() - before == 50


def test_it_does_not_query_per_row_for_scoped_staff_either(cast, directory):
    _add_reports(cast, directory, 5)
    rows5, queries5 = _export(cast.agency_admin, "csv")
    _add_reports(cast, directory, 45)
    before = IdentityAccessLog.objects.count()
    rows50, queries50 = _export(cast.agency_admin, "csv")
    assert rows50 > rows5 > 0
    assert queries50 == queries5
    assert IdentityAccessLog.objects.count() - before == rows50


def test_chunks_cost_a_bounded_number_of_queries(cast, directory, monkeypatch):
    """Several chunks: each costs the same fixed number of queries."""
    _add_reports(cast, directory, 12)
    monkeypatch.setattr(selectors, "CHUNK_SIZE", 4)
    rows12, queries12 = _export(cast.national_admin, "csv")
    _add_reports(cast, directory, 12)
    rows24, queries24 = _export(cast.national_admin, "csv")
    assert (rows12, rows24) == (12, 24)
    per_chunk = (queries24 - queries12) / 3
    assert per_chunk <= 6, per_chunk


def test_the_bulk_identity_read_agrees_with_the_single_one(cast, directory):
    from lapor.reports.access import reporter_identities, reporter_identity
    from lapor.reports.models import Report

    _add_reports(cast, directory, 10)
    reports = list(Report.objects.order_by("pk"))
    for actor in (cast.national_admin, cast.agency_admin, cast.officer_a, cast.officer_b, None):
        bulk = reporter_identities(reports, actor=actor, purpose="test")
        single = {r.pk: reporter_identity(r, actor=actor, purpose="test") for r in reports}
        assert {k: v and v.pk for k, v in bulk.items()} == {
            k: v and v.pk for k, v in single.items()
        }, actor
    assert IdentityAccessLog.objects.filter(purpose="test").count() == 2 * 5 * len(reports)


def test_the_names_read_agrees_with_the_single_one_and_logs_each_report(cast, directory):
    """``reporter_names`` (what the export reads, from plain values) gives the same answer as
    ``reporter_identity`` for every actor, including refusals, and logs one row per report with
    the actor, the purpose and the answer."""
    from lapor.exports.selectors import RECORD_FIELDS, ExportRecord
    from lapor.reports.access import reporter_identity, reporter_names
    from lapor.reports.models import Report

    _add_reports(cast, directory, 10)
    reports = list(Report.objects.order_by("pk"))
    records = [
        ExportRecord(*values)
        for values in Report.objects.order_by("pk").values_list(*RECORD_FIELDS)
    ]
    seen_granted, seen_refused = False, False
    for actor in (cast.national_admin, cast.agency_admin, cast.officer_a, cast.officer_b, None):
        names = reporter_names(records, actor=actor, purpose="names")
        logged = dict(
            IdentityAccessLog.objects.filter(purpose="names", actor=actor).values_list(
                "report_id", "granted"
            )
        )
        single = {r.pk: reporter_identity(r, actor=actor, purpose="single") for r in reports}
        assert {k: v is not None for k, v in names.items()} == {
            k: v is not None for k, v in single.items()
        }, actor
        assert {k: v for k, v in names.items() if v is not None} == {
            k: v.full_name for k, v in single.items() if v is not None
        }
        assert logged == {k: v is not None for k, v in names.items()}, actor
        seen_granted |= any(v is not None for v in names.values())
        seen_refused |= any(v is None for v in names.values())
        IdentityAccessLog.objects.filter(purpose="names").delete()
    assert seen_granted and seen_refused  # both answers were compared
    assert reporter_names([], actor=cast.national_admin, purpose="names") == {}
    assert not IdentityAccessLog.objects.filter(purpose="names").exists()
