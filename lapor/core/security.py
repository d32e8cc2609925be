"""Response headers that Django's SecurityMiddleware does not set: Content-Security-Policy and
Permissions-Policy (issue 10.5).

The pages need nothing from elsewhere: no CDN, no inline script (every script is a static file,
data travels in ``data-`` attributes or ``<script type="application/json">``), no inline style
attribute. So the policy is "this site only", and an injected ``<script>`` or ``onerror=``
cannot run even if an escaping bug ever let one through. A letter shown as HTML carries its
print styles inline (WeasyPrint renders the same markup to PDF without fetching static files):
its view opts in with ``allow_inline_styles``.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest
from django.http.response import HttpResponseBase

CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    # data: for the API documentation's inline SVG icons.
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "media-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
# Nothing on the site uses these; a compromised script could not either.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
)
_INLINE_STYLES = "_lapor_csp_inline_styles"


def content_security_policy(*, inline_styles: bool = False) -> str:
    policy = dict(CSP)
    if inline_styles:
        policy["style-src"] = "'self' 'unsafe-inline'"
    return "; ".join(f"{name} {value}" for name, value in policy.items())


def allow_inline_styles(response: HttpResponseBase) -> HttpResponseBase:
    """For a page whose ``<style>`` element must stay inline (letters rendered to PDF too)."""
    setattr(response, _INLINE_STYLES, True)
    return response


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            inline = bool(getattr(response, _INLINE_STYLES, False))
            response["Content-Security-Policy"] = content_security_policy(inline_styles=inline)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
