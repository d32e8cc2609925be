"""One health check (lapor.core.health) under two names: /health/ for monitoring and /sehat/,
the name the load balancer asks for (deploy/haproxy/haproxy.cfg, bench/cluster.py). Both say
the same in every state: 200 while the database and a cache answer, 503 with Retry-After when
the database or every cache is gone — which is what takes a server out of the proxy's pool."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import resolve

from lapor.core import health

pytestmark = pytest.mark.django_db

URLS = ["/health/", "/sehat/"]


def test_both_names_are_the_one_view():
    assert resolve("/health/").func is resolve("/sehat/").func is health.web


@pytest.mark.parametrize("url", URLS)
def test_healthy(url):
    response = Client().get(url)
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]
    assert not response.has_header("Retry-After")


class _BrokenCursor:
    def __enter__(self):  # type: ignore[no-untyped-def]
        raise OSError("connection refused")

    def __exit__(self, *exc):  # type: ignore[no-untyped-def]
        return False


@pytest.mark.parametrize("url", URLS)
def test_no_database_takes_the_server_out(url, monkeypatch, caplog):
    monkeypatch.setattr(health.connection, "cursor", lambda: _BrokenCursor())
    with caplog.at_level("WARNING", logger="lapor.health"):
        response = Client().get(url)
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "down", "cache": "ok"}
    assert response["Retry-After"] == health.RETRY_AFTER
    assert "database unavailable" in caplog.text


@pytest.mark.parametrize("url", URLS)
def test_no_cache_at_all_takes_the_server_out(url, monkeypatch):
    def broken(key, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise ConnectionError("no cache")

    monkeypatch.setattr(health.cache, "get", broken)
    response = Client().get(url)
    assert response.status_code == 503
    assert response.json()["cache"] == "down"
    assert response["Retry-After"] == health.RETRY_AFTER
