"""Writes of the public-information service (UU 14/2008). Same rules as ``reports.actions``:
keyword-only, one transaction each, every change an event row, side effects through the outbox
in the same transaction, permissions re-checked here (the views' access functions already
answer 404 outside the user's scope).

The request is a ``Report`` of kind ``information_request``; its moves go through the one
``lifecycle.transition()`` with the second table (``INFO_TRANSITIONS``); its deadlines are
``Clock`` rows on the one working-day calendar (``lapor.ppid.clocks``).
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterable
from collections.abc import Sequence as Seq
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lapor.accounts.models import User
from lapor.agencies.capabilities import Capability, user_can
from lapor.agencies.models import Agency
from lapor.core.calendar import WorkingCalendar
from lapor.core.errors import DomainError
from lapor.regions.models import Region
from lapor.reports import deadlines, events, lifecycle
from lapor.reports.actions import _attach, _check_on_behalf, _insert_report, _on_behalf_data
from lapor.reports.attachments import check_limits
from lapor.reports.case_actions import Forbidden, _event, _lock, _move
from lapor.reports.models import (
    Attachment,
    Channel,
    Clock,
    Kind,
    PendingUpload,
    Privacy,
    Report,
    ReporterIdentity,
    ReportEvent,
    Status,
)
from lapor.reports.tracking import new_pin

from . import clocks
from .access import may
from .lifecycle import requester_actions
from .models import (
    GRANTING,
    NEEDS_EXEMPTION,
    Decision,
    Delivery,
    Dispute,
    DisputeOutcome,
    EntryCategory,
    ExemptionGround,
    InformationEntry,
    InformationRequest,
    Notice,
    Objection,
    ObjectionGround,
    Obtain,
    Outcome,
    RequesterIdentity,
    RequesterKind,
    Sequence,
)

E = ReportEvent.Kind
K = Clock.Kind

NIK = re.compile(r"^[1-9]\d{15}$")
# Where a government's PPID sits: the main information office (PPID Utama) below it.
GOVERNMENT_KINDS = frozenset(
    {
        Agency.Kind.MINISTRY,
        Agency.Kind.NON_MINISTERIAL,
        Agency.Kind.STATE_INSTITUTION,
        Agency.Kind.PROVINCIAL_GOVERNMENT,
        Agency.Kind.REGENCY_GOVERNMENT,
    }
)


def identity_required_message() -> str:
    return _(
        "An information request must say who is asking: the law on public information "
        "(UU 14/2008) requires the requester's identity — NIK (or a legal entity's "
        "registration), name, address, occupation and a phone number or e-mail. It is never "
        "published. If you want to report a problem without giving your name, file an "
        "anonymous complaint instead."
    )


@dataclass(frozen=True)
class Requester:
    """The identity the law requires, as typed on any channel."""

    kind: str = RequesterKind.PERSON
    id_number: str = ""
    full_name: str = ""
    representative: str = ""
    address: str = ""
    occupation: str = ""
    phone: str = ""
    email: str = ""

    def cleaned(self) -> Requester:
        id_number = self.id_number.strip()
        if self.kind == RequesterKind.PERSON:
            id_number = re.sub(r"[\s.\-]", "", id_number)
        return Requester(
            kind=self.kind,
            id_number=id_number,
            full_name=" ".join(self.full_name.split()),
            representative=" ".join(self.representative.split()),
            address=" ".join(self.address.split()),
            occupation=" ".join(self.occupation.split()),
            phone=self.phone.strip(),
            email=self.email.strip(),
        )


def requester_problems(requester: Requester) -> dict[str, str]:
    """What is missing or wrong, by field; empty when the identity is complete."""
    r = requester.cleaned()
    problems: dict[str, str] = {}
    if r.kind not in RequesterKind.values:
        problems["kind"] = _("Say whether you ask as a person or for a legal entity.")
    if r.kind == RequesterKind.PERSON and not NIK.match(r.id_number):
        problems["id_number"] = _("Give your NIK: the 16-digit number on your identity card (KTP).")
    if r.kind == RequesterKind.LEGAL_ENTITY and len(r.id_number) < 3:
        problems["id_number"] = _(
            "Give the entity's registration: the number of its deed or its legal-entity decree."
        )
    if len(r.full_name) < 2:
        problems["full_name"] = _("Give the name.")
    if r.kind == RequesterKind.LEGAL_ENTITY and len(r.representative) < 2:
        problems["representative"] = _("Give the name of the person acting for the entity.")
    if len(r.address) < 5:
        problems["address"] = _("Give the address.")
    if len(r.occupation) < 2:
        problems["occupation"] = _("Give the occupation (or the entity's field of work).")
    if not r.phone and not r.email:
        problems["phone"] = _("Give a phone number or an e-mail address (or both).")
    return problems


def _check_requester(requester: Requester) -> Requester:
    problems = requester_problems(requester)
    if problems:
        raise DomainError(
            identity_required_message() + " " + " ".join(problems.values()),
            code="identity_required",
        )
    return requester.cleaned()


def ppid_desk(agency: Agency) -> Agency:
    """The PPID that answers for ``agency``: a government's main information office (PPID
    Utama) answers for it and for every unit below it; an agency without one answers itself."""
    if agency.kind == Agency.Kind.INFORMATION_OFFICE:
        return agency
    current: Agency | None = agency
    for _level in range(5):
        if current is None:
            break
        if current.kind in GOVERNMENT_KINDS:
            office = (
                Agency.objects.filter(
                    parent=current, kind=Agency.Kind.INFORMATION_OFFICE, is_active=True
                )
                .order_by("pk")
                .first()
            )
            return office or current
        current = current.parent
    return agency


def _next_number(name: str, template: str, at: dt.datetime | None = None) -> str:
    """The next number of a yearly series, e.g. "000123/PPID/2026" (inside a transaction)."""
    year = timezone.localtime(at or timezone.now()).year
    row, _created = Sequence.objects.select_for_update().get_or_create(name=name, year=year)
    row.last += 1
    row.save(update_fields=["last"])
    return template.format(n=row.last, year=year)


@dataclass(frozen=True)
class Filed:
    report: Report
    # In clear only here, for the receipt; None for a repeated submission.
    pin: str | None
    created: bool


def request_file(
    *,
    requester: Requester,
    title: str,
    information: str,
    purpose: str,
    agency: Agency,
    region: Region,
    obtain: str = Obtain.SOFTCOPY,
    delivery: str = Delivery.EMAIL,
    channel: str = Channel.WEB,
    language: str = "id",
    uploads: Seq[PendingUpload] = (),
    submission_key: uuid.UUID | None = None,
    actor: User | None = None,
    filed_by: User | None = None,
    consent: str = "",
    consent_note: str = "",
) -> Filed:
    """File an information request on any channel. The identity is required (the request is
    refused with the plain explanation otherwise); the request is registered at once with the
    PPID that answers for ``agency``: registration number, the 10-working-day clock, receipt.

    ``filed_by``: a desk officer filing for a person (the rules of ``report_submit``)."""
    if filed_by is not None or channel in (Channel.DESK, Channel.PHONE):
        _check_on_behalf(filed_by=filed_by, actor=actor, channel=channel, consent=consent)
    if submission_key is not None:
        existing = Report.objects.filter(submission_key=submission_key).first()
        if existing is not None:
            return Filed(existing, None, False)
    person = _check_requester(requester)
    title, information, purpose = title.strip(), information.strip(), purpose.strip()
    if len(title) < 5 or len(information) < 10:
        raise DomainError(
            _("Say what information you want, in a short title and a description."),
            code="information_required",
        )
    if len(purpose) < 5:
        raise DomainError(_("Say what you will use the information for."), code="purpose_required")
    if obtain not in Obtain.values or delivery not in Delivery.values:
        raise DomainError(_("Choose how you want to receive the information."), code="how")
    if not agency.is_active:
        raise DomainError(_("This agency does not receive requests."), code="inactive_agency")
    check_limits(len(uploads), sum(u.size for u in uploads))
    try:
        with transaction.atomic():
            pin = new_pin()
            report = _insert_report(
                kind=Kind.INFORMATION_REQUEST,
                title=title[:200],
                body=information,
                incident_date=timezone.localdate(),
                region=region,
                privacy=Privacy.PUBLIC,
                channel=Channel(channel),
                language=language,
                requested_agency=agency,
                agency=ppid_desk(agency),
                reporter_user=actor if actor is not None and actor.pk else None,
                submission_key=submission_key,
                pin=pin,
            )
            # The contact the outbox writes to, like any report's (no name: the name lives in
            # the requester identity only, so exports and the complaint pages never carry it).
            ReporterIdentity.objects.create(
                report=report,
                user=report.reporter_user,
                email=person.email,
                phone=person.phone,
                consent=consent if filed_by is not None else "",
                consent_note=consent_note.strip()[:255] if filed_by is not None else "",
                consent_recorded_at=timezone.now() if filed_by is not None else None,
            )
            _store_identity(report, person)
            request = InformationRequest.objects.create(
                report=report, purpose=purpose, obtain=obtain, delivery=delivery
            )
            lifecycle.check_transition(report.kind, None, Status.INFO_REGISTERED)
            report.status = Status.INFO_REGISTERED
            report.save(update_fields=["status"])
            _register(report, request, at=report.created_at)
            event = ReportEvent.objects.create(
                report=report,
                kind=E.SUBMITTED,
                old_status="",
                new_status=Status.INFO_REGISTERED,
                actor=filed_by if filed_by is not None else report.reporter_user,
                target_agency=report.agency,
                data={
                    "registration_number": request.registration_number,
                    **(_on_behalf_data(channel, consent) if filed_by is not None else {}),
                },
            )
            _attach(report, event, list(uploads))
            events.publish(event)
    except IntegrityError:
        if submission_key is not None:
            existing = Report.objects.filter(submission_key=submission_key).first()
            if existing is not None:
                return Filed(existing, None, False)
        raise
    return Filed(report, pin, True)


def _store_identity(report: Report, person: Requester) -> RequesterIdentity:
    identity, _created = RequesterIdentity.objects.update_or_create(
        report=report,
        defaults={
            "kind": person.kind,
            "id_number": person.id_number,
            "full_name": person.full_name,
            "representative": person.representative,
            "address": person.address,
            "occupation": person.occupation,
            "phone": person.phone,
            "email": person.email,
        },
    )
    return identity


def _register(report: Report, request: InformationRequest, *, at: dt.datetime) -> Clock:
    """Registration: the number, and the 10 working days from the day after receipt."""
    request.registration_number = request.registration_number or _next_number(
        "registration", "{n:06d}/PPID/{year}", at
    )
    request.registered_at = at
    request.save(update_fields=["registration_number", "registered_at"])
    clock = clocks.start(report, K.INFO_ANSWER, clocks.ANSWER_DAYS, agency=report.agency, at=at)
    deadlines.refresh_report_due(report)
    return clock


def _request(report: Report) -> InformationRequest:
    found = InformationRequest.objects.filter(report=report).first()
    if found is None:
        raise DomainError(_("This is not an information request."), code="not_a_request")
    return found


def _require(actor: User, capability: Capability, report: Report) -> None:
    if not may(actor, capability, report):
        raise Forbidden()


def _requester_may(report: Report, what: str) -> None:
    if what not in requester_actions(report):
        raise DomainError(
            _("This cannot be done on the request in its current status."), code="not_now"
        )


# --- the requester ------------------------------------------------------------------------


@transaction.atomic
def request_give_identity(
    *,
    report: Report,
    requester: Requester,
    purpose: str,
    obtain: str = Obtain.SOFTCOPY,
    delivery: str = Delivery.EMAIL,
    actor: User | None,
) -> ReportEvent:
    """A request converted from a complaint gets the identity (and purpose) the law requires:
    it is registered, with its number and its 10 working days from today."""
    report = _lock(report)
    _requester_may(report, "identity")
    person = _check_requester(requester)
    if len(purpose.strip()) < 5:
        raise DomainError(_("Say what you will use the information for."), code="purpose_required")
    request = _request(report)
    _store_identity(report, person)
    ReporterIdentity.objects.filter(report=report).update(
        phone=person.phone or "", email=person.email or ""
    )
    request.purpose = purpose.strip()
    request.obtain = obtain if obtain in Obtain.values else request.obtain
    request.delivery = delivery if delivery in Delivery.values else request.delivery
    request.save(update_fields=["purpose", "obtain", "delivery"])
    deadlines.stop(report, [K.INFO_IDENTITY], reason="identity_given")
    now = timezone.now()
    event = _move(
        report,
        Status.INFO_REGISTERED,
        E.INFO_IDENTITY,
        actor=actor,
        agency=report.agency,
        data={},
    )
    _register(report, request, at=now)
    event.data = {"registration_number": request.registration_number}
    event.save(update_fields=["data"])
    return event


def request_clarified(report: Report, actor: User | None) -> ReportEvent:
    """Hook of ``report_add_info`` (inside its transaction): what the requester added to a
    request waiting for clarification is the clarification; the answer clock runs again."""
    event = _move(report, Status.INFO_REGISTERED, E.INFO_CLARIFIED, actor=actor)
    deadlines.stop(report, [K.INFO_CLARIFICATION], reason="clarified")
    for clock in deadlines.running(report, [K.INFO_ANSWER]):
        deadlines.resume(clock)
    deadlines.refresh_report_due(report)
    return event


def available_grounds(report: Report) -> list[str]:
    """The Pasal 35 grounds the requester may object on now.

    Periodic information not provided (b) is always a ground. After a notice: answered not as
    asked (d), not fulfilled (e), an unreasonable fee (f), and a refusal (a) when it refused in
    full or in part. When the answer deadline passed without one (the sweep opens it): not
    answered (c) and late (g); a late notice keeps (g).
    """
    request = InformationRequest.objects.filter(report=report).first()
    notices = list(Notice.objects.filter(report=report))
    grounds = {ObjectionGround.PERIODIC_NOT_PROVIDED}
    if notices:
        grounds |= {
            ObjectionGround.NOT_AS_ASKED,
            ObjectionGround.NOT_FULFILLED,
            ObjectionGround.UNREASONABLE_FEE,
        }
        if any(n.decision in NEEDS_EXEMPTION for n in notices):
            grounds.add(ObjectionGround.REFUSED)
        if any(n.late for n in notices):
            grounds.add(ObjectionGround.LATE)
    if request is not None and request.late_opened_at is not None:
        grounds.add(ObjectionGround.LATE)
        if not notices:
            grounds.add(ObjectionGround.NOT_ANSWERED)
    return [g for g in ObjectionGround.values if g in grounds]


@transaction.atomic
def objection_file(
    *,
    report: Report,
    grounds: Iterable[str],
    reason: str,
    actor: User | None,
    channel: str = Channel.WEB,
) -> Objection:
    """*Keberatan* (Pasal 35), within 30 working days of the ground arising: registered with
    its number; the Atasan PPID has 30 working days to decide."""
    report = _lock(report)
    _requester_may(report, "object")
    chosen = list(dict.fromkeys(g for g in grounds if g))
    allowed = available_grounds(report)
    if not chosen:
        raise DomainError(_("Choose at least one ground of objection."), code="grounds_required")
    if any(g not in allowed for g in chosen):
        raise DomainError(
            _("One of the grounds does not apply to this request now."), code="ground_not_open"
        )
    if len(reason.strip()) < 10:
        raise DomainError(_("Explain your objection."), code="reason_required")
    now = timezone.now()
    handler = report.agency or report.requested_agency
    assert handler is not None
    objection = Objection.objects.create(
        report=report,
        number=_next_number("objection", "{n:06d}/KEB-PPID/{year}", now),
        agency=handler,
        grounds=chosen,
        reason=reason.strip(),
        filed_at=now,
        channel=channel,
    )
    # Unanswered: the objection now carries the matter (the superior's decision orders what
    # the PPID must do), so the answer clock stops escalating.
    deadlines.stop(report, [K.INFO_ANSWER, K.INFO_OBJECTION_WINDOW], reason="objected")
    _move(
        report,
        Status.INFO_OBJECTED,
        E.INFO_OBJECTED,
        actor=actor,
        message=reason.strip(),
        agency=report.agency,
        data={"number": objection.number, "grounds": chosen},
    )
    clocks.start(report, K.INFO_OBJECTION_DECISION, clocks.DECISION_DAYS, agency=report.agency)
    deadlines.refresh_report_due(report)
    return objection


@transaction.atomic
def dispute_record(
    *,
    report: Report,
    filed_on: dt.date,
    commission: str,
    register_number: str = "",
    actor: User | None,
    by_requester: bool,
) -> Dispute:
    """Record that the dispute was taken to the Information Commission (Pasal 37): by the
    requester within the 14-day window, or by the PPID or the Atasan PPID when the Commission
    tells them (the Commission decides whether a filing was in time)."""
    report = _lock(report)
    if by_requester:
        _requester_may(report, "commission")
    else:
        if actor is None or not (
            may(actor, Capability.ANSWER_INFORMATION, report)
            or may(actor, Capability.DECIDE_OBJECTION, report)
        ):
            raise Forbidden()
        if report.status not in (Status.INFO_OBJECTED, Status.INFO_OBJECTION_DECIDED):
            raise DomainError(
                _("A dispute follows an objection: record the objection's decision first."),
                code="not_now",
            )
    if not commission.strip():
        raise DomainError(_("Name the Information Commission."), code="commission_required")
    if filed_on > timezone.localdate():
        raise DomainError(_("The filing date cannot be in the future."), code="future")
    objection = Objection.objects.filter(report=report).order_by("-filed_at").first()
    dispute = Dispute.objects.create(
        report=report,
        objection=objection,
        filed_on=filed_on,
        commission=commission.strip()[:200],
        register_number=register_number.strip()[:100],
        recorded_by=actor if actor is not None and actor.pk else None,
        recorded_at=timezone.now(),
    )
    deadlines.stop(report, [K.INFO_DISPUTE_WINDOW, K.INFO_OBJECTION_DECISION], reason="disputed")
    _move(
        report,
        Status.INFO_COMMISSION,
        E.INFO_COMMISSION,
        actor=actor,
        agency=report.agency,
        data={
            "filed_on": filed_on.isoformat(),
            "commission": dispute.commission,
            "register_number": dispute.register_number,
            "by_requester": by_requester,
        },
    )
    deadlines.refresh_report_due(report)
    return dispute


# --- the PPID -----------------------------------------------------------------------------


@transaction.atomic
def request_clarify(*, report: Report, question: str, actor: User) -> ReportEvent:
    """Ask the requester to clarify: the answer clock pauses until they answer (10 working
    days, else the request is archived by the system)."""
    if len(question.strip()) < 5:
        raise DomainError(_("Write what the requester should clarify."), code="message_required")
    report = _lock(report)
    _require(actor, Capability.ANSWER_INFORMATION, report)
    event = _move(
        report,
        Status.INFO_CLARIFICATION,
        E.INFO_CLARIFY,
        actor=actor,
        message=question.strip(),
        agency=report.agency,
    )
    for clock in deadlines.running(report, [K.INFO_ANSWER]):
        deadlines.pause(clock)
    clocks.start(report, K.INFO_CLARIFICATION, clocks.CLARIFICATION_DAYS, agency=report.agency)
    deadlines.refresh_report_due(report)
    return event


@transaction.atomic
def request_extend(*, report: Report, reason: str, actor: User) -> ReportEvent:
    """The one extension of 7 working days (Pasal 22(8)), with a written reason, given
    before the 10 days run out."""
    if len(reason.strip()) < 10:
        raise DomainError(
            _("Write the reason for the extension; the requester receives it."),
            code="reason_required",
        )
    report = _lock(report)
    _require(actor, Capability.ANSWER_INFORMATION, report)
    request = _request(report)
    if request.extended:
        raise DomainError(_("The answer time can be extended only once."), code="already_extended")
    clock = clocks.running(report, K.INFO_ANSWER)
    if clock is None or report.status != Status.INFO_REGISTERED:
        raise DomainError(_("There is no running answer deadline to extend."), code="no_clock")
    if clock.due_at is not None and clock.due_at < timezone.now():
        raise DomainError(
            _("The 10 working days have already passed: answer now; it can no longer be extended."),
            code="too_late",
        )
    old_due = clock.due_at
    deadlines.extend(clock, clocks.EXTENSION_DAYS)
    request.extended = True
    request.save(update_fields=["extended"])
    deadlines.refresh_report_due(report)
    return _event(
        report,
        E.INFO_EXTENDED,
        actor=actor,
        message=reason.strip(),
        agency=report.agency,
        data={
            "days": clocks.EXTENSION_DAYS,
            "old_due": old_due.isoformat() if old_due else None,
            "new_due": clock.due_at.isoformat() if clock.due_at else None,
        },
    )


@dataclass(frozen=True)
class Answer:
    """The written notice as the PPID fills it in."""

    decision: str
    explanation: str
    form: str = ""
    delivery: str = ""
    collect_place: str = ""
    collect_time: str = ""
    cost: int = 0
    cost_detail: str = ""
    exemption_ground: str = ""
    exemption_law: str = ""
    consequence_test: str = ""
    withheld: str = ""
    holder_agency: Agency | None = None
    holder_name: str = ""
    documented_by: dt.date | None = None


def _check_answer(answer: Answer, uploads: Seq[PendingUpload], report: Report) -> None:
    if answer.decision not in Decision.values:
        raise DomainError(_("Choose the decision of the notice."), code="decision_required")
    if len(answer.explanation.strip()) < 10:
        raise DomainError(
            _("Write the notice: what is given, or why not."), code="explanation_required"
        )
    if answer.decision in GRANTING and not uploads and not answer.collect_place.strip():
        raise DomainError(
            _("Attach the information, or say where and when it can be collected."),
            code="files_or_collection",
        )
    if answer.cost and not answer.cost_detail.strip():
        raise DomainError(
            _("Explain the cost (e.g. 30 pages × Rp 500 for copies)."), code="cost_detail"
        )
    if answer.decision in NEEDS_EXEMPTION:
        if answer.exemption_ground not in ExemptionGround.values:
            raise DomainError(
                _("Give the exemption ground of Article 17 of UU 14/2008."),
                code="exemption_required",
            )
        if len(answer.consequence_test.strip()) < 20:
            raise DomainError(
                _(
                    "Write the consequence test: what harm opening the information would "
                    "cause, and why withholding it serves a greater public interest."
                ),
                code="consequence_test_required",
            )
        if answer.exemption_ground == ExemptionGround.OTHER_LAW and not answer.exemption_law:
            raise DomainError(
                _("Name the law that forbids disclosing it."), code="exemption_law_required"
            )
        if answer.decision == Decision.PARTIAL and not answer.withheld.strip():
            raise DomainError(_("Say which part is withheld."), code="withheld_required")
    if answer.decision == Decision.NOT_HELD:
        if answer.holder_agency is None and not answer.holder_name.strip():
            raise DomainError(
                _("Say which agency holds the information, if you know it."),
                code="holder_required",
            )
        if answer.holder_agency is not None and answer.holder_agency.pk in (
            report.agency_id,
            report.requested_agency_id,
        ):
            raise DomainError(_("The request is already with this agency."), code="same_agency")


@transaction.atomic
def request_answer(
    *,
    report: Report,
    answer: Answer,
    actor: User,
    uploads: Seq[PendingUpload] = (),
) -> Notice:
    """The written notice (*pemberitahuan tertulis*, Pasal 22(7)). Granted in full or in part
    (files, or where and when to collect, and the cost), refused with the Pasal 17 ground and
    the consequence test, not held, or not yet documented.

    Not held, with the holder in the directory: the request is forwarded to the holder's PPID
    — the same request, registration number and answer clock (one clock rule) — and the
    requester gets this notice saying so. Every other notice ends the answer stage and opens
    the 30 working days to object."""
    check_limits(len(uploads), sum(u.size for u in uploads))
    report = _lock(report)
    _require(actor, Capability.ANSWER_INFORMATION, report)
    request = _request(report)
    _check_answer(answer, uploads, report)
    if report.status == Status.INFO_OBJECTION_DECIDED:
        decided = Objection.objects.filter(report=report).order_by("-filed_at").first()
        if decided is None or decided.outcome == Outcome.REJECTED:
            raise DomainError(
                _("The objection was rejected: the earlier notice stands."), code="not_now"
            )
    now = timezone.now()
    answer_clock = clocks.running(report, K.INFO_ANSWER)
    late = bool(answer_clock and answer_clock.due_at and answer_clock.due_at < now)
    forwarding = answer.decision == Decision.NOT_HELD and answer.holder_agency is not None
    from_agency = report.agency
    if forwarding:
        if report.status != Status.INFO_REGISTERED:
            raise DomainError(_("Only a registered request can be forwarded."), code="not_now")
        event = _forward(report, answer.holder_agency, answer.explanation, actor)  # type: ignore[arg-type]
    else:
        # Not ``_move``: the outbox must see the notice row, so it is told once, below.
        event = lifecycle.transition(
            report,
            Status.INFO_ANSWERED,
            actor=actor,
            kind=E.INFO_NOTICE,
            message=answer.explanation.strip(),
            agency=from_agency,
            data={"decision": answer.decision, "late": late},
        )
    issuer = from_agency or report.requested_agency
    assert issuer is not None
    notice = Notice.objects.create(
        report=report,
        event=event,
        number=_next_number("notice", "{n:06d}/PT-PPID/{year}", now),
        agency=issuer,
        decision=answer.decision,
        explanation=answer.explanation.strip(),
        form=answer.form if answer.form in Obtain.values else "",
        delivery=answer.delivery if answer.delivery in Delivery.values else "",
        collect_place=answer.collect_place.strip()[:255],
        collect_time=answer.collect_time.strip()[:255],
        cost=max(0, int(answer.cost or 0)),
        cost_detail=answer.cost_detail.strip()[:255],
        exemption_ground=answer.exemption_ground if answer.decision in NEEDS_EXEMPTION else "",
        exemption_law=answer.exemption_law.strip()[:255],
        consequence_test=answer.consequence_test.strip(),
        withheld=answer.withheld.strip(),
        holder_agency=answer.holder_agency,
        holder_name=(
            answer.holder_name or (answer.holder_agency.name if answer.holder_agency else "")
        )[:255],
        documented_by=answer.documented_by,
        late=late,
        issued_by=actor,
        issued_at=now,
    )
    event.data = {**(event.data or {}), "notice": notice.number, "decision": answer.decision}
    event.save(update_fields=["data"])
    _attach(report, event, list(uploads))
    if not forwarding:
        if request.first_notice_at is None and answer_clock is not None:
            request.first_notice_at = now
            request.answer_working_days = _elapsed_working_days(answer_clock, now)
            request.save(update_fields=["first_notice_at", "answer_working_days"])
        deadlines.stop(report, [K.INFO_ANSWER, K.INFO_OBJECTION_WINDOW], reason="answered")
        report.closed_at = now
        report.save(update_fields=["closed_at"])
        clocks.start(
            report,
            K.INFO_OBJECTION_WINDOW,
            clocks.OBJECTION_WINDOW_DAYS,
            agency=report.agency,
            at=now,
        )
    deadlines.refresh_report_due(report)
    events.publish(event)
    return notice


def _forward(report: Report, holder: Agency, explanation: str, actor: User) -> ReportEvent:
    """Hand the request to the holder's PPID: same request, number and clock."""
    desk = ppid_desk(holder)
    from_agency = report.agency
    report.agency = desk
    report.requested_agency = holder
    request = _request(report)
    request.forwarded = True
    request.save(update_fields=["forwarded"])
    Clock.objects.filter(report=report, kind=K.INFO_ANSWER, stopped_at__isnull=True).update(
        agency=desk
    )
    # events.publish runs after the notice exists (request_answer), so the requester's
    # message can name the notice.
    return lifecycle.transition(
        report,
        Status.INFO_REGISTERED,
        actor=actor,
        kind=E.INFO_FORWARDED,
        message=explanation.strip(),
        extra_fields=("agency", "requested_agency"),
        agency=from_agency,
        target_agency=desk,
        data={"holder": holder.pk},
    )


