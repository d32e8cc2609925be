"""Writes of case handling: verification, disposition, follow-up, the reporter's answers,
closure, escalation. Same rules as ``actions.py``: keyword-only, one transaction each, every
change an event, side effects through the outbox in the same transaction.

Permission checks live here too (defence in depth); the console's access functions already
answer 404 for cases outside the user's scope.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from lapor.accounts.models import User
from lapor.agencies.capabilities import (
    Capability,
    user_can,
    verification_regions,
)
from lapor.agencies.models import Agency, Category
from lapor.core.calendar import WorkingCalendar
from lapor.core.errors import DomainError
from lapor.reports import deadlines, events, evidence, formulaic, lifecycle, scope, whistle
from lapor.reports.actions import _attach
from lapor.reports.models import (
    COMPLEXITY_DAYS,
    PRIVACY_RANK,
    RESOLUTION_CEILING_DAYS,
    Assignment,
    Clock,
    Complexity,
    Kind,
    PendingUpload,
    Privacy,
    Report,
    ReportEvent,
    Status,
)

# The admin's reasons to archive live with the lifecycle (lapor.reports.lifecycle).
ARCHIVE_REASONS = lifecycle.ARCHIVE_REASONS


class Forbidden(DomainError):
    def __init__(self) -> None:
        super().__init__(_("You are not allowed to do this."), code="forbidden")


def _event(
    report: Report,
    kind: str,
    *,
    actor: User | None,
    message: str = "",
    agency: Agency | None = None,
    target_agency: Agency | None = None,
    is_public: bool = True,
    data: dict | None = None,
    old_status: str | None = None,
) -> ReportEvent:
    event = ReportEvent.objects.create(
        report=report,
        kind=kind,
        old_status=old_status if old_status is not None else report.status,
        new_status=report.status,
        actor=actor if actor is not None and actor.pk else None,
        message=message,
        agency=agency,
        target_agency=target_agency,
        is_public=is_public,
        data=data or {},
    )
    events.publish(event)
    return event


def _move(
    report: Report,
    new_status: Status,
    kind: str,
    *,
    actor: User | None,
    message: str = "",
    agency: Agency | None = None,
    target_agency: Agency | None = None,
    data: dict | None = None,
    extra_fields: tuple[str, ...] = (),
) -> ReportEvent:
    event = lifecycle.transition(
        report,
        new_status,
        actor=actor,
        kind=kind,
        message=message,
        extra_fields=extra_fields,
        agency=agency,
        target_agency=target_agency,
        data=data or {},
    )
    events.publish(event)
    return event


def _lock(report: Report) -> Report:
    return Report.objects.select_for_update().get(pk=report.pk)


def can_verify(user: User | None, report: Report) -> bool:
    """The place-based verifier's right, while the case awaits verification (``scope``)."""
    return scope.may_verify(user, report)


def _require_verifier(actor: User, report: Report, moving_to: Status | None = None) -> None:
    """Refuse anyone but the verifier. Someone who may open the case (say, the agency admin
    whose unit holds it) and tries a verification move the lifecycle forbids is told why."""
    if moving_to is not None and scope.may_access_case(actor, report):
        lifecycle.check_transition(report.kind, report.status, moving_to)
    if not can_verify(actor, report):
        raise Forbidden()


def _active_assignment(report: Report, actor: User, capability: Capability) -> Assignment:
    """The assignment of the actor's agency (or any, for a national admin)."""
    assignment = scope.assignment_of(actor, report, capability)
    if assignment is None:
        raise Forbidden()
    return assignment


# --- verification -------------------------------------------------------------------------


