from django.urls import path

from lapor.web import views

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path("lapor/", views.report_new, name="report_new"),
    path("lapor/terkirim/<str:tracking_id>/", views.receipt, name="receipt"),
    path("lacak/", views.track, name="track"),
    path("lacak/pin-baru/", views.pin_reset_start, name="pin_reset"),
    path("lacak/pin-baru/kode/", views.pin_reset_code, name="pin_reset_code"),
    path("lacak/<str:tracking_id>/", views.report_detail, name="report_detail"),
    path("lacak/<str:tracking_id>/lupakan/", views.forget, name="forget"),
    path(
        "lacak/<str:tracking_id>/lampiran/<int:pk>/",
        views.attachment_download,
        name="attachment",
    ),
    path("aksesibilitas/", views.accessibility, name="accessibility"),
    path("mudah-dibaca/", views.easy_read, name="easy_read"),
    path("manifest.webmanifest", views.manifest, name="manifest"),
    path("berkas/", views.stage_files, name="stage_files"),
    path("wilayah/anak/", views.region_children, name="region_children"),
    path("wilayah/instansi/", views.agency_options, name="agency_options"),
]
