"""The agency directory in the Django admin.

With ~24,000 agencies and 91,599 regions, every foreign key is a raw id (a select would
render tens of thousands of options), changelists join their foreign keys in one query, and
the full result count is off. Names, kinds, levels, parents and regions are owned by
``manage.py load_directory``, which restores them on its next run; admins own
``is_active`` and ``accepts_reports``.
"""

from django.contrib import admin

from lapor.agencies.models import Agency, Category, Membership, UnitType


@admin.register(UnitType)
class UnitTypeAdmin(admin.ModelAdmin):
    list_display = ["code", "short_name", "name"]
    search_fields = ["code", "name", "short_name"]


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "kind", "level", "region", "parent", "is_active"]
    list_filter = ["kind", "level", "is_active", "accepts_reports"]
    search_fields = ["name", "short_name", "^code"]
    raw_id_fields = ["parent", "region", "unit_type"]
    list_select_related = ["region", "parent"]
    show_full_result_count = False
    list_per_page = 100


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "code",
        "parent",
        "handling_unit_type",
        "national_agency",
        "sort_order",
        "is_active",
    ]
    list_filter = ["is_active"]
    search_fields = ["name", "name_en", "code", "keywords"]
    raw_id_fields = ["parent", "handling_unit_type", "national_agency"]
    list_select_related = ["parent", "handling_unit_type", "national_agency"]
    # Codes group each sub-topic right under its topic ("agama", "agama--haji-dan-umrah").
    ordering = ["code"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "agency", "role", "is_active", "created_at"]
    list_filter = ["role", "is_active"]
    search_fields = ["user__email", "user__full_name", "agency__name"]
    raw_id_fields = ["user", "agency"]
    list_select_related = ["user", "agency"]
    show_full_result_count = False
