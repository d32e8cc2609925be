"""Queue pages and the dashboard cost the same at any table size (issue 12).

- counts stop at ``COUNT_CAP`` and say so ("more than …");
- the dashboard counts every queue in ONE query;
- a national admin's "all" queue walks the queue order index, an agency admin's is read from
  the scope index (``reports_casekey``) and never touches the reports table to find its page
  (PostgreSQL: with sequential scans disabled, no ``Seq Scan on reports_report`` is left; a
  condition no index can answer keeps its sequential scan whatever the setting);
- the indexable scope (``pk = ANY(ARRAY(…))``) lists exactly the reports of the EXISTS rule,
  and so does the agency admin's "all" queue.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.models import Exists, OuterRef, Q
from django.test.utils import CaptureQueriesContext

from lapor.console import selectors
from lapor.core import counting
from lapor.reports import case_actions as ca
from lapor.reports import scope
from lapor.reports.models import Assignment, Report
from tests.console.conftest import SEMARANG_VILLAGE, SLEMAN_VILLAGE, file_report, login

pytestmark = pytest.mark.django_db


def _reports(cast, directory, n: int = 5) -> None:
    for i in range(n):
        report = file_report(SLEMAN_VILLAGE if i % 2 else SEMARANG_VILLAGE, title=f"Jalan {i}")
        if i % 2:
            ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.agency_admin)


def test_counts_stop_at_the_cap_and_say_so(cast, directory, monkeypatch):
    _reports(cast, directory, 5)
    monkeypatch.setattr(counting, "COUNT_CAP", 3)
    monkeypatch.setattr(selectors, "DASHBOARD_COUNT_CAP", 3)
    client = login(cast.national_admin)
    response = client.get("/en/konsol/")
    cards = {q["queue"]: q for q in response.context["queues"]}
    assert cards[selectors.Queue.ALL]["count"] == 3
    assert cards[selectors.Queue.ALL]["capped"] is True
    assert "More than 3 reports" in response.content.decode()
    response = client.get("/en/konsol/antrean/semua/")
    assert response.context["page"].paginator.capped is True
    assert "more than 3 reports" in response.content.decode()
    monkeypatch.setattr(counting, "COUNT_CAP", 10)
    response = client.get("/en/konsol/antrean/semua/")
    assert response.context["page"].paginator.count == 5
    assert response.context["page"].paginator.capped is False
    assert "5 reports" in response.content.decode()


def test_the_dashboard_counts_every_queue_in_one_query(cast, directory):
    _reports(cast, directory, 4)
    for user in (cast.national_admin, cast.agency_admin, cast.officer_a):
        with CaptureQueriesContext(connection) as ctx:
            assert login(user).get("/konsol/").status_code == 200
        counts = [q for q in ctx.captured_queries if "count(" in q["sql"].lower()]
        assert len(counts) == 1, (user, [q["sql"][:120] for q in counts])


def test_the_indexable_scope_lists_the_same_reports_as_exists(cast, directory):
    _reports(cast, directory, 6)
    user = cast.agency_admin
    mine = {r.pk for r in selectors.queue_reports(user, selectors.Queue.ALL)}
    indexable = set(scope.scoped_cases(user).values_list("pk", flat=True))
    agencies = selectors._scope(user, selectors.Capability.VIEW)
    regions = selectors.verification_regions(user)
    assert agencies and regions
    exists = Exists(
        Assignment.objects.filter(report=OuterRef("pk"), active=True, agency_id__in=agencies)
    )
    rule = (
        (Q(regency_code__in=regions) | Q(province_code__in=regions))
        & Q(needs_national_routing=False)
    ) | Q(exists)
    expected = set(Report.objects.filter(rule).values_list("pk", flat=True))
    assert mine == expected
    assert indexable == expected
    assert expected and expected != set(Report.objects.values_list("pk", flat=True))


def _plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL plans")
def test_the_all_queues_have_an_index_plan(cast, directory):
    _reports(cast, directory, 4)
    national = selectors.queue_reports(cast.national_admin, selectors.Queue.ALL)[:50]
    plan = _plan(national)
    assert "Seq Scan on reports_report" not in plan, plan
    assert "report_queue_order_idx" in plan, plan
    scoped = selectors.queue_reports(cast.agency_admin, selectors.Queue.ALL)
    assert isinstance(scoped, scope.IndexedCases)
    sql, params = scoped._union(limit=None, ordered=True)
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        page = f"SELECT DISTINCT * FROM ({sql}) u ORDER BY 1, 2, 3 LIMIT 50"  # noqa: S608
        cursor.execute("EXPLAIN " + page, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "reports_report" not in plan, plan
    assert "Merge Append" in plan and "casekey" in plan, plan
    # The scope rule's own filter still has its index plan (exports, digests use it).
    plan = _plan(scope.scoped_cases(cast.agency_admin)[:50])
    assert "Seq Scan on reports_report" not in plan, plan
    assert "BitmapOr" in plan, plan
    # The control: the EXISTS form of the same scope cannot avoid reading every report.
    agencies = selectors._scope(cast.agency_admin, selectors.Capability.VIEW)
    exists = Exists(
        Assignment.objects.filter(report=OuterRef("pk"), active=True, agency_id__in=agencies)
    )
    control = Report.objects.filter(Q(regency_code="34.04") | Q(exists))[:50]
    assert "Seq Scan on reports_report" in _plan(control)


def test_a_query_that_cannot_match_counts_zero(cast):
    from lapor.core.counting import capped_counts

    counts = capped_counts([Report.objects.filter(pk__in=[]), Report.objects.none()])
    assert [(c.value, c.capped) for c in counts] == [(0, False), (0, False)]
