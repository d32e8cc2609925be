"""Reads of public pages from a PostgreSQL streaming replica; everything else on the primary.

With ``DATABASE_REPLICA_URL`` set, settings add a ``replica`` database and this router. A
request may read from the replica only when ``ReplicaReadsMiddleware`` says so: a GET or HEAD
of a public page (the public feed and a public report page, the statistics, open data, Open311
and the public API feed; ``REPLICA_NAMESPACES``). Everything else reads the primary:

- every write (``db_for_write``), and every read inside a transaction;
- the reporter's own pages (tracking with a PIN, replies, the account pages), the console,
  exports: they are not in ``REPLICA_NAMESPACES``, so a reporter always sees what they just
  did, whatever the replica's lag;
- sessions, accounts and identities (``PRIMARY_APPS``/``PRIMARY_MODELS``), even on a public
  page: a login or a PIN just stored must be found at once.

Without a replica configured nothing changes (one database, ``default``).
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.db import connections
from django.http import HttpRequest, HttpResponse

REPLICA = "replica"
_replica_ok: ContextVar[bool] = ContextVar("lapor_replica_reads", default=False)

# URL namespaces (``app_name``) whose GET pages may be read from the replica, and the URL names
# inside them that may not (they show what a visitor just did).
REPLICA_NAMESPACES = {"public", "stats", "opendata", "open311", "ppid_data", "ppid_reports"}
NOT_ON_REPLICA = {("public", "follow_confirm"), ("public", "unfollow")}
REPLICA_URL_NAMES = {("api-v1", "public_feed"), ("api-v1", "public_report")}
PRIMARY_APPS = {"sessions", "auth", "accounts", "contenttypes", "admin", "django_tasks_database"}
PRIMARY_MODELS = {("reports", "reporteridentity"), ("reports", "identityaccesslog")}


def replica_configured() -> bool:
    return REPLICA in settings.DATABASES


class ReplicaRouter:
    def db_for_read(self, model: type, **hints: Any) -> str | None:
        if not _replica_ok.get() or not replica_configured():
            return None
        meta = model._meta  # type: ignore[attr-defined]
        if meta.app_label in PRIMARY_APPS or (meta.app_label, meta.model_name) in PRIMARY_MODELS:
            return None
        if connections["default"].in_atomic_block:
            return None  # read what this transaction wrote
        return REPLICA

    def db_for_write(self, model: type, **hints: Any) -> str:
        return "default"

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool:
        return True  # the replica is a copy of the primary: same objects

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        return db == "default"


def replica_allowed(request: HttpRequest) -> bool:
    """May this request's reads go to the replica (the module docstring's rule)?"""
    if request.method not in ("GET", "HEAD"):
        return False
    match = getattr(request, "resolver_match", None)
    if match is None:
        return False
    namespace = match.namespaces[0] if match.namespaces else ""
    name = (namespace, match.url_name or "")
    if name in REPLICA_URL_NAMES:
        return True
    return namespace in REPLICA_NAMESPACES and name not in NOT_ON_REPLICA


class ReplicaReadsMiddleware:
    """Lets the router send this request's reads to the replica when ``replica_allowed``."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            return self.get_response(request)
        finally:
            _replica_ok.set(False)

    def process_view(self, request: HttpRequest, view: Any, args: Any, kwargs: Any) -> None:
        _replica_ok.set(replica_configured() and replica_allowed(request))
