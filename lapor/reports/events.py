"""The case's events, published to whoever subscribed at start-up.

Every action that writes a ``ReportEvent`` publishes it here, inside its own transaction. The
domain does not know who listens: the notifications outbox, partner webhooks and the PPID's
requester messages subscribe in their ``AppConfig.ready`` and write their rows in that same
transaction (ARCHITECTURE.md §7: nothing sent for a rolled-back action, nothing lost for a
committed one). So ``lapor.reports`` imports nothing from ``lapor.notifications``: the
dependency runs one way, from the side effects to the domain.

A filing's ``submitted`` event is published by ``lapor.reports.derive``, in the transaction
that writes the filing's consequences: the filing's own, or — for the public intakes, which
answer first — the worker's, right after. Either way a subscriber sees it exactly once.

A subscriber is called with every event, public or not, and decides for itself. An exception
in a subscriber fails the action (the rows must be written with it or not at all).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lapor.reports.models import ReportEvent

Subscriber = Callable[["ReportEvent"], None]
SUBSCRIBERS: list[Subscriber] = []


def subscribe(handler: Subscriber) -> None:
    """Register ``handler`` (from ``AppConfig.ready``); registering twice is harmless."""
    if handler not in SUBSCRIBERS:
        SUBSCRIBERS.append(handler)


def publish(event: ReportEvent) -> None:
    """Hand ``event`` to every subscriber, in the caller's transaction."""
    for handler in list(SUBSCRIBERS):
        handler(event)
