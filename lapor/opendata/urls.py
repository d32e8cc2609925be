from django.urls import URLPattern, URLResolver, path

from lapor.opendata import views

app_name = "opendata"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.index, name="index"),
    path("unduh/<str:day>/<str:name>", views.download, name="download"),
    path("api/reports.json", views.api_reports, name="api_reports"),
    path("api/reports/<str:tracking_id>.json", views.api_report, name="api_report"),
]
