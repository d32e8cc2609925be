from django.urls import URLPattern, URLResolver, path

from lapor.routing import views

app_name = "routing"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.settings_page, name="settings"),
    path("aturan/", views.rules, name="rules"),
    path("aturan/<int:pk>/", views.rules, name="rule"),
    path("gabung/<str:tracking_id>/", views.merge, name="merge"),
    path("serupa/", views.similar, name="similar"),
]
