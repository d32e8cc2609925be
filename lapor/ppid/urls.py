"""Citizen pages of the public-information service (under /informasi/)."""

from django.urls import URLPattern, URLResolver, path

from lapor.ppid import views

app_name = "ppid"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.index, name="index"),
    path("instansi/<int:pk>/", views.agency_list, name="agency"),
    path("dokumen/<int:pk>/", views.entry_detail, name="entry"),
    path("dokumen/<int:pk>/berkas/<int:file_pk>/", views.entry_file, name="entry_file"),
    path("minta/", views.request_new, name="request_new"),
    path("terkirim/<str:tracking_id>/", views.receipt, name="receipt"),
    path("permohonan/<str:tracking_id>/", views.request_detail, name="request"),
    path(
        "permohonan/<str:tracking_id>/pemberitahuan/<int:pk>/",
        views.notice_letter,
        name="notice_letter",
    ),
    path(
        "permohonan/<str:tracking_id>/tanggapan-keberatan/<int:pk>/",
        views.decision_letter,
        name="decision_letter",
    ),
]