@transaction.atomic
def report_dispose(
    *,
    report: Report,
    agency: Agency,
    actor: User,
    message: str = "",
    title_published: str | None = None,
    body_published: str | None = None,
    privacy: str | None = None,
    category: Category | None = None,
    complexity: str = Complexity.SIMPLE,
    address_public: str | None = None,
) -> ReportEvent:
    """*Verifikasi* and *Terdisposisi*: the report goes to ``agency`` with its clocks.

    ``address_public`` (when given) is the address to publish instead of the reporter's own
    words, see ``report_set_public_address``."""
    report = _lock(report)
    if report.status != Status.AWAITING_VERIFICATION and scope.may_access_case(actor, report):
        # The table allows DISPOSED -> DISPOSED (a transfer) and CLOSED -> DISPOSED (a
        # disputed closure), neither of which is a disposition.
        raise lifecycle.IllegalTransition(
            _("A report that is “%(old)s” cannot become “%(new)s”.")
            % {"old": Status(report.status).label, "new": Status.DISPOSED.label}
        )
    _require_verifier(actor, report)
    if not user_can(actor, Capability.VERIFY, agency) and not _is_national(actor):
        # An agency admin disposes inside its own government; elsewhere is "not ours".
        raise DomainError(
            _("You can only dispose to units of your own government. Use “Not our authority”."),
            code="out_of_scope",
        )
    if not agency.accepts_reports or not agency.is_active:
        raise DomainError(_("This agency does not receive reports."), code="inactive_agency")
    whistle.check_handler(report, agency)
    _edit_publication(report, actor, title_published, body_published)
    if address_public is not None:
        _set_public_address(report, actor, address_public)
    if privacy:
        _raise_privacy(report, actor, privacy)
    if category is not None and category.pk != report.category_id:
        report.category = category
        report.save(update_fields=["category"])
        _event(
            report,
            ReportEvent.Kind.CATEGORY_SET,
            actor=actor,
            is_public=False,
            data={"category": category.pk},
        )
    report.agency = agency
    report.needs_national_routing = False
    event = _move(
        report,
        Status.DISPOSED,
        ReportEvent.Kind.DISPOSED,
        actor=actor,
        target_agency=agency,
        extra_fields=("agency", "needs_national_routing"),
    )
    deadlines.stop(report, [Clock.Kind.VERIFY, Clock.Kind.CLARIFICATION], reason="disposed")
    _assign(report, agency, primary=True, complexity=complexity)
    if message.strip():
        # The admin's note is for the agency: an internal event, off the reporter's timeline.
        _event(
            report,
            ReportEvent.Kind.NOTE,
            actor=actor,
            message=message.strip(),
            target_agency=agency,
            is_public=False,
        )
    deadlines.refresh_report_due(report)
    return event


def _is_national(actor: User) -> bool:
    return verification_regions(actor) is None and user_can(actor, Capability.VERIFY, None)


def _assign(report: Report, agency: Agency, *, primary: bool, complexity: str) -> Assignment:
    now = timezone.now()
    assignment = Assignment.objects.create(
        report=report,
        agency=agency,
        is_primary=primary,
        complexity=complexity,
        file_complete_at=now,
    )
    deadlines.start(
        report, Clock.Kind.FIRST_FOLLOW_UP, deadlines.FIRST_FOLLOW_UP_DAYS, agency=agency, at=now
    )
    deadlines.start(
        report,
        Clock.Kind.RESOLUTION,
        COMPLEXITY_DAYS[Complexity(complexity)],
        agency=agency,
        at=now,
    )
    return assignment


def _edit_publication(report: Report, actor: User, title: str | None, body: str | None) -> None:
    changed = {}
    if title is not None and title.strip() and title.strip() != report.title_published:
        changed["title"] = [report.title_published, title.strip()]
        report.title_published = title.strip()
    if body is not None and body.strip() and body.strip() != report.body_published:
        changed["body"] = [report.body_published, body.strip()]
        report.body_published = body.strip()
    if changed:
        report.save(update_fields=["title_published", "body_published", "updated_at"])
        # The edit log keeps old and new text; internal (the original is kept on the report).
        _event(report, ReportEvent.Kind.TEXT_EDITED, actor=actor, is_public=False, data=changed)


