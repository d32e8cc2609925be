import re

import pytest
from django.test import Client

from lapor.accounts.models import User

pytestmark = pytest.mark.django_db
PW = "Lapor-Kuat-2026!"


def test_it_registers_with_an_email_and_logs_in(client, mailoutbox):
    response = client.post(
        "/akun/daftar/",
        {"full_name": "Dewi Lestari", "login": "Dewi@Example.ID", "password1": PW, "password2": PW},
    )
    # Not in yet: the address is proved first (the link in the e-mail).
    assert response["Location"] == "/akun/verifikasi/"
    user = User.objects.get()
    assert user.email == "dewi@example.id" and user.phone is None
    assert not user.contact_verified
    link = re.search(r"http://\S+/akun/verifikasi/\S+/", mailoutbox[0].body).group(0)
    opened = client.get(link.split("8000", 1)[-1] if "8000" in link else link)
    assert opened["Location"] == "/akun/laporan-saya/"
    user.refresh_from_db()
    assert user.contact_verified
    fresh = Client()
    ok = fresh.post("/akun/masuk/", {"login": "dewi@example.id", "password": PW})
    assert ok["Location"] == "/akun/laporan-saya/"


def test_it_registers_with_a_phone_and_logs_in_with_any_spelling_of_it(client):
    client.post(
        "/akun/daftar/",
        {"full_name": "Pak Harjo", "login": "0812 1111 2222", "password1": PW, "password2": PW},
    )
    user = User.objects.get()
    assert user.phone == "+6281211112222" and user.email is None
    for spelling in ("081211112222", "+62 812-1111-2222", "62812 1111 2222"):
        fresh = Client()
        response = fresh.post("/akun/masuk/", {"login": spelling, "password": PW})
        assert response.status_code == 302, spelling


def test_it_refuses_duplicates_weak_passwords_and_bad_logins(client):
    User.objects.create_user(email="ada@example.id", password=PW, full_name="Ada")
    taken = client.post(
        "/en/akun/daftar/",
        {"full_name": "X", "login": "ADA@example.id", "password1": PW, "password2": PW},
    )
    # No second account, and no "already exists" either (tests/accounts/…_who_has_an_account).
    assert taken.status_code == 302 and User.objects.count() == 1
    weak = client.post(
        "/en/akun/daftar/",
        {
            "full_name": "Y",
            "login": "y@example.id",
            "password1": "12345678",
            "password2": "12345678",
        },
    )
    assert "This password is entirely numeric." in weak.content.decode()
    mismatch = client.post(
        "/en/akun/daftar/",
        {"full_name": "Z", "login": "z@example.id", "password1": PW, "password2": PW + "x"},
    )
    assert "The two passwords are not the same." in mismatch.content.decode()
    junk = client.post(
        "/en/akun/daftar/",
        {"full_name": "Z", "login": "bukan nomor", "password1": PW, "password2": PW},
    )
    assert "Enter a valid e-mail address or phone number" in junk.content.decode()
    assert 'value="bukan nomor"' in junk.content.decode()
    assert User.objects.count() == 1
    bad = client.post("/en/akun/masuk/", {"login": "ada@example.id", "password": "salah"})
    assert "do not match an account" in bad.content.decode()


def test_my_reports_needs_a_login(client):
    response = client.get("/akun/laporan-saya/")
    assert response.status_code == 302 and "/akun/masuk/" in response["Location"]


def test_logout_is_a_post(client):
    user = User.objects.create_user(email="b@example.id", password=PW, full_name="B")
    client.force_login(user)
    assert client.get("/akun/keluar/").status_code == 405
    assert client.post("/akun/keluar/").status_code == 302
    assert client.get("/akun/laporan-saya/").status_code == 302
