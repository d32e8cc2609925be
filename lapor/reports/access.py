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
from lapor.agencies.capabilities import Capability
from lapor.agencies.selectors import is_national_admin
from lapor.core.errors import DomainError
from lapor.reports import scope
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


def _may_read_identity(
    report: Report, actor: User | AnonymousUser | None, is_reporter: bool
) -> bool:
    if is_reporter:
        return True
    if actor is None or not actor.is_authenticated:
        return False
    if report.reporter_user_id is not None and report.reporter_user_id == actor.pk:
        return True
    if is_national_admin(actor):
        return True
    if identity_restricted(report):
        return False
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