@transaction.atomic
def report_set_public_address(*, report: Report, address: str, actor: User) -> ReportEvent | None:
    """Set (or clear, with ``""``) the address the public reads for ``report``.

    The reporter's own address text is published only for public reports
    (lapor.reports.location); an anonymous report's may name the reporter's street or house.
    The verifier can publish a safe description instead (a landmark, the road's name). It is
    published masked like every text. An internal event keeps the old and new value; returns
    it, or ``None`` when nothing changed."""
    report = _lock(report)
    _require_verifier(actor, report)
    return _set_public_address(report, actor, address)


def _set_public_address(report: Report, actor: User, address: str) -> ReportEvent | None:
    new = " ".join(address.split())[:255]
    if new == report.address_public:
        return None
    old = report.address_public
    report.address_public = new
    report.save(update_fields=["address_public", "updated_at"])
    return _event(
        report,
        ReportEvent.Kind.PUBLIC_ADDRESS_SET,
        actor=actor,
        is_public=False,
        data={"old": old, "new": new},
    )


def _raise_privacy(report: Report, actor: User, privacy: str) -> None:
    new = Privacy(privacy)
    old = Privacy(report.privacy)
    if PRIVACY_RANK[new] < PRIVACY_RANK[old]:
        raise DomainError(
            _("Privacy can be raised, never lowered (it is “%(old)s”).") % {"old": old.label},
            code="privacy_lowered",
        )
    if new != old:
        report.privacy = new
        report.identity_hidden = report.identity_hidden or new == Privacy.ANONYMOUS
        report.save(update_fields=["privacy", "identity_hidden", "updated_at"])
        _event(
            report,
            ReportEvent.Kind.PRIVACY_RAISED,
            actor=actor,
            is_public=False,
            data={"old": old, "new": new},
        )


@transaction.atomic
def report_edit_publication(
    *,
    report: Report,
    actor: User,
    title: str | None = None,
    body: str | None = None,
    privacy: str | None = None,
) -> None:
    """Edit the published text (the original stays) and/or raise privacy."""
    report = _lock(report)
    if not (can_verify(actor, report) or scope.assignment_of(actor, report, Capability.VERIFY)):
        raise Forbidden()
    _edit_publication(report, actor, title, body)
    if privacy:
        _raise_privacy(report, actor, privacy)


@transaction.atomic
def report_postpone(*, report: Report, message: str, actor: User) -> ReportEvent:
    """*Tunda*: ask the reporter for clarification; the verification clock pauses."""
    if not message.strip():
        raise DomainError(_("Write what the reporter should clarify."), code="message_required")
    report = _lock(report)
    _require_verifier(actor, report, Status.POSTPONED)
    event = _move(
        report, Status.POSTPONED, ReportEvent.Kind.POSTPONED, actor=actor, message=message.strip()
    )
    for clock in deadlines.running(report, [Clock.Kind.VERIFY]):
        deadlines.pause(clock)
    deadlines.start(report, Clock.Kind.CLARIFICATION, deadlines.CLARIFICATION_DAYS)
    deadlines.refresh_report_due(report)
    return event


def resume_after_clarification(report: Report, actor: User | None) -> ReportEvent:
    """The reporter answered a *Tunda*: back to verification, the clock runs again."""
    event = _move(report, Status.AWAITING_VERIFICATION, ReportEvent.Kind.RESUMED, actor=actor)
    deadlines.stop(report, [Clock.Kind.CLARIFICATION], reason="clarified")
    for clock in deadlines.running(report, [Clock.Kind.VERIFY]):
        deadlines.resume(clock)
    deadlines.refresh_report_due(report)
    return event


