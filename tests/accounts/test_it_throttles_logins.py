"""Issue 10.6: password guessing on the site and the admin is throttled (django-axes), with a
clear translated page and ways back in; a stranger elsewhere cannot lock the owner out."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.test import Client

from lapor.accounts.models import User

pytestmark = pytest.mark.django_db
PW = "Lapor-Kuat-2026!"


@pytest.fixture
def dewi():
    return User.objects.create_user(
        email="dewi@example.id",
        password=PW,
        full_name="Dewi",
        contact_verified_at=dt.datetime(2026, 1, 2, tzinfo=dt.UTC),
    )


def _login(client: Client, password: str, login: str = "dewi@example.id", prefix: str = "/en"):
    return client.post(f"{prefix}/akun/masuk/", {"login": login, "password": password})


def test_five_wrong_passwords_pause_the_login_with_a_clear_message(dewi):
    attacker = Client(REMOTE_ADDR="203.0.113.7")
    with time_machine.travel("2026-03-02 09:00:00+07:00", tick=False) as clock:
        for n in range(4):
            # Every spelling of the login counts for the same account.
            login = "DEWI@example.id" if n % 2 else "dewi@example.id"
            assert "do not match an account" in _login(attacker, "salah", login).content.decode()
        # The fifth wrong password pauses the pair; even the right one is refused meanwhile.
        assert _login(attacker, "salah").status_code == 429
        locked = _login(attacker, PW)
        assert locked.status_code == 429
        page = locked.content.decode()
        assert "Too many wrong passwords" in page and "15 minutes" in page
        assert "/akun/lupa-sandi/" in page  # the unlock path
        indonesian = _login(attacker, PW, prefix="")
        assert "Terlalu banyak" in indonesian.content.decode()
        # The owner, from their own address, is not locked out by the stranger.
        assert _login(Client(REMOTE_ADDR="198.51.100.3"), PW).status_code == 302
        # The stranger's pause ends 15 minutes after the last try.
        clock.shift(dt.timedelta(minutes=16))
        assert _login(attacker, PW).status_code == 302


def test_a_password_reset_lifts_the_pause(dewi, mailoutbox):
    me = Client(REMOTE_ADDR="203.0.113.8")
    for _ in range(5):
        _login(me, "salah")
    assert _login(me, PW).status_code == 429
    me.post("/en/akun/lupa-sandi/", {"login": "dewi@example.id"})
    link = next(line for line in mailoutbox[-1].body.splitlines() if "/lupa-sandi/" in line)
    path = link.split("://", 1)[1].split("/", 1)[1]
    form = me.get("/" + path, follow=True)
    new = "Sandi-Baru-2026!"
    done = me.post(form.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    assert done.status_code == 302
    assert _login(me, new).status_code == 302


def test_the_admin_login_is_throttled_too(dewi):
    dewi.is_staff = True
    dewi.save(update_fields=["is_staff"])
    attacker = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(5):
        attacker.post("/admin/login/", {"username": "dewi@example.id", "password": "salah"})
    locked = attacker.post("/admin/login/", {"username": "dewi@example.id", "password": PW})
    assert locked.status_code == 429
    assert "Terlalu banyak" in locked.content.decode()
