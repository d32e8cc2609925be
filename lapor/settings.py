"""One settings module, driven by environment variables (ARCHITECTURE.md §11).

Every value a deployment may need to change comes from the environment; secrets may also come
from a file (``<NAME>_FILE``), so they never have to live in the process environment.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name: str, default: str = "") -> str:
    file_path = os.environ.get(f"{name}_FILE")
    if file_path:
        return Path(file_path).read_text().strip()
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = env(name, "1" if default else "0").strip().lower()
    return value in {"1", "true", "yes", "on"}


DEBUG = env_bool("DEBUG", False)
# Under pytest there is no collectstatic step: serve static files from the finders.
TESTING = env_bool("TESTING") or "pytest" in sys.modules
SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key-change-me-in-production-0123456789")
ALLOWED_HOSTS = [h for h in env("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in env("CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_tasks",
    "django_tasks_db",
    # API v1 (lapor.api): its Swagger UI is served from our static files, not a CDN.
    "ninja",
    "lapor.core",
    "lapor.regions",
    "lapor.agencies",
    "lapor.accounts",
    "lapor.reports",
    "lapor.notifications",
    "lapor.console",
    "lapor.exports",
    "lapor.public",
    "lapor.stats",
    "lapor.open311",
    "lapor.opendata",
    "lapor.routing",
    "lapor.partners",
    "lapor.sms",
    "lapor.web",
    "lapor.mailbox",
    "lapor.ppid",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # After LocaleMiddleware so the "too large" page speaks the page's language.
    "lapor.core.middleware.RequestSizeLimitMiddleware",
    # NUL characters and lone surrogates: 400 in the channel's format, before any view.
    "lapor.core.middleware.BadInputMiddleware",
    # Overload is refused quickly (503 + Retry-After), not queued (WRITE_CONCURRENCY below).
    "lapor.core.middleware.LoadSheddingMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "lapor.urls"
WSGI_APPLICATION = "lapor.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "lapor.web.context.site",
            ],
        },
    }
]

# --- database -------------------------------------------------------------------------------
# SQLite is the embedded default so `make run` needs no server; PostgreSQL via DATABASE_URL.
DATABASE_URL = env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'lapor.sqlite3'}")
DATABASES = {
    "default": dj_database_url.parse(DATABASE_URL, conn_max_age=600, conn_health_checks=True)
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # WAL + a busy timeout let the web server and the worker share the file.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- auth -----------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["lapor.accounts.backends.EmailOrPhoneBackend"]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:my_reports"
LOGOUT_REDIRECT_URL = "web:home"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if TESTING:
    # Hashing strength is not under test; a fast hasher keeps the suite quick.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

# --- i18n -----------------------------------------------------------------------------------
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Indonesian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Jakarta"

# --- static and media -----------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
MEDIA_URL = "/media/"
STORAGES = {
    # Attachments are never served as public static files: they go through access checks.
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = True

# --- uploads (limits are domain rules, see lapor/reports/attachments.py) ---------------------
ATTACHMENT_MAX_FILE_BYTES = int(env("ATTACHMENT_MAX_FILE_BYTES", str(10 * 1024 * 1024)))
ATTACHMENT_MAX_TOTAL_BYTES = int(env("ATTACHMENT_MAX_TOTAL_BYTES", str(25 * 1024 * 1024)))
ATTACHMENT_MAX_FILES = int(env("ATTACHMENT_MAX_FILES", "5"))
# Requests above this are refused before Django reads the body (a friendly 413 page).
REQUEST_MAX_BYTES = ATTACHMENT_MAX_TOTAL_BYTES + 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FILES = 20
# Files staged by forms that were never completed, per client and day (a failing form must not
# be a way to fill the disk); a shared address (office, school, mobile carrier) gets more.
STAGING_MAX_FILES_PER_SESSION = int(env("STAGING_MAX_FILES_PER_SESSION", "20"))
STAGING_MAX_FILES_PER_ADDRESS = int(env("STAGING_MAX_FILES_PER_ADDRESS", "100"))
STAGING_MAX_BYTES_PER_ADDRESS = int(env("STAGING_MAX_BYTES_PER_ADDRESS", str(300 * 1024 * 1024)))
# A stored file that no row refers to is removed by the purge once it is this old (hours).
STORAGE_ORPHAN_GRACE_HOURS = int(env("STORAGE_ORPHAN_GRACE_HOURS", "6"))

# --- overload (lapor.core.middleware.LoadSheddingMiddleware, docs/performance.md) ----------
# Writes running at once per process; one that cannot start within WRITE_QUEUE_SECONDS gets
# 503 + Retry-After. The web server needs more threads than this (make serve: 8). 0 = no limit
# (the tests' default: they set it where they test it).
WRITE_CONCURRENCY = int(env("WRITE_CONCURRENCY", "0" if TESTING else "4"))
WRITE_QUEUE_SECONDS = float(env("WRITE_QUEUE_SECONDS", "1.0"))
# A write that waited longer than this in front of us (X-Request-Start from the proxy) has
# probably lost its client: refused unless it carries an idempotency key.
CLIENT_GONE_SECONDS = float(env("CLIENT_GONE_SECONDS", "30"))

# --- cache (rate limits); Redis when REDIS_URL is set ----------------------------------------
if env("REDIS_URL"):
    # While Redis is unreachable the database cache answers instead (lapor.core.cache).
    CACHES = {
        "default": {
            "BACKEND": "lapor.core.cache.RedisWithFallback",
            "LOCATION": env("REDIS_URL"),
            "OPTIONS": {"FALLBACK": "fallback"},
        },
        "fallback": (
            {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "fallback"}
            if TESTING
            else {
                "BACKEND": "django.core.cache.backends.db.DatabaseCache",
                "LOCATION": "lapor_cache",
            }
        ),
    }
elif TESTING:
    # Per-process memory: tests clear it freely, without a database.
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "lapor_cache",
        }
    }

# --- background work --------------------------------------------------------------------------
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# --- e-mail ---------------------------------------------------------------------------------
EMAIL_HOST = env("EMAIL_HOST", "127.0.0.1")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Lapor <noreply@lapor.localhost>")
if DEBUG and not env("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# --- logging: never log request bodies (they carry reporters' identities) -------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    # WeasyPrint (letters and reports as PDF) narrates every step at INFO.
    "loggers": {
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

SITE_NAME = "Lapor"
# Absolute base of links in e-mails and SMS (no trailing slash).
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
EMAIL_TIMEOUT = int(env("EMAIL_TIMEOUT", "30"))
# The e-mail channel (lapor.mailbox, docs/email.md): mail to MAIL_INTAKE_ADDRESS files a report;
# replies come back to <MAIL_REPLY_PREFIX>+<token>@MAIL_DOMAIN. `manage.py run_mail_intake`
# listens on MAIL_INTAKE_HOST:MAIL_INTAKE_PORT (SMTP, or LMTP behind Postfix with MAIL_INTAKE_LMTP).
MAIL_DOMAIN = env("MAIL_DOMAIN", "lapor.localhost").lower()
MAIL_INTAKE_ADDRESS = env("MAIL_INTAKE_ADDRESS", f"lapor@{MAIL_DOMAIN}").lower()
# Information requests by e-mail (lapor.ppid.email, docs/ppid.md).
MAIL_PPID_ADDRESS = env("MAIL_PPID_ADDRESS", f"ppid@{MAIL_DOMAIN}").lower()
MAIL_REPLY_PREFIX = env("MAIL_REPLY_PREFIX", "balas").lower()
MAIL_INTAKE_HOST = env("MAIL_INTAKE_HOST", "127.0.0.1")
MAIL_INTAKE_PORT = int(env("MAIL_INTAKE_PORT", "2525"))
MAIL_INTAKE_LMTP = env_bool("MAIL_INTAKE_LMTP", False)

# --- SMS 1708 through Kannel (docs/operations.md) ------------------------------------------
SMS_SHORT_CODE = env("SMS_SHORT_CODE", "1708")
SMS_SENDSMS_URL = env("SMS_SENDSMS_URL", "http://127.0.0.1:13013/cgi-bin/sendsms")
SMS_SENDSMS_USER = env("SMS_SENDSMS_USER", "lapor")
SMS_SENDSMS_PASSWORD = env("SMS_SENDSMS_PASSWORD", "")
SMS_TIMEOUT = int(env("SMS_TIMEOUT", "10"))
# Kannel calls /sms/incoming and /sms/dlr with this secret in the query; empty = refused.
SMS_CALLBACK_SECRET = env("SMS_CALLBACK_SECRET", "")
SMS_CALLBACK_ALLOWED_IPS = [
    i.strip() for i in env("SMS_CALLBACK_ALLOWED_IPS", "127.0.0.1,::1").split(",") if i.strip()
]
# Where Kannel reaches this app for delivery reports (no trailing slash).
SMS_CALLBACK_BASE_URL = env("SMS_CALLBACK_BASE_URL", SITE_URL).rstrip("/")

# --- partner webhooks (lapor.partners.destinations, docs/partners.md) ------------------------
# Webhook URLs must be https and lead only to public internet addresses. A local demo with
# `manage.py partner_simulator` (plain http on loopback) may allow that, and only with DEBUG on;
# the tests set these two themselves.
PARTNER_WEBHOOK_ALLOW_HTTP = DEBUG and env_bool("PARTNER_WEBHOOK_DEMO_LOOPBACK", False)
PARTNER_WEBHOOK_ALLOWED_NETWORKS = ["127.0.0.0/8", "::1/128"] if PARTNER_WEBHOOK_ALLOW_HTTP else []
