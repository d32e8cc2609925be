"""Node statistics: counts only, and no count small enough to point at a person."""

import pytest

from lapor.nodes.selectors import MIN_COUNT, node_statistics, suppress
from tests.nodes.conftest import file_for_person, helper_client

pytestmark = pytest.mark.django_db


def test_suppress_hides_small_counts_and_one_more_when_one_would_be_derivable():
    assert suppress({"a": 0, "b": 7, "c": 9}) == {"a": 0, "b": 7, "c": 9}
    assert suppress({"a": 2, "b": 7, "c": 9}) == {"a": None, "b": None, "c": 9}
    assert suppress({"a": 2, "b": 1, "c": 9}) == {"a": None, "b": None, "c": 9}
    assert suppress({"a": 4, "b": 0}) == {"a": None, "b": 0}


def test_it_hides_the_breakdown_until_there_are_enough_reports(cast, nodes):
    client = helper_client(cast.community_node)
    file_for_person(client, nodes.node)
    stats = node_statistics(nodes.node)
    assert (stats.total, stats.open) == (1, 1)
    assert stats.disability_hidden
    page = client.get(f"/en/simpul/{nodes.node.pk}/").content.decode()
    assert f"Shown from {MIN_COUNT} reports on" in page


def test_it_breaks_reports_down_by_disability_with_thresholds(cast, nodes):
    client = helper_client(cast.community_node)
    for _ in range(6):
        file_for_person(client, nodes.node, disability="visual")
    file_for_person(client, nodes.node, disability="hearing")
    stats = node_statistics(nodes.node)
    cells = {c.key: c.count for c in stats.by_disability}
    assert stats.total == 7
    assert cells["visual"] is None  # hidden too, or 7 - visual would give hearing away
    assert cells["hearing"] is None
    assert cells["physical"] == 0
    page = client.get(f"/en/simpul/{nodes.node.pk}/").content.decode()
    assert "fewer than 5" in page
    # The other node counts nothing of it.
    assert node_statistics(nodes.other).total == 0
