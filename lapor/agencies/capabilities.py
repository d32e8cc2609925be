"""Staff rights: named capabilities, granted by role, scoped to a part of the agency tree.

One function answers every question: ``user_can(user, capability, agency)``. The scope of a
membership is its agency and everything below it in the tree (a regency government's admin
covers its units and kecamatan offices, not another regency's); a national admin's scope is
everything.
"""

from __future__ import annotations

from enum import StrEnum

from django.contrib.auth.models import AnonymousUser

from lapor.accounts.models import User
from lapor.agencies.models import Agency, Membership

Role = Membership.Role


class Capability(StrEnum):
    VIEW = "view"  # read cases in scope (console)
    VERIFY = "verify"  # verify, dispose, postpone, archive, edit published text, raise privacy
    FOLLOW_UP = "follow_up"  # post follow-ups, ask the reporter, set complexity, extend
    TRANSFER = "transfer"  # request a transfer or involve another agency; "not our authority"
    EXPORT = "export"
    MANAGE_CALENDAR = "manage_calendar"
    SEE_IDENTITY = "see_identity"  # non-anonymous reporters of cases in scope
    # Walk-in and telephone desks (lapor.console.desk): file a report for a person, about any
    # place or agency ("no wrong door"), so it is not scoped to an agency.
    FILE_ON_BEHALF = "file_on_behalf"
    # Information requests (lapor.ppid): the PPID's register and written notices, extensions,
    # clarification, forwarding, the agency's list of public information and publication.
    ANSWER_INFORMATION = "answer_information"
    # The Atasan PPID decides objections (keberatan); the PPID who answered may not.
    DECIDE_OBJECTION = "decide_objection"
    # Read the information requests (and objections) of the agency, and the requester's
    # identity through ``lapor.ppid.access.requester_identity`` (every read logged).
    VIEW_INFORMATION = "view_information"
    # Send a failed notification again (the delivery-status pages). A write: not for the
    # read-only supervisor.
    RESEND_NOTIFICATION = "resend_notification"
    # Community nodes (lapor.nodes): register organisations and their volunteer helpers.
    MANAGE_NODES = "manage_nodes"


ROLE_CAPABILITIES: dict[str, frozenset[Capability]] = {
    Role.NATIONAL_ADMIN: frozenset(Capability),
    Role.AGENCY_ADMIN: frozenset(
        {
            Capability.VIEW,
            Capability.VERIFY,
            Capability.TRANSFER,
            Capability.EXPORT,
            Capability.MANAGE_CALENDAR,
            Capability.SEE_IDENTITY,
            Capability.FILE_ON_BEHALF,
            Capability.RESEND_NOTIFICATION,
            Capability.MANAGE_NODES,
        }
    ),
    Role.LIAISON_OFFICER: frozenset(
        {
            Capability.VIEW,
            Capability.FOLLOW_UP,
            Capability.TRANSFER,
            Capability.EXPORT,
            Capability.SEE_IDENTITY,
            Capability.FILE_ON_BEHALF,
            Capability.RESEND_NOTIFICATION,
        }
    ),
    Role.PPID_OFFICER: frozenset(
        {
            Capability.VIEW,
            Capability.FOLLOW_UP,
            Capability.EXPORT,
            Capability.SEE_IDENTITY,
            Capability.ANSWER_INFORMATION,
            Capability.VIEW_INFORMATION,
            Capability.RESEND_NOTIFICATION,
        }
    ),
    # Decides objections only: never answers a request itself, and reads complaints no more
    # than any outsider.
    Role.ATASAN_PPID: frozenset({Capability.DECIDE_OBJECTION, Capability.VIEW_INFORMATION}),
    Role.SUPERVISOR: frozenset({Capability.VIEW, Capability.EXPORT}),
}

# The agency tree is shallow (province → regency/city → unit/kecamatan): four levels cover it.
TREE_DEPTH = 4


def memberships(user: User | AnonymousUser | None) -> list[Membership]:
    """Active memberships, cached on the user object for the request."""
    if user is None or not user.is_authenticated:
        return []
    cached = getattr(user, "_lapor_memberships", None)
    if cached is None:
        cached = list(Membership.objects.filter(user=user, is_active=True).select_related("agency"))
        user._lapor_memberships = cached  # type: ignore[union-attr,attr-defined]
    return cached


def ancestor_ids(agency_id: int) -> list[int]:
    """The agency and its ancestors, nearest first."""
    ids = [agency_id]
    current = agency_id
    for _level in range(TREE_DEPTH):
        parent = Agency.objects.filter(pk=current).values_list("parent_id", flat=True).first()
        if parent is None:
            break
        ids.append(parent)
        current = parent
    return ids


def subtree_ids(agency_id: int) -> set[int]:
    """The agency and everything below it."""
    found = {agency_id}
    frontier = {agency_id}
    for _level in range(TREE_DEPTH):
        frontier = (
            set(Agency.objects.filter(parent_id__in=frontier).values_list("pk", flat=True)) - found
        )
        if not frontier:
            break
        found |= frontier
    return found


def user_can(
    user: User | AnonymousUser | None, capability: Capability, agency: Agency | int | None
) -> bool:
    """May ``user`` exercise ``capability`` on ``agency`` (None: on something unassigned)?"""
    roles_with = [m for m in memberships(user) if capability in ROLE_CAPABILITIES[m.role]]
    if not roles_with:
        return False
    if any(m.role == Role.NATIONAL_ADMIN for m in roles_with):
        return True
    if agency is None:
        return False
    agency_id = agency if isinstance(agency, int) else agency.pk
    # Per-request memo on the user object: a case page asks about the same agencies often.
    memo: dict[int, set[int]] = user.__dict__.setdefault("_lapor_ancestors", {})  # type: ignore[union-attr]
    if agency_id not in memo:
        memo[agency_id] = set(ancestor_ids(agency_id))
    return any(m.agency_id in memo[agency_id] for m in roles_with)


def holds(user: User | AnonymousUser | None, capability: Capability) -> bool:
    """Does ``user`` hold ``capability`` through any active membership, whatever its scope?
    For capabilities that are not about one agency's cases (``FILE_ON_BEHALF``)."""
    return any(capability in ROLE_CAPABILITIES[m.role] for m in memberships(user))


def scope_agency_ids(user: User | AnonymousUser | None, capability: Capability) -> set[int] | None:
    """Agencies where ``user`` has ``capability``; None means "all" (national admin)."""
    roles_with = [m for m in memberships(user) if capability in ROLE_CAPABILITIES[m.role]]
    if any(m.role == Role.NATIONAL_ADMIN for m in roles_with):
        return None
    ids: set[int] = set()
    for m in roles_with:
        ids |= subtree_ids(m.agency_id)
    return ids


def regions_with(user: User | AnonymousUser | None, capability: Capability) -> list[str] | None:
    """Region codes of the agencies where ``user`` has ``capability``; None = everywhere
    (national admin). Places, not agencies, scope verification and the calendar."""
    regions: list[str] = []
    for m in memberships(user):
        if capability not in ROLE_CAPABILITIES[m.role]:
            continue
        if m.role == Role.NATIONAL_ADMIN:
            return None
        if m.agency.region_id:
            regions.append(m.agency.region_id)
    return regions


def verification_regions(user: User | AnonymousUser | None) -> list[str] | None:
    """Region codes whose new reports this user verifies; None = everything (national)."""
    return regions_with(user, Capability.VERIFY)


def is_staff_member(user: User | AnonymousUser | None) -> bool:
    return bool(memberships(user))
