from django.urls import URLPattern, URLResolver, path

from lapor.console import desk, evaluation, templates, views

app_name = "console"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.dashboard, name="dashboard"),
    path("antrean/<slug:slug>/", views.queue, name="queue"),
    path("laporan/<str:tracking_id>/", views.case, name="case"),
    path(
        "laporan/<str:tracking_id>/lampiran/<int:pk>/",
        views.attachment,
        name="attachment",
    ),
    path("laporan/<str:tracking_id>/<slug:action>/", views.case_action, name="case_action"),
    path("kalender/", views.calendar, name="calendar"),
    path("evaluasi/", evaluation.overview, name="evaluation"),
    path("evaluasi/<int:agency_id>/", evaluation.detail, name="evaluation_detail"),
    path("evaluasi/<int:agency_id>/sk/<int:pk>/", evaluation.decree_file, name="evaluation_decree"),
    path("templat/", templates.template_list, name="templates"),
    path("templat/<int:pk>/", templates.template_edit, name="template_edit"),
    path("kalender/<int:pk>/hapus/", views.calendar_remove, name="calendar_remove"),
    path("loket/", desk.desk_new, name="desk_new"),
    path("loket/tanda-terima/<str:tracking_id>/", desk.desk_receipt, name="desk_receipt"),
    path(
        "loket/tanda-terima/<str:tracking_id>/selesai/",
        desk.desk_receipt_done,
        name="desk_receipt_done",
    ),
]
