"""The yearly service reports on the statistics pages (under /statistik/ppid/)."""

from django.urls import URLPattern, URLResolver, path

from lapor.ppid import report_views

app_name = "ppid_reports"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", report_views.annual_index, name="index"),
    path("<int:pk>/<int:year>/", report_views.annual_detail, name="detail"),
]
