"""One settings module, driven by environment variables (ARCHITECTURE.md §11).

Every value a deployment may need to change comes from the environment; secrets may also come
from a file (``<NAME>_FILE``), so they never have to live in the process environment.
"""

from __future__ import annotations

import datetime as dt
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
# `make run` is the one-command demo: it sets LAPOR_DEMO=1, which alone allows the development
# key and loading demo data (`manage.py load_demo`) without DEBUG. Never set it in production.
DEMO = env_bool("LAPOR_DEMO", False)
# Everything that is neither a developer's machine, a test run nor the local demo is treated as
# production: it must be configured securely or it does not start.
# (mypy's Django plugin reads this module to type-check; it runs nothing.)
PRODUCTION = not (DEBUG or TESTING or DEMO or "mypy" in sys.modules)
DEV_SECRET_KEY = "dev-only-insecure-key-change-me-in-production-0123456789"  # noqa: S105
SECRET_KEY = env("SECRET_KEY", "")


def _weak_secret_key(key: str) -> str:
    """Why ``key`` cannot sign sessions, PIN hashes and tokens in production ("" if it can)."""
    if not key:
        return "SECRET_KEY is not set"
    if key == DEV_SECRET_KEY or key.startswith("django-insecure") or "insecure" in key.lower():
        return "SECRET_KEY is the development key"
    if len(key) < 50 or len(set(key)) < 5:
        return "SECRET_KEY is too short or too simple (50+ random characters are needed)"
    return ""


if PRODUCTION and _weak_secret_key(SECRET_KEY):
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(
        f"Lapor refuses to start: {_weak_secret_key(SECRET_KEY)}, and DEBUG is off.\n"
        "  Generate a key once and keep it secret, e.g.\n"
        "    python3 -c 'import secrets; print(secrets.token_urlsafe(50))' "
        "> /etc/lapor/secret_key\n"
        "  then start with SECRET_KEY_FILE=/etc/lapor/secret_key (or SECRET_KEY=...).\n"
        "  For the local demo use `make run`; for development set DEBUG=1."
    )
if not SECRET_KEY:
    SECRET_KEY = DEV_SECRET_KEY
