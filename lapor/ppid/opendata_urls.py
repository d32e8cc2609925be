"""The public-information service in the open data (under /data/ppid/)."""

from django.urls import URLPattern, URLResolver, path

from lapor.ppid import report_views

app_name = "ppid_data"
urlpatterns: list[URLPattern | URLResolver] = [
    path("laporan-tahunan-<int:year>.<str:fmt>", report_views.open_annual, name="annual"),
    path("daftar-informasi-publik.<str:fmt>", report_views.open_entries, name="entries"),
]
