from django.urls import path

from lapor.voice import views

app_name = "voice"
urlpatterns = [
    path("lacak/<str:tracking_id>/<int:event_id>.mp3", views.listen, name="listen"),
]
