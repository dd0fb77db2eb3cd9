"""Two-factor sign-in: enrolment with a QR code and a code from the app, the second step of
logging in (the admin site included), recovery codes used once, throttling and the session
ended after too many wrong codes, REQUIRE_2FA_ROLES, the password lock-out still applied."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import translation
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from office.services import two_factor
from tests.factories import PASSWORD
from tests.utils import fetch, page_text

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    with translation.override("en"):
        yield


def code_for(device: TOTPDevice, *, later: int = 0) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = totp.time + later * device.step
    return f"{totp.token():0{device.digits}d}"


def log_in(user: Any) -> tuple[Client, Any]:
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = fetch(client, "post", reverse("login"), {"username": user.username, "password": PASSWORD})
    return client, response


def enrolled(user: Any) -> TOTPDevice:
    device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
    two_factor.new_recovery_codes(user)
    return device


def test_without_a_second_factor_the_password_is_enough(persona: Any) -> None:
    client, response = log_in(persona("secretariat"))
    assert response["Location"] == reverse("office:dashboard")
    assert fetch(client, "get", reverse("office:dashboard")).status_code == 200


@override_settings(REQUIRE_2FA_ROLES=["administrator", "management"], OTP_TOTP_THROTTLE_FACTOR=0)
def test_a_required_role_sets_it_up_before_anything_else(persona: Any) -> None:
    user = persona("management")
    client, _ = log_in(user)
    response = fetch(client, "get", reverse("office:contact_list"))
    assert response["Location"] == f"{reverse('two_factor_setup')}?next=%2Fcontacts%2F"
    page = fetch(client, "get", response["Location"])
    assert page.status_code == 200 and "<svg" in page.content.decode()
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    key = page.context["key"].replace(" ", "")
    assert len(key) == 32 and key in page.content.decode().replace(" ", "")

    wrong = fetch(client, "post", reverse("two_factor_setup"), {"code": "000000", "next": "/contacts/"})
    assert "This code is not right" in page_text(wrong)
    assert fetch(client, "get", reverse("office:dashboard")).status_code == 302  # still not set up

    done = fetch(client, "post", reverse("two_factor_setup"), {"code": code_for(device), "next": "/contacts/"})
    codes = done.context["codes"]
    assert len(codes) == 10 and all(code in done.content.decode() for code in codes)
    device.refresh_from_db()
    assert device.confirmed
    assert fetch(client, "get", reverse("office:contact_list")).status_code == 200
    assert fetch(client, "get", reverse("account_security")).context["codes_left"] == 10


@override_settings(OTP_TOTP_THROTTLE_FACTOR=0)
def test_an_enrolled_user_gives_a_code_after_the_password(persona: Any) -> None:
    user = persona("secretariat")
    device = enrolled(user)
    client, response = log_in(user)
    response = fetch(client, "get", response["Location"])
    assert response["Location"] == f"{reverse('two_factor_verify')}?next=%2F"
    wrong = fetch(client, "post", reverse("two_factor_verify"), {"code": "123456", "next": "/"})
    assert wrong.status_code == 200 and "This code is not right" in page_text(wrong)
    right = fetch(client, "post", reverse("two_factor_verify"), {"code": code_for(device), "next": "/"})
    assert right["Location"] == "/"
    assert fetch(client, "get", reverse("office:dashboard")).status_code == 200


def test_the_admin_site_is_behind_the_second_factor(persona: Any) -> None:
    user = persona("administrator")
    enrolled(user)
    client, _ = log_in(user)
    response = fetch(client, "get", reverse("admin:index"))
    assert response["Location"].startswith(reverse("two_factor_verify"))


def test_a_recovery_code_works_once(persona: Any) -> None:
    user = persona("secretariat")
    enrolled(user)
    code = two_factor.new_recovery_codes(user)[0]
    client, _ = log_in(user)
    assert fetch(client, "post", reverse("two_factor_verify"), {"code": code})["Location"] == "/"
    assert fetch(client, "get", reverse("account_security")).context["codes_left"] == 9
    again, _ = log_in(user)
    response = fetch(again, "post", reverse("two_factor_verify"), {"code": code})
    assert response.status_code == 200 and response.context["form"].errors


def test_a_right_code_straight_after_a_wrong_one_waits_for_the_throttle(persona: Any) -> None:
    user = persona("secretariat")
    device = enrolled(user)
    client, _ = log_in(user)
    fetch(client, "post", reverse("two_factor_verify"), {"code": "000000"})
    response = fetch(client, "post", reverse("two_factor_verify"), {"code": code_for(device)})
    assert response.status_code == 200 and response.context["form"].errors


def test_too_many_wrong_codes_end_the_session(persona: Any) -> None:
    user = persona("secretariat")
    enrolled(user)
    client, _ = log_in(user)
    for _attempt in range(two_factor.MAX_FAILURES - 1):
        assert fetch(client, "post", reverse("two_factor_verify"), {"code": "000000"}).status_code == 200
    response = fetch(client, "post", reverse("two_factor_verify"), {"code": "000000"})
    assert response["Location"] == reverse("login")
    assert fetch(client, "get", reverse("office:dashboard"))["Location"].startswith(reverse("login"))


def test_the_password_lock_out_still_applies_with_a_second_factor(persona: Any) -> None:
    user = persona("secretariat")
    enrolled(user)
    client = Client()
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        fetch(client, "post", reverse("login"), {"username": user.username, "password": "zle-haslo-123"})
    response = fetch(client, "post", reverse("login"), {"username": user.username, "password": PASSWORD})
    assert response.status_code == 429


@override_settings(REQUIRE_2FA_ROLES=["management"])
def test_it_can_be_turned_off_only_when_the_role_does_not_require_it(persona: Any) -> None:
    for key, stays in (("management", True), ("secretariat", False)):
        user = persona(key)
        device = enrolled(user)
        client, _ = log_in(user)
        fetch(client, "post", reverse("two_factor_verify"), {"code": code_for(device)})
        fetch(client, "post", reverse("two_factor_off"))
        assert two_factor.is_enrolled(user) is stays


def test_new_recovery_codes_need_a_verified_session_and_replace_the_old(persona: Any) -> None:
    user = persona("secretariat")
    device = enrolled(user)
    old = two_factor.new_recovery_codes(user)
    client, _ = log_in(user)
    assert fetch(client, "post", reverse("two_factor_recovery_codes"))["Location"].startswith(
        reverse("two_factor_verify")
    )
    fetch(client, "post", reverse("two_factor_verify"), {"code": code_for(device)})
    response = fetch(client, "post", reverse("two_factor_recovery_codes"))
    new = response.context["codes"]
    assert len(new) == 10 and not set(new) & set(old)
    assert re.search(re.escape(new[0]), response.content.decode())


@override_settings(OTP_TOTP_THROTTLE_FACTOR=0)
def test_a_next_that_is_not_a_path_of_the_site_leads_home(persona: Any) -> None:
    user = persona("secretariat")
    device = enrolled(user)
    client, _response = log_in(user)
    right = fetch(client, "post", reverse("two_factor_verify"), {"code": code_for(device), "next": "foo"})
    assert right["Location"] == "/"
    assert fetch(client, "get", reverse("two_factor_verify"), {"next": "//evil.example"})["Location"] == "/"
