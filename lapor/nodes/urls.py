from django.urls import path

from lapor.nodes import views

app_name = "nodes"
urlpatterns = [
    path("", views.home, name="home"),
    path("tarik/<str:tracking_id>/", views.withdraw, name="withdraw"),
    path("<int:node_id>/", views.node_page, name="node"),
    path("<int:node_id>/lapor/", views.file_report, name="file"),
    path("<int:node_id>/terkirim/<str:tracking_id>/", views.receipt, name="receipt"),
    path(
        "<int:node_id>/terkirim/<str:tracking_id>/selesai/",
        views.receipt_done,
        name="receipt_done",
    ),
    path("<int:node_id>/laporan/<str:tracking_id>/", views.report_page, name="report"),
    path(
        "<int:node_id>/laporan/<str:tracking_id>/lampiran/<int:pk>/",
        views.attachment,
        name="attachment",
    ),
    path(
        "<int:node_id>/laporan/<str:tracking_id>/dengar/<int:event_id>.mp3",
        views.listen,
        name="listen",
    ),
]
