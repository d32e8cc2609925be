"""Writes of the notifications app (ARCHITECTURE.md §1): keyword-only, one transaction each."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lapor.accounts.models import User
from lapor.core.errors import DomainError
from lapor.notifications.delivery import enqueue_send
from lapor.notifications.models import Notification, StaffPreference


@transaction.atomic
def staff_preference_set(*, user: User, digest: str, immediate: bool) -> StaffPreference:
    """Save how ``user`` wants to hear about work (daily digest or not, immediate or not)."""
    preference, _created = StaffPreference.objects.select_for_update().get_or_create(user=user)
    preference.digest = StaffPreference.Digest(digest)
    preference.immediate = immediate
    preference.save(update_fields=["digest", "immediate", "updated_at"])
    return preference


@transaction.atomic
def notification_retry(*, notification: Notification, actor: User) -> Notification:
    """Retry now: for a failed row: one more attempt, now. The caller checked ``actor`` may
    see the row; whether they may send it again (``selectors.may_retry``: not a read-only
    supervisor) is checked here. Attempts are not reset: if this attempt fails too, the row
    fails again at once instead of starting a new series of automatic retries."""
    from lapor.notifications.selectors import may_retry
    from lapor.reports.case_actions import Forbidden

    if not may_retry(actor, notification):
        raise Forbidden()
    row = Notification.objects.select_for_update().get(pk=notification.pk)
    if row.status != Notification.Status.FAILED:
        raise DomainError(_("Only a failed notification can be sent again."), code="not_failed")
    row.status = Notification.Status.PENDING
    row.next_attempt_at = timezone.now()
    row.save(update_fields=["status", "next_attempt_at"])
    enqueue_send(row.pk)
    return row
