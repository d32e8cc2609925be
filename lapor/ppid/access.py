"""Every access to an information request, and to its requester's identity, goes through here.

Same rules as ``lapor.reports.access``: 404 for "missing" and "not yours" alike, one condition
per line; the identity has one reader, which logs every call (granted or not) in the same
``IdentityAccessLog`` as reporters' identities.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.http import Http404, HttpRequest

from lapor.accounts.models import User
from lapor.agencies.capabilities import Capability, Role, memberships, user_can
from lapor.reports.access import access_report_for_reporter
from lapor.reports.models import IdentityAccessLog, Kind, Report
from lapor.reports.tracking import normalize_tracking_id

from .models import RequesterIdentity

AnyUser = User | AnonymousUser | None


def is_national_admin(user: AnyUser) -> bool:
    return any(m.role == Role.NATIONAL_ADMIN for m in memberships(user))


def may(user: AnyUser, capability: Capability, report: Report) -> bool:
    """May ``user`` exercise ``capability`` on the request ``report`` (at its current PPID)?"""
    if report.kind != Kind.INFORMATION_REQUEST:
        return False
    if is_national_admin(user):
        return True
    if report.agency_id is None:
        return False
    return user_can(user, capability, report.agency_id)


def access_request_for_staff(
    user: AnyUser, tracking_id: str, capability: Capability = Capability.VIEW_INFORMATION
) -> Report:
    """The information request ``tracking_id`` if ``user`` holds ``capability`` over the PPID
    that handles it (the agency tree decides: an Atasan PPID of the regency covers its PPID
    Utama), else ``Http404`` — also for complaints, unknown numbers and other agencies."""
    if not memberships(user):
        raise Http404
    report = (
        Report.objects.select_related("region", "agency", "requested_agency")
        .filter(tracking_id=normalize_tracking_id(tracking_id))
        .first()
    )
    if report is None:
        raise Http404
    if report.kind != Kind.INFORMATION_REQUEST:
        raise Http404
    if not may(user, capability, report):
        raise Http404
    return report


def access_request_for_requester(request: HttpRequest, tracking_id: str) -> Report:
    """The requester's own view: 404 unless this session or account filed it (the reporter's
    rule) and it is an information request."""
    report = access_report_for_reporter(request, tracking_id)
    if report.kind != Kind.INFORMATION_REQUEST:
        raise Http404
    return report


def requester_identity(
    report: Report,
    *,
    actor: AnyUser,
    purpose: str,
    is_requester: bool = False,
) -> RequesterIdentity | None:
    """Who asked, if ``actor`` may know it, else None; every call is logged.

    ``is_requester`` is True only when the caller obtained ``report`` through
    ``access_request_for_requester`` (the requester looking at their own request) or is the
    system writing to them. Otherwise: national admins, and staff who may read the requests of
    the PPID that handles it (PPID officers, the Atasan PPID). Never liaison officers, agency
    admins or supervisors: they have no need to know.
    """
    granted = _may_read(report, actor, is_requester)
    IdentityAccessLog.objects.create(
        report=report,
        actor=actor if actor is not None and actor.is_authenticated else None,
        purpose=f"PPID: {purpose}"[:120],
        granted=granted,
    )
    if not granted:
        return None
    return RequesterIdentity.objects.filter(report=report).first()


def _may_read(report: Report, actor: AnyUser, is_requester: bool) -> bool:
    if is_requester:
        return True
    if actor is None or not actor.is_authenticated:
        return False
    if report.reporter_user_id is not None and report.reporter_user_id == actor.pk:
        return True
    return may(actor, Capability.VIEW_INFORMATION, report)
