from django.urls import URLPattern, URLResolver, path

from lapor.exports import views

app_name = "exports"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.export_form, name="form"),
    path("unduh/", views.export_download, name="download"),
]
