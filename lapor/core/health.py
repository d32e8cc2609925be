"""``GET /sehat/``: the load balancer's health check (deploy/haproxy/haproxy.cfg).

200 "ok" when this process answers and its database connection works; 503 otherwise, so the
proxy stops sending requests to a server whose database is gone. No session, no template, no
language: one ``SELECT 1``.
"""

from __future__ import annotations

import logging

from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

log = logging.getLogger("lapor.health")


@never_cache
@require_GET
def health(request: HttpRequest) -> HttpResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # noqa: BLE001 - any database failure means "not healthy"
        log.warning("health check: database unavailable: %s", exc)
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")
