"""Two-factor login with TOTP (django-otp): staff may, national admins must.

After the password, a user with a confirmed TOTP device is "logged in but not verified": the
``TwoFactorMiddleware`` sends every page to the code form until a code from the authenticator
app matches (django-otp then marks the session verified). A national admin (or superuser)
without a device is sent to set one up first; nothing else opens, the Django admin included.
Wrong codes slow down: django-otp's TOTP devices double their wait after each failure.
"""

from __future__ import annotations

import base64
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.urls import reverse
from django.utils.http import urlencode
from django_otp import user_has_device

from lapor.accounts.models import User


def requires_two_factor(user: User) -> bool:
    from lapor.agencies.selectors import is_national_admin

    if not settings.TWO_FACTOR_REQUIRED_FOR_NATIONAL_ADMINS:
        return False
    return bool(user.is_superuser) or is_national_admin(user)


def may_use_two_factor(user: User) -> bool:
    from lapor.agencies.capabilities import is_staff_member

    return bool(user.is_staff) or is_staff_member(user) or requires_two_factor(user)


def secret_of(device: object) -> str:
    """The base32 secret to type into an app that cannot scan the QR code."""
    return base64.b32encode(device.bin_key).decode().rstrip("=")  # type: ignore[attr-defined]


def qr_data_uri(config_url: str) -> str:
    """The otpauth:// URL as a QR code image (SVG, as a data: URI the CSP allows)."""
    import qrcode
    import qrcode.image.svg

    svg = qrcode.make(config_url, image_factory=qrcode.image.svg.SvgPathImage).to_string()
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode()


# Paths that stay open while the second step is pending: the step itself, logging out, files.
_OPEN_PREFIXES = ("/static/", "/i18n/", "/favicon")


class TwoFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        user = getattr(request, "user", None)
        if isinstance(user, User) and user.is_authenticated and not self._open(request):
            if user_has_device(user, confirmed=True):
                if not user.is_verified():  # type: ignore[attr-defined]
                    return self._redirect(request, "accounts:two_factor_verify")
            elif requires_two_factor(user):
                return self._redirect(request, "accounts:two_factor_setup")
        return self.get_response(request)

    def _open(self, request: HttpRequest) -> bool:
        path = request.path_info
        if path.startswith(_OPEN_PREFIXES):
            return True
        # Without the language prefix (/en/akun/2fa/ …).
        for prefix in ("/en/", "/id/"):
            if path.startswith(prefix):
                path = "/" + path[len(prefix) :]
        return path.startswith(("/akun/2fa/", "/akun/keluar/"))

    def _redirect(self, request: HttpRequest, name: str) -> HttpResponseRedirect:
        return HttpResponseRedirect(
            reverse(name) + "?" + urlencode({"next": request.get_full_path()})
        )
