"""Reports in the Django admin: read-mostly, and WITHOUT the reporter's identity.

ReporterIdentity is deliberately not registered: identity is read only through
``lapor.reports.access.reporter_identity`` so every read is logged.
"""

from django.contrib import admin

from lapor.reports.models import IdentityAccessLog, Report, ReportEvent


class EventInline(admin.TabularInline):
    model = ReportEvent
    extra = 0
    can_delete = False
    readonly_fields = [
        "kind",
        "old_status",
        "new_status",
        "actor",
        "agency",
        "message",
        "is_public",
        "at",
    ]

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["tracking_id", "title_published", "kind", "status", "privacy", "created_at"]
    list_filter = ["status", "kind", "privacy", "channel"]
    search_fields = ["tracking_id", "title_published"]
    raw_id_fields = ["region", "category", "requested_agency", "agency"]
    readonly_fields = [
        "tracking_id",
        "title_original",
        "body_original",
        "status",
        "privacy",
        "reporter_user",
        "created_at",
        "updated_at",
    ]
    exclude = ["pin_hash", "submission_key"]
    inlines = [EventInline]

    # Changes to a case go through lapor.reports.actions (events, audit); the admin only looks.
    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(IdentityAccessLog)
class IdentityAccessLogAdmin(admin.ModelAdmin):
    list_display = ["at", "report", "actor", "purpose", "granted"]
    list_filter = ["granted"]
    raw_id_fields = ["report", "actor"]

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False
