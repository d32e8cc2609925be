from django.urls import path

from lapor.notifications import views

app_name = "notifications"
urlpatterns = [
    path("", views.notification_list, name="list"),
    path("preferensi/", views.preferences, name="preferences"),
    path("<int:pk>/", views.notification_detail, name="detail"),
    path("<int:pk>/kirim-ulang/", views.notification_retry, name="retry"),
]
