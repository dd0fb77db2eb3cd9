"""Helpers shared by the press office's views."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from media_relations import access
from office.forms import AttachmentForm
from office.services import audit
from office.services.attachments import attach, attachments_of


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
