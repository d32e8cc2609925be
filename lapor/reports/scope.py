"""Which staff member may act on which case: ONE rule for the console, the staff API, exports,
digests, delivery-status pages and notification recipients.

A case is in a staff member's scope when ONE of these holds (one condition per line below):

1. the user is a national admin;
2. the case awaits verification (``VERIFICATION_STATUSES``: new, or postponed while the
   reporter clarifies; for an information request, while the verifier may still turn it back
   into a complaint) in a region the user verifies, and was not sent on to national routing —
   the place-based verifier's right ends with the verification;
3. one of its **active** assignments is to an agency in the user's part of the agency tree
   where the user holds the capability asked about.

Reports of wrongdoing (whistleblowing, ``lapor.reports.whistle``) add two conditions: never the
accused unit's side (the accused unit and the units under it), and after verification only the
internal auditor's own staff — the tree does not give a government's admins an investigation.

So an agency admin whose area holds the report's location loses the case once it is
dispositioned to an agency outside its tree, and an agency that handed the case on (transfer,
"not our authority") loses it with its assignment. Bringing another agency in ("involve") or
handing the case on ("transfer") is for holders of an active assignment (with TRANSFER) and
national admins only (``may_reassign``), so nobody can pull their own unit into a case to
reach it.

Lists use ``case_scope_q`` — a plain filter on ``status``, the region codes and an EXISTS on
active assignments (``Assignment(agency, active)`` is indexed) — and single cases use
``may_access_case``, which applies the same three conditions to one row; tests assert both
agree for every role and case state.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q

from lapor.accounts.models import User
from lapor.agencies.capabilities import (
    Capability,
    Role,
    memberships,
    scope_agency_ids,
    user_can,
    verification_regions,
)
from lapor.reports import lifecycle, whistle
from lapor.reports.models import Assignment, Kind, Report, Status

AnyUser = User | AnonymousUser | None

# While a case is in one of these, the verifier of its place acts on it.
VERIFICATION_STATUSES = frozenset(
    {Status.AWAITING_VERIFICATION, Status.POSTPONED}
    | {status for (kind, status) in lifecycle.CONVERSIONS if kind == Kind.INFORMATION_REQUEST}
)


def is_national_admin(user: AnyUser) -> bool:
    """An active national-admin membership (memberships are cached per request)."""
    return any(m.role == Role.NATIONAL_ADMIN for m in memberships(user))


def _scope(user: AnyUser, capability: Capability) -> set[int] | None:
    """``scope_agency_ids`` remembered on the user object for the request (a page asks for the
    same scope several times and each answer walks the tree)."""
    cache: dict[Capability, set[int] | None] | None = getattr(user, "_case_scopes", None)
    if cache is None:
        cache = {}
        if user is not None:
            user._case_scopes = cache  # type: ignore[union-attr]
    if capability not in cache:
        cache[capability] = scope_agency_ids(user, capability)
    return cache[capability]


# --- one case ------------------------------------------------------------------------------


def awaits_verification(report: Report) -> bool:
    return report.status in VERIFICATION_STATUSES and not report.needs_national_routing


def may_verify(user: AnyUser, report: Report) -> bool:
    """Verify, postpone, archive, merge, return or convert: national admins any time; the
    verifier of the report's region (or province) only while it awaits verification there."""
    if whistle.is_accused_side(user, report):
        return False
    regions = verification_regions(user)
    if regions is None:
        return True
    if not awaits_verification(report):
        return False
    return any(r in (report.regency_code, report.province_code) for r in regions)


def assignment_of(user: AnyUser, report: Report, capability: Capability) -> Assignment | None:
    """The case's active assignment through which ``user`` holds ``capability`` (any active
    assignment for a national admin), else None."""
    for assignment in report.assignments.filter(active=True).select_related("agency"):
        if user_can(user, capability, assignment.agency_id):
            return assignment
    return None


def may_access_case(
    user: AnyUser, report: Report, capability: Capability = Capability.VIEW
) -> bool:
    """Is ``report`` in ``user``'s scope for ``capability``? The rule of the module docstring."""
    if not memberships(user):
        return False
    if is_national_admin(user):
        return True
    if whistle.is_whistle(report):
        return whistle.may_open(user, report, capability, verifier=may_verify(user, report))
    if may_verify(user, report):
        return True
    return assignment_of(user, report, capability) is not None


def may_reassign(user: AnyUser, report: Report) -> bool:
    """Involve another agency or transfer: national admins, or whoever holds TRANSFER through
    an active assignment of the case. A place-based verifier has no such right by place."""
    if is_national_admin(user):
        return True
    return assignment_of(user, report, Capability.TRANSFER) is not None


# --- lists ---------------------------------------------------------------------------------


def verification_q(regions: list[str], prefix: str = "") -> Q:
    """Cases awaiting verification in these regions (not sent on to national routing)."""
    return (
        (Q(**{f"{prefix}regency_code__in": regions}) | Q(**{f"{prefix}province_code__in": regions}))
        & Q(**{f"{prefix}status__in": sorted(VERIFICATION_STATUSES)})
        & Q(**{f"{prefix}needs_national_routing": False})
    )


def assigned_q(agency_ids: set[int] | list[int], prefix: str = "") -> Q:
    """Cases with an active assignment to one of these agencies.

    ``pk IN (ids)`` as an indexable array (``lapor.core.counting.InIds``): ORed with the region
    condition, an EXISTS would make PostgreSQL read every report (measured in bench/scale.py;
    ``tests/console/test_it_counts_queues_flat.py`` checks the plan)."""
    ids = Assignment.objects.filter(active=True, agency_id__in=sorted(agency_ids)).values(
        "report_id"
    )
    return Q(**{f"{prefix}pk__in_ids": ids})


def case_scope_q(
    user: AnyUser, capability: Capability = Capability.VIEW, prefix: str = ""
) -> Q | None:
    """The same rule as ``may_access_case`` as a filter on reports (``prefix`` for a related
    model, e.g. ``"report__"``). None means everything (a national admin); ``Q(pk__in=[])``
    nothing."""
    nothing = Q(**{f"{prefix}pk__in": []})
    if not memberships(user):
        return nothing
    if is_national_admin(user):
        return None
    condition = nothing
    regions = verification_regions(user)
    if regions:
        condition |= verification_q(regions, prefix)
    agencies = _scope(user, capability)
    if agencies:
        condition |= assigned_q(agencies, prefix)
    return condition & whistle.visible_q(user, capability, prefix)


def scoped_cases(user: AnyUser, capability: Capability = Capability.VIEW):  # type: ignore[no-untyped-def]
    """Every report ``user`` may reach for ``capability`` (a queryset)."""
    condition = case_scope_q(user, capability)
    if condition is None:
        return Report.objects.all()
    if not memberships(user):
        return Report.objects.none()
    return Report.objects.filter(condition)
