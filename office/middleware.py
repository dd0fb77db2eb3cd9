"""Language selection: Polish unless the user chose otherwise with the language switch.

Django's LocaleMiddleware would follow the browser's Accept-Language header, which would
show English to a clerk whose browser happens to be installed in English. The office works
in Polish: only an explicit choice (the language cookie set by the switch) changes it.
"""

from __future__ import annotations

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.translation import check_for_language


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
        return self.get_response(request)
