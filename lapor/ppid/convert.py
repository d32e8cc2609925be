""" "No wrong door": a complaint that is really an information request, and the reverse.

The verifier converts it; the case keeps its tracking ID, PIN, history and the privacy the
person chose. What changes is the process: its statuses, clocks and who handles it. The person
is told what changed and, for a request, why their identity is now needed (the law requires
it for an information request, never for a complaint).
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lapor.accounts.models import User
from lapor.agencies.capabilities import Capability
from lapor.agencies.models import Agency
from lapor.core.errors import DomainError
from lapor.reports import deadlines, events, lifecycle
from lapor.reports.case_actions import Forbidden, _lock, can_verify
from lapor.reports.models import (
    Clock,
    Kind,
    Privacy,
    Report,
    ReporterIdentity,
    ReportEvent,
    Status,
)

from . import clocks
from .access import may
from .actions import _register, ppid_desk
from .models import InformationRequest, RequesterIdentity


def may_convert(user: User | None, report: Report) -> bool:
    """The verifier of the report's place (or a national admin); for a request also the PPID
    handling it, who is the first to see that it is really a complaint."""
    if user is None:
        return False
    if (report.kind, report.status) not in lifecycle.CONVERSIONS:
        return False
    if can_verify(user, report):
        return True
    return report.kind == Kind.INFORMATION_REQUEST and may(
        user, Capability.ANSWER_INFORMATION, report
    )


@transaction.atomic
def report_convert(
    *, report: Report, message: str, actor: User, agency: Agency | None = None
) -> ReportEvent:
    """Turn a complaint (or aspiration) awaiting verification into an information request
    addressed to ``agency``, or a request not yet answered into a complaint."""
    report = _lock(report)
    if not may_convert(actor, report):
        if (report.kind, report.status) not in lifecycle.CONVERSIONS:
            raise DomainError(
                _("This report can no longer be converted: it is past that stage."),
                code="not_convertible",
            )
        raise Forbidden()
    if len(message.strip()) < 10:
        raise DomainError(_("Explain to the person what changes and why."), code="message_required")
    old_kind, old_status = report.kind, report.status
    if report.kind == Kind.INFORMATION_REQUEST:
        new_status = _to_complaint(report)
    else:
        if agency is None:
            raise DomainError(
                _("Choose the agency the information is asked from."), code="agency_required"
            )
        new_status = _to_request(report, agency)
    assert new_status in lifecycle.CONVERSIONS[(old_kind, old_status)]
    event = ReportEvent.objects.create(
        report=report,
        kind=ReportEvent.Kind.CONVERTED,
        old_status=old_status,
        new_status=new_status,
        actor=actor,
        message=message.strip(),
        target_agency=report.agency,
        data={"from": old_kind, "to": report.kind, "privacy": report.privacy},
    )
    events.publish(event)
    return event


def _to_request(report: Report, agency: Agency) -> Status:
    deadlines.stop(report, reason="converted")
    contact = ReporterIdentity.objects.filter(report=report).first()
    identity = RequesterIdentity.objects.filter(report=report).first()
    if identity is None:
        # The name given for the complaint starts the requester's identity; it moves out of
        # the reporter's table so exports and complaint pages never carry a requester's name.
        # An anonymous reporter's name is not carried over: they decide again.
        identity = RequesterIdentity.objects.create(
            report=report,
            kind="person",
            id_number="",
            full_name=(contact.full_name if contact and not report.identity_hidden else "")[:150],
            address="",
            occupation="",
            phone=contact.phone if contact else "",
            email=contact.email if contact else "",
        )
    if contact is not None and contact.full_name:
        contact.full_name = ""
        contact.save(update_fields=["full_name"])
    request, _created = InformationRequest.objects.get_or_create(
        report=report, defaults={"purpose": ""}
    )
    report.kind = Kind.INFORMATION_REQUEST
    report.requested_agency = agency
    report.agency = ppid_desk(agency)
    report.needs_national_routing = False
    complete = identity.complete and len(request.purpose) >= 5
    report.status = Status.INFO_REGISTERED if complete else Status.INFO_IDENTITY_NEEDED
    report.save(
        update_fields=[
            "kind",
            "requested_agency",
            "agency",
            "needs_national_routing",
            "status",
            "updated_at",
        ]
    )
    if complete:
        _register(report, request, at=timezone.now())
    else:
        clocks.start(report, Clock.Kind.INFO_IDENTITY, clocks.IDENTITY_DAYS, agency=report.agency)
    deadlines.refresh_report_due(report)
    return Status(report.status)


def _to_complaint(report: Report) -> Status:
    deadlines.stop(report, reason="converted")
    identity = RequesterIdentity.objects.filter(report=report).first()
    contact = ReporterIdentity.objects.filter(report=report).first()
    if identity is not None and contact is not None:
        if not contact.full_name and not report.identity_hidden:
            contact.full_name = identity.full_name[:150]
        contact.phone = contact.phone or identity.phone
        contact.email = contact.email or identity.email
        contact.save(update_fields=["full_name", "phone", "email"])
    # A complaint needs no NIK, address or occupation: they are not kept.
    RequesterIdentity.objects.filter(report=report).delete()
    report.kind = Kind.COMPLAINT
    report.agency = None
    report.status = Status.AWAITING_VERIFICATION
    report.closed_at = None
    report.save(update_fields=["kind", "agency", "status", "closed_at", "updated_at"])
    deadlines.start(report, Clock.Kind.VERIFY, deadlines.VERIFY_DAYS)
    deadlines.refresh_report_due(report)
    return Status.AWAITING_VERIFICATION


def privacy_label(report: Report) -> str:
    return str(Privacy(report.privacy).label)