ALLOWED_HOSTS = [h for h in env("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in env("CSRF_TRUSTED_ORIGINS", "").split(",") if o]
# Reverse proxies (deploy/haproxy): their X-Forwarded-For gives the client's address, and
# X-Forwarded-Proto "https" marks a request that arrived over TLS at the proxy.
TRUSTED_PROXIES = {p for p in env("TRUSTED_PROXIES", "").split(",") if p}
if TRUSTED_PROXIES:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

INSTALLED_APPS = [
    # The Django admin, for national admins only (lapor.core.admin_site).
    "lapor.core.admin_site.LaporAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_tasks",
    # Login throttling (site and admin) and TOTP two-factor (lapor.accounts, docs/accounts.md).
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
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
    "lapor.whatsapp",
    "lapor.skm",
    "lapor.web",
    "lapor.mailbox",
    "lapor.ppid",
    "lapor.nodes",
    "lapor.voice",
]

MIDDLEWARE = [
    # First: everything after it sees the client's address, not the reverse proxy's.
    "lapor.core.middleware.TrustedProxyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "lapor.core.security.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages and JSON gzipped on the way out (not the receipt's PIN: see the class).
    "lapor.core.middleware.CompressionMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The device cookie (PIN tries, lapor.reports.pin_guard) and the receipt key (pin_vault).
    "lapor.reports.middleware.ReporterDeviceMiddleware",
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
    "django_otp.middleware.OTPMiddleware",
    # Staff with a TOTP device confirm it after the password; national admins must have one.
    "lapor.accounts.twofactor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Public pages may read from the replica when one is configured (DATABASE_REPLICA_URL).
    "lapor.core.dbrouting.ReplicaReadsMiddleware",
    # Last, as django-axes asks: turns a locked-out login into our translated page.
    "axes.middleware.AxesMiddleware",
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
elif env("DB_POOL_MAX_SIZE"):
    # psycopg's connection pool, one per process (docs/operations.md, "Connection budget"):
    # each web or worker process holds up to DB_POOL_MAX_SIZE connections, opened on demand
    # and kept from DB_POOL_MIN_SIZE. Django closes nothing per request with a pool.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = False
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": int(env("DB_POOL_MIN_SIZE", "1")),
        "max_size": int(env("DB_POOL_MAX_SIZE")),
        "timeout": float(env("DB_POOL_TIMEOUT", "10")),
    }
# A PostgreSQL streaming replica for the public pages' reads (lapor/core/dbrouting.py).
DATABASE_REPLICA_URL = env("DATABASE_REPLICA_URL")
DATABASE_ROUTERS: list[str] = []
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = dj_database_url.parse(
        DATABASE_REPLICA_URL, conn_max_age=600, conn_health_checks=True
    )
    if "pool" in DATABASES["default"].get("OPTIONS", {}):
        DATABASES["replica"]["CONN_MAX_AGE"] = 0
        DATABASES["replica"]["CONN_HEALTH_CHECKS"] = False
        DATABASES["replica"].setdefault("OPTIONS", {})["pool"] = dict(
            DATABASES["default"]["OPTIONS"]["pool"]
        )
    # Tests: the replica is the test database itself (no second copy to keep in step).
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["lapor.core.dbrouting.ReplicaRouter"]
elif TESTING and DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
    # Tests of the router (tests/reports/test_it_reads_public_pages_from_the_replica.py) get a
    # second connection to the test database; no router unless the test turns it on.
    DATABASES["replica"] = {**DATABASES["default"], "TEST": {"MIRROR": "default"}}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- auth -----------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out login before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "lapor.accounts.backends.EmailOrPhoneBackend",
]
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
# Messages live in a signed cookie, never in the session store (a desk's "filed" message
# carries the PIN it hands over: lapor.reports.pin_vault).
MESSAGE_STORAGE = "django.contrib.messages.storage.cookie.CookieStorage"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# --- transport security (docs/operations.md "Production") -----------------------------------
# In production every cookie is https-only and browsers are told to use https only (HSTS); the
# demo and tests run on plain http://127.0.0.1. Each can be set explicitly.
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", PRODUCTION)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", PRODUCTION)
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", str(365 * 24 * 3600) if PRODUCTION else "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", PRODUCTION)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", PRODUCTION)
# Behind a reverse proxy that terminates TLS (the usual set-up), the proxy tells the scheme in
# X-Forwarded-Proto; it must overwrite that header from clients. TRUST_X_FORWARDED_PROTO=0 when
# the app faces clients directly.
if env_bool("TRUST_X_FORWARDED_PROTO", PRODUCTION):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy and Permissions-Policy: lapor.core.security.SecurityHeadersMiddleware.

# --- login throttling (django-axes) ---------------------------------------------------------
# Five wrong passwords for one login from one address lock that pair for 15 minutes (each new
# try during the lock starts the 15 minutes again). Locking the pair, not the account, means a
# stranger cannot lock the owner out; the unlock paths are waiting, resetting the password
# (which lifts the lock), or an admin (Django admin "Access attempts", `manage.py
# axes_reset_username`).
AXES_FAILURE_LIMIT = int(env("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = dt.timedelta(minutes=int(env("LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "lapor.accounts.throttle.login_name"
AXES_LOCKOUT_CALLABLE = "lapor.accounts.throttle.locked_out"
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "lapor.accounts.throttle.client_ip"
# Keep the access log small: failures are what matter; no start-up banner on every command.
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False
# TOTP (django-otp): the issuer shown in authenticator apps. National admins (and superusers)
# must use it; the test suite's shared cast logs in without it, except in the tests of this rule
# (tests/accounts/test_it_asks_staff_for_a_second_factor.py), which turn it on.
OTP_TOTP_ISSUER = env("OTP_TOTP_ISSUER", "Lapor")
TWO_FACTOR_REQUIRED_FOR_NATIONAL_ADMINS = env_bool("TWO_FACTOR_REQUIRED", not TESTING)

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
# Media (attachments, staged uploads, open-data files): the local disk by default; an
# S3-compatible object store (docs/operations.md) when S3_BUCKET is set, so that any number of
# web servers and workers share them. Objects stay private: every download goes through the
# access checks and is streamed by Django, never linked to the store.
S3_BUCKET = env("S3_BUCKET")
DEFAULT_STORAGE: dict[str, object] = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
if S3_BUCKET:
    DEFAULT_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": env("S3_ENDPOINT_URL") or None,
            "access_key": env("S3_ACCESS_KEY_ID") or None,
            "secret_key": env("S3_SECRET_ACCESS_KEY") or None,
            "region_name": env("S3_REGION", "us-east-1"),
            "addressing_style": env("S3_ADDRESSING_STYLE", "path"),
            "location": env("S3_PREFIX"),
            "default_acl": "private",
            "file_overwrite": False,
            "querystring_auth": True,
        },
    }
