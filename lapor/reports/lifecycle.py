"""The lifecycle: status groups, the transition table and the one function that moves a case.

ARCHITECTURE.md §3: no state-machine library — the guard is the state machine. Every move
locks the row, is checked against ``ALLOWED_TRANSITIONS``, saved with ``update_fields`` and
recorded as a ``ReportEvent``. Information requests (UU 14/2008) have their own statuses and
the second table, ``INFO_TRANSITIONS``, keyed by ``Kind.INFORMATION_REQUEST`` in
``TRANSITIONS_BY_KIND``; their actions are in ``lapor.ppid.actions``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lapor.accounts.models import User
from lapor.core.errors import IllegalTransition
from lapor.reports.models import Kind, Report, ReportEvent, Status

# Status groups: code asks about groups, never about labels (ARCHITECTURE.md §4).
# The statuses only information requests have (lapor.ppid).
INFO_STATUSES = frozenset(
    {
        Status.INFO_IDENTITY_NEEDED,
        Status.INFO_REGISTERED,
        Status.INFO_CLARIFICATION,
        Status.INFO_ANSWERED,
        Status.INFO_OBJECTED,
        Status.INFO_OBJECTION_DECIDED,
        Status.INFO_COMMISSION,
        Status.INFO_SETTLED,
    }
)
OPEN = frozenset(
    {
        Status.AWAITING_VERIFICATION,
        Status.DISPOSED,
        Status.FOLLOWED_UP,
        Status.REPORTER_REPLIED,
        # Work pending at the PPID, the Atasan PPID or the Information Commission.
        Status.INFO_REGISTERED,
        Status.INFO_OBJECTED,
        Status.INFO_COMMISSION,
    }
)
WAITING_ON_REPORTER = frozenset(
    {
        Status.POSTPONED,
        Status.FOLLOWED_UP,
        Status.INFO_IDENTITY_NEEDED,
        Status.INFO_CLARIFICATION,
    }
)
CLOSED = frozenset(
    {
        Status.CLOSED_BY_REPORTER,
        Status.CLOSED_BY_ADMIN,
        Status.CLOSED_BY_SYSTEM,
        Status.ARCHIVED_BY_ADMIN,
        Status.ARCHIVED_BY_SYSTEM,
        # Handed on outside the system (KPK, Ombudsman, police…): the case ends here.
        Status.REFERRED,
        # Answered (the requester may still object, then go to the Commission: those are new
        # stages with their own clocks, not a reopening).
        Status.INFO_ANSWERED,
        Status.INFO_OBJECTION_DECIDED,
        Status.INFO_SETTLED,
    }
)
HIDDEN = frozenset({Status.ARCHIVED_BY_ADMIN, Status.ARCHIVED_BY_SYSTEM})

# The admin's reasons to archive (DOMAIN.md §4), with their labels in the viewer's language.
# Domain constants live with the lifecycle: the console, the exports and the notifications
# read them from here without importing the case actions.
ARCHIVE_REASONS = {
    "not_public_service": gettext_lazy("Not about the performance of a public service"),
    "unintelligible": gettext_lazy("Unintelligible"),
    "hate_speech": gettext_lazy("Hate speech, insults or SARA"),
    "duplicate": gettext_lazy("Duplicate of a report that is still open"),
}
# "Belongs to another body (crime, corruption, court case)" is no longer a reason to archive:
# the case is referred there, or treated as whistleblowing (lapor.reports.whistle).
# The reporter may still add information while the case is not closed.
ACCEPTS_REPORTER_INFO = OPEN | {Status.POSTPONED, Status.INFO_CLARIFICATION}

# A reporter may dispute a closure this long after it (DOMAIN.md: re-open rate).
DISPUTE_WINDOW = dt.timedelta(days=30)


def reporter_actions(report: Report, now: dt.datetime | None = None) -> set[str]:
    """What the reporter may do now, whatever the channel (web, SMS, e-mail, API): add
    information, reply, close with a rating, dispute a closure."""
    if report.status in INFO_STATUSES:
        # Information requests: identity, clarification, objection, the Commission.
        from lapor.ppid.lifecycle import requester_actions

        return requester_actions(report, now)
    allowed: set[str] = set()
    if report.status == Status.FOLLOWED_UP:
        allowed |= {"reply", "close"}
    elif report.status in ACCEPTS_REPORTER_INFO:
        allowed.add("info")
    if (
        report.status in CLOSED - HIDDEN - {Status.REFERRED}
        and report.closed_at is not None
        and (now or timezone.now()) - report.closed_at < DISPUTE_WINDOW
    ):
        allowed.add("dispute")
    return allowed


# None is "no report yet": the only way in is submission.
ALLOWED_TRANSITIONS: dict[Status | None, frozenset[Status]] = {
    None: frozenset({Status.AWAITING_VERIFICATION}),
    # -> REFERRED: another institution's authority (crime, corruption) is a recorded hand-off,
    # not a dead end (lapor.reports.whistle.report_refer).
    Status.AWAITING_VERIFICATION: frozenset(
        {Status.DISPOSED, Status.POSTPONED, Status.ARCHIVED_BY_ADMIN, Status.REFERRED}
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
    Status.REFERRED: frozenset(),
}

# Whistleblowing: the complaint path, and the internal auditor may refer the case onward (to
# the KPK, the prosecutors, the police) at any stage of its investigation.
WHISTLE_TRANSITIONS: dict[Status | None, frozenset[Status]] = {
    **ALLOWED_TRANSITIONS,
    **{
        status: ALLOWED_TRANSITIONS[status] | {Status.REFERRED}
        for status in (Status.DISPOSED, Status.FOLLOWED_UP, Status.REPORTER_REPLIED)
    },
}

# Information requests (UU 14/2008; lapor.ppid.actions makes each move). Forwarding to the
# PPID that holds the information is registered -> registered (one request, one clock).
INFO_TRANSITIONS: dict[Status | None, frozenset[Status]] = {
    None: frozenset({Status.INFO_REGISTERED, Status.INFO_IDENTITY_NEEDED}),
    Status.INFO_IDENTITY_NEEDED: frozenset({Status.INFO_REGISTERED, Status.ARCHIVED_BY_SYSTEM}),
    Status.INFO_REGISTERED: frozenset(
        {
            Status.INFO_REGISTERED,
            Status.INFO_CLARIFICATION,
            Status.INFO_ANSWERED,
            # Unanswered past the deadline: the requester objects without waiting.
            Status.INFO_OBJECTED,
        }
    ),
    Status.INFO_CLARIFICATION: frozenset({Status.INFO_REGISTERED, Status.ARCHIVED_BY_SYSTEM}),
    Status.INFO_ANSWERED: frozenset({Status.INFO_OBJECTED}),
    # Decided, or taken to the Commission when the superior stays silent for 30 working days.
    Status.INFO_OBJECTED: frozenset({Status.INFO_OBJECTION_DECIDED, Status.INFO_COMMISSION}),
    # A new notice complies with an accepted objection.
    Status.INFO_OBJECTION_DECIDED: frozenset({Status.INFO_COMMISSION, Status.INFO_ANSWERED}),
    Status.INFO_COMMISSION: frozenset({Status.INFO_SETTLED}),
    # A new notice complies with the Commission's decision.
    Status.INFO_SETTLED: frozenset({Status.INFO_ANSWERED}),
    Status.ARCHIVED_BY_SYSTEM: frozenset(),
    # Requests filed before they had their own process finish on the complaint path.
    **{status: moves for status, moves in ALLOWED_TRANSITIONS.items() if status is not None},
}

TRANSITIONS_BY_KIND: dict[str, dict[Status | None, frozenset[Status]]] = {
    Kind.COMPLAINT: ALLOWED_TRANSITIONS,
    Kind.ASPIRATION: ALLOWED_TRANSITIONS,
    Kind.INFORMATION_REQUEST: INFO_TRANSITIONS,
    Kind.WHISTLEBLOWING: WHISTLE_TRANSITIONS,
}

# "No wrong door": the verifier turns a complaint into an information request (or back),
# keeping its ID, history and privacy choice (``lapor.ppid.convert``). From which statuses,
# and where each lands.
CONVERSIONS: dict[tuple[str, str], frozenset[Status]] = {
    (Kind.COMPLAINT, Status.AWAITING_VERIFICATION): frozenset(
        {Status.INFO_IDENTITY_NEEDED, Status.INFO_REGISTERED}
    ),
    (Kind.ASPIRATION, Status.AWAITING_VERIFICATION): frozenset(
        {Status.INFO_IDENTITY_NEEDED, Status.INFO_REGISTERED}
    ),
    (Kind.INFORMATION_REQUEST, Status.INFO_IDENTITY_NEEDED): frozenset(
        {Status.AWAITING_VERIFICATION}
    ),
    (Kind.INFORMATION_REQUEST, Status.INFO_REGISTERED): frozenset({Status.AWAITING_VERIFICATION}),
    (Kind.INFORMATION_REQUEST, Status.INFO_CLARIFICATION): frozenset(
        {Status.AWAITING_VERIFICATION}
    ),
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