@transaction.atomic
def report_archive(*, report: Report, reason: str, message: str = "", actor: User) -> ReportEvent:
    """*Arsipkan*: with a reason from the list (DOMAIN.md §4) and optional text."""
    if reason not in ARCHIVE_REASONS:
        raise DomainError(_("Choose a reason for archiving."), code="reason_required")
    report = _lock(report)
    _require_verifier(actor, report, Status.ARCHIVED_BY_ADMIN)
    report.closed_at = timezone.now()
    event = _move(
        report,
        Status.ARCHIVED_BY_ADMIN,
        ReportEvent.Kind.ARCHIVED,
        actor=actor,
        message=message.strip(),
        data={"reason": reason},
        extra_fields=("closed_at",),
    )
    deadlines.stop(report, reason="archived")
    deadlines.refresh_report_due(report)
    return event


@transaction.atomic
def report_not_our_authority(
    *, report: Report, reason: str, suggested_agency: Agency | None = None, actor: User
) -> ReportEvent:
    """*Bukan Wewenang*: return the report with a reason (and a suggested agency).

    From a unit (disposed to it): back to verification. From an agency admin at verification:
    it goes to the national admins' queue.
    """
    if not reason.strip():
        raise DomainError(
            _("Give the reason why this is not your authority."), code="reason_required"
        )
    report = _lock(report)
    data = {"suggested_agency": suggested_agency.pk if suggested_agency else None}
    if report.status == Status.AWAITING_VERIFICATION:
        _require_verifier(actor, report)
        report.needs_national_routing = True
        report.save(update_fields=["needs_national_routing"])
        return _event(
            report,
            ReportEvent.Kind.NOT_AUTHORITY,
            actor=actor,
            message=reason.strip(),
            target_agency=suggested_agency,
            data=data,
        )
    if report.status != Status.DISPOSED:
        lifecycle.check_transition(report.kind, report.status, Status.AWAITING_VERIFICATION)
    assignment = _active_assignment(report, actor, Capability.TRANSFER)
    assignment.active = False
    assignment.ended_at = timezone.now()
    assignment.save(update_fields=["active", "ended_at"])
    deadlines.stop(report, agency=assignment.agency, reason="not_authority")
    remaining = report.assignments.filter(active=True).exclude(pk=assignment.pk).first()
    if remaining is not None:
        report.agency = remaining.agency
        report.save(update_fields=["agency"])
        event = _event(
            report,
            ReportEvent.Kind.NOT_AUTHORITY,
            actor=actor,
            message=reason.strip(),
            agency=assignment.agency,
            target_agency=suggested_agency,
            data=data,
        )
    else:
        report.agency = None
        event = _move(
            report,
            Status.AWAITING_VERIFICATION,
            ReportEvent.Kind.NOT_AUTHORITY,
            actor=actor,
            message=reason.strip(),
            agency=assignment.agency,
            target_agency=suggested_agency,
            data=data,
            extra_fields=("agency",),
        )
        deadlines.start(report, Clock.Kind.VERIFY, deadlines.VERIFY_DAYS)
    deadlines.refresh_report_due(report)
    return event


# --- the agency ---------------------------------------------------------------------------


