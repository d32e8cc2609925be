"""The worker's code reads one way (issue 11.7): the case domain publishes its events
(``lapor.reports.events``) and knows nothing of who listens; the notifications outbox, partner
webhooks and the PPID's messages subscribe at start-up. No import — at module level or inside
a function — leads from the domain to the outboxes and back, and the staff pages share the
console's context through ``lapor.console.context``, not its private helpers."""

from __future__ import annotations

from pathlib import Path

from tests.architecture.imports import ROOT, cycles, graph

SIDE_EFFECTS = ("lapor.notifications", "lapor.partners")


def _in(module: str, packages: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in packages)


def test_the_domain_imports_no_outbox():
    edges = graph(lazy=True)
    wrong = sorted(
        (module, target)
        for module, targets in edges.items()
        if _in(module, ("lapor.reports",))
        for target in targets
        if _in(target, SIDE_EFFECTS)
    )
    assert wrong == []


def test_no_cycle_joins_the_domain_and_its_subscribers():
    for component in cycles(graph(lazy=True)):
        domain = {m for m in component if _in(m, ("lapor.reports",))}
        effects = {m for m in component if _in(m, SIDE_EFFECTS)}
        assert not (domain and effects), sorted(component)


def test_no_module_level_import_cycle_at_all():
    assert cycles(graph()) == []


def test_staff_pages_do_not_borrow_private_console_helpers():
    for path in (ROOT / "lapor").rglob("*.py"):
        if path.parts[-2] == "console" or "migrations" in path.parts:
            continue
        text = Path(path).read_text()
        assert "_console_context" not in text, path


def test_subscribers_are_registered_at_start_up():
    from lapor.notifications.outbox import report_event_created
    from lapor.partners.webhooks import event_created
    from lapor.ppid.notify import ppid_event_created
    from lapor.reports.events import SUBSCRIBERS

    assert {report_event_created, event_created, ppid_event_created} <= set(SUBSCRIBERS)
