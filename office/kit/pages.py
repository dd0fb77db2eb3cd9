"""Pages of every app: lists, create/edit forms, fragments for htmx, safe redirects."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import Model, QuerySet
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from office.kit import exports

#: How many page numbers the pagination shows around the current page and at each end.
PAGES_AROUND = 2
PAGES_AT_ENDS = 1


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


def paginate(request: HttpRequest, queryset: QuerySet | list[Any], per_page: int | None = None) -> Page:
    """The requested page of ``queryset``; ``page.page_numbers`` holds the numbers to show
    (``Paginator.ELLIPSIS`` for the gaps), so a list of thousands of pages stays cheap to draw."""
    paginator = Paginator(queryset, per_page or settings.PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    page.page_numbers = list(
        paginator.get_elided_page_range(page.number, on_each_side=PAGES_AROUND, on_ends=PAGES_AT_ENDS)
    )
    return page


@dataclass(frozen=True)
class PageLink:
    """A button in a page's header: shown only to users holding ``permission`` (if any)."""

    label: Any
    url: str
    permission: str | None = None


def list_page(
    request: HttpRequest,
    *,
    queryset: QuerySet,
    fragment: str,
    title: Any = "",
    filter_label: Any = "",
    links: Iterable[PageLink] = (),
    subnav: str = "",
    section: str = "",
    template: str = "kit/list_page.html",
    filterset_class: type | None = None,
    filter_kwargs: dict[str, Any] | None = None,
    context: dict[str, Any] | None = None,
    per_page: int | None = None,
    export_columns: Sequence[exports.ExportColumn] = (),
) -> HttpResponse:
    """A list: the filterset narrows ``queryset`` (an invalid filter shows its errors and the
    unfiltered list), the page is cut, and an htmx request gets only the results ``fragment``.

    The kit's page (``kit/list_page.html``) shows ``title``, the ``links`` the user may follow,
    the app's ``subnav`` template (with ``section`` marked current), the filter form (named
    ``filter_label`` for assistive technology) and the results ``fragment`` (which extends
    ``kit/results.html``). A page with more to show passes its own ``template``.

    ``?export=csv`` or ``?export=xlsx`` gives the same rows as a spreadsheet (``office.kit.exports``):
    read back from the ``fragment``'s table, or, for a long list that declares them,
    ``export_columns`` read from the same filtered queryset (headed and shown as the table is).
    """
    filterset = None
    rows = queryset
    if filterset_class is not None:
        filterset = filterset_class(request.GET or None, queryset=queryset, **(filter_kwargs or {}))
        if filterset.is_bound and filterset.is_valid():
            rows = filterset.qs
    page_context = {
        "filter": filterset,
        "exportable": True,
        "title": title,
        "filter_label": filter_label or title,
        "links": [link for link in links if link.permission is None or request.user.has_perm(link.permission)],
        "subnav": subnav,
        "section": section,
        "results": fragment,
        **(context or {}),
    }
    fmt = exports.wanted(request)
    if fmt:
        return exports.respond(
            request,
            queryset=rows,
            render=exports.render_chunks(request, fragment, page_context),
            fmt=fmt,
            title=title or filter_label or _("List"),
            columns=export_columns,
        )
    page_context["page_obj"] = paginate(request, rows, per_page)
    return render_page(request, template, page_context, fragment=fragment)


def apply_errors(form: Form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form, by field where it names one."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def form_page(
    request: HttpRequest,
    form: Form,
    *,
    title: str,
    cancel_url: str,
    submit_label: str = "",
    parents: Iterable[tuple[str, str]] = (),
    template: str = "kit/form_page.html",
    context: dict[str, Any] | None = None,
    status: int = 200,
) -> HttpResponse:
    """The one page for creating or editing a record: breadcrumbs, title, error summary, the
    form (multipart when it has a file field), save and cancel."""
    return render(
        request,
        template,
        {
            "form": form,
            "title": title,
            "cancel_url": cancel_url,
            "submit_label": submit_label,
            "parents": list(parents),
            "multipart": form.is_multipart(),
            **(context or {}),
        },
        status=status,
    )


def edit_record(
    request: HttpRequest,
    form: Form,
    *,
    save: Callable[[Form], Model],
    success: str | Callable[[Model], str],
    done_url: Callable[[Model], str],
    title: str,
    cancel_url: str,
    submit_label: str = "",
    parents: Iterable[tuple[str, str]] = (),
    template: str = "kit/form_page.html",
    context: dict[str, Any] | None = None,
) -> HttpResponse:
    """Create or edit with one call: on a valid POST ``save(form)`` calls the service; its
    ValidationError goes back onto the form (nothing typed is lost); success says ``success``
    (or ``success(record)``) and redirects to ``done_url(record)``. Otherwise the form page is shown."""
    if request.method == "POST" and form.is_valid():
        try:
            saved = save(form)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, success(saved) if callable(success) else success)
            return redirect(done_url(saved))
    return form_page(
        request,
        form,
        title=title,
        cancel_url=cancel_url,
        submit_label=submit_label,
        parents=parents,
        template=template,
        context=context,
    )


def safe_next_url(request: HttpRequest, candidate: str | None, default: str) -> str:
    """``candidate`` (a ``next`` parameter) when it points into this site, else ``default``.

    Only a path of this site is taken: it starts with one ``/`` (``foo`` is not a URL to go to,
    and a redirect would try it as a view name), and passes Django's own check: ``//evil.example``,
    ``https://evil.example`` and ``/\\evil`` are refused.
    """
    if (
        candidate
        and candidate.startswith("/")
        and not candidate.startswith(("//", "/\\"))
        and url_has_allowed_host_and_scheme(
            candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return candidate
    return default
