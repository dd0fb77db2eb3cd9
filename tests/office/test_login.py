"""Logging in: lock-out after repeated failures (django-axes), the idle session timeout
(with the database or the cached_db session engine)."""

from __future__ import annotations

import datetime as dt
import time
from importlib import import_module
from typing import Any

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories import PASSWORD
from tests.utils import client_for, fetch, login_url

pytestmark = pytest.mark.django_db


def english_client() -> Client:
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def attempt(client: Client, username: str, password: str) -> Any:
    return fetch(client, "post", reverse("login"), {"username": username, "password": password})


def test_a_correct_login(persona: Any) -> None:
    user = persona("secretariat")
    response = attempt(english_client(), user.username, PASSWORD)
    assert (response.status_code, response["Location"]) == (302, reverse("office:dashboard"))


def test_a_wrong_password_shows_the_form_again(persona: Any) -> None:
    user = persona("secretariat")
    response = attempt(english_client(), user.username, "zle-haslo")
    assert response.status_code == 200
    assert response.context["form"].errors
    assert user.username in response.content.decode()  # the username stays in the field


def test_lock_out_after_the_failure_limit(persona: Any) -> None:
    user = persona("secretariat")
    client = english_client()
    limit = settings.AXES_FAILURE_LIMIT
    statuses = [attempt(client, user.username, f"zle-haslo-{n}").status_code for n in range(limit)]
    # django-axes answers the attempt that reaches the limit with the lock-out page already.
    assert statuses[: limit - 1] == [200] * (limit - 1)
    locked = attempt(client, user.username, PASSWORD)  # even the right password is refused now
    assert locked.status_code == 429
    html = locked.content.decode()
    assert "Too many failed login attempts" in html
    assert str(int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)) in html  # how long the lock lasts
    assert "_auth_user_id" not in client.session


def test_the_lock_is_per_user_and_address(persona: Any) -> None:
    user, other = persona("secretariat"), persona("auditor")
    client = english_client()
    for n in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, user.username, f"zle-{n}")
    assert attempt(client, other.username, PASSWORD).status_code == 302
    elsewhere = Client(REMOTE_ADDR="10.1.2.3")
    assert attempt(elsewhere, user.username, PASSWORD).status_code == 302


def test_a_successful_login_resets_the_count(persona: Any) -> None:
    user = persona("secretariat")
    client = english_client()
    for n in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, user.username, f"zle-{n}")
    assert attempt(client, user.username, PASSWORD).status_code == 302
    fresh = english_client()
    for n in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt(fresh, user.username, f"zle-{n}").status_code == 200


def _session_store(key: str) -> Any:
    return import_module(settings.SESSION_ENGINE).SessionStore(session_key=key)


def test_activity_pushes_the_session_expiry(persona: Any) -> None:
    """A request after a while of idleness moves the expiry a whole idle timeout ahead."""
    client = client_for(persona("secretariat"))
    key = client.session.session_key
    store = _session_store(key)
    store["_touched"] = int(time.time()) - 3600  # the last activity was an hour ago
    store.save()
    Session.objects.filter(session_key=key).update(expire_date=timezone.now() + dt.timedelta(minutes=1))
    assert fetch(client, "get", reverse("office:dashboard")).status_code == 200
    remaining = (Session.objects.get(session_key=key).expire_date - timezone.now()).total_seconds()
    assert settings.SESSION_COOKIE_AGE - 60 < remaining <= settings.SESSION_COOKIE_AGE


def test_an_idle_session_ends(persona: Any) -> None:
    client = client_for(persona("secretariat"))
    store = _session_store(client.session.session_key)
    store.set_expiry(timezone.now() - dt.timedelta(seconds=1))
    store.save()
    url = reverse("office:assignment_list")
    response = fetch(client, "get", url)
    assert (response.status_code, response["Location"]) == (302, login_url(url))


def test_logout_is_post_only_and_ends_the_session(persona: Any) -> None:
    client = client_for(persona("secretariat"))
    assert fetch(client, "get", reverse("logout")).status_code == 405
    response = fetch(client, "post", reverse("logout"))
    assert (response.status_code, response["Location"]) == (302, reverse("login"))
    url = reverse("office:dashboard")
    assert fetch(client, "get", url)["Location"] == login_url(url)


@pytest.mark.parametrize("length", [151, 300, 5000])
def test_a_too_long_user_name_is_a_form_error(length: int) -> None:
    """The lock-out table keeps user names of 255 characters: a longer one never reaches it."""
    from axes.models import AccessAttempt

    response = attempt(english_client(), "x" * length, "haslo")
    assert response.status_code == 200
    assert response.context["form"].errors["username"]
    assert not AccessAttempt.objects.filter(username__startswith="xxx").exists()


@pytest.mark.postgres
def test_a_too_long_user_name_on_postgresql() -> None:
    response = attempt(english_client(), "y" * 300, "haslo")
    assert response.status_code == 200 and response.context["form"].errors["username"]
