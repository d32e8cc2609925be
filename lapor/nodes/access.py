"""Every access to a node, its statistics and the reports it filed goes through these functions.

Like ``lapor.reports.access`` they answer 404 both for "missing" and "not yours", one
condition per line. Two kinds of people reach a node:

- its **helpers** (``NodeHelper``, active, of an active node): the node's page, its reports
  (never one the person took back, never any other report of the same person) and its
  statistics;
- the **staff who manage it** (``Capability.MANAGE_NODES`` over the node's agency; national
  admins over every node): the node's helpers and statistics, not its reports' page — they
  read reports in the console under the ordinary rules.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from lapor.accounts.models import User
from lapor.agencies.capabilities import Capability, user_can
from lapor.nodes.models import Node, NodeFiling, NodeHelper
from lapor.reports.tracking import normalize_tracking_id


def helper_nodes(user: User | AnonymousUser | None) -> list[Node]:
    """The active nodes where ``user`` is an active helper."""
    if user is None or not user.is_authenticated:
        return []
    return list(
        Node.objects.filter(
            is_active=True, helpers__user=user, helpers__is_active=True
        ).select_related("region")
    )


def is_helper(user: User | AnonymousUser | None, node: Node) -> bool:
    if user is None or not user.is_authenticated:
        return False
    if not node.is_active:
        return False
    return NodeHelper.objects.filter(node=node, user=user, is_active=True).exists()


def may_manage(user: User | AnonymousUser | None, node: Node) -> bool:
    """Agency admins of the node's agency (or above it), national admins of every node."""
    return user_can(user, Capability.MANAGE_NODES, node.agency_id)


def _node_or_404(
    user: User | AnonymousUser | None,
    node_id: int,
    allowed: Callable[[User | AnonymousUser | None, Node], bool],
) -> Node:
    """The node, or 404 when there is none or ``allowed`` refuses ``user`` (a refusal looks
    like a missing node: nobody learns which nodes exist)."""
    node = Node.objects.select_related("region", "agency").filter(pk=node_id).first()
    if node is None:
        raise Http404
    if not allowed(user, node):
        raise Http404
    return node


def access_node_for_helper(user: User | AnonymousUser | None, node_id: int) -> Node:
    """The node's own page: 404 unless ``user`` is one of its active helpers."""
    return _node_or_404(user, node_id, is_helper)


def access_node_for_manager(user: User | AnonymousUser | None, node_id: int) -> Node:
    """The console's page of a node: 404 unless ``user`` manages it."""
    return _node_or_404(user, node_id, may_manage)


def access_filing_for_helper(
    user: User | AnonymousUser | None, node: Node, tracking_id: str
) -> NodeFiling:
    """A report the node filed, seen by one of its helpers (``node`` from
    ``access_node_for_helper``): 404 for another node's report, for a report the person took
    back, and for every report the node did not file — whoever filed it."""
    filing = (
        NodeFiling.objects.select_related(
            "report", "report__region", "report__category", "report__agency", "node", "helper"
        )
        .filter(report__tracking_id=normalize_tracking_id(tracking_id))
        .first()
    )
    if filing is None:
        raise Http404
    if filing.node_id != node.pk:
        raise Http404
    if filing.withdrawn_at is not None:
        raise Http404
    if not is_helper(user, node):
        raise Http404
    return filing
