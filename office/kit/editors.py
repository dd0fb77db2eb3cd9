"""The create and edit pages of one kind of record, declared once.

    OUTLET_EDITOR = Editor(
        form=OutletForm,
        save=lambda request, form: directory.save_outlet(actor=request.user, outlet=form.save(commit=False), ...),
        success=gettext_lazy("The outlet was saved."),
        detail="media_relations:outlet_detail",
        listing=("media_relations:outlet_list", gettext_lazy("Media outlets")),
        titles=(gettext_lazy("New media outlet"), gettext_lazy("Edit %(record)s")),
    )
    outlet_create = OUTLET_EDITOR.create_view(permission="media_relations.add_outlet")
    outlet_edit = OUTLET_EDITOR.edit_view(load=lambda request, pk: access.get_for_user(..., change=True))

Both views are ``edit_record`` pages: a valid POST calls ``save`` (the app's service), its
ValidationError goes back onto the form, success redirects to the record's page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.decorators import login_required, permission_required
from django.db.models import Model
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from office.kit.pages import edit_record


@dataclass(frozen=True)
class Editor:
    """``form`` (a ModelForm class, given ``instance``); ``save(request, form)`` calls the
    service and returns the record; ``detail``: where saving (and cancelling an edit) leads —
    the URL name of the record's page, or a function of the record; ``listing``: (URL name,
    label) of the list, for the breadcrumbs and for cancelling a new record; ``titles``: (new,
    existing) — the second may name the record as ``%(record)s``; ``initial(record)``: the
    form's initial values for an existing record."""

    form: type[Form]
    save: Callable[[HttpRequest, Form], Model]
    success: Any
    detail: str | Callable[[Model], str]
    listing: tuple[str, Any]
    titles: tuple[Any, Any]
    initial: Callable[[Model], dict[str, Any]] | None = None
    form_kwargs: Callable[[HttpRequest], dict[str, Any]] | None = None
    submit_label: Any = ""
    template: str = "kit/form_page.html"

    def detail_url(self, record: Model) -> str:
        return self.detail(record) if callable(self.detail) else reverse(self.detail, args=[record.pk])

    def page(self, request: HttpRequest, record: Model) -> HttpResponse:
        list_url = reverse(self.listing[0])
        extra = self.form_kwargs(request) if self.form_kwargs else {}
        if self.initial is not None and record.pk:
            extra["initial"] = self.initial(record)
        form = self.form(request.POST or None, instance=record, **extra)
        title = self.titles[1] % {"record": record} if record.pk else self.titles[0]
        return edit_record(
            request,
            form,
            save=lambda form: self.save(request, form),
            success=str(self.success),
            done_url=self.detail_url,
            title=str(title),
            submit_label=str(self.submit_label),
            cancel_url=self.detail_url(record) if record.pk else list_url,
            parents=[(list_url, self.listing[1])],
            template=self.template,
        )

    def create_view(self, *, permission: str, new: Callable[[HttpRequest], Model]) -> Callable[..., HttpResponse]:
        """GET/POST: the page for a new record (``new(request)``: the unsaved record)."""

        @require_http_methods(["GET", "POST"])
        @login_required
        @permission_required(permission, raise_exception=True)
        def view(request: HttpRequest) -> HttpResponse:
            return self.page(request, new(request))

        return view

    def edit_view(self, *, load: Callable[[HttpRequest, Any], Model]) -> Callable[..., HttpResponse]:
        """GET/POST: the page of an existing record; ``load`` gives 404/403 outside the user's rights."""

        @require_http_methods(["GET", "POST"])
        @login_required
        def view(request: HttpRequest, pk: Any) -> HttpResponse:
            return self.page(request, load(request, pk))

        return view
