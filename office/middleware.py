"""Language selection: Polish unless the user chose otherwise with the language switch.

Django's LocaleMiddleware would follow the browser's Accept-Language header, which would
show English to a clerk whose browser happens to be installed in English. The office works
in Polish: only an explicit choice (the language cookie set by the switch) changes it.
"""

from __future__ import annotations

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import check_for_language

from office.services import accounts


class OfficeLocaleMiddleware(LocaleMiddleware):
    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen and check_for_language(chosen) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()


class IdleSessionMiddleware:
    """Idle sessions expire after SESSION_COOKIE_AGE; activity pushes the expiry forward.

    Saving the session on every request would do that too, at the price of a database write
    per page. Touching it at most once a minute keeps the idle timeout (give or take a
    minute) without the write on every request.
    """

    TOUCH_EVERY_SECONDS = 60

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if session is not None and request.user.is_authenticated:
            import time

            now = int(time.time())
            if now - session.get("_touched", 0) >= self.TOUCH_EVERY_SECONDS:
                session["_touched"] = now
                accounts.touch(session.session_key)
        return self.get_response(request)


class TwoFactorMiddleware:
    """After the password, a user with an authenticator gives a code, and a user whose role
    requires one sets it up, before any other page (the admin site included). What is pending
    was decided at login and is kept in the session: no query per request."""

    OPEN_VIEWS = frozenset(
        {
            "two_factor_verify",
            "two_factor_setup",
            "logout",
            "set_language",
            "health",
            "health_live",
            "office:display_preferences",
        }
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        from office.services import two_factor

        session = getattr(request, "session", None)
        pending = session.get(two_factor.PENDING_KEY) if session is not None else None
        if not pending or request.resolver_match.view_name in self.OPEN_VIEWS:
            return None
        if not request.user.is_authenticated:
            session.pop(two_factor.PENDING_KEY, None)
            return None
        target = "two_factor_verify" if pending == two_factor.VERIFY else "two_factor_setup"
        return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")


class PrivacyHeadersMiddleware:
    """Two headers the security settings do not cover.

    ``Permissions-Policy`` on every response: no page of the office uses the camera, the
    microphone, the location, payments or USB devices, so nothing embedded in one may ask.
    ``Cache-Control: private, no-store`` on what a signed-in user is shown: a page behind login
    stays in no shared cache and no browser history a next user of the computer could read back.
    A response that chose its own caching (``Cache-Control`` or an ``ETag``: public pages,
    thumbnails) and static files keep theirs.
    """

    PERMISSIONS_POLICY = ", ".join(
        f"{feature}=()"
        for feature in (
            "accelerometer",
            "camera",
            "display-capture",
            "geolocation",
            "gyroscope",
            "magnetometer",
            "microphone",
            "midi",
            "payment",
            "usb",
        )
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.PERMISSIONS_POLICY)
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and "Cache-Control" not in response.headers
            and "ETag" not in response.headers
            and not request.path.startswith(settings.STATIC_URL or "/static/")
        ):
            response.headers["Cache-Control"] = "private, no-store"
        return response
