"""PDF rendering with WeasyPrint from a Django template (city header, page numbers, Polish fonts).

Resources a PDF may load are the project's own static files and ``data:`` URLs only: a value
that ever slipped into the HTML could not make the server fetch an address on the network or
read a file outside the static folders. ``archival=True`` writes PDF/A-3b (documents for the
archive: the JRWA handover list, letters).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlparse
from urllib.request import url2pathname

from django.conf import settings
from django.template.loader import render_to_string

PDF_A = "pdf/a-3b"


def _static_roots() -> list[Path]:
    return [Path(root).resolve() for root in [*settings.STATICFILES_DIRS, settings.STATIC_ROOT]]


def _fetcher() -> Any:
    from weasyprint.urls import URLFetcher

    class StaticOnly(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith("file:"):
                path = Path(url2pathname(urlparse(url).path)).resolve()
                if any(path.is_relative_to(root) for root in _static_roots()):
                    return super().fetch(url, headers)
            elif url.startswith("data:"):
                return super().fetch(url, headers)
            raise ValueError(f"A PDF may not load {url[:200]}")

    return StaticOnly(allowed_protocols=("file", "data"))


def render_html(template: str, context: dict[str, Any]) -> str:
    return render_to_string(template, {"city_name": settings.CITY_NAME, "office_name": settings.OFFICE_NAME, **context})


def render_document(html: str) -> Any:
    """A laid-out WeasyPrint document (its pages can be written whole or in parts)."""
    from weasyprint import HTML  # imported late: it loads Pango, which costs start-up time

    return HTML(string=html, base_url=str(settings.BASE_DIR / "static"), url_fetcher=_fetcher()).render()


def write(document: Any, pages: list[Any] | None = None, *, archival: bool = False) -> bytes:
    """The PDF of ``document`` (or of some of its ``pages``)."""
    chosen = document if pages is None else document.copy(pages)
    return chosen.write_pdf(pdf_variant=PDF_A if archival else None)


def render_pdf(template: str, context: dict[str, Any], *, archival: bool = False) -> bytes:
    return write(render_document(render_html(template, context)), archival=archival)
