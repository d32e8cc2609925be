from django.urls import path

from lapor.accounts import views

app_name = "accounts"
urlpatterns = [
    path("daftar/", views.register, name="register"),
    path("verifikasi/", views.verify, name="verify"),
    path("verifikasi/<str:token>/", views.verify_email, name="verify_email"),
    path("masuk/", views.login_view, name="login"),
    path("keluar/", views.logout_view, name="logout"),
    path("laporan-saya/", views.my_reports, name="my_reports"),
    path("lupa-sandi/", views.password_reset, name="password_reset"),
    path("lupa-sandi/kode/", views.password_reset_code, name="password_reset_code"),
    path(
        "lupa-sandi/<uidb64>/<token>/",
        views.ResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("lupa-sandi/selesai/", views.password_reset_complete, name="password_reset_complete"),
    path("2fa/atur/", views.two_factor_setup, name="two_factor_setup"),
    path("2fa/", views.two_factor_verify, name="two_factor_verify"),
]