@transaction.atomic
def report_follow_up(
    *,
    report: Report,
    message: str,
    actor: User,
    uploads: list[PendingUpload] | tuple[PendingUpload, ...] = (),
    resolved: bool = False,
    question: bool = False,
) -> ReportEvent:
    """*Tindak lanjut*. ``resolved`` claims the problem is solved and needs evidence;
    ``question`` asks the reporter for more information. Either way the reporter has 10
    working days to answer before the case closes by itself."""
    if not message.strip():
        raise DomainError(_("Write the follow-up for the reporter."), code="message_required")
    if resolved and not uploads:
        raise DomainError(
            _("Closing as resolved needs evidence: attach a photo or document of the result."),
            code="evidence_required",
        )
    report = _lock(report)
    assignment = _active_assignment(report, actor, Capability.FOLLOW_UP)
    kind = ReportEvent.Kind.QUESTION if question else ReportEvent.Kind.FOLLOW_UP
    event = _move(
        report,
        Status.FOLLOWED_UP,
        kind,
        actor=actor,
        message=message.strip(),
        agency=assignment.agency,
        data={"resolved": resolved},
    )
    _attach(report, event, uploads)
    if resolved:
        # Photos used before, or taken before the report, are flagged (lapor.reports.evidence).
        evidence.check_follow_up(event)
    if not question:
        # So is an answer the agency already gave to many others (lapor.reports.formulaic).
        formulaic.check_follow_up(event)
    now = timezone.now()
    if assignment.first_followed_up_at is None:
        assignment.first_followed_up_at = now
        assignment.save(update_fields=["first_followed_up_at"])
        deadlines.stop(
            report, [Clock.Kind.FIRST_FOLLOW_UP], agency=assignment.agency, reason="followed_up"
        )
    deadlines.stop(report, [Clock.Kind.REPORTER_REPLY], reason="new_follow_up")
    deadlines.start(report, Clock.Kind.REPORTER_REPLY, deadlines.REPORTER_REPLY_DAYS, at=now)
    deadlines.refresh_report_due(report)
    return event


@transaction.atomic
def report_set_complexity(*, report: Report, complexity: str, actor: User) -> ReportEvent:
    """The agency sets how long resolution may take: 5, 14 or 60 working days."""
    report = _lock(report)
    assignment = _active_assignment(report, actor, Capability.FOLLOW_UP)
    assignment.complexity = Complexity(complexity)
    assignment.save(update_fields=["complexity"])
    for clock in deadlines.running(report, [Clock.Kind.RESOLUTION], assignment.agency):
        clock.working_days = COMPLEXITY_DAYS[Complexity(complexity)]
        clock.due_at = deadlines.compute(clock).due_at
        clock.save(update_fields=["working_days", "due_at"])
    deadlines.refresh_report_due(report)
    return _event(
        report,
        ReportEvent.Kind.COMPLEXITY_SET,
        actor=actor,
        agency=assignment.agency,
        data={"complexity": complexity},
    )


@transaction.atomic
def report_extend(*, report: Report, days: int, reason: str, actor: User) -> ReportEvent:
    """Extend the resolution deadline; never past 60 working days from the complete file."""
    if days < 1 or not reason.strip():
        raise DomainError(
            _("Give the number of days and the reason for the extension."), code="invalid_extension"
        )
    report = _lock(report)
    assignment = _active_assignment(report, actor, Capability.FOLLOW_UP)
    clock = deadlines.running(report, [Clock.Kind.RESOLUTION], assignment.agency).first()
    if clock is None:
        raise DomainError(_("There is no running resolution deadline to extend."), code="no_clock")
    calendar = WorkingCalendar(clock.region_code)
    ceiling = calendar.due(assignment.file_complete_at, RESOLUTION_CEILING_DAYS).due_at
    old_due = clock.due_at
    deadlines.extend(clock, days)
    if clock.due_at is not None and ceiling is not None and clock.due_at > ceiling:
        raise DomainError(
            _(
                "The resolution may not end later than 60 working days after the complete file "
                "(%(date)s)."
            )
            % {"date": formats.date_format(timezone.localtime(ceiling), "j F Y")},
            code="past_ceiling",
        )
    deadlines.refresh_report_due(report)
    return _event(
        report,
        ReportEvent.Kind.EXTENDED,
        actor=actor,
        message=reason.strip(),
        agency=assignment.agency,
        data={"days": days, "old_due": _iso(old_due), "new_due": _iso(clock.due_at)},
    )


def _iso(moment: dt.datetime | None) -> str | None:
    return moment.isoformat() if moment else None


