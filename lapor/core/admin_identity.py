"""Identity in the Django admin goes through the one reader, logged.

Admin display functions get the object, not the request; the change and list views put the
request here for the duration of the view (a ``ContextVar``: one per thread and request), so a
display of something that names a reporter can ask ``reporter_identity`` as the admin user.
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any

from django.http import HttpRequest

current_request: ContextVar[HttpRequest | None] = ContextVar("admin_request", default=None)


class RequestInContext:
    """Mix into a ModelAdmin: its change and list views publish the request."""

    def changeform_view(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        token = current_request.set(request)
        try:
            response = super().changeform_view(request, *args, **kwargs)  # type: ignore[misc]
            if hasattr(response, "render") and not getattr(response, "is_rendered", True):
                response.render()
            return response
        finally:
            current_request.reset(token)

    def changelist_view(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        token = current_request.set(request)
        try:
            response = super().changelist_view(request, *args, **kwargs)  # type: ignore[misc]
            if hasattr(response, "render") and not getattr(response, "is_rendered", True):
                response.render()
            return response
        finally:
            current_request.reset(token)


def may_show_reporter(report: Any, purpose: str) -> bool:
    """Whether the admin user may see who filed ``report``: asked of
    ``lapor.reports.access.reporter_identity`` (which logs the read) — never for anonymous or
    confidential reports, whose identity the admin does not show at all (the console shows it
    to national admins who state a purpose)."""
    from lapor.reports.access import identity_restricted, reporter_identity

    if report is None:
        return True
    if identity_restricted(report):
        return False
    request = current_request.get()
    actor = getattr(request, "user", None)
    return reporter_identity(report, actor=actor, purpose=purpose) is not None
