"""Hands the browser the cookies that the PIN code set aside during the request."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest
from django.http.response import HttpResponseBase

from lapor.reports import pin_guard, pin_vault


class ReporterDeviceMiddleware:
    """Sets ``lapor_device`` (pin_guard) and ``lapor_receipt_key`` (pin_vault) when changed."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        pin_guard.set_pending_cookie(request, response)
        pin_vault.set_pending_cookie(request, response)
        return response
