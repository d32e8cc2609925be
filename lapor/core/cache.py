"""The shared cache, and what happens when it is gone.

With ``REDIS_URL`` set the default cache is Redis, through :class:`RedisWithFallback`: while
Redis cannot be reached (down, restarting, network), every call goes to the fallback cache
(``CACHES["fallback"]``, the database cache ``lapor_cache``) instead of raising. Rate limits,
PIN-attempt counters and receipt replays then count in the database, shared by every process
as before; the statistics page recomputes what it would have read from Redis. After a failure
Redis is not asked again for ``RETRY_SECONDS``, so an outage does not add a connect timeout to
every request. If the fallback fails too, :class:`CacheUnavailable` is raised, and
``lapor.core.middleware.OutageMiddleware`` answers 503 with ``Retry-After`` in the channel's
own format, never 500 (docs/operations.md, "Outages").
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache

log = logging.getLogger(__name__)

RETRY_SECONDS = 5.0


class CacheUnavailable(Exception):
    """Neither Redis nor the fallback cache answered."""


def _redis_errors() -> tuple[type[BaseException], ...]:
    import redis.exceptions

    return (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError)


class RedisWithFallback(RedisCache):
    """Django's Redis cache that uses ``OPTIONS["FALLBACK"]`` (a cache alias) while Redis is
    unreachable. ``OPTIONS["RETRY_SECONDS"]`` (default 5) spaces the attempts to reconnect."""

    def __init__(self, server: str, params: dict[str, Any]) -> None:
        params = dict(params)
        options = dict(params.get("OPTIONS") or {})
        self._fallback_alias = str(options.pop("FALLBACK", "fallback"))
        self._retry_seconds = float(options.pop("RETRY_SECONDS", RETRY_SECONDS))
        # Fail fast: an unreachable Redis must not hold a request for the OS's TCP timeout.
        options.setdefault("socket_connect_timeout", 0.5)
        options.setdefault("socket_timeout", 1.0)
        params["OPTIONS"] = options
        super().__init__(server, params)
        self._down_until = 0.0
        self._lock = threading.Lock()

    # --- which cache answers ----------------------------------------------------------------

    @property
    def redis_down(self) -> bool:
        return time.monotonic() < self._down_until

    def _fallback(self, name: str, *args: Any, **kwargs: Any) -> Any:
        try:
            return getattr(caches[self._fallback_alias], name)(*args, **kwargs)
        except ValueError:
            raise  # the cache API's own answer (``incr`` of a missing key), not an outage
        except Exception as exc:  # the database cache fails with the database
            raise CacheUnavailable(str(exc)) from exc

    def _call(self, name: str, *args: Any, **kwargs: Any) -> Any:
        if not self.redis_down:
            try:
                return getattr(super(), name)(*args, **kwargs)
            except _redis_errors() as exc:
                with self._lock:
                    if not self.redis_down:
                        log.warning(
                            "Redis unreachable (%s); using the %r cache for %.0f s",
                            exc,
                            self._fallback_alias,
                            self._retry_seconds,
                        )
                    self._down_until = time.monotonic() + self._retry_seconds
        return self._fallback(name, *args, **kwargs)

    # --- the cache API, each call through _call -----------------------------------------------

    def add(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("add", *args, **kwargs)

    def get(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("get", *args, **kwargs)

    def set(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("set", *args, **kwargs)

    def touch(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("touch", *args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("delete", *args, **kwargs)

    def get_many(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("get_many", *args, **kwargs)

    def has_key(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("has_key", *args, **kwargs)

    def incr(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("incr", *args, **kwargs)

    def set_many(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("set_many", *args, **kwargs)

    def delete_many(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("delete_many", *args, **kwargs)

    def clear(self) -> Any:
        return self._call("clear")
