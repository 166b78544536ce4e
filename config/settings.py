"""Mendwell settings: one file, driven by the environment.

Three modes, chosen by ``MENDWELL_ENV``:

* ``production`` (the default, so a bare ``gunicorn`` is safe): DEBUG must be
  off and real keys must be present, or the process refuses to start.
* ``development`` (what ``dev.py start`` uses): DEBUG on, console email,
  plain-HTTP cookies for http://127.0.0.1.
* ``test`` (chosen automatically under pytest): production-like security
  settings with throwaway keys generated for the run.
"""

from __future__ import annotations

import os
import sys
from email.utils import parseaddr as _parseaddr
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

from config.env import SECRETS_FILE_NAME, Env, read_secrets_file

BASE_DIR = Path(__file__).resolve().parent.parent

_default_env = "test" if "PYTEST_VERSION" in os.environ else "production"
MENDWELL_ENV = os.environ.get("MENDWELL_ENV", _default_env)
if MENDWELL_ENV not in {"production", "development", "test"}:
    sys.exit(f"MENDWELL_ENV must be production, development or test (got {MENDWELL_ENV!r}).")
IS_PRODUCTION = MENDWELL_ENV == "production"
IS_TEST = MENDWELL_ENV == "test"

DATA_DIR = Path(os.environ.get("MENDWELL_DATA_DIR", "data")).resolve()
env = Env(read_secrets_file(DATA_DIR / SECRETS_FILE_NAME))

DEBUG = env.bool("DEBUG", default=MENDWELL_ENV == "development")

SECRET_KEY = env.str("SECRET_KEY")
FIELD_ENCRYPTION_KEYS = env.list("FIELD_ENCRYPTION_KEYS")
if IS_TEST and not SECRET_KEY:
    # Throwaway keys for one test run; nothing written under them outlives it.
    from cryptography.fernet import Fernet

    SECRET_KEY = Fernet.generate_key().decode() + Fernet.generate_key().decode()
    FIELD_ENCRYPTION_KEYS = FIELD_ENCRYPTION_KEYS or [Fernet.generate_key().decode()]

# `manage.py backup` seals backups with the first of these (32 random bytes,
# base64); the others still open older backups after a change of key. They live
# in secrets.env, never beside the backups (mendwell/core/backup).
BACKUP_ENCRYPTION_KEYS = env.list("BACKUP_ENCRYPTION_KEY")
if IS_TEST and not BACKUP_ENCRYPTION_KEYS:
    from cryptography.fernet import Fernet

    BACKUP_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
BACKUP_DIR = env.str("BACKUP_DIR")
BACKUP_KEEP = env.int("BACKUP_KEEP", 14)

ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS",
    default=[] if IS_PRODUCTION else ["127.0.0.1", "localhost", "testserver", "[::1]"],
)
if not IS_PRODUCTION:
    host = os.environ.get("HOST", "127.0.0.1")
    if host not in ALLOWED_HOSTS and host not in {"0.0.0.0", "::"}:  # noqa: S104
        ALLOWED_HOSTS.append(host)

# Each person's data key, wrapped by FIELD_ENCRYPTION_KEYS, lives in this
# directory, outside the database, so that deleting an account destroys it even
# in old database backups (mendwell/core/keyring.py). Back it up with the keys.
KEYRING_DIR = Path(env.str("KEYRING_DIR") or DATA_DIR / "keyring").resolve()
if IS_TEST and not env.str("KEYRING_DIR") and "MENDWELL_DATA_DIR" not in os.environ:
    # A throwaway keyring per test process (processes a test starts with their
    # own data directory share that directory's keyring instead).
    import atexit
    import shutil
    import tempfile

    KEYRING_DIR = Path(tempfile.mkdtemp(prefix="mendwell-test-keyring-"))
    atexit.register(shutil.rmtree, KEYRING_DIR, ignore_errors=True)

# The checks that make the process refuse to start live in their own module so
# that they can be tested without re-importing settings.
from config.startup_checks import refuse_unsafe_start  # noqa: E402

refuse_unsafe_start(
    env_name=MENDWELL_ENV,
    debug=DEBUG,
    secret_key=SECRET_KEY,
    field_keys=FIELD_ENCRYPTION_KEYS,
    allowed_hosts=ALLOWED_HOSTS,
)

