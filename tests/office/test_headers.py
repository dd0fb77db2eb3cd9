"""Headers on every response: Permissions-Policy everywhere, no caching of pages behind login."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests.utils import client_for, fetch

pytestmark = pytest.mark.django_db


def test_every_response_denies_the_devices() -> None:
    for url in (reverse("login"), reverse("office:accessibility_statement"), reverse("office:dashboard")):
        policy = fetch(client_for(None), "get", url)["Permissions-Policy"]
        for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
            assert f"{feature}=()" in policy


def test_pages_behind_login_are_not_stored(persona: Any) -> None:
    client = client_for(persona("secretariat"))
    for url in (reverse("office:dashboard"), reverse("office:accessibility_statement")):
        response = fetch(client, "get", url)
        assert response.status_code == 200
        cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
        assert {"private", "no-store"} <= cache_control
    # a redirect or an error page of a signed-in user is not stored either
    missing = fetch(client, "get", "/no-such-page/")
    assert missing.status_code == 404 and "no-store" in missing["Cache-Control"]


def test_anonymous_pages_keep_their_caching() -> None:
    response = fetch(client_for(None), "get", reverse("office:accessibility_statement"))
    assert "no-store" not in response.get("Cache-Control", "")


def test_a_response_that_chose_its_caching_keeps_it(persona: Any, rf: Any) -> None:
    from django.http import HttpResponse

    from office.middleware import PrivacyHeadersMiddleware

    user = persona("secretariat")
    for headers, expected in (
        ({"Cache-Control": "private, max-age=3600"}, "private, max-age=3600"),
        ({"ETag": '"abc"'}, None),
    ):
        request = rf.get("/some/page/")
        request.user = user
        response = PrivacyHeadersMiddleware(lambda r, h=headers: HttpResponse(headers=h))(request)
        assert response.get("Cache-Control") == expected
        assert "camera=()" in response["Permissions-Policy"]
    static = rf.get("/static/office/app.css")
    static.user = user
    assert "Cache-Control" not in PrivacyHeadersMiddleware(lambda r: HttpResponse())(static)