@transaction.atomic
def report_transfer(*, report: Report, to_agency: Agency, reason: str, actor: User) -> ReportEvent:
    """*Koordinasi*: hand the case to another agency; it keeps its ID, history and clocks."""
    if not reason.strip():
        raise DomainError(_("Give the reason for the transfer."), code="reason_required")
    report = _lock(report)
    assignment = _active_assignment(report, actor, Capability.TRANSFER)
    if to_agency.pk == assignment.agency_id:
        raise DomainError(_("The case is already with this agency."), code="same_agency")
    if report.assignments.filter(active=True, agency=to_agency).exists():
        raise DomainError(_("This agency is already involved in the case."), code="duplicate")
    whistle.check_handler(report, to_agency)
    from_agency = assignment.agency
    # The old assignment ends (it stays in the agency's history and exports); the new one
    # inherits the file date and the running clocks, so the deadline does not restart.
    assignment.active = False
    assignment.ended_at = timezone.now()
    assignment.save(update_fields=["active", "ended_at"])
    Assignment.objects.create(
        report=report,
        agency=to_agency,
        is_primary=assignment.is_primary,
        complexity=assignment.complexity,
        file_complete_at=assignment.file_complete_at,
        first_followed_up_at=assignment.first_followed_up_at,
    )
    Clock.objects.filter(report=report, agency=from_agency, stopped_at__isnull=True).update(
        agency=to_agency
    )
    if report.agency_id == from_agency.pk:
        report.agency = to_agency
    event = _move(
        report,
        Status.DISPOSED,
        ReportEvent.Kind.TRANSFERRED,
        actor=actor,
        message=reason.strip(),
        agency=from_agency,
        target_agency=to_agency,
        extra_fields=("agency",),
    )
    deadlines.refresh_report_due(report)
    return event


@transaction.atomic
def report_involve_agency(
    *, report: Report, agency: Agency, reason: str, actor: User
) -> ReportEvent:
    """Add a second agency to the case, with its own clocks."""
    report = _lock(report)
    # Only who holds the case (or a national admin) brings others in: a verifier of the
    # report's place may not pull its own unit into a case dispositioned elsewhere.
    if not scope.may_reassign(actor, report):
        raise Forbidden()
    if report.status not in lifecycle.OPEN or report.status == Status.AWAITING_VERIFICATION:
        raise DomainError(
            _("Only a dispositioned, open case can involve another agency."), code="not_disposed"
        )
    if report.assignments.filter(active=True, agency=agency).exists():
        raise DomainError(_("This agency is already involved in the case."), code="duplicate")
    whistle.check_handler(report, agency)
    _assign(report, agency, primary=False, complexity=Complexity.SIMPLE)
    deadlines.refresh_report_due(report)
    return _event(
        report,
        ReportEvent.Kind.AGENCY_INVOLVED,
        actor=actor,
        message=reason.strip(),
        target_agency=agency,
    )


@transaction.atomic
def report_review_follow_up(*, report: Report, actor: User) -> int:
    """An agency admin (or a national admin) has looked at the flagged follow-ups of the case:
    a formulaic answer no longer holds the automatic closure. Returns how many were marked."""
    flags = report.evidence_flags.filter(reviewed_at__isnull=True).select_related("event")
    if not any(user_can(actor, Capability.VERIFY, f.event.agency_id) for f in flags):
        raise Forbidden()
    mine = [f.pk for f in flags if user_can(actor, Capability.VERIFY, f.event.agency_id)]
    report.evidence_flags.filter(pk__in=mine).update(reviewed_by=actor, reviewed_at=timezone.now())
    _event(
        report,
        ReportEvent.Kind.NOTE,
        actor=actor,
        message=_("The flagged follow-up was reviewed."),
        is_public=False,
    )
    return len(mine)


# --- the reporter -------------------------------------------------------------------------


