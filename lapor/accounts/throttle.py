"""Login throttling with django-axes: our login names, our client address, our lockout page."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from lapor.accounts.phones import normalize_phone


def login_name(request: HttpRequest, credentials: dict[str, Any] | None = None) -> str:
    """The login as one spelling: "Siti@Example.id" and "siti@example.id", "0812…" and
    "+62812…" count as the same login (else each spelling would get its own five tries)."""
    raw = ""
    if credentials:
        raw = str(credentials.get("username") or credentials.get("email") or "")
    if not raw:
        raw = request.POST.get("login", "") or request.POST.get("username", "")
    raw = raw.strip()
    if "@" in raw:
        return raw.lower()
    return normalize_phone(raw) or raw.lower()


def client_ip(request: HttpRequest) -> str | None:
    # Behind a reverse proxy, REMOTE_ADDR is set from the proxy's header by the WSGI server
    # (docs/operations.md); trusting X-Forwarded-For here would let anyone choose an address.
    return request.META.get("REMOTE_ADDR") or None


def locked_out(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict[str, Any] | None = None,
) -> HttpResponse:
    """The page shown instead of the login while the login + address pair is locked."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request,
        "accounts/locked_out.html",
        {"minutes": minutes, "admin": request.path.startswith("/admin/")},
        status=429,
    )
