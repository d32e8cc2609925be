from django.urls import URLPattern, path

from lapor.sms import views

app_name = "sms"
urlpatterns: list[URLPattern] = [
    path("incoming", views.incoming, name="incoming"),
    path("dlr", views.dlr, name="dlr"),
]
