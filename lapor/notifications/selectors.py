"""Reads and access for the delivery-status pages: 404 both for "missing" and "not yours".

Scope, one rule per line (capabilities decide, as in the console):
- a national admin sees every notification;
- anyone sees the messages addressed to themselves (their digests, their immediate messages);
- staff see messages about reports handled by an agency in their VIEW scope (currently or by an
  active assignment), and about reports waiting for verification in the regions they verify.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet
from django.http import Http404

from lapor.accounts.models import User
from lapor.agencies.capabilities import (
    Capability,
    is_staff_member,
    scope_agency_ids,
    verification_regions,
)
from lapor.notifications.models import Notification
from lapor.reports.models import Assignment, Status


def visible_notifications(user: User | AnonymousUser) -> QuerySet[Notification]:
    if not is_staff_member(user):
        return Notification.objects.none()
    rows = Notification.objects.select_related("report", "user").order_by("-created_at", "-id")
    scope = scope_agency_ids(user, Capability.VIEW)
    if scope is None:
        return rows
    condition = Q(user_id=user.pk)
    if scope:
        condition |= Q(report__agency_id__in=scope)
        assigned = Assignment.objects.filter(active=True, agency_id__in=scope)
        condition |= Q(report_id__in=assigned.values("report_id"))
    regions = verification_regions(user) or []
    if regions:
        condition |= Q(
            Q(report__regency_code__in=regions) | Q(report__province_code__in=regions),
            report__status=Status.AWAITING_VERIFICATION,
            report__needs_national_routing=False,
        )
    return rows.filter(condition)


def access_notification(user: User | AnonymousUser, pk: int) -> Notification:
    """One notification the user may see, else 404."""
    notification = visible_notifications(user).filter(pk=pk).first()
    if notification is None:
        raise Http404
    return notification
