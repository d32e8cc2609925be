"""Staff inspection of received mail. Raw messages and pending intakes carry sender addresses
(possibly an anonymous reporter's): only superusers see these pages; the raw text of mail
about a report is shown only through ``reporter_identity`` (logged) and never for anonymous or
confidential reports. Reply tokens are secrets and are not listed at all; revoking is done in
code (``ReplyToken.revoked_at``)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy

from lapor.core.admin_identity import RequestInContext, may_show_reporter
from lapor.mailbox.models import InboundMessage, PendingIntake

HIDDEN = gettext_lazy("— (anonymous or confidential report: the sender is its reporter)")


def _raw_text(obj: InboundMessage | PendingIntake) -> str:
    if not may_show_reporter(obj.report, "admin: raw mail"):
        return str(HIDDEN)
    raw = bytes(obj.raw or b"")
    return raw[:200_000].decode("utf-8", "replace") if raw else "—"


class SuperuserOnly(RequestInContext, admin.ModelAdmin):
    def has_module_permission(self, request: HttpRequest) -> bool:
        return bool(request.user.is_active and request.user.is_superuser)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return bool(request.user.is_active and request.user.is_superuser)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(InboundMessage)
class InboundMessageAdmin(SuperuserOnly):
    list_display = ("received_at", "recipient", "outcome", "reason", "size", "auto_replied")
    list_filter = ("outcome", "recipient", "reason")
    readonly_fields = ("message_text",)
    exclude = ("raw",)
    raw_id_fields = ("report", "intake")

    @admin.display(description="raw message")
    def message_text(self, obj: InboundMessage) -> str:
        return _raw_text(obj)


@admin.register(PendingIntake)
class PendingIntakeAdmin(SuperuserOnly):
    list_display = ("created_at", "status", "asked", "language")
    list_filter = ("status",)
    exclude = ("raw",)
    readonly_fields = ("message_text",)
    raw_id_fields = ("report",)

    @admin.display(description="raw message")
    def message_text(self, obj: PendingIntake) -> str:
        return _raw_text(obj)
