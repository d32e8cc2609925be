from django.urls import URLPattern, URLResolver, path

from lapor.stats import views

app_name = "stats"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.dashboard, name="dashboard"),
    path("instansi/", views.league, name="league"),
    path("instansi/<int:agency_id>/", views.scorecard, name="scorecard"),
    path("<slug:slug>.csv", views.chart_csv, name="chart_csv"),
]
