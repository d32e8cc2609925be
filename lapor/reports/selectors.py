"""Reads on reports, with their related rows loaded up front."""

from __future__ import annotations

from django.db.models import QuerySet

from lapor.accounts.models import User
from lapor.reports.lifecycle import HIDDEN, INFO_STATUSES
from lapor.reports.models import Kind, Privacy, Report, ReportEvent, Status
from lapor.reports.scrub import scrub


def reports_of_user(user: User) -> QuerySet[Report]:
    return (
        Report.objects.filter(reporter_user=user)
        .select_related("region", "category", "agency")
        .order_by("-created_at")
    )


# Statuses the public never sees: not yet verified (an admin has not checked it for hate
# speech or personal data) or archived; and information requests, whose text is the
# requester's own words: what they release is published by the PPID in the agency's list of
# public information (lapor.ppid), never the request itself.
NOT_PUBLIC_STATUSES = (
    frozenset({Status.AWAITING_VERIFICATION, Status.POSTPONED}) | HIDDEN | INFO_STATUSES
)


def public_reports() -> QuerySet[Report]:
    """The one definition of what the public may see: verified, not archived, public or
    anonymous (the identity of anonymous reports is never joined), never confidential, and
    never a report that was anonymous once (``identity_hidden``) unless still anonymous."""
    return (
        Report.objects.filter(privacy__in=[Privacy.PUBLIC, Privacy.ANONYMOUS])
        .exclude(status__in=NOT_PUBLIC_STATUSES)
        # Reports of wrongdoing are confidential by rule; never public, whatever a row says.
        .exclude(kind=Kind.WHISTLEBLOWING)
    )


# Event kinds whose message the agency or an admin wrote for the case and which may be
# published (scrubbed). What the reporter wrote later (added information, replies, disputes,
# the closing comment) is never published: that is where people say who they are. One
# definition for the public pages, Open311 and open data.
PUBLIC_MESSAGE_KINDS = frozenset(
    {
        ReportEvent.Kind.FOLLOW_UP,
        ReportEvent.Kind.QUESTION,
        ReportEvent.Kind.TRANSFERRED,
        ReportEvent.Kind.AGENCY_INVOLVED,
    }
)


def public_event_message(event: ReportEvent) -> str:
    """The event's message as the public may read it: scrubbed, and only for agency kinds."""
    if event.kind not in PUBLIC_MESSAGE_KINDS or not event.message:
        return ""
    return scrub(event.message)
