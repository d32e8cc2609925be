"""The lifecycle: status groups, the transition table and the one function that moves a case.

ARCHITECTURE.md §3: no state-machine library — the guard is the state machine. Every move
locks the row, is checked against ``ALLOWED_TRANSITIONS``, saved with ``update_fields`` and
recorded as a ``ReportEvent``. Information requests (UU 14/2008) will add their own statuses
and a second table keyed by ``Kind.INFORMATION_REQUEST`` in ``TRANSITIONS_BY_KIND``; the
function below already picks the table by the report's kind.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from lapor.accounts.models import User
from lapor.core.errors import IllegalTransition
from lapor.reports.models import Kind, Report, ReportEvent, Status

# Status groups: code asks about groups, never about labels (ARCHITECTURE.md §4).
OPEN = frozenset(
    {
        Status.AWAITING_VERIFICATION,
        Status.DISPOSED,
        Status.FOLLOWED_UP,
        Status.REPORTER_REPLIED,
    }
)
WAITING_ON_REPORTER = frozenset({Status.POSTPONED, Status.FOLLOWED_UP})
CLOSED = frozenset(
    {
        Status.CLOSED_BY_REPORTER,
        Status.CLOSED_BY_ADMIN,
        Status.CLOSED_BY_SYSTEM,
        Status.ARCHIVED_BY_ADMIN,
        Status.ARCHIVED_BY_SYSTEM,
    }
)
HIDDEN = frozenset({Status.ARCHIVED_BY_ADMIN, Status.ARCHIVED_BY_SYSTEM})
# The reporter may still add information while the case is not closed.
ACCEPTS_REPORTER_INFO = OPEN | {Status.POSTPONED}

# A reporter may dispute a closure this long after it (DOMAIN.md: re-open rate).
DISPUTE_WINDOW = dt.timedelta(days=30)


def reporter_actions(report: Report, now: dt.datetime | None = None) -> set[str]:
    """What the reporter may do now, whatever the channel (web, SMS, e-mail, API): add
    information, reply, close with a rating, dispute a closure."""
    allowed: set[str] = set()
    if report.status == Status.FOLLOWED_UP:
        allowed |= {"reply", "close"}
    elif report.status in ACCEPTS_REPORTER_INFO:
        allowed.add("info")
    if (
        report.status in CLOSED - HIDDEN
        and report.closed_at is not None
        and (now or timezone.now()) - report.closed_at < DISPUTE_WINDOW
    ):
        allowed.add("dispute")
    return allowed


# None is "no report yet": the only way in is submission.
ALLOWED_TRANSITIONS: dict[Status | None, frozenset[Status]] = {
    None: frozenset({Status.AWAITING_VERIFICATION}),
    Status.AWAITING_VERIFICATION: frozenset(
        {Status.DISPOSED, Status.POSTPONED, Status.ARCHIVED_BY_ADMIN}
    ),
    Status.POSTPONED: frozenset({Status.AWAITING_VERIFICATION, Status.ARCHIVED_BY_SYSTEM}),
    # DISPOSED -> DISPOSED is a transfer (koordinasi); -> AWAITING_VERIFICATION is
    # "Bukan Wewenang" (back to the admin for re-routing).
    Status.DISPOSED: frozenset({Status.FOLLOWED_UP, Status.DISPOSED, Status.AWAITING_VERIFICATION}),
    Status.FOLLOWED_UP: frozenset(
        {
            Status.FOLLOWED_UP,
            Status.REPORTER_REPLIED,
            Status.CLOSED_BY_REPORTER,
            Status.CLOSED_BY_ADMIN,
            Status.CLOSED_BY_SYSTEM,
        }
    ),
    Status.REPORTER_REPLIED: frozenset({Status.FOLLOWED_UP, Status.CLOSED_BY_ADMIN}),
    # A disputed closure reopens the case at the agency.
    Status.CLOSED_BY_REPORTER: frozenset({Status.DISPOSED}),
    Status.CLOSED_BY_ADMIN: frozenset({Status.DISPOSED}),
    Status.CLOSED_BY_SYSTEM: frozenset({Status.DISPOSED}),
    Status.ARCHIVED_BY_ADMIN: frozenset(),
    Status.ARCHIVED_BY_SYSTEM: frozenset(),
}

TRANSITIONS_BY_KIND: dict[str, dict[Status | None, frozenset[Status]]] = {
    Kind.COMPLAINT: ALLOWED_TRANSITIONS,
    Kind.ASPIRATION: ALLOWED_TRANSITIONS,
    Kind.INFORMATION_REQUEST: ALLOWED_TRANSITIONS,
}


def check_transition(kind: str, old: str | None, new: str) -> None:
    table = TRANSITIONS_BY_KIND[kind]
    allowed = table.get(Status(old) if old else None, frozenset())
    if new not in allowed:
        old_label = Status(old).label if old else _("new")
        raise IllegalTransition(
            _("A report that is “%(old)s” cannot become “%(new)s”.")
            % {"old": old_label, "new": Status(new).label}
        )


def transition(
    report: Report,
    new_status: Status,
    *,
    actor: User | None,
    kind: str = ReportEvent.Kind.STATUS_CHANGED,
    message: str = "",
    is_public: bool = True,
    extra_fields: tuple[str, ...] = (),
    **event_fields: Any,
) -> ReportEvent:
    """Move ``report`` to ``new_status``; the caller holds a transaction.

    Locks the row first so two officers acting at once cannot both move it. ``event_fields``
    (agency, target_agency, data) go onto the event row.
    """
    locked = Report.objects.select_for_update().get(pk=report.pk)
    check_transition(locked.kind, locked.status, new_status)
    old = locked.status
    report.status = new_status
    report.save(update_fields=["status", "updated_at", *extra_fields])
    return ReportEvent.objects.create(
        report=report,
        kind=kind,
        old_status=old,
        new_status=new_status,
        actor=actor if actor is not None and actor.pk else None,
        message=message,
        is_public=is_public,
        **event_fields,
    )
