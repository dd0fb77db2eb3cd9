"""The public pages of consultations (no login): the list, a consultation with its documents, the
published comments with the office's answers and the form for a comment (moderated before it is
published), and the download of a published document."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import Max
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import condition, require_GET, require_http_methods

from associations.participation.models import Consultation, Project, SubmissionStatus
from associations.participation.public_forms import PublicCommentForm
from associations.participation.services import consultations as services
from office.kit import apply_errors, paginate
from office.kit.public import over_limit, too_many
from office.models import Attachment


def _last_change(request: HttpRequest, **kwargs: object) -> object:
    return services.published().aggregate(last=Max("updated_at"))["last"]


@require_GET
@condition(last_modified_func=_last_change)
def public_consultations(request: HttpRequest) -> HttpResponse:
    rows = services.published().order_by("-starts_on", "-id")
    return render(request, "participation/public/consultations.html", {"page_obj": paginate(request, rows)})


@require_http_methods(["GET", "POST"])
def public_consultation(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = get_object_or_404(services.published(), pk=pk)
    form = PublicCommentForm(request.POST or None)
    if request.method == "POST":
        if over_limit(request, "participation-comment"):
            return too_many(request)
        if form.is_robot:
            return redirect("participation:public_comment_thanks", consultation.pk)
        if form.is_valid():
            try:
                services.submit_comment(consultation=consultation, data=form.cleaned_data)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                return redirect("participation:public_comment_thanks", consultation.pk)
    context = {
        "consultation": consultation,
        "form": form,
        "comments": consultation.submissions.filter(status=SubmissionStatus.PUBLISHED).order_by("received_at", "id"),
        "documents": Attachment.objects.filter(
            content_type=ContentType.objects.get_for_model(Consultation), object_id=consultation.pk
        ).order_by("id"),
    }
    return render(request, "participation/public/consultation.html", context)


@require_GET
def public_comment_thanks(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = get_object_or_404(services.published(), pk=pk)
    return render(request, "participation/public/comment_thanks.html", {"consultation": consultation})


def _public_record(attachment: Attachment) -> bool:
    """Published documents: those of a published consultation, and the photos of a funded project."""
    record = attachment.record
    if isinstance(record, Consultation):
        return record.is_published
    return isinstance(record, Project) and record.is_funded and record.edition.is_published


@require_GET
def public_document(request: HttpRequest, pk: int) -> FileResponse:
    attachment = get_object_or_404(Attachment.objects.select_related("content_type"), pk=pk)
    if not _public_record(attachment):
        raise Http404
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    inline = attachment.mime_type.startswith("image/") or attachment.mime_type == "application/pdf"
    return FileResponse(
        handle,
        as_attachment=not inline,
        filename=attachment.original_name,
        content_type=attachment.mime_type or "application/octet-stream",
    )
