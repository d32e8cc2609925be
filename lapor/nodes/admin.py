"""Read-only overview of community nodes for the national admin (changes go through the
console, ``/konsol/simpul/``, whose actions check who may)."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from lapor.nodes.models import Node, NodeHelper


class HelperInline(admin.TabularInline):
    model = NodeHelper
    fields = ("user", "is_active", "added_by", "added_at")
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(Node)
class NodeAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "agency", "is_active", "created_at")
    list_filter = ("kind", "is_active")
    search_fields = ("name",)
    readonly_fields = (
        "name", "kind", "region", "agency", "registered_by", "is_active", "created_at"
    )  # fmt: skip
    inlines = [HelperInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
