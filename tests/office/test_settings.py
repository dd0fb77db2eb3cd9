"""Settings from the environment: validation with the variable's name, production refusals,
Django's deployment checks, the idle session timeout, the test environment itself."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from office.conf import Env

ROOT = Path(__file__).resolve().parents[2]
#: Variables of the running test process that must not leak into the settings under test.
SETTINGS_VARIABLES = (
    "DJANGO_ENV",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "REDIS_URL",
    "DEBUG",
    "CELERY_BROKER_URL",
    "SESSION_IDLE_TIMEOUT_MINUTES",
    "CELERY_TASK_ALWAYS_EAGER",
    # set for the browser tests (tests/e2e/conftest.py, .ci/run); a deployment never has it
    "DJANGO_ALLOW_ASYNC_UNSAFE",
)


def run_python(code: str, **variables: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in SETTINGS_VARIABLES}
    env.update(variables)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False
    )


def production(**overrides: str) -> dict[str, str]:
    values = {
        "DJANGO_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(48)[:64],
        "ALLOWED_HOSTS": "example.gov.pl",
        "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/test",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
    }
    values.update(overrides)
    return {k: v for k, v in values.items() if v is not None}


# --- office.conf.Env ---------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["1", "true", "YES", " on "])
def test_bool_true(value: str) -> None:
    assert Env({"FLAG": value}).bool("FLAG", False) is True


@pytest.mark.parametrize("value", ["0", "false", "No", "OFF"])
def test_bool_false(value: str) -> None:
    assert Env({"FLAG": value}).bool("FLAG", True) is False


def test_defaults_when_unset_or_blank() -> None:
    env = Env({"BLANK": "   "})
    assert env.bool("BLANK", True) is True
    assert env.int("MISSING", 7) == 7
    assert env.str("BLANK", "x") == "x"
    assert env.optional("BLANK") is None
    assert env.list("MISSING", ["a"]) == ["a"]
    assert Env({"HOSTS": " a.pl, ,b.pl "}).list("HOSTS") == ["a.pl", "b.pl"]


@pytest.mark.parametrize(
    ("call", "fragment"),
    [
        (lambda env: env.bool("DEBUG", False), "DEBUG='perhaps'"),
        (lambda env: env.int("PAGE_SIZE", 25), "PAGE_SIZE='many'"),
        (lambda env: env.int("EMAIL_PORT", 25, minimum=1), "EMAIL_PORT must be at least 1"),
        (lambda env: env.int("ATTACHMENT_MAX_MB", 20, maximum=500), "ATTACHMENT_MAX_MB must be at most 500"),
        (lambda env: env.str("LOG_LEVEL", "INFO", choices=("INFO", "DEBUG")), "LOG_LEVEL='LOUD'"),
        (lambda env: env.str("CITY_NAME"), "CITY_NAME is required"),
    ],
)
def test_bad_values_name_the_variable(call: object, fragment: str) -> None:
    env = Env(
        {"DEBUG": "perhaps", "PAGE_SIZE": "many", "EMAIL_PORT": "0", "ATTACHMENT_MAX_MB": "501", "LOG_LEVEL": "LOUD"}
    )
    with pytest.raises(ImproperlyConfigured) as caught:
        call(env)  # type: ignore[operator]
    assert fragment in str(caught.value)


# --- The settings module in a fresh process ------------------------------------------------------


def test_production_without_secret_key_refuses_to_start() -> None:
    result = run_python("import office.settings", **production(SECRET_KEY=None))
    assert result.returncode != 0
    assert "SECRET_KEY is required in production" in result.stderr


@pytest.mark.parametrize(
    ("overrides", "fragment"),
    [
        ({"SECRET_KEY": "too-short"}, "SECRET_KEY"),
        ({"ALLOWED_HOSTS": None}, "ALLOWED_HOSTS is required"),
        ({"DEBUG": "true"}, "DEBUG must be off in production"),
        ({"DATABASE_URL": None}, "Production needs PostgreSQL"),
        ({"REDIS_URL": None}, "Production needs Redis"),
        ({"REDIS_URL": "http://127.0.0.1:6379"}, "REDIS_URL must start with"),
        ({"DJANGO_ENV": "staging"}, "DJANGO_ENV='staging'"),
        ({"SESSION_IDLE_TIMEOUT_MINUTES": "zero"}, "SESSION_IDLE_TIMEOUT_MINUTES"),
        ({"DATABASE_URL": "nonsense://x"}, "DATABASE_URL"),
    ],
)
def test_bad_configuration_stops_the_process_with_the_variable_name(overrides: dict, fragment: str) -> None:
    result = run_python("import office.settings", **production(**overrides))
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert fragment in result.stderr


def test_a_good_production_configuration_loads() -> None:
    result = run_python(
        "import office.settings as s; "
        "print(s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT)",
        **production(),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True", "True", "True"]


@pytest.mark.postgres
def test_deployment_checks_pass_with_production_settings() -> None:
    """``manage.py check --deploy --fail-level WARNING`` with a production environment."""
    env = {k: v for k, v in os.environ.items() if k not in SETTINGS_VARIABLES}
    env.update(production(DATABASE_URL=os.environ.get("DATABASE_URL", "")))
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_idle_timeout_from_the_environment() -> None:
    result = run_python(
        "import office.settings as s; print(s.SESSION_COOKIE_AGE)",
        DJANGO_ENV="test",
        SESSION_IDLE_TIMEOUT_MINUTES="5",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["300"]


# --- This process ------------------------------------------------------------------------------


def test_idle_session_settings() -> None:
    """Sessions end after the idle timeout; activity moves the expiry (on every request, or
    through office.middleware.IdleSessionMiddleware, which writes at most once a minute)."""
    assert settings.SESSION_COOKIE_AGE == settings.SESSION_IDLE_TIMEOUT_MINUTES * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST or "office.middleware.IdleSessionMiddleware" in settings.MIDDLEWARE


def test_the_suite_runs_with_fast_password_hashing() -> None:
    assert settings.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.MD5PasswordHasher"


def test_the_test_environment_reaches_processes_started_by_the_suite() -> None:
    """tests/conftest.py sets DJANGO_ENV=test before the xdist workers start (they load the
    settings themselves); the process that pytest-django set up first got the overrides."""
    assert os.environ.get("DJANGO_ENV") == "test"
    if os.environ.get("PYTEST_XDIST_WORKER"):
        assert settings.DJANGO_ENV == "test"


def test_every_environment_variable_is_in_the_readme_and_the_example_file() -> None:
    """A setting read from the environment is documented for the IT department (the README's
    configuration table) and listed in .env.example."""
    import re

    root = Path(__file__).resolve().parents[2]
    sources = [root / "office" / "settings.py", root / "office" / "directory" / "conf.py"]
    names = {
        name
        for source in sources
        for name in re.findall(r'env\.[a-z]+\(\s*"([A-Z0-9_]+)"', source.read_text(encoding="utf-8"))
    }
    assert {"DATABASE_URL", "LDAP_SERVER_URI", "REQUIRE_2FA_ROLES"} <= names
    readme = (root / "README.md").read_text(encoding="utf-8")
    example = (root / ".env.example").read_text(encoding="utf-8")
    assert sorted(name for name in names if f"`{name}`" not in readme) == []
    assert sorted(name for name in names if not re.search(rf"^#? ?{name}=", example, re.M)) == []
