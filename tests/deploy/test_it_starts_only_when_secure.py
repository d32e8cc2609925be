"""Issue 10.5: production cannot start insecure. Each test starts the real ``manage.py`` (or the
real middleware stack) the way an operator would, in production settings: DEBUG off, no demo."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from lapor.accounts.models import User

ROOT = Path(__file__).resolve().parents[2]
STRONG_KEY = secrets.token_urlsafe(50)


def _production_env(**extra: str) -> dict[str, str]:
    # As an operator's shell would be: no test-run switches (Playwright's async-unsafe flag).
    dropped = {"DEBUG", "LAPOR_DEMO", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env.update({"TESTING": "0", "ALLOWED_HOSTS": "lapor.go.id,testserver"})
    env.update(extra)
    return env


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=_production_env(**env),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_it_refuses_to_start_without_a_secret_key():
    done = _manage("check")
    assert done.returncode != 0
    assert "Lapor refuses to start: SECRET_KEY is not set, and DEBUG is off." in done.stderr
    assert "SECRET_KEY_FILE" in done.stderr


@pytest.mark.parametrize(
    "key",
    [
        "dev-only-insecure-key-change-me-in-production-0123456789",
        "django-insecure-abc123abc123abc123abc123abc123abc123abc123abc123abc",
        "short-key",
    ],
)
def test_it_refuses_to_start_with_a_development_or_weak_key(key):
    done = _manage("check", SECRET_KEY=key)
    assert done.returncode != 0
    assert "Lapor refuses to start" in done.stderr


def test_the_demo_and_development_still_start_without_a_key():
    assert _manage("check", LAPOR_DEMO="1").returncode == 0
    assert _manage("check", DEBUG="1").returncode == 0


def test_check_deploy_is_clean_in_production_settings():
    done = _manage("check", "--deploy", "--fail-level", "WARNING", SECRET_KEY=STRONG_KEY)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "System check identified no issues" in done.stdout


PROBE = """
import json, django
django.setup()
from django.conf import settings
from django.test import Client
from django.test.utils import setup_test_environment
setup_test_environment()
settings.ALLOWED_HOSTS = ["lapor.go.id"]
# No collectstatic here: the page's static URLs without the manifest.
settings.STORAGES = {**settings.STORAGES, "staticfiles": {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
c = Client(HTTP_HOST="lapor.go.id")
plain = c.get("/kebijakan/")
tls = c.get("/kebijakan/", secure=True)
print(json.dumps({
    "redirect": [plain.status_code, plain.get("Location", "")],
    "forwarded": c.get("/kebijakan/", HTTP_X_FORWARDED_PROTO="https").status_code,
    "headers": dict(tls.headers),
    "settings": [settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE],
}))
"""


def test_production_sends_the_security_headers():
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env=_production_env(SECRET_KEY=STRONG_KEY, DJANGO_SETTINGS_MODULE="lapor.settings"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    # Plain http is sent to https; behind the proxy, X-Forwarded-Proto says it was https.
    assert seen["redirect"] == [301, "https://lapor.go.id/kebijakan/"]
    assert seen["forwarded"] != 301
    headers = seen["headers"]
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert seen["settings"] == [True, True]
    _assert_common_headers(headers)


def _assert_common_headers(headers) -> None:
    csp = headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp
    assert "object-src 'none'" in csp and "frame-ancestors 'none'" in csp
    assert headers["Referrer-Policy"] == "same-origin"
    # Nothing but the site's own pages may use the microphone (voice notes) and the position
    # (the map picker); the camera and the rest, nobody.
    policy = headers["Permissions-Policy"]
    assert "camera=()" in policy and "payment=()" in policy
    assert "geolocation=(self)" in policy and "microphone=(self)" in policy
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.django_db
def test_every_page_kind_sends_the_headers(client, directory):
    for url in ("/", "/lapor/", "/laporan/", "/akun/masuk/", "/api/v1/docs", "/admin/login/"):
        response = client.get(url)
        assert response.status_code in (200, 302), url
        _assert_common_headers(response.headers)


@pytest.mark.django_db
def test_demo_data_is_never_loaded_outside_a_demo_run(settings):
    settings.DEMO = False
    settings.DEBUG = False
    with pytest.raises(CommandError, match="not a demo run"):
        call_command("load_demo")
    assert not User.objects.exists()
