"""Reports in the Django admin (national admins only, ``lapor.core.admin_site``): read-only,
and WITHOUT the reporter's identity — not the reporter's account, not as the actor of their
own events.

ReporterIdentity is deliberately not registered: identity is read only through
``lapor.reports.access.reporter_identity`` so every read is logged.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from lapor.reports.models import IdentityAccessLog, Report, ReportEvent


class EventInline(admin.TabularInline):
    model = ReportEvent
    extra = 0
    can_delete = False
    fields = ["kind", "old_status", "new_status", "by", "agency", "message", "is_public", "at"]
    readonly_fields = (
        "kind",
        "old_status",
        "new_status",
        "by",
        "agency",
        "message",
        "is_public",
        "at",
    )

    @admin.display(description=_("actor"))
    def by(self, event: ReportEvent) -> str:
        """Staff by name; the reporter's own events (filing, replies) never by name: the
        reporter's account is their identity."""
        if event.actor_id is None:
            return "—"
        if event.actor_id == event.report.reporter_user_id:
            return str(_("the reporter"))
        return str(event.actor)

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
        "created_at",
        "updated_at",
    ]
    # The reporter's account is their identity: never here (the console shows it through
    # ``reporter_identity``, logged).
    exclude = ["pin_hash", "submission_key", "reporter_user"]
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
    list_display = ["at", "report", "who", "purpose", "granted"]
    list_filter = ["granted"]
    # The reporter reading their own report is logged too: their account beside the report
    # would name them, so it is never shown (nor offered as a field or a search).
    fields = ["at", "report", "who", "purpose", "granted"]
    readonly_fields = ["at", "report", "who", "purpose", "granted"]
    list_select_related = ["report"]

    @admin.display(description=_("actor"))
    def who(self, log: IdentityAccessLog) -> str:
        if log.actor_id is None:
            return "—"
        if log.actor_id == log.report.reporter_user_id:
            return str(_("the reporter"))
        return str(log.actor)

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False
