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
