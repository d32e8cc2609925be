"""Whistleblowing: reports of wrongdoing by officials, handled by the internal auditor.

A report of corruption, extortion (*pungli*), abuse of authority or a conflict of interest is
the fourth kind, ``Kind.WHISTLEBLOWING``. Its rules live here, in one place:

- It is **confidential** and can never be made public; a reporter who chose anonymity stays
  anonymous to everyone but the logged national admins (``identity_hidden``).
- It names (or the verifier records) the **accused unit**. Staff of that unit and of every unit
  under it never see the case, at any stage: not in a queue, not on a case page, not in an
  export, not in a notification (``accused_side_ids``, ``restrict``, ``may_open``).
- It is handled by the **internal auditor** (*Inspektorat*, APIP) of the accused unit's
  government — never by the accused unit — or referred onward (KPK, Ombudsman, prosecutors,
  police, BPK) with the referral recorded and the reporter told (``report_refer``). After the
  disposition only the auditor's own staff handle it: a government's admins above the auditor
  do not gain access through the agency tree.
- Every staff opening of the case is logged (``log_opening``), and notifications to staff carry
  no preview of its text.

The archive reason "another institution's authority (crime, corruption)" is gone: such a report
is either treated as whistleblowing (``report_make_whistleblowing``) or referred.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lapor.accounts.models import User
from lapor.agencies.capabilities import (
    Capability,
    Role,
    ancestor_ids,
    memberships,
    subtree_ids,
    user_can,
)
from lapor.agencies.models import Agency
from lapor.core.errors import DomainError
from lapor.reports.models import (
    PRIVACY_RANK,
    Clock,
    IdentityAccessLog,
    Kind,
    Privacy,
    Report,
    ReportEvent,
    Status,
)

AnyUser = User | AnonymousUser | None

# Where a case may be handed on outside the system (the verifier's or the auditor's decision).
REFERRAL_BODIES = {
    "kpk": gettext_lazy("Corruption Eradication Commission (KPK)"),
    "ombudsman": gettext_lazy("Ombudsman of the Republic of Indonesia"),
    "kejaksaan": gettext_lazy("Public Prosecution Service (Kejaksaan)"),
    "polri": gettext_lazy("Indonesian National Police (Polri)"),
    "bpk": gettext_lazy("Audit Board (BPK)"),
    "bpkp": gettext_lazy("Finance and Development Supervisory Agency (BPKP)"),
    "court": gettext_lazy("A court (the case is before a court)"),
}

# The unit type of the regional internal auditors in the directory (Inspektorat Daerah).
AUDITOR_UNIT_TYPE = "inspektorat"
# Governments whose internal auditor hears reports about their units.
GOVERNMENT_KINDS = frozenset(
    {
        Agency.Kind.REGENCY_GOVERNMENT,
        Agency.Kind.PROVINCIAL_GOVERNMENT,
        Agency.Kind.MINISTRY,
        Agency.Kind.NON_MINISTERIAL,
        Agency.Kind.STATE_INSTITUTION,
    }
)


def is_whistle(report: Report) -> bool:
    return report.kind == Kind.WHISTLEBLOWING


# --- who is on the accused side -----------------------------------------------------------


def accused_side_ids(user: AnyUser) -> set[int]:
    """Accused units that exclude ``user``: every unit at or above one of the user's agencies.

    A report accusing unit A is hidden from staff of A and of every unit below A, i.e. from a
    user whose agency has A among its ancestors (or is A)."""
    cached: set[int] | None = getattr(user, "_whistle_accused_side", None)
    if cached is not None:
        return cached
    ids: set[int] = set()
    for membership in memberships(user):
        ids.update(ancestor_ids(membership.agency_id))
    if user is not None and user.is_authenticated:
        user._whistle_accused_side = ids  # type: ignore[union-attr,attr-defined]
    return ids


def is_accused_side(user: AnyUser, report: Report) -> bool:
    return (
        is_whistle(report)
        and report.accused_agency_id is not None
        and report.accused_agency_id in accused_side_ids(user)
    )


def _own_agency_ids(user: AnyUser, capability: Capability) -> set[int]:
    """The agencies where the user holds ``capability`` through their own membership (the
    tree is not followed downwards: a government's admin is not the auditor's staff)."""
    from lapor.agencies.capabilities import ROLE_CAPABILITIES

    return {
        m.agency_id
        for m in memberships(user)
        if capability in ROLE_CAPABILITIES[m.role] and m.role != Role.NATIONAL_ADMIN
    }


def _is_national(user: AnyUser) -> bool:
    return any(m.role == Role.NATIONAL_ADMIN for m in memberships(user))


def visible_q(user: AnyUser, capability: Capability = Capability.VIEW, prefix: str = "") -> Q:
    """The whistleblowing part of the case scope (``lapor.reports.scope.case_scope_q``) as a
    filter on reports (``prefix`` for a related model): without the cases accusing the user's
    unit or a unit above it, and, once past verification, those not handled by one of the
    user's own agencies. (National admins see all: the scope does not ask.)"""
    kind = Q(**{f"{prefix}kind": Kind.WHISTLEBLOWING})
    accused = Q(**{f"{prefix}accused_agency_id__in": sorted(accused_side_ids(user))})
    # A subquery, not a join: a report with several assignments is listed once.
    handled_here = Report.objects.filter(
        kind=Kind.WHISTLEBLOWING,
        assignments__active=True,
        assignments__agency_id__in=sorted(_own_agency_ids(user, capability)),
    ).values("pk")
    elsewhere = ~Q(**{f"{prefix}status": Status.AWAITING_VERIFICATION}) & ~Q(
        **{f"{prefix}pk__in": handled_here}
    )
    return ~(kind & accused) & ~(kind & elsewhere)


