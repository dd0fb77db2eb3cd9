"""Letter templates (edited by staff, previewed before use) and batches of letters (mail merge)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from correspondence import access, merge, selectors
from correspondence.forms import BatchForm, LetterTemplateForm, default_unit
from correspondence.models import LetterBatch, LetterTemplate
from correspondence.services import batches as batch_services
from correspondence.services import letters as letter_services
from office.kit import Editor, PageLink, apply_errors, form_page, list_page, paginate
from office.services import audit

TEMPLATES = ("correspondence:template_list", gettext_lazy("Letter templates"))
BATCHES = ("correspondence:batch_list", gettext_lazy("Mail merge"))
ADD_BATCH = "correspondence.add_letterbatch"


@require_GET
@login_required
@permission_required("correspondence.view_lettertemplate", raise_exception=True)
def template_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=LetterTemplate.objects.select_related("jrwa_class", "signatory").order_by("-is_active", "name"),
        fragment="correspondence/templates/_table.html",
        title=_("Letter templates"),
        links=[
            PageLink(_("New template"), reverse("correspondence:template_create"), "correspondence.add_lettertemplate"),
            PageLink(
                _("Letters for many recipients"),
                reverse("correspondence:batch_create"),
                "correspondence.add_letterbatch",
            ),
        ],
        subnav="correspondence/_subnav.html",
        section="templates",
    )


def _save_template(request: HttpRequest, form: LetterTemplateForm) -> LetterTemplate:
    template = form.save(commit=False)
    letter_services.check_template(template)
    template.updated_by = request.user
    return audit.save_record(actor=request.user, record=template)


TEMPLATE_EDITOR = Editor(
    form=LetterTemplateForm,
    save=_save_template,
    success=gettext_lazy("The template was saved."),
    detail="correspondence:template_detail",
    listing=TEMPLATES,
    titles=(gettext_lazy("New letter template"), gettext_lazy("Edit %(record)s")),
    template="correspondence/templates/form.html",
)
template_create = TEMPLATE_EDITOR.create_view(
    permission="correspondence.add_lettertemplate", new=lambda request: LetterTemplate()
)


def _template(request: HttpRequest, pk: Any, *, change: bool = False) -> LetterTemplate:
    access.require(request.user.has_perm("correspondence.view_lettertemplate"))
    if change:
        access.require(request.user.has_perm("correspondence.change_lettertemplate"))
    return access.get_or_404(LetterTemplate.objects.select_related("jrwa_class", "signatory"), pk)


template_edit = TEMPLATE_EDITOR.edit_view(load=lambda request, pk: _template(request, pk, change=True))


@require_GET
@login_required
def template_detail(request: HttpRequest, pk: int) -> HttpResponse:
    template = _template(request, pk)
    context = {
        "template": template,
        "groups": merge.groups_for(template.source_kind) if _known_source(template) else [],
        "can_change": request.user.has_perm("correspondence.change_lettertemplate"),
        "recent": list(template.letters.select_related("principal").order_by("-created_at")[:10]),
        "trail": audit.trail_for(template),
    }
    return render(request, "correspondence/templates/detail.html", context)


def _known_source(template: LetterTemplate) -> bool:
    try:
        merge.groups_for(template.source_kind)
    except LookupError:
        return False
    return True


@require_GET
@login_required
def template_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """The template filled with the example values, as the PDF would print it."""
    template = _template(request, pk)
    try:
        content = letter_services.preview_pdf(template)
    except (ValidationError, LookupError):
        raise Http404 from None
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="preview-{template.pk}.pdf"'
    return response


# --- Batches -----------------------------------------------------------------------------------------


@require_GET
@login_required
@permission_required("correspondence.view_letterbatch", raise_exception=True)
def batch_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=selectors.batches(),
        fragment="correspondence/templates/_batches.html",
        title=_("Mail merge"),
        links=[PageLink(_("New batch"), reverse("correspondence:batch_create"), "correspondence.add_letterbatch")],
        subnav="correspondence/_subnav.html",
        section="batches",
    )


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("correspondence.add_letterbatch", raise_exception=True)
def batch_create(request: HttpRequest) -> HttpResponse:
    """Choose a template and the recipients: the letters are made in the background."""
    chosen = request.GET.get("template", "")
    initial = {
        "unit": default_unit(request.user),
        "template": int(chosen) if chosen.isdecimal() and len(chosen) < 19 else None,
    }
    form = BatchForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            job = batch_services.start_batch(
                actor=request.user,
                template=data["template"],
                contacts=data["recipients"],
                signatory=data["signatory"],
                unit=data["unit"],
                dated_on=data["dated_on"],
                title=data["title"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            return redirect("office:job_detail", job.pk)
    return form_page(
        request,
        form,
        title=_("Letters for many recipients"),
        cancel_url=reverse(BATCHES[0]),
        submit_label=_("Make the letters"),
        parents=[(reverse(BATCHES[0]), BATCHES[1])],
    )


def _batch(request: HttpRequest, pk: Any) -> LetterBatch:
    access.require(request.user.has_perm("correspondence.view_letterbatch"))
    return access.get_or_404(LetterBatch.objects.select_related("template", "signatory", "unit", "job"), pk)


@require_GET
@login_required
def batch_detail(request: HttpRequest, pk: int) -> HttpResponse:
    batch = _batch(request, pk)
    letters = batch.letters.select_related("contact").order_by("sequence")
    return render(
        request, "correspondence/templates/batch_detail.html", {"batch": batch, "page_obj": paginate(request, letters)}
    )


def _batch_file(request: HttpRequest, pk: Any, field: str, suffix: str) -> FileResponse:
    batch = _batch(request, pk)
    stored = getattr(batch, field)
    if not batch.is_done or not stored:
        raise Http404
    try:
        handle = stored.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(handle, as_attachment=True, filename=f"{batch.title}{suffix}")


@require_GET
@login_required
def batch_pdf(request: HttpRequest, pk: int) -> FileResponse:
    return _batch_file(request, pk, "pdf", ".pdf")


@require_GET
@login_required
def batch_zip(request: HttpRequest, pk: int) -> FileResponse:
    return _batch_file(request, pk, "archive", ".zip")