INSTALLED_APPS = [
    # The operator's admin (mendwell/staff/admin.py). The simple config does not
    # autodiscover, so no other app's admin.py registers anything.
    "django.contrib.admin.apps.SimpleAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "template_partials",
    "django_htmx",
    "csp",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # Each person's sessions (created, last used, browser, IP) for the devices page.
    "allauth.usersessions",
    # Login, two-step and signup for mobile apps (X-Session-Token) at /_allauth/app/v1/.
    "allauth.headless",
    "mendwell.core",
    "mendwell.accounts",
    "mendwell.couples",
    "mendwell.safety",
    "mendwell.journal",
    "mendwell.conversations",
    "mendwell.loved",
    "mendwell.promises",
    "mendwell.affection",
    "mendwell.checkins",
    "mendwell.push",
    "mendwell.notify",
    "mendwell.nudges",
    "mendwell.jar",
    "mendwell.dates",
    "mendwell.progress",
    "mendwell.reminders",
    "mendwell.story",
    "mendwell.counsel",
    "mendwell.today",
    "mendwell.report",
    "mendwell.security",
    "mendwell.exports",
    "mendwell.erasure",
    "mendwell.staff",
    "mendwell.demo",
    "mendwell.api",
]
if IS_TEST:
    # A small content app that exercises the access gate and the route matrix
    # until the feature apps bring real content models.
    INSTALLED_APPS.append("tests.gatekeeper")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "mendwell.core.middleware.RequestIdMiddleware",
    # Refusals and failed sign-ins, by actor id and route only (core/logging.py).
    "mendwell.core.middleware.AccessLogMiddleware",
    "mendwell.core.middleware.HttpOnlyCookiesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Idle and shared-device limits end a session before the login check sees it.
    "mendwell.security.middleware.SessionLifetimeMiddleware",
    "mendwell.security.middleware.SessionActivityMiddleware",
    "mendwell.core.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "mendwell.core.middleware.CSPNonceMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Counsellor accounts reach only the counsellor pages (see the module).
    "mendwell.counsel.middleware.CounsellorScopeMiddleware",
    "mendwell.core.middleware.UserPreferencesMiddleware",
    "mendwell.core.middleware.PrivateResponseMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

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
                "django.template.context_processors.tz",
                "csp.context_processors.nonce",
                "mendwell.core.context_processors.site",
                "mendwell.notify.context_processors.unread",
            ],
        },
    },
]

# --- Database -----------------------------------------------------------------
# SQLite by default. WAL lets readers carry on while one writer commits;
# synchronous=FULL makes an acknowledged write survive power loss; IMMEDIATE
# transactions take the write lock up front so the busy timeout actually waits
# instead of failing with "database is locked" half-way through.
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 10,
    "init_command": (
        "PRAGMA journal_mode=WAL;"
        "PRAGMA synchronous=FULL;"
        "PRAGMA busy_timeout=10000;"
        "PRAGMA journal_size_limit=27103364;"
    ),
}
DATABASE_URL = env.str("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
    if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        DATABASES["default"]["OPTIONS"] = dict(SQLITE_OPTIONS)
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(DATA_DIR / "mendwell.sqlite3"),
            "OPTIONS": dict(SQLITE_OPTIONS),
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------------
# A database cache is shared by every gunicorn worker, so allauth's rate limits
# hold across processes; Redis takes over when CACHE_URL says so.
CACHE_URL = env.str("CACHE_URL")
if CACHE_URL.startswith(("redis://", "rediss://")):
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "mendwell_cache",
        }
    }

# --- Background tasks -------------------------------------------------------------
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# /healthz reports unhealthy once the oldest waiting task is older than this.
TASK_QUEUE_MAX_AGE_SECONDS = env.int("TASK_QUEUE_MAX_AGE_SECONDS", 600)

# --- Accounts and passwords ---------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "mendwell.accounts.validators.MaximumLengthValidator"},
]
PASSWORD_RESET_TIMEOUT = 60 * 60  # one hour, not Django's three days

LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "today"
LOGOUT_REDIRECT_URL = "account_login"

ACCOUNT_ADAPTER = "mendwell.accounts.adapter.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False  # a reset for an unknown address sends nothing
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False  # the current device stays signed in; others end
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_SESSION_REMEMBER = True
ACCOUNT_UNIQUE_EMAIL = True
# Content-free security notices to the account owner: password, email and
# two-step changes (the templates are linted for neutral wording).
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_FORMS = {
    "signup": "mendwell.accounts.forms.SignupForm",
    # Adds "this is a shared device" (shorter session limits; see mendwell/security).
    "login": "mendwell.security.forms.LoginForm",
}
# Greet people by the name they chose; never their email or an internal id.
ACCOUNT_USER_DISPLAY = "mendwell.accounts.models.user_display"
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key,100/h/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
}
# "Sudo mode": changing email, password or second factor, unlinking, exporting,
# deleting, revoking sessions and making a report need a password entered in
# the last 15 minutes.
ACCOUNT_REAUTHENTICATION_TIMEOUT = 15 * 60
# Adding, removing or choosing an email address asks for it too (second factor
# changes always do: MFA_REAUTHENTICATION_REQUIRED defaults to True). A fresh
# password sign-in counts as recent (mendwell.security.services.mark_sign_in_fresh).
ACCOUNT_REAUTHENTICATION_REQUIRED = True
# Our own middleware notes "last used" at most every few minutes instead of
# allauth's write on every request (mendwell.security.middleware).
USERSESSIONS_TRACK_ACTIVITY = False
MFA_ADAPTER = "mendwell.accounts.mfa_adapter.MFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_TOTP_ISSUER = "Mendwell"
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = MENDWELL_ENV == "development"

