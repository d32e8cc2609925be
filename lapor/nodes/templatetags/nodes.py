from django import template

from lapor.nodes.models import NodeFiling
from lapor.nodes.selectors import node_of_report
from lapor.reports.models import Report

register = template.Library()


@register.simple_tag
def node_filing(report: Report) -> NodeFiling | None:
    """The community node that filed ``report`` (None for every other report)."""
    return node_of_report(report)


@register.simple_tag
def helper_of(user: object) -> bool:
    """Is ``user`` a helper of some active node (the menu shows "My node")?"""
    from lapor.nodes.access import helper_nodes

    return bool(getattr(user, "is_authenticated", False)) and bool(helper_nodes(user))  # type: ignore[arg-type]


@register.simple_tag
def manages_nodes(user: object) -> bool:
    from lapor.agencies.capabilities import Capability, holds

    return holds(user, Capability.MANAGE_NODES)  # type: ignore[arg-type]
