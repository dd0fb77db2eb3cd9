"""The archive: the JRWA class list (with its CSV import) and the yearly handover lists."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from correspondence import access
from correspondence.forms import JrwaClassForm, JrwaImportForm, TransferForm
from correspondence.models import ArchiveTransfer, JrwaClass
from correspondence.reports import HANDOVER_LIST
from correspondence.services import archive as services
from office.kit import Editor, PageLink, apply_errors, form_page, list_page
from office.services import audit
from office.services.jobs import start_job

CLASSES = ("correspondence:class_list", gettext_lazy("JRWA classes"))
TRANSFERS = ("correspondence:transfer_list", gettext_lazy("Handovers to the archive"))


@require_GET
@login_required
@permission_required("correspondence.view_jrwaclass", raise_exception=True)
def class_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=JrwaClass.objects.annotate(letter_count=Count("letters")).order_by("symbol"),
        fragment="correspondence/archive/_classes.html",
        title=_("JRWA classes"),
        links=[
            PageLink(_("New class"), reverse("correspondence:class_create"), "correspondence.add_jrwaclass"),
            PageLink(_("Import from CSV"), reverse("correspondence:class_import"), "correspondence.add_jrwaclass"),
            PageLink(_("Handovers to the archive"), reverse("correspondence:transfer_list")),
        ],
        subnav="correspondence/_subnav.html",
        section="archive",
        per_page=100,
    )


CLASS_EDITOR = Editor(
    form=JrwaClassForm,
    save=lambda request, form: audit.save_record(actor=request.user, record=form.save(commit=False)),
    success=gettext_lazy("The class was saved."),
    detail=lambda jrwa_class: reverse("correspondence:class_list"),
    listing=CLASSES,
    titles=(gettext_lazy("New JRWA class"), gettext_lazy("Edit %(record)s")),
)
class_create = CLASS_EDITOR.create_view(permission="correspondence.add_jrwaclass", new=lambda request: JrwaClass())


def _editable_class(request: HttpRequest, pk: Any) -> JrwaClass:
    access.require(request.user.has_perm("correspondence.change_jrwaclass"))
    return access.get_or_404(JrwaClass.objects.all(), pk)


class_edit = CLASS_EDITOR.edit_view(load=_editable_class)


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("correspondence.add_jrwaclass", raise_exception=True)
def class_import(request: HttpRequest) -> HttpResponse:
    form = JrwaImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            result = services.import_classes(actor=request.user, text=form.cleaned_data["file"])
        except ValidationError as error:
            apply_errors(form, ValidationError({"file": error.messages}))
        else:
            text = _("Imported: %(created)d new classes, %(updated)d changed.")
            messages.success(request, text % {"created": result.created, "updated": result.updated})
            return redirect(CLASSES[0])
    return form_page(
        request,
        form,
        title=_("Import JRWA classes"),
        cancel_url=reverse(CLASSES[0]),
        submit_label=_("Import"),
        parents=[(reverse(CLASSES[0]), CLASSES[1])],
    )


@require_GET
@login_required
@permission_required("correspondence.view_archivetransfer", raise_exception=True)
def transfer_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=ArchiveTransfer.objects.select_related("unit", "created_by").order_by("-handed_on", "-number"),
        fragment="correspondence/archive/_transfers.html",
        title=_("Handovers to the archive"),
        links=[
            PageLink(
                _("New handover list"), reverse("correspondence:transfer_create"), "correspondence.add_archivetransfer"
            )
        ],
        subnav="correspondence/_subnav.html",
        section="archive",
    )


def _list_job(request: HttpRequest, transfer: ArchiveTransfer) -> HttpResponse:
    title = _("Handover list %(unit)s %(year)d") % {"unit": transfer.unit.symbol, "year": transfer.year}
    job = start_job(actor=request.user, kind=HANDOVER_LIST, title=title, params={"transfer": transfer.pk})
    return redirect("office:job_detail", job.pk)


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("correspondence.add_archivetransfer", raise_exception=True)
def transfer_create(request: HttpRequest) -> HttpResponse:
    form = TransferForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            transfer = services.prepare_transfer(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            return _list_job(request, transfer)
    return form_page(
        request,
        form,
        title=_("New handover list"),
        cancel_url=reverse(TRANSFERS[0]),
        submit_label=_("Prepare the list"),
        parents=[(reverse(TRANSFERS[0]), TRANSFERS[1])],
    )


@require_POST
@login_required
@permission_required("correspondence.view_archivetransfer", raise_exception=True)
def transfer_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The list as PDF/A again (made in the background)."""
    return _list_job(request, access.get_or_404(ArchiveTransfer.objects.select_related("unit"), pk))