# --- Sessions and cookies -----------------------------------------------------------
# Over plain HTTP (development on 127.0.0.1) browsers refuse Secure and
# __Host- cookies, so HTTPS-only cookie settings follow MENDWELL_HTTPS.
HTTPS = env.bool("MENDWELL_HTTPS", default=MENDWELL_ENV != "development")
SESSION_COOKIE_NAME = "__Host-sessionid" if HTTPS else "mendwell_session"
SESSION_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 24 * 30
CSRF_COOKIE_NAME = "__Host-csrftoken" if HTTPS else "mendwell_csrftoken"
CSRF_COOKIE_SECURE = HTTPS
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_NAME = "__Host-language" if HTTPS else "mendwell_language"
LANGUAGE_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
MFA_TRUST_COOKIE_SECURE = HTTPS

SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=IS_PRODUCTION)
if env.bool("MENDWELL_BEHIND_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Self only: no CDN, no fonts or scripts from anywhere else, no inline script
# without this response's nonce. The QR code for two-factor set-up is a data: image.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}

# Flash messages live in the server-side session, not in a readable cookie.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024  # 1 MiB: far above any text a person types

# --- JSON API ---------------------------------------------------------------------
# allauth headless serves only the app flow: browsers use the web pages themselves.
# A headless session is an ordinary Django session (listed and revocable on the
# devices page); links in emails lead to the normal web pages.
HEADLESS_CLIENTS = ("app",)
HEADLESS_ONLY = False
HEADLESS_SERVE_SPECIFICATION = False
# Requests per window, per signed-in person and per network address (429 past it).
API_THROTTLE_RATES = {
    "user": env.str("API_THROTTLE_USER", "300/m"),
    "ip": env.str("API_THROTTLE_IP", "600/m"),
}

# --- Email ---------------------------------------------------------------------
EMAIL_BACKEND = env.str(
    "EMAIL_BACKEND",
    default="django.core.mail.backends.console.EmailBackend"
    if MENDWELL_ENV == "development"
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env.str("EMAIL_HOST", "localhost")
EMAIL_PORT = env.int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
EMAIL_USE_SSL = env.bool("EMAIL_USE_SSL", default=False)
EMAIL_TIMEOUT = 20
# For the file backend (django.core.mail.backends.filebased.EmailBackend).
EMAIL_FILE_PATH = env.str("EMAIL_FILE_PATH", str(DATA_DIR / "outbox"))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", "Mendwell <mendwell@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Internationalisation ------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

# --- Static files ------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG or IS_TEST
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
MEDIA_ROOT = DATA_DIR / "uploads"
WHITENOISE_USE_FINDERS = DEBUG or IS_TEST
WHITENOISE_AUTOREFRESH = DEBUG or IS_TEST
# Source maps (5 MB of them, from the API docs page's bundle) are only fetched by
# developer tools: compressing them doubled the time `collectstatic` takes.
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = [
    *("jpg", "jpeg", "png", "gif", "webp", "zip", "gz", "tgz", "bz2", "tbz", "xz", "br"),
    *("swf", "flv", "woff", "woff2", "3gp", "3gpp", "asf", "avi", "m4v", "mov", "mp4"),
    *("mpeg", "mpg", "webm", "wmv", "map"),
]

# --- Product settings -----------------------------------------------------------------
# Where "quick exit" sends the browser: an ordinary, neutral page.
QUICK_EXIT_URL = env.str("MENDWELL_QUICK_EXIT_URL", "https://www.bbc.co.uk/weather")
INVITE_LIFETIME_HOURS = 72
SITE_NAME = env.str("MENDWELL_SITE_NAME", "Mendwell")

# --- Web push -------------------------------------------------------------------------
# `manage.py ensure_vapid_keys` (run by `dev.py start`) appends a pair to secrets.env.
# Without both keys push is simply unavailable.
VAPID_PUBLIC_KEY = env.str("VAPID_PUBLIC_KEY")
VAPID_PRIVATE_KEY = env.str("VAPID_PRIVATE_KEY")
if IS_TEST and not VAPID_PRIVATE_KEY:
    # A throwaway pair for one test run, like the keys above.
    from mendwell.push.keys import generate_pair

    VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY = generate_pair()
VAPID_CONTACT = env.str(
    "VAPID_CONTACT", "mailto:" + (_parseaddr(DEFAULT_FROM_EMAIL)[1] or "mendwell@localhost")
)
# Subscriptions are only accepted for the browsers' own push services (a host
# equal to or under one of these), so the server never POSTs anywhere else.
PUSH_ENDPOINT_HOSTS = env.list(
    "PUSH_ENDPOINT_HOSTS",
    default=[
        "fcm.googleapis.com",  # Chrome, Edge on Android, Brave, Opera
        "updates.push.services.mozilla.com",  # Firefox
        "push.services.mozilla.com",
        "notify.windows.com",  # Edge on Windows (wns2-*.notify.windows.com)
        "push.apple.com",  # Safari (web.push.apple.com)
        "web.push.apple.com",
    ],
)

# --- Logging -------------------------------------------------------------------------
# Never request bodies, never user-written text: only what happened, to whom (by
# id) and the request id a user can quote.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "mendwell.core.logging.RequestIdFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"}
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django.server": {"level": "WARNING"},
    },
}
