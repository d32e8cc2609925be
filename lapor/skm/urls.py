from django.urls import URLPattern, path

from lapor.skm import views

app_name = "skm"
urlpatterns: list[URLPattern] = [
    path("lacak/<str:tracking_id>/survei/", views.survey, name="survey"),
    path("data/skm.json", views.open_data_json, name="open_data_json"),
    path("data/skm.csv", views.open_data_csv, name="open_data_csv"),
]
