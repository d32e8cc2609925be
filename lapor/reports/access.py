"""Every access to a report or to a reporter's identity goes through these functions.

They answer 404 both for "missing" and "not yours" (a stranger must not learn that a tracking
ID exists), one condition per line.
"""

from __future__ import annotations

import math

from django.contrib.auth.models import AnonymousUser
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lapor.accounts.models import User
from lapor.agencies.capabilities import Capability, user_can
from lapor.agencies.selectors import is_national_admin
from lapor.core.errors import DomainError
from lapor.reports import pin_guard, pin_vault, scope
from lapor.reports.models import (
    Assignment,
    IdentityAccessLog,
    Privacy,
    Report,
    ReporterIdentity,
)
from lapor.reports.tracking import normalize_tracking_id, pin_matches

SESSION_KEY = "tracked_reports"
# Session buckets of receipt PINs held sealed (pin_vault): the citizen's and PPID receipts.
RECEIPT_BUCKETS = ("receipt_pins",)


class PinRateLimited(DomainError):
    """Too many wrong PINs from this client or on this report: wait ``retry_after`` seconds."""

    def __init__(self, retry_after: int) -> None:
        minutes = max(1, math.ceil(retry_after / 60))
        super().__init__(
            ngettext(
                "Too many wrong attempts. Please wait %(minutes)d minute and try again.",
                "Too many wrong attempts. Please wait %(minutes)d minutes and try again.",
                minutes,
            )
            % {"minutes": minutes},
            code="rate_limited",
        )
        self.retry_after = retry_after


def unlock_with_pin(
    request: HttpRequest, raw_tracking_id: str, pin: str, *, api_client: str = ""
) -> Report:
    """Check a tracking ID + PIN; on success remember it in the session and return the report.

    Raises DomainError with one message for every failure, so the answer never tells whether
    the tracking ID exists; ``PinRateLimited`` while this client or this report must wait
    (growing delays per report and per client, ``lapor.reports.pin_guard``). ``api_client``
    names an API key: its tries count in buckets of its own.
    """
    tracking_id = normalize_tracking_id(raw_tracking_id)
    keys = pin_guard.buckets(request, tracking_id or "-", api_client=api_client)
    wait = pin_guard.wait_seconds(keys)
    if wait:
        raise PinRateLimited(wait)
    report = Report.objects.filter(tracking_id=tracking_id).first() if tracking_id else None
    if report is None or not pin_matches(tracking_id, pin or "", report.pin_hash):
        pin_guard.record_failure(keys)
        raise DomainError(
            _("The tracking number and PIN do not match a report. Check both and try again."),
            code="no_match",
        )
    pin_guard.record_success(keys)
    if not api_client:
        remember_report(request, report)
    return report


def remember_report(request: HttpRequest, report: Report) -> None:
    """This browser filed or opened the report: its session may show it, and its device cookie
    vouches for it when the PIN is asked again (``pin_guard``)."""
    tracked = list(request.session.get(SESSION_KEY, []))
    if report.tracking_id not in tracked:
        tracked.append(report.tracking_id)
        request.session[SESSION_KEY] = tracked[-50:]
    pin_guard.trust_device(request, report.tracking_id)


def forget_report(request: HttpRequest, tracking_id: str) -> None:
    """ "Forget this report on this device": the session, the device cookie and any PIN held
    sealed for a receipt let go of it. Opening it again takes the tracking ID and PIN."""
    tracking_id = normalize_tracking_id(tracking_id)
    tracked = [t for t in request.session.get(SESSION_KEY, []) if t != tracking_id]
    request.session[SESSION_KEY] = tracked
    for bucket in RECEIPT_BUCKETS:
        pin_vault.drop(request, bucket, tracking_id)
    pin_vault.drop_receipt(request, tracking_id)
    pin_guard.forget_device(request, tracking_id)


def access_report_for_reporter(request: HttpRequest, tracking_id: str) -> Report:
    """The reporter's own view of a report: 404 unless this session or account filed it."""
    report = (
        Report.objects.select_related("region", "category", "requested_agency", "agency")
        .filter(tracking_id=normalize_tracking_id(tracking_id))
        .first()
    )
    if report is None:
        raise Http404
    if report.tracking_id in request.session.get(SESSION_KEY, []):
        return report
    if request.user.is_authenticated and report.reporter_user_id == request.user.pk:
        return report
    if pin_vault.holds_receipt(request, report.tracking_id):
        # Filed from this browser a moment ago (the form's answer handed it the receipt, and
        # wrote no session): from now on the session remembers it.
        remember_report(request, report)
        return report
    raise Http404


