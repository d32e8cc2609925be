"""The console's one door to a case: 404 for "missing" and "not yours" alike.

A staff member must not learn that a tracking ID exists outside their scope, so every refusal
is the same ``Http404``. The scope itself is ``lapor.reports.scope`` (the one rule for the
console, the staff API, exports, digests and notifications). The actions re-check the finer
rules (defence in depth) and raise ``Forbidden``, which the views turn into the same 404.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from lapor.accounts.models import User
from lapor.agencies.capabilities import Capability, is_staff_member
from lapor.reports import whistle
from lapor.reports.models import Report
from lapor.reports.scope import is_national_admin, may_access_case
from lapor.reports.tracking import normalize_tracking_id

__all__ = ["access_case_for_staff", "is_national_admin"]


def access_case_for_staff(
    user: User | AnonymousUser | None,
    tracking_id: str,
    capability: Capability = Capability.VIEW,
) -> Report:
    """The report ``tracking_id`` if it is in ``user``'s scope, else ``Http404``.

    In scope (``scope.may_access_case``): a national admin; the verifier of the report's
    region while it awaits verification there; or a holder of ``capability`` over one of its
    ACTIVE assignments (the agency tree decides). Users without a staff membership, unknown
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
    if not may_access_case(user, report, capability):
        raise Http404
    # Reports of wrongdoing: every staff opening is logged (lapor.reports.whistle).
    whistle.log_opening(report, user, "case opened in the console")
    return report
