"""Helpers shared by the press office's views."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Page, Paginator
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from media_relations import access
from office.forms import AttachmentForm
from office.services import audit
from office.services.attachments import attach, attachments_of


class WindowPaginator(Paginator):
    """A paginator whose ``page_range`` holds only the numbers the shared pagination partial can
    show (first two, last two, the current page ± 3), so a list of thousands of pages does not
    loop over every page number in the template."""

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


def form_page(
    request: HttpRequest,
    form: Any,
    *,
    title: str,
    cancel_url: str,
    submit_label: str,
    parents: list[tuple[str, str]] | None = None,
    multipart: bool = False,
    status: int = 200,
) -> HttpResponse:
    """The one page for creating or editing a record: title, error summary, the form, buttons."""
    return render(
        request,
        "media_relations/form.html",
        {
            "form": form,
            "title": title,
            "cancel_url": cancel_url,
            "submit_label": submit_label,
            "parents": parents or [],
            "multipart": multipart,
        },
        status=status,
    )


def record_context(request: HttpRequest, record: models.Model, attach_url: str) -> dict[str, Any]:
    """Attachments and the change history of a record, for the shared partials."""
    return {
        "attachments": list(attachments_of(record)),
        "can_attach": access.can_change(request.user, type(record)) and request.user.has_perm("office.add_attachment"),
        "attach_url": attach_url,
        "attachment_form": AttachmentForm(),
        "trail": audit.trail_for(record),
    }


def handle_attach(request: HttpRequest, record: models.Model, back: str) -> HttpResponse:
    access.require(request.user.has_perm("office.add_attachment"))
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        attach(
            actor=request.user,
            record=record,
            upload=form.cleaned_data["file"],
            description=form.cleaned_data["description"],
        )
        messages.success(request, _("The file was attached."))
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect(back)
