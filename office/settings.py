"""Settings of Kancelaria, read from the environment (see the configuration table in README.md).

Three environments:
- ``development`` (default): embedded SQLite under var/, Celery tasks run eagerly,
  e-mail printed to the console; nothing else needs to run.
- ``test``: like development, but with fast password hashing; used by the test suite.
- ``production``: refuses to start without SECRET_KEY and ALLOWED_HOSTS; secure cookies,
  HSTS, HTTPS redirect; expects PostgreSQL (DATABASE_URL) and Redis (REDIS_URL).
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from office.conf import Env
from office.directory import conf as directory_conf

env = Env()
BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env.str("VAR_DIR", str(BASE_DIR / "var")))

DJANGO_ENV = env.str("DJANGO_ENV", "development", choices=("development", "test", "production"))
PRODUCTION = DJANGO_ENV == "production"

# --- Core ----------------------------------------------------------------------------
if PRODUCTION:
    SECRET_KEY = env.optional("SECRET_KEY") or ""
    if len(SECRET_KEY) < 50:
        raise ImproperlyConfigured("SECRET_KEY is required in production and must be at least 50 characters long.")
    ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("ALLOWED_HOSTS is required in production (comma-separated host names).")
else:
    SECRET_KEY = env.str("SECRET_KEY", "development-only-key-not-for-production-use-0123456789abcdef")
    ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]", "testserver"])

DEBUG = env.bool("DEBUG", default=DJANGO_ENV == "development")
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("DEBUG must be off in production.")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS")
SITE_URL = env.str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

CITY_NAME = env.str("CITY_NAME", "Miasto Przykładowo")
OFFICE_NAME = env.str("OFFICE_NAME", "Kancelaria Prezydenta Miasta")
#: the letterhead's and letters' address line, and the symbol of the unit whose register letters go in by default
OFFICE_ADDRESS = env.str("OFFICE_ADDRESS", "ul. Ratuszowa 1, 00-950 Miasto Przykładowo")
OFFICE_CONTACT = env.str("OFFICE_CONTACT", "tel. 22 000 00 00 · kancelaria@miasto.example.pl · www.miasto.example.pl")
OFFICE_UNIT_SYMBOL = env.str("OFFICE_UNIT_SYMBOL", "KP")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "django_htmx",
    "django_celery_beat",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "office",
    "office.council",
    "office.registers",
    "office.announcements",
    "office.reporting",
    "office.administration",
    "calendar_app",
    "calendar_app.travel",
    "media_relations",
    "patronage",
    "events",
    "correspondence",
    "associations",
    "associations.participation",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "office.middleware.PrivacyHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "office.middleware.OfficeLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "office.middleware.IdleSessionMiddleware",
    "office.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "office.urls"
# Django's form renderer with the plain widgets written in Python (office/kit/renderer.py)
FORM_RENDERER = "office.kit.renderer.OfficeFormRenderer"
WSGI_APPLICATION = "office.wsgi.application"
AUTH_USER_MODEL = "office.User"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "office.context_processors.shell",
            ],
            # the kit's tags ({% breadcrumbs %}, |ref) need no {% load %}
            "builtins": ["office.templatetags.kit"],
        },
    },
]

# --- Database --------------------------------------------------------------------------
DATABASE_URL = env.str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'kancelaria.sqlite3'}")
try:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=env.int("DB_CONN_MAX_AGE", 60, minimum=0))}
except ValueError as error:
    raise ImproperlyConfigured(f"DATABASE_URL is not a valid database URL: {error}") from None
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
    DATABASES["default"]["TEST"] = {"NAME": ":memory:"}
else:
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    if DJANGO_ENV == "test":
        # A throwaway test database: commits need not wait for the disk.
        DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c synchronous_commit=off"
if PRODUCTION and DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    raise ImproperlyConfigured("Production needs PostgreSQL: set DATABASE_URL=postgres://...")

# --- Cache, Redis, Celery --------------------------------------------------------------
REDIS_URL = env.optional("REDIS_URL")
if REDIS_URL and not REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
    raise ImproperlyConfigured("REDIS_URL must start with redis://, rediss:// or unix://.")
if PRODUCTION and not REDIS_URL:
    raise ImproperlyConfigured("Production needs Redis: set REDIS_URL=redis://host:6379/0")

if REDIS_URL:
    # Redis down is a cache miss (office/cache.py): sessions fall back to the database.
    CACHES = {
        "default": {
            "BACKEND": "office.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", REDIS_URL or "memory://localhost/")
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_TASK_DEFAULT_QUEUE", "celery")
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A task whose worker died is handed to another worker after the broker's visibility timeout
# (Redis: one hour by default); 16 minutes, above the longest task time limit (900 s, the photo
# sizes), so a task still running is never handed out twice. Jobs and release messages do not
# wait for it: their leases are recovered every minute (office.services.jobs, media_relations).
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", 600, minimum=10)
CELERY_TASK_SOFT_TIME_LIMIT = CELERY_TASK_TIME_LIMIT - 5
# Redelivery of an unacknowledged task after a worker died: above every task's time limit (the
# photo sizes allow 900 s), so a running task is never handed out twice; a broker that stops
# answering fails a send within seconds (the task then waits in the outbox).
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": max(960, CELERY_TASK_TIME_LIMIT + 60),
    "socket_connect_timeout": 2,
}
CELERY_TASK_IGNORE_RESULT = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = "Europe/Warsaw"
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"

# --- Authentication, sessions, lock-out ------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # ModelBackend with each user's permissions remembered between requests (office/backends.py)
    "office.backends.OfficeModelBackend",
]
# Directory login (Active Directory / OpenLDAP): on when LDAP_SERVER_URI is set; local accounts
# (the administrator's) keep logging in through ModelBackend, also while the directory is down.
_directory = directory_conf.settings_from_env(env)
globals().update(_directory)
DIRECTORY_LOGIN = bool(_directory)
if DIRECTORY_LOGIN:
    AUTHENTICATION_BACKENDS.insert(1, directory_conf.BACKEND)
# Length over composition (NIST SP 800-63B, CERT Polska): a long passphrase, no character-class
# rules, checked against Django's bundled list of 20,000 passwords known from breaches.
PASSWORD_MIN_LENGTH = env.int("PASSWORD_MIN_LENGTH", 12, minimum=8, maximum=64)
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": PASSWORD_MIN_LENGTH},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
# Two-factor sign-in (django-otp): the roles that must use it, e.g. "administrator,management"
# (role keys; "superuser" for superusers). Anyone may turn it on in the account area.
REQUIRE_2FA_ROLES = [
    key.strip()
    for key in env.str("REQUIRE_2FA_ROLES", "administrator,management" if PRODUCTION else "").split(",")
    if key.strip()
]
OTP_TOTP_ISSUER = env.str("OTP_ISSUER", "Kancelaria")
if DJANGO_ENV == "test":
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
#: how much history the demo data covers (1: a year; the tests' demo office: a few weeks)
DEMO_SCALE = env.int("DEMO_PERCENT", 10 if DJANGO_ENV == "test" else 100, minimum=1, maximum=100) / 100

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "office:dashboard"
LOGOUT_REDIRECT_URL = "login"

SESSION_IDLE_TIMEOUT_MINUTES = env.int("SESSION_IDLE_TIMEOUT_MINUTES", 30, minimum=1, maximum=24 * 60)
SESSION_COOKIE_AGE = SESSION_IDLE_TIMEOUT_MINUTES * 60
SESSION_SAVE_EVERY_REQUEST = False  # office.middleware.IdleSessionMiddleware moves the expiry on activity
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

AXES_ENABLED = env.bool("LOGIN_LOCKOUT_ENABLED", True)
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("LOGIN_LOCKOUT_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_IPWARE_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", 0, minimum=0)
# public forms (patronage applications, RSVP): submissions per address and hour
PUBLIC_FORM_LIMIT = env.int("PUBLIC_FORM_LIMIT", 5, minimum=1)

# --- Security headers ------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the meta tag, not the cookie
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", 31536000, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", False)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_REDIRECT_EXEMPT = [r"^health/$", r"^health/live/$"]
    SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# --- Internationalisation --------------------------------------------------------------
LANGUAGE_CODE = "pl"
LANGUAGES = [("pl", _("Polish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["office.formats"]
TIME_ZONE = "Europe/Warsaw"
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SECURE = PRODUCTION

# --- Files -----------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", str(VAR_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
if not PRODUCTION:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise warns about a missing folder
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Uploaded files are never served as static files: MEDIA_URL is unused and every download
# goes through a permission-checked view.
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", str(VAR_DIR / "media")))
ATTACHMENT_MAX_MB = env.int("ATTACHMENT_MAX_MB", 20, minimum=1, maximum=500)
# Photos of the galleries: the largest file and the most pixels accepted (a bigger image is refused
# before it is decoded); films uploaded rather than linked.
# The log of reads of personal data is kept this many days (KRI: at least two years is usual).
READ_LOG_RETENTION_DAYS = env.int("READ_LOG_RETENTION_DAYS", 730, minimum=30, maximum=3650)
# Lists exported as CSV/XLSX: up to this many rows at once, more through a background job.
EXPORT_INLINE_ROWS = env.int("EXPORT_INLINE_ROWS", 2000, minimum=100, maximum=100_000)
PHOTO_MAX_MB = env.int("PHOTO_MAX_MB", 25, minimum=1, maximum=200)
PHOTO_MAX_MEGAPIXELS = env.int("PHOTO_MAX_MEGAPIXELS", 60, minimum=1, maximum=400)
VIDEO_MAX_MB = env.int("VIDEO_MAX_MB", 200, minimum=1, maximum=2000)
ATTACHMENT_ALLOWED_EXTENSIONS = env.list(
    "ATTACHMENT_ALLOWED_EXTENSIONS",
    [
        "pdf",
        "doc",
        "docx",
        "odt",
        "rtf",
        "txt",
        "xls",
        "xlsx",
        "ods",
        "csv",
        "ppt",
        "pptx",
        "odp",
        "jpg",
        "jpeg",
        "png",
        "gif",
        "webp",
        "zip",
        "eml",
        "msg",
    ],
)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o640

# --- E-mail ----------------------------------------------------------------------------
EMAIL_BACKEND = env.str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if PRODUCTION else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = env.str("EMAIL_HOST", "localhost")
EMAIL_PORT = env.int("EMAIL_PORT", 25, minimum=1, maximum=65535)
EMAIL_HOST_USER = env.optional("EMAIL_HOST_USER") or ""
EMAIL_HOST_PASSWORD = env.optional("EMAIL_HOST_PASSWORD") or ""
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = 30
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", "kancelaria@example.gov.pl")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Forms and UI ----------------------------------------------------------------------
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"
PAGE_SIZE = env.int("PAGE_SIZE", 25, minimum=5, maximum=500)
ACCESSIBILITY_STATEMENT_DATE = env.str("ACCESSIBILITY_STATEMENT_DATE", "2026-11-24")

# --- Logging ---------------------------------------------------------------------------
LOG_LEVEL = env.str("LOG_LEVEL", "INFO", choices=("DEBUG", "INFO", "WARNING", "ERROR"))
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "axes": {"level": "WARNING"},
        "celery.app.trace": {"level": "WARNING"},  # one line per task is noise; failures still show
        "weasyprint": {"level": "WARNING"},  # its progress steps are noise; problems still show
        "fontTools": {"level": "WARNING"},
    },
}
