"""Issue 10.6: staff may, and national admins must, log in with a TOTP code (django-otp) after
the password; a stolen password alone opens neither the console nor the Django admin."""

from __future__ import annotations

import re
import time

import pytest
import time_machine
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _required(settings):
    settings.TWO_FACTOR_REQUIRED_FOR_NATIONAL_ADMINS = True


def _code(device: TOTPDevice, offset: int = 0) -> str:
    value = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    return f"{(value + offset) % 10**6:06d}"


def _password_login(user, password) -> Client:  # noqa: ANN001
    client = Client()
    response = client.post("/en/akun/masuk/", {"login": user.email, "password": password})
    assert response.status_code == 302
    return client


def test_a_national_admin_must_set_up_two_step_login_first(cast):
    client = _password_login(cast.national_admin, cast.password)
    for url in ("/konsol/", "/admin/", "/akun/laporan-saya/"):
        response = client.get(url)
        assert response.status_code == 302 and "/akun/2fa/atur/" in response["Location"], url
    page = client.get("/en/akun/2fa/atur/").content.decode()
    assert "must use two-step login" in page
    secret = re.search(r'id="totp-secret">([A-Z2-7]+)<', page).group(1)
    device = TOTPDevice.objects.get(user=cast.national_admin, confirmed=False)
    assert secret.startswith(__import__("base64").b32encode(device.bin_key).decode()[:8])
    assert 'src="data:image/svg+xml;base64,' in page  # the QR code, allowed by the CSP
    wrong = client.post("/en/akun/2fa/atur/", {"token": _code(device, 1)})
    assert "That code is not right" in wrong.content.decode()
    device.refresh_from_db()
    # A wrong code makes the device wait a little (django-otp's throttling) before the next.
    with time_machine.travel(time.time() + 5, tick=False):
        assert client.post("/en/akun/2fa/atur/", {"token": _code(device)}).status_code == 302
        assert client.get("/konsol/").status_code == 200


def test_a_stolen_password_alone_opens_nothing_for_staff_with_two_step_login(cast):
    officer = cast.officer_a
    device = TOTPDevice.objects.create(user=officer, name="phone", confirmed=True)
    thief = _password_login(officer, cast.password)
    for url in ("/konsol/", "/admin/"):
        response = thief.get(url)
        assert response.status_code == 302 and "/akun/2fa/" in response["Location"], url
    wrong = thief.post("/en/akun/2fa/", {"token": _code(device, 3)})
    assert "That code is not right" in wrong.content.decode()
    # The device slows down guessing: right after a wrong code even the right one waits.
    device.refresh_from_db()
    assert device.throttling_failure_count == 1
    still = thief.post("/en/akun/2fa/", {"token": _code(device)})
    assert "Too many wrong codes" in still.content.decode()
    assert thief.get("/konsol/").status_code == 302


def test_staff_turn_it_on_and_then_need_the_code(cast):
    officer = cast.officer_b
    client = _password_login(officer, cast.password)
    # Optional for staff: the console opens, and offers the setting.
    assert client.get("/konsol/").status_code == 200
    assert "/akun/2fa/atur/" in client.get("/en/akun/laporan-saya/").content.decode()
    client.get("/en/akun/2fa/atur/")
    device = TOTPDevice.objects.get(user=officer)
    client.post("/en/akun/2fa/atur/", {"token": _code(device)})
    device.refresh_from_db()
    assert device.confirmed
    again = _password_login(officer, cast.password)
    assert "/akun/2fa/" in again.get("/konsol/")["Location"]
    # A reporter has nothing to set up.
    reporter = _password_login(cast.reporter, cast.password)
    assert reporter.get("/akun/2fa/atur/").status_code == 404
