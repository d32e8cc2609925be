"""Reads and access for the delivery-status pages: 404 both for "missing" and "not yours".

Scope, one rule per line (capabilities decide, as in the console):
- a national admin sees every notification;
- anyone sees the messages addressed to themselves (their digests, their immediate messages);
- staff see messages about the cases in their scope, by the one rule of
  ``lapor.reports.scope`` (an active assignment in their part of the agency tree, or a report
  awaiting verification in a region they verify).
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet
from django.http import Http404

from lapor.accounts.models import User
from lapor.agencies.capabilities import Capability, holds, is_staff_member
from lapor.notifications.models import Notification
from lapor.reports.scope import case_scope_q, is_national_admin, may_access_case


def visible_notifications(user: User | AnonymousUser) -> QuerySet[Notification]:
    if not is_staff_member(user):
        return Notification.objects.none()
    rows = Notification.objects.select_related("report", "user").order_by("-created_at", "-id")
    scope = case_scope_q(user, Capability.VIEW, prefix="report__")
    if scope is None:
        return rows
    return rows.filter(Q(user_id=user.pk) | scope)


def may_retry(user: User | AnonymousUser, notification: Notification) -> bool:
    """Send a failed notification again: a write, so it needs RESEND_NOTIFICATION over the
    case (``lapor.reports.scope``), or, for a message without a case (a digest), to be its
    addressee and hold the capability. A supervisor (read-only) never may."""
    if not holds(user, Capability.RESEND_NOTIFICATION):
        return False
    if notification.report is not None:
        return may_access_case(user, notification.report, Capability.RESEND_NOTIFICATION)
    return is_national_admin(user) or notification.user_id == user.pk


def access_notification(user: User | AnonymousUser, pk: int) -> Notification:
    """One notification the user may see, else 404."""
    notification = visible_notifications(user).filter(pk=pk).first()
    if notification is None:
        raise Http404
    return notification
