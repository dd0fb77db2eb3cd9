"""Pieces of the public forms (pages without login: a patronage application, an RSVP, a
consultation comment): a limit of submissions per address, a honeypot field that only robots
fill in, and an unguessable token for a link sent by e-mail.

A public view checks ``over_limit`` before it validates a POST and answers 429 with a message;
``PublicForm`` adds the honeypot, and ``form.is_robot`` says whether to pretend success without
saving anything (a robot learns nothing).
"""

from __future__ import annotations

import secrets
from typing import Any

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

#: Seconds of the window in which ``settings.PUBLIC_FORM_LIMIT`` submissions per address are allowed.
WINDOW = 60 * 60


def client_address(request: HttpRequest) -> str:
    """The client's address, seen through as many proxies as ``TRUSTED_PROXY_COUNT`` says (the
    same rule as the login lock-out)."""
    from axes.helpers import get_client_ip_address

    return get_client_ip_address(request) or "unknown"


def over_limit(request: HttpRequest, form_key: str, *, window: int = WINDOW) -> bool:
    """Count this submission of ``form_key`` from the client's address; True once more than
    ``PUBLIC_FORM_LIMIT`` came within ``window`` seconds (a fixed window in the shared cache)."""
    limit = settings.PUBLIC_FORM_LIMIT
    key = f"public-form:{form_key}:{client_address(request)}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count > limit


def too_many(request: HttpRequest) -> HttpResponse:
    """The answer to a client over the limit: a page in the public layout, HTTP 429."""
    response = render(request, "kit/too_many.html", status=429)
    response["Retry-After"] = str(WINDOW)
    return response


def new_token() -> str:
    """An unguessable token for a link sent by e-mail (256 bits, URL-safe)."""
    return secrets.token_urlsafe(32)


class PublicForm(forms.Form):
    """A form shown without login: a honeypot field people never see (hidden by CSS, skipped by
    the keyboard, ignored by screen readers) and robots fill in."""

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    @property
    def is_robot(self) -> bool:
        return bool(self.data.get(self.add_prefix("website")))

    def visible_fields(self) -> list[Any]:
        return [field for field in super().visible_fields() if field.name != "website"]
