from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.resilience.servers import RedisServer, redis_available


@pytest.fixture
def redis_server() -> Iterator[RedisServer]:
    if not redis_available():
        pytest.skip("redis-server is not installed")
    server = RedisServer().start()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def redis_cache(settings, redis_server: RedisServer) -> RedisServer:
    """The production cache set-up (Redis with the fallback) on our own Redis server."""
    settings.CACHES = {
        "default": {
            "BACKEND": "lapor.core.cache.RedisWithFallback",
            "LOCATION": redis_server.url,
            "OPTIONS": {"FALLBACK": "fallback", "RETRY_SECONDS": 0.2},
        },
        "fallback": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "fallback",
        },
    }
    return redis_server


# The API's and Open311's own fixtures, for filing through those channels here.
from tests.api.conftest import make_key  # noqa: E402, F401
from tests.open311.conftest import partner_key, questions  # noqa: E402, F401