def _elapsed_working_days(clock: Clock, until: dt.datetime) -> int:
    """Working days the clock has counted by ``until`` (paused days excluded)."""
    calendar = WorkingCalendar(clock.region_code)
    start = calendar.local_date(clock.started_at)
    end = calendar.local_date(until)
    paused = deadlines._pauses(clock)
    day, n = start, 0
    while day < end:
        day += dt.timedelta(days=1)
        if any(a <= day <= (b or end) for a, b in paused):
            continue
        if calendar.is_working_day(day):
            n += 1
    return n


@transaction.atomic
def objection_decide(
    *,
    report: Report,
    outcome: str,
    considerations: str,
    order: str = "",
    actor: User,
) -> Objection:
    """The Atasan PPID's written decision on the objection (Pasal 36), within 30 working days;
    the requester then has 14 working days to go to the Information Commission."""
    report = _lock(report)
    _require(actor, Capability.DECIDE_OBJECTION, report)
    if outcome not in Outcome.values:
        raise DomainError(_("Choose the decision."), code="outcome_required")
    if len(considerations.strip()) < 20:
        raise DomainError(
            _("Write the considerations of the decision."), code="considerations_required"
        )
    if outcome != Outcome.REJECTED and len(order.strip()) < 10:
        raise DomainError(
            _("Say what the PPID must now provide, and by when."), code="order_required"
        )
    objection = Objection.objects.filter(report=report, outcome="").order_by("-filed_at").first()
    if objection is None or report.status != Status.INFO_OBJECTED:
        raise DomainError(_("There is no objection waiting for a decision."), code="not_now")
    now = timezone.now()
    decision_clock = clocks.running(report, K.INFO_OBJECTION_DECISION)
    objection.outcome = outcome
    objection.considerations = considerations.strip()
    objection.order = order.strip()
    objection.decided_by = actor
    objection.decided_at = now
    objection.late = bool(
        decision_clock is None or (decision_clock.due_at and decision_clock.due_at < now)
    )
    objection.decision_number = _next_number("decision", "{n:06d}/TK-KEB/{year}", now)
    objection.save()
    deadlines.stop(report, [K.INFO_OBJECTION_DECISION, K.INFO_DISPUTE_WINDOW], reason="decided")
    report.closed_at = now
    _move(
        report,
        Status.INFO_OBJECTION_DECIDED,
        E.INFO_DECIDED,
        actor=actor,
        message=considerations.strip(),
        agency=report.agency,
        data={
            "number": objection.number,
            "decision_number": objection.decision_number,
            "outcome": outcome,
            "late": objection.late,
        },
        extra_fields=("closed_at",),
    )
    clocks.start(
        report, K.INFO_DISPUTE_WINDOW, clocks.DISPUTE_WINDOW_DAYS, agency=report.agency, at=now
    )
    deadlines.refresh_report_due(report)
    return objection


