"""The console's one door to a case: 404 for "missing" and "not yours" alike.

A staff member must not learn that a tracking ID exists outside their scope, so every refusal
is the same ``Http404``. The actions re-check the finer rules (defence in depth) and raise
``Forbidden``, which the views turn into the same 404.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from lapor.accounts.models import User
from lapor.agencies.capabilities import Capability, Role, is_staff_member, memberships, user_can
from lapor.reports import whistle
from lapor.reports.case_actions import can_verify
from lapor.reports.models import Report
from lapor.reports.tracking import normalize_tracking_id


def is_national_admin(user: User | AnonymousUser | None) -> bool:
    """Whether ``user`` holds an active national-admin membership (cached per request)."""
    return any(m.role == Role.NATIONAL_ADMIN for m in memberships(user))


def access_case_for_staff(
    user: User | AnonymousUser | None,
    tracking_id: str,
    capability: Capability = Capability.VIEW,
) -> Report:
    """The report ``tracking_id`` if it is in ``user``'s scope, else ``Http404``.

    In scope means any of: the user may verify it (``case_actions.can_verify``: a verifier of
    the report's region, or a national admin); one of its active assignments is to an agency
    where the user holds ``capability`` (``capabilities.user_can``, which follows the agency
    tree); or the user is a national admin. Users without a staff membership, unknown
    tracking IDs and reports outside the scope all get the same 404.

    Whether the user may take a particular action on the case is decided by that action.
    """
    if not is_staff_member(user):
        raise Http404
    report = (
        Report.objects.select_related("region", "category", "agency", "requested_agency")
        .filter(tracking_id=normalize_tracking_id(tracking_id))
        .first()
    )
    if report is None:
        raise Http404
    if whistle.is_whistle(report):
        # Reports of wrongdoing: never the accused side, after verification only the internal
        # auditor's own staff; every opening logged.
        verifier = can_verify(user, report)  # type: ignore[arg-type]
        if not whistle.may_open(user, report, capability, verifier=verifier):
            raise Http404
        whistle.log_opening(report, user, "case opened in the console")
        return report
    if is_national_admin(user):
        return report
    if can_verify(user, report):  # type: ignore[arg-type]
        return report
    for agency_id in report.assignments.filter(active=True).values_list("agency_id", flat=True):
        if user_can(user, capability, agency_id):
            return report
    raise Http404
