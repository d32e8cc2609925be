"""Behind the reverse proxy of deploy/ (issue 12): the health check, and the client's address
taken from X-Forwarded-For only when the proxy is trusted."""

from __future__ import annotations

import pytest
from django.http import HttpRequest, HttpResponse
from django.test import Client, override_settings

from lapor.core.middleware import TrustedProxyMiddleware

pytestmark = pytest.mark.django_db


def test_the_health_check_answers_ok():
    # /sehat/ (deploy/haproxy) is /health/ under another name (lapor.core.health).
    response = Client().get("/sehat/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]
    assert Client().post("/sehat/").status_code == 405


def _address(remote: str, forwarded: str | None) -> str:
    seen = {}

    def view(request: HttpRequest) -> HttpResponse:
        seen["addr"] = request.META["REMOTE_ADDR"]
        return HttpResponse()

    request = HttpRequest()
    request.META["REMOTE_ADDR"] = remote
    if forwarded is not None:
        request.META["HTTP_X_FORWARDED_FOR"] = forwarded
    TrustedProxyMiddleware(view)(request)
    return seen["addr"]


@override_settings(TRUSTED_PROXIES={"10.0.0.2"})
def test_the_client_address_comes_from_a_trusted_proxy_only():
    # The proxy appends the address it saw; anything before it is the client's own claim.
    assert _address("10.0.0.2", "6.6.6.6, 203.0.113.9") == "203.0.113.9"
    assert _address("10.0.0.2", None) == "10.0.0.2"
    # Not from the proxy: the header is the client's own claim, ignored.
    assert _address("198.51.100.7", "203.0.113.9") == "198.51.100.7"


@override_settings(TRUSTED_PROXIES=set())
def test_without_trusted_proxies_the_header_is_ignored():
    assert _address("10.0.0.2", "203.0.113.9") == "10.0.0.2"