@transaction.atomic
def dispute_outcome(
    *,
    report: Report,
    outcome: str,
    outcome_on: dt.date,
    note: str = "",
    actor: User,
) -> Dispute:
    """Record the Information Commission's outcome (mediation or adjudication)."""
    report = _lock(report)
    if not (
        may(actor, Capability.ANSWER_INFORMATION, report)
        or may(actor, Capability.DECIDE_OBJECTION, report)
    ):
        raise Forbidden()
    if outcome not in DisputeOutcome.values:
        raise DomainError(_("Choose the outcome."), code="outcome_required")
    if outcome_on > timezone.localdate():
        raise DomainError(_("The date cannot be in the future."), code="future")
    dispute = Dispute.objects.filter(report=report, outcome="").order_by("-recorded_at").first()
    if dispute is None or report.status != Status.INFO_COMMISSION:
        raise DomainError(_("There is no dispute waiting for its outcome."), code="not_now")
    dispute.outcome = outcome
    dispute.outcome_on = outcome_on
    dispute.outcome_note = note.strip()
    dispute.save(update_fields=["outcome", "outcome_on", "outcome_note"])
    report.closed_at = timezone.now()
    _move(
        report,
        Status.INFO_SETTLED,
        E.INFO_SETTLED,
        actor=actor,
        message=note.strip(),
        agency=report.agency,
        data={"outcome": outcome, "outcome_on": outcome_on.isoformat()},
        extra_fields=("closed_at",),
    )
    return dispute


