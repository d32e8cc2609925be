"""The scope index (``reports_casekey``, issue 12) lists exactly what the ONE scope rule allows.

A scoped user's console queues are read from rows kept by PostgreSQL triggers, so that a page
costs the same at 100,000 and 10,000,000 reports. The rule stays in ``lapor.reports.scope``:
for every role × case state (awaiting verification, dispositioned inside or outside the tree,
transferred away, closed, sent on to national routing, and reports of wrongdoing at each
stage) and every capability, the index's cases are those ``may_access_case`` opens and
``case_scope_q`` lists; every queue lists the same cases, in the same order, from the index
as from the queryset of the rule. The triggers follow status changes made by ``update()``,
assignments ending, an agency moved in the tree, and deletions.
"""

from __future__ import annotations

import pytest
from django.db import connection

from lapor.agencies.capabilities import Capability
from lapor.agencies.models import Agency, Membership
from lapor.console import selectors
from lapor.core.counting import capped_count
from lapor.reports import case_actions as ca
from lapor.reports import scope, whistle
from lapor.reports.models import CaseKey, Report
from tests.console.conftest import SEMARANG_VILLAGE, file_report
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


def _indexed(user, capability: Capability) -> set[int]:
    from lapor.accounts.models import User

    fresh = User.objects.get(pk=user.pk)
    return set(scope.indexed_cases(fresh, capability).ids())


def _rule(user, capability: Capability, reports: list[Report]) -> set[int]:
    return {r.pk for r in reports if scope.may_access_case(user, r, capability)}


def _fallback(user, queue, monkeypatch) -> list[int]:
    """The queue as the queryset of the rule (what SQLite lists)."""
    with monkeypatch.context() as m:
        m.setattr(scope, "indexed_scope_available", lambda using=None: False)
        qs = selectors.queue_reports(user, queue)
    assert not isinstance(qs, scope.IndexedCases)
    return list(qs.values_list("pk", flat=True))


def _assert_same(users: dict, reports: list[Report], monkeypatch) -> None:
    from lapor.accounts.models import User

    for name, cached in users.items():
        user = User.objects.get(pk=cached.pk)  # no per-request memo of the tree left over
        if scope.case_keys(user, Capability.VIEW) is None:
            continue  # a national admin: no scope to index
        for capability in Capability:
            expected = _rule(user, capability, reports)
            listed = set(scope.scoped_cases(user, capability).values_list("pk", flat=True))
            assert listed == expected, (name, capability)
            assert _indexed(user, capability) == expected, (name, capability)
        for queue in selectors.available_queues(user):
            indexed = selectors.queue_reports(user, queue)
            assert isinstance(indexed, scope.IndexedCases), (name, queue)
            assert [r.pk for r in indexed] == _fallback(user, queue, monkeypatch), (name, queue)


def test_every_role_and_state_agrees_with_the_rule(cast, directory, roles, monkeypatch):  # noqa: F811
    reports = [make_case(state, cast, directory) for state in STATES]
    national = file_report(SEMARANG_VILLAGE, title="Perlu rute nasional")
    Report.objects.filter(pk=national.pk).update(needs_national_routing=True)
    reports.append(Report.objects.get(pk=national.pk))
    _assert_same({r: roles[r] for r in ROLES}, reports, monkeypatch)
    # Sanity: the fixtures reach both sides of the rule.
    admin = roles["agency_admin"]
    assert 0 < len(_indexed(admin, Capability.VIEW)) < len(reports)


def test_reports_of_wrongdoing_agree_with_the_rule(cast, directory, roles, monkeypatch):  # noqa: F811
    auditor_unit = inspektorat(directory)
    from lapor.accounts.models import User

    auditor = User.objects.create_user(email="auditor@x.id", password=None, full_name="Auditor")
    Membership.objects.create(
        user=auditor, agency=auditor_unit, role=Membership.Role.LIAISON_OFFICER
    )
    pupr_admin = User.objects.create_user(email="pupr@x.id", password=None, full_name="PUPR")
    Membership.objects.create(
        user=pupr_admin, agency=directory.sleman_pupr, role=Membership.Role.AGENCY_ADMIN
    )
    new = file_whistle(directory.sleman_pupr)
    handled = file_whistle(directory.sleman_pupr, title="Pungli kedua di loket")
    ca.report_dispose(report=handled, agency=auditor_unit, actor=cast.agency_admin)
    unaccused = file_whistle(None, title="Pungli tanpa unit tertuduh")
    reports = [Report.objects.get(pk=r.pk) for r in (new, handled, unaccused)]
    assert all(whistle.is_whistle(r) for r in reports)
    users = {**roles, "auditor": auditor, "pupr_admin": pupr_admin}
    _assert_same(users, reports, monkeypatch)
    # The accused unit's admin never sees them; the government's admin sees the new ones
    # only (after the disposition, only the auditor's own staff do).
    assert new.pk not in _indexed(pupr_admin, Capability.VIEW)
    assert _indexed(cast.agency_admin, Capability.VIEW) >= {new.pk, unaccused.pk}
    assert handled.pk not in _indexed(cast.agency_admin, Capability.VIEW)
    assert handled.pk in _indexed(auditor, Capability.VIEW)


