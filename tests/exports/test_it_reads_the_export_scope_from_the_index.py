"""Issue 12: a scoped user's export reads its cases from the scope index (``reports_casekey``,
its (key, received) index) on PostgreSQL — at 10,000,000 reports the rule as a filter read every
case the regency's agencies ever had (43 s) for the last 90 days' 6,598 rows.

The index must list exactly what the ONE scope rule (``scope.case_scope_q``, what SQLite uses)
allows, for every role, every case state, reports of wrongdoing, and every date range and
status group of the export form; and its plan must read index ranges, not the reports table.
"""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.db import connection

from lapor.exports import selectors as export_selectors
from lapor.exports.selectors import STATUS_GROUPS, ExportFilters, exportable_reports
from lapor.reports import case_actions as ca
from lapor.reports import scope
from lapor.reports.models import Report
from tests.reports.test_it_scopes_cases_by_responsibility import (  # noqa: F401 (fixture)
    ROLES,
    STATES,
    make_case,
    roles,
)
from tests.whistle.conftest import file_whistle, inspektorat

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the index is PostgreSQL's"),
]

DAYS = (dt.date(2026, 3, 2), dt.date(2026, 3, 3), dt.date(2026, 3, 31), dt.date(2026, 4, 1))
RANGES = (
    ExportFilters(),
    ExportFilters(received_from=dt.date(2026, 3, 3)),
    ExportFilters(received_to=dt.date(2026, 3, 3)),
    ExportFilters(received_from=dt.date(2026, 3, 3), received_to=dt.date(2026, 3, 31)),
    ExportFilters(received_from=dt.date(2026, 4, 2)),
    *(ExportFilters(status_group=group) for group in STATUS_GROUPS),
    ExportFilters(received_from=dt.date(2026, 3, 1), status_group=next(iter(STATUS_GROUPS))),
)


def _exported(user, filters: ExportFilters) -> list[int]:
    from lapor.accounts.models import User

    fresh = User.objects.get(pk=user.pk)  # no per-request memo of the tree left over
    return list(exportable_reports(fresh, filters).values_list("pk", flat=True))


def _by_rule(user, filters: ExportFilters, monkeypatch) -> list[int]:
    with monkeypatch.context() as m:
        m.setattr(export_selectors, "indexed_scope_available", lambda using=None: False)
        return _exported(user, filters)


def test_every_role_state_and_range_exports_what_the_rule_allows(
    cast,
    directory,
    roles,  # noqa: F811
    monkeypatch,
):
    reports = []
    # 09:30 WIB, and 00:30 WIB of the next day (17:30 UTC): the export's days are WIB's.
    for day in DAYS:
        for hour in (2, 17):
            moment = dt.datetime.combine(day, dt.time(hour, 30), tzinfo=dt.UTC)
            with time_machine.travel(moment, tick=False):
                reports += [make_case(state, cast, directory) for state in STATES]
    auditor_unit = inspektorat(directory)
    whistles = [file_whistle(directory.sleman_pupr), file_whistle(None, title="Pungli lagi")]
    ca.report_dispose(report=whistles[0], agency=auditor_unit, actor=cast.agency_admin)
    compared = 0
    for name in ROLES:
        user = roles[name]
        for filters in RANGES:
            indexed = _exported(user, filters)
            assert indexed == _by_rule(user, filters, monkeypatch), (name, filters)
            compared += bool(indexed)
    assert compared > len(RANGES)  # the comparison is not of empty exports
    # The reports of wrongdoing stay with the auditor once dispositioned.
    admin_ids = set(_exported(roles["agency_admin"], ExportFilters()))
    assert whistles[0].pk not in admin_ids and whistles[1].pk in admin_ids
    # A date range of the index is the export's day in WIB: 17:30 UTC on 2 March is 3 March.
    first = _exported(roles["agency_admin"], ExportFilters(received_to=DAYS[0]))
    assert first and {Report.objects.get(pk=pk).created_at.hour for pk in first} == {2}


def test_the_scoped_export_reads_index_ranges_not_every_report(cast, directory, roles):  # noqa: F811
    for state in STATES:
        make_case(state, cast, directory)
    since = ExportFilters(received_from=dt.date(2026, 1, 1), received_to=dt.date(2026, 12, 31))
    query = exportable_reports(roles["agency_admin"], since)
    assert scope.case_keys(roles["agency_admin"], scope.Capability.EXPORT)
    sql, params = query.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "casekey_created_idx" in plan, plan
    assert "Seq Scan" not in plan, plan
    assert "reports_assignment" not in plan, plan  # the rule's filter is not read