# --- publication --------------------------------------------------------------------------


@dataclass(frozen=True)
class EntryData:
    category: str
    title: str
    summary: str
    holder: str = ""
    responsible: str = ""
    period: str = ""
    form: str = ""
    retention: str = ""
    link: str = ""
    exemption_ground: str = ""
    exemption_law: str = ""
    consequence_test: str = ""
    exempt_until: str = ""


def _check_entry(data: EntryData) -> None:
    if data.category not in EntryCategory.values:
        raise DomainError(_("Choose the kind of information."), code="category_required")
    if len(data.title.strip()) < 3 or len(data.summary.strip()) < 10:
        raise DomainError(_("Give a title and a summary."), code="summary_required")
    if data.category == EntryCategory.EXEMPTED:
        if data.exemption_ground not in ExemptionGround.values:
            raise DomainError(
                _("Give the exemption ground of Article 17 of UU 14/2008."),
                code="exemption_required",
            )
        if len(data.consequence_test.strip()) < 20:
            raise DomainError(
                _("Summarise the consequence test that exempts it."),
                code="consequence_test_required",
            )


@transaction.atomic
def entry_save(
    *, agency: Agency, data: EntryData, actor: User, entry: InformationEntry | None = None
) -> InformationEntry:
    """Add or edit a line of the agency's Daftar Informasi Publik (or of its exempted list)."""
    if not (user_can(actor, Capability.ANSWER_INFORMATION, agency)):
        raise Forbidden()
    _check_entry(data)
    if entry is None:
        entry = InformationEntry(agency=agency, created_by=actor)
    elif entry.agency_id != agency.pk:
        raise Forbidden()
    for name in EntryData.__dataclass_fields__:
        value = getattr(data, name)
        setattr(entry, name, value.strip() if isinstance(value, str) else value)
    if data.category != EntryCategory.EXEMPTED:
        entry.exemption_ground = entry.exemption_law = entry.consequence_test = ""
        entry.exempt_until = ""
    entry.is_published = True
    entry.save()
    return entry


