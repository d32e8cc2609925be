from django.urls import path

from lapor.partners import views

app_name = "partners"
urlpatterns = [
    path("", views.integration_list, name="list"),
    path("<int:pk>/", views.delivery_log, name="log"),
    path("<int:pk>/kiriman/<int:delivery_pk>/", views.delivery_detail, name="detail"),
    path(
        "<int:pk>/kiriman/<int:delivery_pk>/kirim-ulang/",
        views.delivery_resend,
        name="resend",
    ),
]