@transaction.atomic
def report_reporter_reply(
    *,
    report: Report,
    message: str,
    uploads: list[PendingUpload] | tuple = (),
    actor: User | None,
) -> ReportEvent:
    """ "Ditanggapi oleh Pelapor": the reporter answers a follow-up; back to the agency."""
    if not message.strip():
        raise DomainError(_("Write your reply."), code="message_required")
    report = _lock(report)
    event = _move(
        report,
        Status.REPORTER_REPLIED,
        ReportEvent.Kind.REPORTER_REPLY,
        actor=actor,
        message=message.strip(),
    )
    _attach(report, event, uploads)
    deadlines.stop(report, [Clock.Kind.REPORTER_REPLY], reason="replied")
    deadlines.refresh_report_due(report)
    return event


@transaction.atomic
def report_close_by_reporter(
    *, report: Report, rating: int, comment: str = "", actor: User | None
) -> ReportEvent:
    """The reporter is done: close with a rating of 1–5 and an optional comment."""
    if rating not in (1, 2, 3, 4, 5):
        raise DomainError(_("Choose a rating from 1 to 5."), code="rating_required")
    report = _lock(report)
    report.rating = rating
    report.rating_comment = comment.strip()
    report.closed_at = timezone.now()
    event = _move(
        report,
        Status.CLOSED_BY_REPORTER,
        ReportEvent.Kind.CLOSED,
        actor=actor,
        message=comment.strip(),
        data={"rating": rating},
        extra_fields=("rating", "rating_comment", "closed_at"),
    )
    deadlines.stop(report, reason="closed")
    deadlines.refresh_report_due(report)
    return event


@transaction.atomic
def report_dispute(*, report: Report, reason: str, actor: User | None) -> ReportEvent:
    """The reporter disputes a closure: the case reopens at the agency and is escalated."""
    if not reason.strip():
        raise DomainError(_("Explain why the problem is not solved."), code="reason_required")
    report = _lock(report)
    if "dispute" not in lifecycle.reporter_actions(report):
        raise DomainError(
            _("This closure can no longer be disputed: file a new report."),
            code="not_disputable",
        )
    assignment = report.assignments.filter(active=True, is_primary=True).first() or (
        report.assignments.filter(active=True).first()
    )
    if assignment is None:
        raise DomainError(_("This report cannot be reopened."), code="not_reopenable")
    report.closed_at = None
    report.agency = assignment.agency
    event = _move(
        report,
        Status.DISPOSED,
        ReportEvent.Kind.DISPUTED,
        actor=actor,
        message=reason.strip(),
        agency=assignment.agency,
        extra_fields=("closed_at", "agency"),
    )
    clock = deadlines.start(
        report, Clock.Kind.FIRST_FOLLOW_UP, deadlines.FIRST_FOLLOW_UP_DAYS, agency=assignment.agency
    )
    # A disputed closure goes straight to the first rung: the agency admin looks at it.
    clock.escalation_level = 1
    clock.save(update_fields=["escalation_level"])
    _event(
        report,
        ReportEvent.Kind.ESCALATED,
        actor=None,
        agency=assignment.agency,
        data={"level": 1, "why": "disputed"},
    )
    deadlines.refresh_report_due(report)
    return event


def reporter_adds_info(report: Report, actor: User | None) -> None:
    """Hook for ``actions.report_add_info``: information added to a postponed report is the
    clarification that was asked for."""
    if report.status == Status.POSTPONED:
        resume_after_clarification(report, actor)
    elif report.status == Status.INFO_CLARIFICATION:
        from lapor.ppid.actions import request_clarified

        request_clarified(report, actor)


# --- routing: automatic disposition and duplicates (routing issue) -------------------------


