"""Regions in the Django admin.

There are 91,599 rows, so nothing here may render a select of all regions or count the whole
table on every page: the parent is a raw id, the full result count is switched off and the
search on codes is a prefix match (it uses the primary-key index).
"""

from django.contrib import admin

from lapor.regions.models import Region


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "level", "parent"]
    list_filter = ["level"]
    search_fields = ["^code", "name"]
    raw_id_fields = ["parent"]
    list_select_related = ["parent"]
    show_full_result_count = False
    list_per_page = 100
