"""Every filing checks its region chain (province → village): one query the first time, then
from the process's cache — but only for chains that exist, and never stale after an edit."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lapor.regions import selectors
from lapor.regions.models import Region

pytestmark = pytest.mark.django_db

CHAIN = ("34", "34.04", "34.04.07", "34.04.07.2001")


def _resolve(*chain: str) -> tuple[Region | None, int]:
    with CaptureQueriesContext(connection) as ctx:
        region = selectors.resolve_chain(*chain)
    return region, len(ctx.captured_queries)


def test_a_chain_that_exists_is_read_once(directory):
    first, queries = _resolve(*CHAIN)
    assert queries == 1
    again, queries = _resolve(*CHAIN)
    assert queries == 0
    assert first is not None and again is not None
    assert (again.code, again.parent_id, again.level, again.name) == (
        "34.04.07.2001",
        "34.04.07",
        Region.Level.VILLAGE,
        "Caturtunggal",
    )
    # A row as read from the database: it can be a report's region.
    assert not again._state.adding


def test_a_missing_region_is_not_remembered(directory):
    chain = ("34", "34.04", "34.04.07", "34.04.07.2099")
    assert _resolve(*chain) == (None, 1)
    # Loaded a moment later (a new village in the Kemendagri data): found at once.
    Region.objects.create(code=chain[-1], parent_id=chain[-2], level=4, name="Desa Baru")
    region, queries = _resolve(*chain)
    assert region is not None and region.name == "Desa Baru" and queries == 1


def test_an_edit_in_this_process_is_seen_at_once(directory):
    assert _resolve(*CHAIN)[0].name == "Caturtunggal"  # type: ignore[union-attr]
    village = Region.objects.get(code=CHAIN[-1])
    village.name = "Caturtunggal (baru)"
    village.save()
    assert _resolve(*CHAIN)[0].name == "Caturtunggal (baru)"  # type: ignore[union-attr]


def test_an_edit_by_another_process_is_seen_within_the_cache_period(directory, monkeypatch):
    assert _resolve(*CHAIN)[0].name == "Caturtunggal"  # type: ignore[union-attr]
    # As the loader in another process writes it: no signal reaches this process.
    Region.objects.filter(code=CHAIN[-1]).update(name="Caturtunggal (dimuat ulang)")
    assert _resolve(*CHAIN)[0].name == "Caturtunggal"  # type: ignore[union-attr]
    # The next cache period (CHAIN_CACHE_SECONDS later).
    period = selectors._period()
    monkeypatch.setattr(selectors, "_period", lambda: period + 1)
    region, queries = _resolve(*CHAIN)
    assert queries == 1 and region is not None and region.name == "Caturtunggal (dimuat ulang)"


def test_an_inconsistent_chain_costs_no_query(directory):
    assert _resolve("34", "33.74", "34.04.07", "34.04.07.2001") == (None, 0)
    assert _resolve("34", "", "34.04.07") == (None, 0)