@transaction.atomic
def report_auto_dispose(
    *, report: Report, agency: Agency, confidence: float, explanation: str, explanation_en: str
) -> ReportEvent | None:
    """Verify and dispose without an admin, because the routing confidence passed the
    threshold the agency admin set. Returns None (and does nothing) when the report is no
    longer waiting for verification, needs a national admin, or is a suspected emergency:
    those always stay with a person. The decision itself lives in ``lapor.routing.suggest``."""
    report = _lock(report)
    if (
        report.status != Status.AWAITING_VERIFICATION
        or report.needs_national_routing
        or report.emergency_suspected
        # A report of wrongdoing is always routed by a person, to an internal auditor.
        or report.kind == Kind.WHISTLEBLOWING
        or not agency.accepts_reports
        or not agency.is_active
    ):
        return None
    report.agency = agency
    event = _move(
        report,
        Status.DISPOSED,
        ReportEvent.Kind.DISPOSED,
        actor=None,
        # The reporter's timeline shows why it went there, in the report's language.
        message=explanation_en if report.language == "en" else explanation,
        target_agency=agency,
        data={
            "auto": True,
            "confidence": round(float(confidence), 3),
            "explanation": explanation,
            "explanation_en": explanation_en,
        },
        extra_fields=("agency",),
    )
    deadlines.stop(report, [Clock.Kind.VERIFY, Clock.Kind.CLARIFICATION], reason="disposed")
    _assign(report, agency, primary=True, complexity=Complexity.SIMPLE)
    deadlines.refresh_report_due(report)
    return event


@transaction.atomic
def report_merge(*, report: Report, into: Report, actor: User) -> ReportEvent:
    """Merge the duplicate ``report`` into the case ``into`` (the cluster's main case).

    The duplicate is archived as "duplicate" with a link to the main case (its reporter is
    told where to follow it); reports already merged into the duplicate move to the main case;
    when the main case gets its outcome, every merged report's reporter hears it
    (``lapor.routing.duplicates.notify_cluster``)."""
    from lapor.routing.models import ReportMerge

    main_link = ReportMerge.objects.filter(report_id=into.pk).select_related("main").first()
    if main_link is not None:
        into = main_link.main  # merge into the cluster's main case, never into a member
    if report.pk == into.pk:
        raise DomainError(_("A report cannot be merged into itself."), code="merge_self")
    report = _lock(report)
    into = _lock(into)
    _require_verifier(actor, report)
    if report.status != Status.AWAITING_VERIFICATION:
        raise DomainError(
            _("Only a report awaiting verification can be merged into another case."),
            code="merge_status",
        )
    if into.status not in lifecycle.OPEN and into.status != Status.POSTPONED:
        raise DomainError(_("The main case is no longer open."), code="merge_closed")
    ReportMerge.objects.create(report=report, main=into, actor=actor)
    ReportMerge.objects.filter(main_id=report.pk).update(main_id=into.pk)
    _move_followers(report, into)
    report.closed_at = timezone.now()
    event = _move(
        report,
        Status.ARCHIVED_BY_ADMIN,
        ReportEvent.Kind.ARCHIVED,
        actor=actor,
        message=_("Merged into report %(id)s; you will receive its outcome.")
        % {"id": into.tracking_id},
        data={"reason": "duplicate", "merged_into": into.tracking_id},
        extra_fields=("closed_at",),
    )
    deadlines.stop(report, reason="merged")
    deadlines.refresh_report_due(report)
    _event(
        into,
        ReportEvent.Kind.NOTE,
        actor=actor,
        message=_("Report %(id)s merged into this case.") % {"id": report.tracking_id},
        is_public=False,
        data={"merged": report.tracking_id},
    )
    return event


def _move_followers(duplicate: Report, main: Report) -> None:
    """People following the duplicate follow the main case from now on (they would otherwise
    hear nothing more: the duplicate is archived). One follow per address and case."""
    try:
        from lapor.public.models import Follow
    except ImportError:  # the public pages are optional for case handling
        return
    already = set(Follow.objects.filter(report_id=main.pk).values_list("email", flat=True))
    for follow in Follow.objects.filter(report_id=duplicate.pk):
        if follow.email in already:
            follow.delete()
            continue
        follow.report_id = main.pk
        follow.save(update_fields=["report"])
        already.add(follow.email)
