"""Plain words beside official ones on citizen pages (lapor.web.plain)."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import get_language

from lapor.web import plain

register = template.Library()


@register.filter
def plain_status(status: str) -> str:
    return plain.status_text(status)


@register.filter
def plain_event(kind: str) -> str:
    return plain.event_text(kind)


@register.filter
def plain_clock(kind: str) -> str:
    return plain.clock_text(kind)


@register.filter
def normal_case(name: object) -> str:
    return plain.category_name(str(name))


@register.filter
def category_label(category: Any) -> str:
    """ "Topic › Sub-topic" in the page's language and in normal case."""
    if category is None:
        return ""
    language = get_language() or "id"
    names = [category.display_name(language)]
    parent = category.parent
    if parent is not None:
        names.insert(0, parent.display_name(language))
    return " › ".join(names)
