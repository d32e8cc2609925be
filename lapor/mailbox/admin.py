"""Staff inspection of received mail. Raw messages and pending intakes carry sender addresses
(possibly an anonymous reporter's): only superusers see these pages. Reply tokens are secrets
and are not listed at all; revoking is done in code (``ReplyToken.revoked_at``)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from lapor.mailbox.models import InboundMessage, PendingIntake


class SuperuserOnly(admin.ModelAdmin):
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
        raw = bytes(obj.raw or b"")
        return raw[:200_000].decode("utf-8", "replace") if raw else "—"


@admin.register(PendingIntake)
class PendingIntakeAdmin(SuperuserOnly):
    list_display = ("created_at", "status", "asked", "language")
    list_filter = ("status",)
    exclude = ("raw",)
    readonly_fields = ("message_text",)
    raw_id_fields = ("report",)

    @admin.display(description="raw message")
    def message_text(self, obj: PendingIntake) -> str:
        raw = bytes(obj.raw or b"")
        return raw[:200_000].decode("utf-8", "replace") if raw else "—"
