"""Issue 10.6, through a real SMTP server on loopback (aiosmtpd): a new account proves its
e-mail address with the link before it can file reports, and a forgotten password is reset with
the e-mailed single-use link."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from lapor.accounts.models import User
from tests.notifications.conftest import smtp  # noqa: F401  (fixture re-export)

pytestmark = pytest.mark.django_db
PW = "Lapor-Kuat-2026!"


def _text(message) -> str:  # noqa: ANN001
    return message.get_body(preferencelist=("plain",)).get_content()


def _path(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def test_a_new_account_files_reports_only_after_the_e_mailed_link(smtp, directory):  # noqa: F811
    smtp.start()
    client = Client()
    client.post(
        "/en/akun/daftar/",
        {"full_name": "Dewi Lestari", "login": "dewi@example.id", "password1": PW, "password2": PW},
    )
    user = User.objects.get(email="dewi@example.id")
    assert not user.contact_verified
    # Logging in works, but filing a report with the account waits for the proof.
    other_browser = Client()
    other_browser.post("/akun/masuk/", {"login": "dewi@example.id", "password": PW})
    blocked = other_browser.get("/lapor/")
    assert blocked.status_code == 302 and blocked["Location"].startswith("/akun/verifikasi/")
    assert "dewi@example.id" in other_browser.get(blocked["Location"]).content.decode()

    [mail] = smtp.sink.messages
    assert mail["To"] == "dewi@example.id"
    link = re.search(r"https?://\S+/akun/verifikasi/\S+/", _text(mail)).group(0)
    assert other_browser.get(_path(link)).status_code == 302
    user.refresh_from_db()
    assert user.contact_verified
    assert other_browser.get("/lapor/").status_code == 200
    # A forged or altered link proves nothing.
    assert Client().get(_path(link)[:-3] + "xx/").status_code == 400


def test_a_forgotten_password_is_reset_with_the_e_mailed_link(smtp, directory):  # noqa: F811
    smtp.start()
    User.objects.create_user(email="ada@example.id", password=PW, full_name="Ada")
    client = Client()
    sent = client.post("/en/akun/lupa-sandi/", {"login": "ADA@example.id"})
    assert "a link to set a new password is on its way" in sent.content.decode()
    [mail] = smtp.sink.messages
    link = next(w for w in _text(mail).split() if "/akun/lupa-sandi/" in w)
    form = client.get(_path(link), follow=True)
    new = "Sandi-Baru-2026!"
    done = client.post(form.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    assert done.status_code == 302
    assert Client().post("/akun/masuk/", {"login": "ada@example.id", "password": new})["Location"]
    # Single use: the link dies with the password it changed.
    again = Client().get(_path(link), follow=True).content.decode()
    assert "not valid any more" in again
