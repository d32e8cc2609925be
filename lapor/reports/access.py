"""Every access to a report or to a reporter's identity goes through these functions.

They answer 404 both for "missing" and "not yours" (a stranger must not learn that a tracking
ID exists), one condition per line.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, Protocol

from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lapor.accounts.models import User
from lapor.agencies.capabilities import Capability, scope_agency_ids
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


class IdentitySubject(Protocol):
    """What the identity rule reads of a report: a ``Report``, or a row of its values (an
    export reads plain values, ``lapor.exports.columns.ExportRecord``)."""

    @property
    def pk(self) -> Any: ...
    @property
    def privacy(self) -> str: ...
    @property
    def identity_hidden(self) -> bool: ...
    @property
    def reporter_user_id(self) -> int | None: ...


def identity_restricted(report: IdentitySubject) -> bool:
    """Anonymous (also when later raised to confidential) and confidential reports: the
    identity is for the reporter and (deliberately, logged) national admins only."""
    return report.identity_hidden or report.privacy in (Privacy.ANONYMOUS, Privacy.CONFIDENTIAL)


def reporter_identities(
    reports: Sequence[IdentitySubject], *, actor: User | AnonymousUser | None, purpose: str
) -> dict[int, ReporterIdentity | None]:
    """``reporter_identity`` for many reports at once, same rule, same log: one
    IdentityAccessLog row per report, granted or not, written in ONE insert, and three
    queries in all (the active assignments, the log, the granted identities) instead of
    three per report. Returns report id -> the identity, or None where not granted."""
    granted = _decide_and_log(reports, actor=actor, purpose=purpose)
    found = {
        i.report_id: i
        for i in ReporterIdentity.objects.filter(report_id__in=[k for k, v in granted.items() if v])
    }
    return {r.pk: found.get(r.pk) if granted[r.pk] else None for r in reports}


def reporter_names(
    reports: Sequence[IdentitySubject], *, actor: User | AnonymousUser | None, purpose: str
) -> dict[int, str | None]:
    """``reporter_identities`` reduced to the names (an export's chunk): the same rule and
    the same log, the names read as plain values. Report id -> the reporter's full name, or
    None where not granted."""
    granted = _decide_and_log(reports, actor=actor, purpose=purpose)
    names = dict(
        ReporterIdentity.objects.filter(
            report_id__in=[k for k, v in granted.items() if v]
        ).values_list("report_id", "full_name")
    )
    return {r.pk: names.get(r.pk, "") if granted[r.pk] else None for r in reports}


def _decide_and_log(
    reports: Sequence[IdentitySubject], *, actor: User | AnonymousUser | None, purpose: str
) -> dict[int, bool]:
    """May ``actor`` read each report's identity? Every answer is logged, in one insert."""
    if not reports:
        return {}
    agencies: dict[int, list[int]] = {r.pk: [] for r in reports}
    for report_id, agency_id in Assignment.objects.filter(
        report_id__in=list(agencies), active=True
    ).values_list("report_id", "agency_id"):
        agencies[report_id].append(agency_id)
    national = is_national_admin(actor)
    # The agencies where the actor holds SEE_IDENTITY (their subtrees: ``user_can``'s rule
    # for every agency at once, a few queries instead of some per distinct agency).
    seeing: set[int] | None = None
    granted = {}
    for r in reports:
        verdict = _verdict(r, actor, national)
        if verdict is None:
            # Public report: staff holding SEE_IDENTITY through one of its ACTIVE assignments.
            if seeing is None:
                seeing = scope_agency_ids(actor, Capability.SEE_IDENTITY) or set()
            verdict = any(a in seeing for a in agencies[r.pk])
        granted[r.pk] = verdict
    _log_reads(granted, actor=actor, purpose=purpose)
    return granted


def _log_reads(
    granted: dict[int, bool], *, actor: User | AnonymousUser | None, purpose: str
) -> None:
    """One IdentityAccessLog row per report. On PostgreSQL one ``INSERT … SELECT FROM
    unnest(ids, answers)`` with two array parameters: building thousands of model instances
    for ``bulk_create`` cost more than the export's own rows."""
    who = actor.pk if actor is not None and actor.is_authenticated else None
    if connection.vendor != "postgresql":
        IdentityAccessLog.objects.bulk_create(
            [
                IdentityAccessLog(
                    report_id=report_id, actor_id=who, purpose=purpose[:120], granted=answer
                )
                for report_id, answer in granted.items()
            ]
        )
        return
    meta = IdentityAccessLog._meta
    quote = connection.ops.quote_name
    fields = {f.name: str(f.column) for f in meta.concrete_fields}
    columns = ", ".join(quote(fields[n]) for n in ("report", "actor", "purpose", "granted", "at"))
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {quote(meta.db_table)} ({columns})"  # noqa: S608 - names from the model
            " SELECT u.report_id, %s, %s, u.granted, %s"
            " FROM unnest(%s::bigint[], %s::boolean[]) AS u(report_id, granted)",
            [who, purpose[:120], timezone.now(), list(granted), list(granted.values())],
        )


def _verdict(
    report: IdentitySubject, actor: User | AnonymousUser | None, national: bool | None
) -> bool | None:
    """The identity rule up to the assignments: True or False, or None when it depends on
    the case's active assignments (a public report and staff)."""
    if actor is None or not actor.is_authenticated:
        return False
    if report.reporter_user_id is not None and report.reporter_user_id == actor.pk:
        return True
    if national if national is not None else is_national_admin(actor):
        return True
    if identity_restricted(report):
        return False
    return None


def _may_read_identity(
    report: Report, actor: User | AnonymousUser | None, is_reporter: bool
) -> bool:
    if is_reporter:
        return True
    verdict = _verdict(report, actor, None)
    if verdict is not None:
        return verdict
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
