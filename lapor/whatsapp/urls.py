from django.urls import URLPattern, path

from lapor.whatsapp import views

app_name = "whatsapp"
urlpatterns: list[URLPattern] = [
    path("webhook", views.webhook, name="webhook"),
]
