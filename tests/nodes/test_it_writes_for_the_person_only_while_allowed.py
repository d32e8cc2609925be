"""The helper's two writes in the person's name (answering the agency, adding information)
share one guard: only a helper of the node, only while the person has not taken the report
back. Each write is the person's (no actor) and notes the node, never the helper."""

from __future__ import annotations

import pytest
from django.utils import timezone

from lapor.nodes import actions
from lapor.nodes.models import NodeFiling
from lapor.reports import case_actions as ca
from lapor.reports.models import ReportEvent
from tests.nodes.conftest import file_for_person, helper_client

pytestmark = pytest.mark.django_db

WRITES = [
    pytest.param(actions.node_reply_for_person, "reporter_reply", id="reply"),
    pytest.param(actions.node_add_info_for_person, "reporter_info", id="add-info"),
]


@pytest.fixture
def filing(cast, nodes, directory):  # type: ignore[no-untyped-def]
    report = file_for_person(helper_client(cast.community_node), nodes.node)
    ca.report_dispose(report=report, agency=directory.sleman_pupr, actor=cast.agency_admin)
    ca.report_follow_up(report=report, message="Mohon foto lokasinya.", actor=cast.officer_a)
    return NodeFiling.objects.get(report=report)


@pytest.mark.parametrize(("write", "kind"), WRITES)
def test_the_helper_writes_as_the_person_and_the_node_is_noted(write, kind, cast, filing):
    event = write(filing=filing, actor=cast.community_node, message="Lubangnya makin besar.")
    event.refresh_from_db()
    assert event.kind == kind
    assert event.actor_id is None
    assert event.data["via_node"] == filing.node_id
    assert event.message == "Lubangnya makin besar."


@pytest.mark.parametrize(("write", "kind"), WRITES)
def test_another_nodes_helper_may_not(write, kind, nodes, filing):
    before = ReportEvent.objects.filter(report=filing.report).count()
    with pytest.raises(actions.Forbidden):
        write(filing=filing, actor=nodes.other_helper, message="Bukan simpul saya.")
    assert ReportEvent.objects.filter(report=filing.report).count() == before


@pytest.mark.parametrize(("write", "kind"), WRITES)
def test_nobody_writes_for_the_person_after_they_took_it_back(write, kind, cast, filing):
    NodeFiling.objects.filter(pk=filing.pk).update(withdrawn_at=timezone.now())
    filing.refresh_from_db()
    before = ReportEvent.objects.filter(report=filing.report).count()
    with pytest.raises(actions.Forbidden):
        write(filing=filing, actor=cast.community_node, message="Masih saya bantu.")
    assert ReportEvent.objects.filter(report=filing.report).count() == before
