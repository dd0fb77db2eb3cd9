"""Two-factor sign-in in a real browser: a management login is sent to set up the authenticator,
the QR page's key gives the code (computed here as the phone would), the recovery codes are
shown once, and the next login asks for a code; axe on every page."""

from __future__ import annotations

import base64

import pytest
from django_otp.oath import TOTP

from office.demo import DEMO_PASSWORD

pytestmark = [pytest.mark.browser]


def code_from_key(key: str, *, steps_ahead: int = 0) -> str:
    secret = key.replace(" ", "")
    totp = TOTP(base64.b32decode(secret + "=" * (-len(secret) % 8)))
    totp.time = totp.time + 30 * steps_ahead
    return f"{totp.token():06d}"


def test_setting_up_and_using_two_factor_sign_in(visitor, demo, settings):
    settings.REQUIRE_2FA_ROLES = ["management"]
    visitor.login("prezydent", DEMO_PASSWORD)
    assert "/accounts/two-factor/" in visitor.page.url
    assert visitor.page.locator(".qr-code svg").is_visible()
    key = visitor.page.locator("figcaption code").inner_text()

    visitor.page.locator("#id_code").fill(code_from_key(key))
    visitor.page.locator("main form[method=post] [type=submit]").first.click()
    visitor.page.wait_for_load_state()
    visitor.check()
    codes = visitor.page.locator(".recovery-codes li").all_inner_texts()
    assert len(codes) == 10
    visitor.page.get_by_role("link", name="Zapisałem kody").click()
    visitor.page.wait_for_load_state()
    visitor.check()

    visitor.visit("/accounts/security/")
    assert "10" in visitor.page.locator("#two-factor-heading + p").inner_text()
    visitor.page.locator("#user-menu-button").click()
    visitor.page.locator(".site-user").get_by_role("button", name="Wyloguj", exact=True).click()
    visitor.page.wait_for_load_state()

    visitor.login("prezydent", DEMO_PASSWORD)
    assert "/accounts/two-factor/verify/" in visitor.page.url
    visitor.page.locator("#id_code").fill(code_from_key(key, steps_ahead=1))
    visitor.page.locator("main form[action$='/verify/'] [type=submit]").click()
    visitor.page.wait_for_load_state()
    visitor.check()
    assert visitor.page.url.rstrip("/") == visitor.base_url
