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
    # blob: the voice recorder plays a recording back before it is sent (lapor.voice).
    "media-src": "'self' blob:",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
# Nothing on the site uses these; a compromised script could not either. The site's own
# pages may record a voice note (microphone, lapor.voice) and find the person's position on
# the map picker (geolocation, docs/map.md); nothing else, no other origin.
PERMISSIONS_POLICY = ", ".join(
    [
        *(
            f"{feature}=()"
            for feature in (
                "accelerometer",
                "camera",
                "gyroscope",
                "magnetometer",
                "payment",
                "usb",
            )
        ),
        "geolocation=(self)",
        "microphone=(self)",
    ]
)
_INLINE_STYLES = "_lapor_csp_inline_styles"


def _tile_origin() -> str:
    """The map tile server's origin (``MAP_TILE_URL``, docs/map.md), allowed as an image
    source; empty when maps are off. A ``{s}`` subdomain placeholder becomes a wildcard."""
    from urllib.parse import urlsplit

    from django.conf import settings

    url = str(getattr(settings, "MAP_TILE_URL", "") or "")
    parts = urlsplit(url.replace("{s}.", "a."))
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return ""
    host = parts.netloc
    if "{s}." in url and host.startswith("a."):
        host = "*." + host[2:]
    return f"{parts.scheme}://{host}"


def content_security_policy(*, inline_styles: bool = False) -> str:
    policy = dict(CSP)
    tiles = _tile_origin()
    if tiles:
        policy["img-src"] += f" {tiles}"
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
