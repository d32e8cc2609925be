"""Health endpoints for load balancers, process supervisors and monitoring: the one place that
decides whether this process is healthy.

- ``/health/`` (and ``/sehat/``, the same view under the name deploy/haproxy/haproxy.cfg and
  bench/cluster.py use): this web process and what it needs — the database (``SELECT 1``) and
  the cache (``ok``, ``fallback`` while Redis is down, or ``down``). 200 when requests can be
  served (the database answers and some cache does), else 503 with ``Retry-After``, so the proxy
  stops sending requests to a server whose database is gone.
- ``/health/worker/``: the background workers' heartbeats (``lapor.notifications.leases``).
  200 while at least one worker beat within the last 30 seconds, else 503: nothing is being
  sent (notifications, SMS answers, webhooks).

Both answer JSON, need no login and show no personal data.
"""

from __future__ import annotations

import logging
from typing import Any

from django.core.cache import cache, caches
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

RETRY_AFTER = "30"
log = logging.getLogger("lapor.health")


def _database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        return "ok"
    except Exception as exc:  # noqa: BLE001 - reported, not raised
        log.warning("health check: database unavailable: %s", exc)
        return "down"


def _cache() -> str:
    from lapor.core.cache import RedisWithFallback

    try:
        cache.get("health:probe")
    except Exception:  # noqa: BLE001
        return "down"
    real = caches["default"]
    if isinstance(real, RedisWithFallback) and real.redis_down:
        return "fallback"
    return "ok"


@never_cache
@require_GET
def web(request: HttpRequest) -> JsonResponse:
    checks = {"database": _database(), "cache": _cache()}
    healthy = checks["database"] == "ok" and checks["cache"] != "down"
    response = JsonResponse({"status": "ok" if healthy else "unavailable", **checks})
    if not healthy:
        response.status_code = 503
        response["Retry-After"] = RETRY_AFTER
    return response


@never_cache
@require_GET
def worker(request: HttpRequest) -> JsonResponse:
    from lapor.notifications import leases

    now = timezone.now()
    try:
        beats = list(leases.alive(now))
        last = leases.latest()
    except Exception:  # noqa: BLE001
        response = JsonResponse({"status": "unknown", "database": "down"}, status=503)
        response["Retry-After"] = RETRY_AFTER
        return response
    workers: list[dict[str, Any]] = [
        {
            "worker_id": b.worker_id,
            "hostname": b.hostname,
            "pid": b.pid,
            "started_at": b.started_at.isoformat(),
            "beat_at": b.beat_at.isoformat(),
            "age_seconds": round((now - b.beat_at).total_seconds(), 1),
            "last_error": b.last_error,
        }
        for b in beats
    ]
    body: dict[str, Any] = {"status": "ok" if workers else "stopped", "workers": workers}
    if not workers and last is not None:
        body["last_beat_at"] = last.beat_at.isoformat()
    response = JsonResponse(body, status=200 if workers else 503)
    if not workers:
        response["Retry-After"] = RETRY_AFTER
    return response