def reporter_identity(
    report: Report,
    *,
    actor: User | AnonymousUser | None,
    purpose: str,
    is_reporter: bool = False,
) -> ReporterIdentity | None:
    """Return who filed ``report`` if ``actor`` may know it, else None; every call is logged.

    ``is_reporter`` is True only when the caller obtained ``report`` through
    ``access_report_for_reporter`` (the reporter looking at their own report).
    Anonymous and confidential reports (``identity_restricted``): only the reporter and
    national admins. Public reports: also staff with SEE_IDENTITY through an active assignment
    of the case (``lapor.reports.scope``).
    """
    granted = _may_read_identity(report, actor, is_reporter)
    IdentityAccessLog.objects.create(
        report=report,
        actor=actor if actor is not None and actor.is_authenticated else None,
        purpose=purpose[:120],
        granted=granted,
    )
    if not granted:
        return None
    return ReporterIdentity.objects.filter(report=report).first()


def identity_restricted(report: Report) -> bool:
    """Anonymous (also when later raised to confidential) and confidential reports: the
    identity is for the reporter and (deliberately, logged) national admins only."""
    return report.identity_hidden or report.privacy in (Privacy.ANONYMOUS, Privacy.CONFIDENTIAL)


def reporter_identities(
    reports: list[Report], *, actor: User | AnonymousUser | None, purpose: str
) -> dict[int, ReporterIdentity | None]:
    """``reporter_identity`` for many reports at once (an export's chunk), same rule, same
    log: one IdentityAccessLog row per report, granted or not, written in ONE insert, and
    three queries in all (the active assignments, the log, the granted identities) instead of
    three per report. Returns report id -> the identity, or None where not granted."""
    if not reports:
        return {}
    agencies: dict[int, list[int]] = {r.pk: [] for r in reports}
    for report_id, agency_id in Assignment.objects.filter(
        report_id__in=list(agencies), active=True
    ).values_list("report_id", "agency_id"):
        agencies[report_id].append(agency_id)
    national = is_national_admin(actor)
    granted = {
        r.pk: _may_read_identity(r, actor, False, agency_ids=agencies[r.pk], national=national)
        for r in reports
    }
    who = actor if actor is not None and actor.is_authenticated else None
    IdentityAccessLog.objects.bulk_create(
        [
            IdentityAccessLog(report=r, actor=who, purpose=purpose[:120], granted=granted[r.pk])
            for r in reports
        ]
    )
    found = {
        i.report_id: i
        for i in ReporterIdentity.objects.filter(report_id__in=[k for k, v in granted.items() if v])
    }
    return {r.pk: found.get(r.pk) if granted[r.pk] else None for r in reports}


def _may_read_identity(
    report: Report,
    actor: User | AnonymousUser | None,
    is_reporter: bool,
    agency_ids: list[int] | None = None,
    national: bool | None = None,
) -> bool:
    if is_reporter:
        return True
    if actor is None or not actor.is_authenticated:
        return False
    if report.reporter_user_id is not None and report.reporter_user_id == actor.pk:
        return True
    if national if national is not None else is_national_admin(actor):
        return True
    if identity_restricted(report):
        return False
    if agency_ids is not None:
        # Many reports at once (``reporter_identities``): their ACTIVE assignments, given.
        return any(user_can(actor, Capability.SEE_IDENTITY, a) for a in agency_ids)
    # Staff holding SEE_IDENTITY through an ACTIVE assignment of the case (the agency tree
    # decides, ``lapor.reports.scope``): not the verifier of the place, not an agency the
    # case was transferred away from.
    return scope.assignment_of(actor, report, Capability.SEE_IDENTITY) is not None


def report_agency_ids(report: Report) -> list[int]:
    """Agencies currently responsible for the case (primary and involved)."""
    ids = list(
        Assignment.objects.filter(report=report, active=True).values_list("agency_id", flat=True)
    )
    if report.agency_id is not None and report.agency_id not in ids:
        ids.append(report.agency_id)
    return ids