def may_open(user: AnyUser, report: Report, capability: Capability, *, verifier: bool) -> bool:
    """May ``user`` (already in the general scope of ``report``) open this whistleblowing case?

    ``verifier`` is whether the user verifies the report's place. Non-whistleblowing reports
    are not this function's business (True)."""
    if not is_whistle(report):
        return True
    if _is_national(user):
        return True
    if is_accused_side(user, report):
        return False
    if report.status == Status.AWAITING_VERIFICATION and verifier:
        return True
    own = _own_agency_ids(user, capability)
    return report.assignments.filter(active=True, agency_id__in=own).exists()


def log_opening(report: Report, user: AnyUser, purpose: str) -> None:
    """Stricter logging: every staff opening of a whistleblowing case is a row of the
    identity access log (what the national admins audit), whatever the page shows."""
    if not is_whistle(report):
        return
    IdentityAccessLog.objects.create(
        report=report,
        actor=user if user is not None and user.is_authenticated else None,
        purpose=f"Whistleblowing: {purpose}"[:120],
        granted=True,
    )


def staff_title(report: Report) -> str:
    """The title staff messages (digests, immediate e-mails) show: none of a report of
    wrongdoing's text, which is read only in the console, where each opening is logged."""
    if is_whistle(report):
        return _("Report of wrongdoing (confidential): open it in the console")
    # The masked published title: e-mail leaves the system, and a new report's published
    # title is still the reporter's own words (NIK, phone, e-mail).
    return report.title_masked


# --- who may handle it ------------------------------------------------------------------


def government_of(agency: Agency) -> Agency | None:
    """The government (or national body) ``agency`` belongs to: itself or its nearest
    ancestor of a government kind."""
    for agency_id in ancestor_ids(agency.pk):
        found = Agency.objects.filter(pk=agency_id, kind__in=GOVERNMENT_KINDS).first()
        if found is not None:
            return found
    return None


def is_auditor(agency: Agency) -> bool:
    """An internal auditor (APIP): a regional *Inspektorat* or a ministry's *Inspektorat
    Jenderal* / *Inspektorat Utama*."""
    unit_type = agency.unit_type if agency.unit_type_id is not None else None
    if unit_type is not None and unit_type.code == AUDITOR_UNIT_TYPE:
        return True
    return agency.name.lower().startswith("inspektorat")


def auditor_for(accused: Agency | None) -> Agency | None:
    """The internal auditor of the accused unit's government; when the government itself or
    its auditor is accused, the auditor one level up (the province's for a regency). None when
    the directory has none: the verifier then refers the case onward."""
    if accused is None:
        return None
    government = government_of(accused)
    excluded = subtree_ids(accused.pk)
    while government is not None:
        found = (
            Agency.objects.filter(parent=government, is_active=True, accepts_reports=True)
            .exclude(pk__in=excluded)
            .select_related("unit_type")
        )
        for candidate in found:
            if is_auditor(candidate):
                return candidate
        parent = government.parent
        government = government_of(parent) if parent is not None else _province_of(government)
    return None


def _province_of(government: Agency) -> Agency | None:
    """A regency government's province (regency governments are roots of their own tree)."""
    if government.kind != Agency.Kind.REGENCY_GOVERNMENT or government.region_id is None:
        return None
    province_code = str(government.region_id).split(".")[0]
    return Agency.objects.filter(
        kind=Agency.Kind.PROVINCIAL_GOVERNMENT, region_id=province_code
    ).first()


def check_handler(report: Report, agency: Agency) -> None:
    """A whistleblowing case goes only to an internal auditor, never into the accused unit."""
    if not is_whistle(report):
        return
    if report.accused_agency_id is not None and agency.pk in subtree_ids(report.accused_agency_id):
        raise DomainError(
            _("A report of wrongdoing never goes to the unit it accuses or to a unit under it."),
            code="accused_unit",
        )
    if not is_auditor(agency):
        raise DomainError(
            _(
                "A report of wrongdoing goes to an internal auditor (Inspektorat). If none can "
                "hear it, refer it to another institution."
            ),
            code="not_auditor",
        )


