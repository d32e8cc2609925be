"""Writes of the routing settings: an agency's auto-dispose threshold and the rule table."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from lapor.accounts.models import User
from lapor.agencies.capabilities import Capability, user_can
from lapor.agencies.models import Agency, Membership
from lapor.core.errors import DomainError
from lapor.routing import resolver
from lapor.routing.models import AgencyRoutingSettings, RoutingRule


class Forbidden(DomainError):
    def __init__(self) -> None:
        super().__init__(_("You are not allowed to do this."), code="forbidden")


def may_set_threshold(user: User, agency: Agency) -> bool:
    """Agency admins of the agency (or an ancestor) and national admins."""
    return user_can(user, Capability.VERIFY, agency)


def is_national(user: User) -> bool:
    return Membership.objects.filter(
        user=user, role=Membership.Role.NATIONAL_ADMIN, is_active=True
    ).exists()


@transaction.atomic
def routing_set_threshold(
    *, agency: Agency, threshold: float | None, actor: User
) -> AgencyRoutingSettings:
    """Set (or switch off, with None) the confidence above which reports are disposed
    automatically to units of ``agency``."""
    if not may_set_threshold(actor, agency):
        raise Forbidden()
    if threshold is not None and not 0.5 <= threshold <= 1:
        raise DomainError(
            _("The threshold is a confidence from 50 to 100 percent."), code="threshold_range"
        )
    settings, _created = AgencyRoutingSettings.objects.select_for_update().get_or_create(
        agency=agency
    )
    settings.auto_dispose_threshold = threshold
    settings.updated_by = actor
    settings.save(update_fields=["auto_dispose_threshold", "updated_by", "updated_at"])
    return settings


@transaction.atomic
def rule_save(*, rule: RoutingRule | None, fields: dict[str, Any], actor: User) -> RoutingRule:
    """Create or change a row of the jurisdiction table (national admins only)."""
    if not is_national(actor):
        raise Forbidden()
    if not fields.get("unit_type") and not fields.get("agency"):
        raise DomainError(
            _("A rule needs a unit type or a national agency as its target."), code="no_target"
        )
    if fields.get("level") == RoutingRule.Level.NATIONAL and not fields.get("agency"):
        raise DomainError(_("A national rule names its agency."), code="no_agency")
    if rule is None:
        rule = RoutingRule.objects.create(**fields)
    else:
        for name, value in fields.items():
            setattr(rule, name, value)
        rule.save(update_fields=[*fields, "updated_at"])
    resolver.bump_rules_version()
    transaction.on_commit(resolver.bump_rules_version)
    return rule
