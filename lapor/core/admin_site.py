"""The Django admin is for national admins only.

Everyone else who is logged in — agency admins, officers, supervisors, reporters — gets the
site's plain 404 on every admin URL, the login page included, exactly as for a case outside
their scope: the admin exposes every agency's data and must not even be probed. A visitor who
is not logged in sees the admin's login form (and after logging in, the same 404 unless a
national admin).

Who counts: an active account with an active national-admin membership
(``lapor.reports.scope.is_national_admin``), or a superuser with no membership at all (the
installer's account from ``createsuperuser``, needed to create the first national admin). A
superuser who is also, say, an agency admin is treated as that agency admin.
"""

from __future__ import annotations

from typing import Any

from django.contrib.admin import AdminSite
from django.contrib.admin.apps import AdminConfig
from django.http import Http404, HttpRequest, HttpResponse


def may_use_admin(user: Any) -> bool:
    from lapor.agencies.capabilities import memberships
    from lapor.reports.scope import is_national_admin

    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if is_national_admin(user):
        return True
    return bool(user.is_superuser) and not memberships(user)


class NationalAdminSite(AdminSite):
    def has_permission(self, request: HttpRequest) -> bool:
        return may_use_admin(request.user)

    def admin_view(self, view: Any, cacheable: bool = False) -> Any:
        wrapped = super().admin_view(view, cacheable)

        def inner(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if request.user.is_authenticated and not self.has_permission(request):
                raise Http404
            return wrapped(request, *args, **kwargs)

        inner.__dict__.update(getattr(wrapped, "__dict__", {}))
        return inner

    def login(self, request: HttpRequest, extra_context: Any = None) -> HttpResponse:
        if request.user.is_authenticated and not self.has_permission(request):
            raise Http404
        return super().login(request, extra_context)


class LaporAdminConfig(AdminConfig):
    default_site = "lapor.core.admin_site.NationalAdminSite"