# --- actions ------------------------------------------------------------------------------


def _require_verifier(actor: User, report: Report) -> None:
    from lapor.reports.case_actions import Forbidden, can_verify

    if not can_verify(actor, report) or is_accused_side(actor, report):
        raise Forbidden()


@transaction.atomic
def report_set_accused(*, report: Report, agency: Agency, actor: User) -> ReportEvent:
    """The verifier records the unit the report accuses (while it awaits verification)."""
    from lapor.reports.case_actions import _event, _lock

    report = _lock(report)
    _require_verifier(actor, report)
    if not is_whistle(report) or report.status != Status.AWAITING_VERIFICATION:
        raise DomainError(
            _("The accused unit is recorded for a report of wrongdoing awaiting verification."),
            code="not_whistle",
        )
    report.accused_agency = agency
    report.save(update_fields=["accused_agency", "updated_at"])
    return _event(
        report,
        ReportEvent.Kind.ACCUSED_SET,
        actor=actor,
        is_public=False,
        target_agency=agency,
    )


@transaction.atomic
def report_make_whistleblowing(
    *, report: Report, actor: User, message: str, accused: Agency | None = None
) -> ReportEvent:
    """ "Another institution's authority (corruption)" is not a dead end: the verifier treats a
    complaint or an aspiration about wrongdoing by officials as whistleblowing. It becomes
    confidential (privacy is only ever raised), keeps its ID, PIN and history, and the reporter
    is told why."""
    from lapor.reports.case_actions import _event, _lock

    report = _lock(report)
    _require_verifier(actor, report)
    if report.kind not in (Kind.COMPLAINT, Kind.ASPIRATION) or (
        report.status != Status.AWAITING_VERIFICATION
    ):
        raise DomainError(
            _("Only a complaint or an aspiration awaiting verification can be treated this way."),
            code="not_convertible",
        )
    if not message.strip():
        raise DomainError(_("Tell the reporter why."), code="message_required")
    old_kind = report.kind
    report.kind = Kind.WHISTLEBLOWING
    fields = ["kind", "updated_at"]
    if PRIVACY_RANK[Privacy(report.privacy)] < PRIVACY_RANK[Privacy.CONFIDENTIAL]:
        if report.privacy == Privacy.ANONYMOUS:
            report.identity_hidden = True
            fields.append("identity_hidden")
        report.privacy = Privacy.CONFIDENTIAL
        fields.append("privacy")
    if accused is not None:
        report.accused_agency = accused
        fields.append("accused_agency")
    report.save(update_fields=fields)
    return _event(
        report,
        ReportEvent.Kind.WHISTLE_OPENED,
        actor=actor,
        message=message.strip(),
        data={"from_kind": old_kind},
    )


def may_refer(user: AnyUser, report: Report) -> bool:
    """The verifier of a report awaiting verification; the internal auditor handling a
    whistleblowing case; national admins."""
    from lapor.reports import lifecycle
    from lapor.reports.case_actions import can_verify

    if user is None or not user.is_authenticated or is_accused_side(user, report):
        return False
    if Status.REFERRED not in lifecycle.TRANSITIONS_BY_KIND[report.kind].get(
        Status(report.status), frozenset()
    ):
        return False
    if report.status == Status.AWAITING_VERIFICATION:
        return can_verify(user, report)  # type: ignore[arg-type]
    if _is_national(user):
        return True
    own = _own_agency_ids(user, Capability.TRANSFER)
    return report.assignments.filter(active=True, agency_id__in=own).exists() and any(
        user_can(user, Capability.TRANSFER, agency_id) for agency_id in own
    )


@transaction.atomic
def report_refer(
    *, report: Report, body: str, message: str, actor: User, reference: str = ""
) -> ReportEvent:
    """Hand the case on to a body outside the system, with the referral recorded (to whom,
    the letter's reference) and the reporter told what to expect from it."""
    from lapor.reports import deadlines
    from lapor.reports.case_actions import Forbidden, _lock, _move

    report = _lock(report)
    if not may_refer(actor, report):
        raise Forbidden()
    if body not in REFERRAL_BODIES:
        raise DomainError(_("Choose the institution from the list."), code="body")
    if not message.strip():
        raise DomainError(_("Tell the reporter what happens next."), code="message_required")
    event = _move(
        report,
        Status.REFERRED,
        ReportEvent.Kind.REFERRED,
        actor=actor,
        message=message.strip(),
        data={"body": body, "reference": reference.strip()[:120]},
    )
    deadlines.stop(
        report,
        [
            Clock.Kind.VERIFY,
            Clock.Kind.CLARIFICATION,
            Clock.Kind.FIRST_FOLLOW_UP,
            Clock.Kind.RESOLUTION,
        ],
        reason="referred",
    )
    report.assignments.filter(active=True).update(active=False)
    deadlines.refresh_report_due(report)
    return event


def referral_label(code: str) -> str:
    return str(REFERRAL_BODIES.get(code, code))
