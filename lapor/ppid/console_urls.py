"""The PPID's console (under /konsol/ppid/)."""

from django.urls import URLPattern, URLResolver, path

from lapor.ppid import console

app_name = "ppid_console"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", console.register, name="register"),
    path("keberatan/", console.objections, name="objections"),
    path("daftar-informasi/", console.entries, name="entries"),
    path("daftar-informasi/<int:pk>/ubah/", console.entry_edit, name="entry_edit"),
    path("daftar-informasi/<int:pk>/tarik/", console.entry_withdraw, name="entry_withdraw"),
    path("loket/", console.desk, name="desk"),
    path("permohonan/<str:tracking_id>/", console.request_page, name="request"),
    path(
        "permohonan/<str:tracking_id>/pemberitahuan/<int:pk>/",
        console.notice_letter,
        name="notice_letter",
    ),
    path(
        "permohonan/<str:tracking_id>/tanggapan-keberatan/<int:pk>/",
        console.decision_letter,
        name="decision_letter",
    ),
    path("permohonan/<str:tracking_id>/lampiran/<int:pk>/", console.attachment, name="attachment"),
    path("permohonan/<str:tracking_id>/<slug:action>/", console.request_action, name="action"),
]