@transaction.atomic
def entry_withdraw(*, entry: InformationEntry, actor: User) -> None:
    if not user_can(actor, Capability.ANSWER_INFORMATION, entry.agency_id):
        raise Forbidden()
    entry.is_published = False
    entry.save(update_fields=["is_published", "updated_at"])


@transaction.atomic
def request_publish(
    *,
    report: Report,
    title: str,
    summary: str,
    attachment_ids: Iterable[int],
    actor: User,
) -> InformationEntry:
    """Publish information released in answer to a request, so the next person finds it
    before asking. Only the PPID's title and summary and the released files chosen here:
    never the request's text, never the requester."""
    report = _lock(report)
    _require(actor, Capability.ANSWER_INFORMATION, report)
    granted = Notice.objects.filter(report=report, decision__in=list(GRANTING))
    if not granted.exists():
        raise DomainError(
            _("Only information released by a notice can be published."), code="not_released"
        )
    files = list(
        Attachment.objects.filter(
            report=report, pk__in=list(attachment_ids), event__ppid_notice__in=granted
        )
    )
    agency = report.agency or report.requested_agency
    assert agency is not None
    entry = entry_save(
        agency=agency,
        data=EntryData(
            category=EntryCategory.ANY_TIME,
            title=title,
            summary=summary,
            holder=agency.name,
            form=_("Softcopy") if files else "",
        ),
        actor=actor,
    )
    entry.source_request = report
    entry.save(update_fields=["source_request"])
    entry.files.set(files)
    _event(
        report,
        E.INFO_PUBLISHED,
        actor=actor,
        agency=agency,
        is_public=False,
        data={"entry": entry.pk, "files": [f.pk for f in files]},
    )
    return entry
