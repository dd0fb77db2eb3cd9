"""Signed-in sessions: listed in the account area, one ended from another browser, signing out
everywhere, no reach into another user's sessions, deactivation that keeps the account and its
history, and the password policy (length over composition)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import translation

from office.models import AuditEntry, UserSession
from office.services import accounts
from tests.factories import PASSWORD
from tests.utils import fetch, page_text

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    with translation.override("en"):
        yield


def browser(user: Any, agent: str = "Firefox/140.0") -> Client:
    client = Client(HTTP_USER_AGENT=agent)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = fetch(client, "post", reverse("login"), {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    return client


def signed_in(client: Client) -> bool:
    return fetch(client, "get", reverse("office:dashboard")).status_code == 200


def test_each_login_is_listed_with_its_browser(persona: Any) -> None:
    user = persona("secretariat")
    office = browser(user, "Firefox/140.0")
    browser(user, "Chrome/141.0 (phone)")
    page = fetch(office, "get", reverse("account_security"))
    text = page_text(page)
    assert "Firefox/140.0" in text and "Chrome/141.0 (phone)" in text and "this browser" in text
    row = UserSession.objects.get(user=user, user_agent="Firefox/140.0")
    assert row.address == "127.0.0.1" and row.session_key == office.session.session_key


def test_ending_another_session_signs_that_browser_out(persona: Any) -> None:
    user = persona("secretariat")
    office, phone = browser(user), browser(user, "Phone")
    other = UserSession.objects.get(user=user, user_agent="Phone")
    fetch(office, "post", reverse("session_end", args=[other.pk]))
    assert not signed_in(phone) and signed_in(office)


def test_signing_out_everywhere_ends_every_session(persona: Any) -> None:
    user = persona("secretariat")
    office, phone = browser(user), browser(user, "Phone")
    response = fetch(office, "post", reverse("sessions_end_all"))
    assert response["Location"] == reverse("login")
    assert not signed_in(office) and not signed_in(phone)
    assert not UserSession.objects.filter(user=user).exists()


def test_nobody_ends_another_users_session(persona: Any) -> None:
    victim, other = persona("management"), persona("secretariat")
    victims_browser = browser(victim)
    row = UserSession.objects.get(user=victim)
    fetch(browser(other), "post", reverse("session_end", args=[row.pk]))
    assert signed_in(victims_browser)
    listed = fetch(browser(other), "get", reverse("account_security")).context["sessions"]
    assert listed and {row.user for row in listed} == {other}


def test_logging_out_forgets_the_session(persona: Any) -> None:
    user = persona("secretariat")
    client = browser(user)
    fetch(client, "post", reverse("logout"))
    assert not UserSession.objects.filter(user=user).exists()


def test_deactivation_keeps_the_account_and_its_history_and_signs_it_out(persona: Any) -> None:
    user, admin = persona("secretariat"), persona("administrator")
    client = browser(user)
    assert accounts.deactivate(user, actor=admin) is True
    user.refresh_from_db()
    assert not user.is_active and not signed_in(client)
    assert AuditEntry.objects.filter(object_id=str(user.pk), actor=admin, changes__is_active=[True, False]).exists()
    response = fetch(Client(), "post", reverse("login"), {"username": user.username, "password": PASSWORD})
    assert response.status_code == 200  # refused


def test_the_admin_deactivates_instead_of_deleting(persona: Any) -> None:
    user, admin = persona("secretariat"), persona("superuser")
    client = browser(user)
    admin_client = Client()
    admin_client.force_login(admin)
    changelist = reverse("admin:office_user_changelist")
    response = fetch(admin_client, "post", changelist, {"action": "deactivate", "_selected_action": [user.pk]})
    assert response.status_code == 302
    user.refresh_from_db()
    assert not user.is_active and not signed_in(client)
    assert fetch(admin_client, "get", reverse("admin:office_user_delete", args=[user.pk])).status_code == 403


@pytest.mark.parametrize(
    ("password", "accepted"),
    [
        ("krótkie1!", False),  # short, however mixed
        ("password1234", False),  # on the list of breached passwords
        ("zielony rower nad wisłą", True),  # a long passphrase needs no digits or symbols
        ("dlugiehaslobezcyfr", True),
    ],
)
def test_the_password_policy_is_length_over_composition(password: str, accepted: bool, persona: Any) -> None:
    user = persona("secretariat")
    if accepted:
        validate_password(password, user)
    else:
        with pytest.raises(ValidationError):
            validate_password(password, user)
