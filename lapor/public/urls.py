from django.urls import URLPattern, URLResolver, path

from lapor.public import views

app_name = "public"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.feed, name="feed"),
    path("peta/", views.map_page, name="map"),
    path("peta/titik.json", views.map_points, name="map_points"),
    path("ikuti/konfirmasi/<str:token>/", views.follow_confirm, name="follow_confirm"),
    path("ikuti/berhenti/<str:token>/", views.unfollow, name="unfollow"),
    path("<str:tracking_id>/", views.report, name="report"),
    path("<str:tracking_id>/dukung/", views.support, name="support"),
    path("<str:tracking_id>/ikuti/", views.follow, name="follow"),
    path("<str:tracking_id>/gambar/<int:pk>/", views.image, name="image"),
]