def test_the_triggers_follow_updates_moves_and_deletions(cast, directory, roles, monkeypatch):  # noqa: F811
    admin = roles["agency_admin"]
    inside = make_case("inside", cast, directory)
    assert inside.pk in _indexed(admin, Capability.VIEW)
    # A status change written with update() (no Python in between) moves it between queues.
    waiting = selectors.queue_reports(admin, selectors.Queue.WAITING)
    assert inside.pk not in {r.pk for r in waiting}
    Report.objects.filter(pk=inside.pk).update(status="followed_up")
    assert inside.pk in {r.pk for r in selectors.queue_reports(admin, selectors.Queue.WAITING)}
    # The unit moves to Semarang's government: Sleman's admin loses the case, Semarang's
    # tree gains it, exactly as the rule says.
    Agency.objects.filter(pk=directory.sleman_pupr.pk).update(parent=directory.semarang_gov)
    assert inside.pk not in _indexed(admin, Capability.VIEW)
    from lapor.accounts.models import User

    semarang = User.objects.create_user(email="smg@x.id", password=None, full_name="Semarang")
    Membership.objects.create(
        user=semarang, agency=directory.semarang_gov, role=Membership.Role.SUPERVISOR
    )
    assert inside.pk in _indexed(semarang, Capability.VIEW)
    _assert_same({"admin": admin, "semarang": semarang}, [inside], monkeypatch)
    # The assignment ends: gone from the tree's key.
    inside.assignments.update(active=False)
    assert not CaseKey.objects.filter(report=inside, key__startswith="a").exists()
    # Deleted: no row left behind.
    awaiting = make_case("awaiting", cast, directory)
    assert CaseKey.objects.filter(report=awaiting).exists()
    awaiting.delete()
    assert not CaseKey.objects.filter(report_id=awaiting.pk).exists()


def test_the_index_keys_are_the_rule_of_the_migration(cast, directory):
    """The view of the migration knows the verification statuses of ``scope``: a report
    awaiting verification in each of them carries its place's keys, and none in any other."""
    from lapor.reports.models import Status

    report = file_report()
    for status in Status.values:
        Report.objects.filter(pk=report.pk).update(status=status)
        keys = set(CaseKey.objects.filter(report=report).values_list("key", flat=True))
        expected = {"r34.04", "r34"} if status in scope.VERIFICATION_STATUSES else set()
        assert keys == expected, status


def test_an_indexed_queue_pages_counts_and_refuses_other_filters(cast, directory):
    admin = cast.agency_admin
    for i in range(7):
        file_report(title=f"Jalan rusak nomor {i}")
    queue = selectors.queue_reports(admin, selectors.Queue.ALL)
    assert isinstance(queue, scope.IndexedCases)
    everything = [r.pk for r in queue]
    assert len(everything) == 7 == queue.count() == len(queue)
    assert [r.pk for r in queue[2:5]] == everything[2:5]
    assert queue[3].pk == everything[3]
    with pytest.raises(IndexError):
        queue[7]
    assert capped_count(queue, 3).value == 3 and capped_count(queue, 3).capped
    assert capped_count(queue, 7).value == 7 and not capped_count(queue, 7).capped
    assert queue.filter(channel="sms").count() == 0
    assert queue.filter(channel="web").count() == 7
    with pytest.raises(TypeError):
        queue.filter(status="closed_by_admin")
    with pytest.raises(ValueError):
        queue[::2]
    # No keys (a user whose memberships give nothing here): an empty queue, counted 0.
    empty = scope.IndexedCases(keys=())
    assert list(empty) == [] and empty.count() == 0 and capped_count(empty).value == 0


def test_a_deep_tree_is_keyed_as_far_as_the_scope_reaches(cast, directory):
    """Six agencies in a chain below Sleman's government: the case of the deepest carries the
    key of exactly those ancestors whose subtree (``subtree_ids``) holds it."""
    from django.utils import timezone

    from lapor.agencies.capabilities import ancestor_ids, subtree_ids
    from lapor.reports.models import Assignment

    chain = [directory.sleman_gov]
    for depth in range(6):
        chain.append(
            Agency.objects.create(
                code=f"34.04:deep-{depth}",
                name=f"Seksi tingkat {depth}",
                kind=Agency.Kind.REGIONAL_UNIT,
                level=directory.sleman_pupr.level,
                parent=chain[-1],
                region_id="34.04",
            )
        )
    deepest = chain[-1]
    report = file_report()
    Assignment.objects.create(report=report, agency=deepest, file_complete_at=timezone.now())
    keys = set(CaseKey.objects.filter(report=report).values_list("key", flat=True))
    agency_keys = {k for k in keys if k.startswith("a")}
    assert agency_keys == {f"a{pk}" for pk in ancestor_ids(deepest.pk)}
    for agency in chain:
        assert (f"a{agency.pk}" in agency_keys) is (deepest.pk in subtree_ids(agency.pk)), agency
    assert f"a{chain[0].pk}" not in agency_keys  # six levels up: beyond the scope's reach
