"""Small helpers shared by the views of every app."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


class WindowPaginator(Paginator):
    """A paginator whose ``page_range`` holds only the numbers the pagination partial shows
    (first two, last two, the current page ± 3), so a list of thousands of pages does not make
    the template loop over every page number."""

    current = 1

    @property
    def page_range(self) -> list[int]:  # type: ignore[override]
        last = self.num_pages
        numbers = {1, 2, last - 1, last, *range(self.current - 3, self.current + 4)}
        return sorted(n for n in numbers if 1 <= n <= last)


def paginate(request: HttpRequest, queryset: QuerySet, per_page: int | None = None) -> Page:
    paginator = WindowPaginator(queryset, per_page or settings.PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    paginator.current = page.number
    return page


def render_page(
    request: HttpRequest,
    template: str,
    context: dict[str, Any],
    *,
    fragment: str | None = None,
    status: int = 200,
) -> HttpResponse:
    """The whole page for a normal request; only ``fragment`` for an htmx request aimed at it."""
    if fragment and getattr(request, "htmx", False) and not request.htmx.boosted:
        return render(request, fragment, context, status=status)
    return render(request, template, context, status=status)


def apply_errors(form: Form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form, by field where it names one."""
    if hasattr(error, "error_dict"):
        for field, messages in error.error_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)
