"""PDF rendering with WeasyPrint from a Django template (city header, page numbers, Polish fonts)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.template.loader import render_to_string


def render_pdf(template: str, context: dict[str, Any]) -> bytes:
    from weasyprint import HTML  # imported late: it loads Pango, which costs start-up time

    html = render_to_string(template, {"city_name": settings.CITY_NAME, "office_name": settings.OFFICE_NAME, **context})
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()
