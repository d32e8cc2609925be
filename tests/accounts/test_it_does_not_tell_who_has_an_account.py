"""Issue 10.6: registration, login and password reset answer the same for a login that has an
account and one that has none; only the login's owner hears of the attempt."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from lapor.accounts.models import User

pytestmark = pytest.mark.django_db
PW = "Lapor-Kuat-2026!"


@pytest.fixture
def ada():
    return User.objects.create_user(
        email="ada@example.id",
        phone="+6281211112222",
        password=PW,
        full_name="Ada",
        contact_verified_at=dt.datetime(2026, 1, 2, tzinfo=dt.UTC),
    )


def _register(login: str):
    client = Client()
    response = client.post(
        "/en/akun/daftar/",
        {"full_name": "Orang Lain", "login": login, "password1": PW, "password2": PW},
    )
    page = client.get(response["Location"]).content.decode()
    from lapor.accounts.phones import normalize_phone

    for spelling in (login, normalize_phone(login) or login):
        page = page.replace(spelling, "LOGIN")
    return response, page


def test_registration_answers_the_same_for_a_taken_and_a_free_e_mail(ada, mailoutbox):
    taken, taken_page = _register("ada@example.id")
    free, free_page = _register("baru@example.id")
    assert taken.status_code == free.status_code == 302
    assert taken["Location"] == free["Location"]
    assert _main(taken_page) == _main(free_page)
    # The owner is told, the stranger learns nothing; no second account, password unchanged.
    to_ada = [m for m in mailoutbox if m.to == ["ada@example.id"]]
    assert len(to_ada) == 1 and "already exists" in to_ada[0].body
    assert User.objects.filter(email="ada@example.id").count() == 1
    assert User.objects.get(email="ada@example.id").check_password(PW)


def test_registration_answers_the_same_for_a_taken_and_a_free_phone(ada):
    taken, taken_page = _register("0812 1111 2222")
    free, free_page = _register("0813 3333 4444")
    assert taken["Location"] == free["Location"]
    assert _main(taken_page) == _main(free_page)


def test_a_code_typed_for_a_taken_phone_fails_like_any_wrong_code(ada):
    client = Client()
    client.post(
        "/en/akun/daftar/",
        {"full_name": "X", "login": "0812 1111 2222", "password1": PW, "password2": PW},
    )
    page = client.post("/en/akun/verifikasi/", {"code": "123456"}).content.decode()
    assert "That code is not right or has expired" in page
    assert "_auth_user_id" not in client.session


def test_login_and_reset_answer_the_same(ada, mailoutbox):
    wrong = Client().post("/en/akun/masuk/", {"login": "ada@example.id", "password": "x"})
    unknown = Client().post("/en/akun/masuk/", {"login": "nobody@example.id", "password": "x"})
    assert wrong.status_code == unknown.status_code == 200
    assert _main(wrong.content.decode().replace("ada@example.id", "L")) == _main(
        unknown.content.decode().replace("nobody@example.id", "L")
    )
    known = Client().post("/en/akun/lupa-sandi/", {"login": "ada@example.id"})
    nobody = Client().post("/en/akun/lupa-sandi/", {"login": "nobody@example.id"})
    assert known.status_code == nobody.status_code == 200
    assert _main(known.content.decode().replace("ada@example.id", "L")) == _main(
        nobody.content.decode().replace("nobody@example.id", "L")
    )
    assert [m.to for m in mailoutbox] == [["ada@example.id"]]
    by_sms = Client().post("/en/akun/lupa-sandi/", {"login": "0812 1111 2222"})
    by_sms_nobody = Client().post("/en/akun/lupa-sandi/", {"login": "0813 3333 4444"})
    assert by_sms["Location"] == by_sms_nobody["Location"]


def _main(page: str) -> str:
    """The page's main content, without the per-request CSRF token."""
    import re

    main = page.split('<main id="main"', 1)[1].split("</main>", 1)[0]
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", main)
