"""Issue 10.6, through the real Kannel (sendsms → bearerbox → fakesmsc): a phone-number account
proves its number with the SMS code, and a forgotten password is reset with an SMS code. Codes
are never stored readable, and five wrong codes void one."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.test import Client

from lapor.accounts.models import User
from tests.sms.kannel import Kannel

pytestmark = [pytest.mark.kannel, pytest.mark.django_db(transaction=True)]
PW = "Lapor-Kuat-2026!"
NUMBER = "+6281399887766"


def _code(kannel: Kannel, count: int) -> str:
    message = kannel.wait_received(count)[count - 1]
    assert message.receiver.lstrip("+") == NUMBER.lstrip("+")
    return re.search(r"\b(\d{6})\b", message.text).group(1)


def test_a_phone_account_proves_its_number_with_the_sms_code(kannel: Kannel, directory):
    client = Client()
    client.post(
        "/en/akun/daftar/",
        {"full_name": "Pak Harjo", "login": "0813-9988-7766", "password1": PW, "password2": PW},
    )
    code = _code(kannel, 1)
    # The cache holds a keyed hash of the code, never the code.
    assert not any(code in repr(v) for v in cache._cache.values())
    wrong = client.post("/en/akun/verifikasi/", {"code": "000000" if code != "000000" else "1"})
    assert "That code is not right" in wrong.content.decode()
    done = client.post("/en/akun/verifikasi/", {"code": code})
    assert done.status_code == 302
    user = User.objects.get(phone=NUMBER)
    assert user.contact_verified
    assert client.get("/lapor/").status_code == 200  # logged in, and may file


def test_a_forgotten_password_is_reset_by_sms_and_wrong_codes_run_out(kannel: Kannel, directory):
    User.objects.create_user(phone=NUMBER, password=PW, full_name="Pak Harjo")
    client = Client()
    asked = client.post("/en/akun/lupa-sandi/", {"login": "0813 9988 7766"})
    assert asked["Location"].endswith("/akun/lupa-sandi/kode/")
    code = _code(kannel, 1)
    new = "Sandi-Baru-2026!"
    passwords = {"new_password1": new, "new_password2": new}
    for _ in range(5):
        client.post(asked["Location"], {"code": "999999" if code != "999999" else "1", **passwords})
    # Five wrong codes: even the right one no longer works; a new code must be asked for.
    void = client.post(asked["Location"], {"code": code, **passwords})
    assert "not right or has expired" in void.content.decode()
    assert User.objects.get(phone=NUMBER).check_password(PW)

    cache.clear()  # the resend pause of a minute, skipped
    client.post("/en/akun/lupa-sandi/", {"login": NUMBER})
    fresh = _code(kannel, 2)
    done = client.post(
        "/en/akun/lupa-sandi/kode/", {"code": fresh, "new_password1": new, "new_password2": new}
    )
    assert "Your password has been changed" in done.content.decode()
    login = Client().post("/akun/masuk/", {"login": "0813 9988 7766", "password": new})
    assert login.status_code == 302
