"""Reads of the partner integration, and who may read a partner's delivery log.

The console's delivery log is for the partner's admins: agency admins whose scope covers the
integration's agency (that agency or one above it) and national admins. Everyone else gets 404
(a page they may not see does not exist for them).
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Q, QuerySet
from django.http import Http404

from lapor.accounts.models import User
from lapor.agencies.capabilities import ancestor_ids, memberships
from lapor.agencies.models import Membership
from lapor.open311.models import PartnerApp
from lapor.partners.models import Integration, WebhookDelivery

Role = Membership.Role


def deliveries_of(partner: PartnerApp | int) -> QuerySet[WebhookDelivery]:
    return (
        WebhookDelivery.objects.filter(partner=partner)
        .select_related("report")
        .order_by("-created_at", "-pk")
    )


def can_read_log(user: User | AnonymousUser | None, integration: Integration) -> bool:
    own = memberships(user)
    if any(m.role == Role.NATIONAL_ADMIN for m in own):
        return True
    admin_of = {m.agency_id for m in own if m.role == Role.AGENCY_ADMIN}
    return bool(admin_of) and bool(admin_of & set(ancestor_ids(integration.agency_id)))


def is_partner_admin(user: User | AnonymousUser | None) -> bool:
    return any(m.role in (Role.NATIONAL_ADMIN, Role.AGENCY_ADMIN) for m in memberships(user))


def integrations_for(user: User | AnonymousUser | None) -> list[Integration]:
    """The integrations whose log ``user`` may read, with delivery counts per status."""
    rows = (
        Integration.objects.select_related("partner", "agency")
        .annotate(
            failed=Count(
                "partner__webhook_deliveries",
                filter=Q(partner__webhook_deliveries__status=WebhookDelivery.Status.FAILED),
            ),
            pending=Count(
                "partner__webhook_deliveries",
                filter=Q(partner__webhook_deliveries__status=WebhookDelivery.Status.PENDING),
            ),
            delivered=Count(
                "partner__webhook_deliveries",
                filter=Q(partner__webhook_deliveries__status=WebhookDelivery.Status.DELIVERED),
            ),
        )
        .order_by("partner__name")
    )
    return [row for row in rows if can_read_log(user, row)]


def access_integration(user: User | AnonymousUser | None, pk: int) -> Integration:
    integration = Integration.objects.select_related("partner", "agency").filter(pk=pk).first()
    if integration is None or not can_read_log(user, integration):
        raise Http404
    return integration


def access_delivery(
    user: User | AnonymousUser | None, integration: Integration, pk: int
) -> WebhookDelivery:
    row = (
        WebhookDelivery.objects.filter(pk=pk, partner_id=integration.partner_id)
        .select_related("report")
        .first()
    )
    if row is None:
        raise Http404
    return row