STORAGES = {
    # Attachments are never served as public static files: they go through access checks.
    "default": DEFAULT_STORAGE,
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
# Where people write about barriers on the site (the accessibility statement names it).
ACCESSIBILITY_CONTACT = env("ACCESSIBILITY_CONTACT", "aksesibilitas@lapor.localhost")
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

# --- maps (docs/map.md) ---------------------------------------------------------------------
# A map tile server URL with {z}/{x}/{y} (and optionally {s}); empty turns the maps off (the
# place fields and the list of reports work without them). Every map view sends the viewer's
# address to this server: run your own, or pick one whose usage policy allows your traffic.
MAP_TILE_URL = env("MAP_TILE_URL", "")
MAP_TILE_ATTRIBUTION = env("MAP_TILE_ATTRIBUTION", "© OpenStreetMap contributors")
MAP_TILE_MAX_ZOOM = int(env("MAP_TILE_MAX_ZOOM", "18"))
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

# --- WhatsApp (lapor.whatsapp, docs/channels.md) -------------------------------------------
# Which provider carries the messages: "cloud" is Meta's WhatsApp Cloud API; a local BSP is one
# more folder in lapor/whatsapp/providers/.
WHATSAPP_PROVIDER = env("WHATSAPP_PROVIDER", "cloud")
WHATSAPP_API_URL = env("WHATSAPP_API_URL", "https://graph.facebook.com/v21.0").rstrip("/")
WHATSAPP_PHONE_NUMBER_ID = env("WHATSAPP_PHONE_NUMBER_ID", "")
WHATSAPP_ACCESS_TOKEN = env("WHATSAPP_ACCESS_TOKEN", "")
# The app secret signs every webhook (X-Hub-Signature-256); empty = every POST is refused.
WHATSAPP_APP_SECRET = env("WHATSAPP_APP_SECRET", "")
# The token typed into the webhook configuration; empty = the handshake is refused.
WHATSAPP_VERIFY_TOKEN = env("WHATSAPP_VERIFY_TOKEN", "")
# The approved template used outside the 24-hour service window: body "{{1}}" = report
# number, "{{2}}" = the message.
WHATSAPP_TEMPLATE_NAME = env("WHATSAPP_TEMPLATE_NAME", "lapor_pemberitahuan")
WHATSAPP_TEMPLATE_LANGUAGE = env("WHATSAPP_TEMPLATE_LANGUAGE", "id")
WHATSAPP_TIMEOUT = int(env("WHATSAPP_TIMEOUT", "10"))

# --- partner webhooks (lapor.partners.destinations, docs/partners.md) ------------------------
# Webhook URLs must be https and lead only to public internet addresses. A local demo with
# `manage.py partner_simulator` (plain http on loopback) may allow that, and only with DEBUG on;
# the tests set these two themselves.
PARTNER_WEBHOOK_ALLOW_HTTP = DEBUG and env_bool("PARTNER_WEBHOOK_DEMO_LOOPBACK", False)
PARTNER_WEBHOOK_ALLOWED_NETWORKS = ["127.0.0.0/8", "::1/128"] if PARTNER_WEBHOOK_ALLOW_HTTP else []
