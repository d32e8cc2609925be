"""What every staff page shares: the door (staff only, else 404) and the console's page
context (navigation and what the user may open). Public, so that the routing, PPID and desk
pages use it without reaching into the console views' private helpers."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest

from lapor.accounts.models import User
from lapor.agencies.capabilities import (
    ROLE_CAPABILITIES,
    Capability,
    holds,
    is_staff_member,
    memberships,
)
from lapor.console import selectors
from lapor.partners.selectors import is_partner_admin
from lapor.ppid.selectors import holds_ppid_role


def staff_user(request: HttpRequest) -> User:
    """The logged-in staff member; everyone else gets the same 404 as a missing page."""
    user = request.user
    if not isinstance(user, User) or not is_staff_member(user):
        raise Http404
    return user


def console_context(user: User) -> dict[str, Any]:
    return {
        "console_nav": [(q, selectors.QUEUE_TITLES[q]) for q in selectors.available_queues(user)],
        "may_manage_calendar": selectors.calendar_regions(user) != [],
        "may_export": any(
            Capability.EXPORT in ROLE_CAPABILITIES[m.role] for m in memberships(user)
        ),
        "roles": memberships(user),
        "may_file_on_behalf": holds(user, Capability.FILE_ON_BEHALF),
        "may_read_partner_log": is_partner_admin(user),
        # Information requests (lapor.ppid): PPID officers and Atasan PPID.
        "may_ppid": holds_ppid_role(user),
        # Response templates and KemenPANRB's evaluation: agency and national admins.
        "may_manage_templates": holds(user, Capability.VERIFY),
    }
