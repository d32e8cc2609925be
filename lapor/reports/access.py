"""Every access to a report or to a reporter's identity goes through these functions.

They answer 404 both for "missing" and "not yours" (a stranger must not learn that a tracking
ID exists), one condition per line.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _

from lapor.accounts.models import User
from lapor.agencies.capabilities import Capability, user_can
from lapor.agencies.selectors import is_national_admin
from lapor.core.errors import DomainError
from lapor.reports.models import (
    Assignment,
    IdentityAccessLog,
    Privacy,
    Report,
    ReporterIdentity,
)
from lapor.reports.tracking import normalize_tracking_id, pin_matches

SESSION_KEY = "tracked_reports"
# Online guessing of PINs: at most this many wrong PINs per tracking ID and per client address
# in the window; a 6-digit PIN then takes decades to guess.
MAX_PIN_FAILURES = 10
PIN_FAILURE_WINDOW = 15 * 60


def _client_ip(request: HttpRequest) -> str:
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def unlock_with_pin(request: HttpRequest, raw_tracking_id: str, pin: str) -> Report:
    """Check a tracking ID + PIN; on success remember it in the session and return the report.

    Raises DomainError with one message for every failure, so the answer never tells whether
    the tracking ID exists.
    """
    tracking_id = normalize_tracking_id(raw_tracking_id)
    keys = (f"pinfail:id:{tracking_id}", f"pinfail:ip:{_client_ip(request)}")
    if any((cache.get(k) or 0) >= MAX_PIN_FAILURES for k in keys):
        raise DomainError(
            _("Too many wrong attempts. Please wait 15 minutes and try again."), code="rate_limited"
        )
    report = Report.objects.filter(tracking_id=tracking_id).first() if tracking_id else None
    if report is None or not pin_matches(tracking_id, pin or "", report.pin_hash):
        for k in keys:
            cache.add(k, 0, PIN_FAILURE_WINDOW)
            try:
                cache.incr(k)
            except ValueError:
                cache.set(k, 1, PIN_FAILURE_WINDOW)
        raise DomainError(
            _("The tracking number and PIN do not match a report. Check both and try again."),
            code="no_match",
        )
    remember_report(request, report)
    return report


def remember_report(request: HttpRequest, report: Report) -> None:
    tracked = list(request.session.get(SESSION_KEY, []))
    if report.tracking_id not in tracked:
        tracked.append(report.tracking_id)
        request.session[SESSION_KEY] = tracked[-50:]


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
    Anonymous reports (also when later raised to confidential): only the reporter and national
    admins. Other reports: also staff with SEE_IDENTITY over an agency handling the case.
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
    for report in reports:
        if report.agency_id is not None and report.agency_id not in agencies[report.pk]:
            agencies[report.pk].append(report.agency_id)
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
    if report.identity_hidden or report.privacy == Privacy.ANONYMOUS:
        return False
    # Staff of an agency handling the case (or above it in the tree) with the capability.
    if agency_ids is None:
        agency_ids = report_agency_ids(report)
    return any(user_can(actor, Capability.SEE_IDENTITY, agency_id) for agency_id in agency_ids)


def report_agency_ids(report: Report) -> list[int]:
    """Agencies currently responsible for the case (primary and involved)."""
    ids = list(
        Assignment.objects.filter(report=report, active=True).values_list("agency_id", flat=True)
    )
    if report.agency_id is not None and report.agency_id not in ids:
        ids.append(report.agency_id)
    return ids
