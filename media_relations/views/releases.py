"""Press releases: drafting, approval, publication, e-mail distribution with progress; the public newsroom."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from media_relations import access, selectors
from media_relations.forms import DistributeForm, ReleaseForm
from media_relations.models import Delivery, Release, ReleaseStatus
from media_relations.services import releases as services
from media_relations.views.common import form_page, handle_attach, record_context
from media_relations.workflows import RELEASE_WORKFLOW
from office.kit import apply_errors, paginate
from office.models import Attachment
from office.services.attachments import attachments_of

R = ReleaseStatus


@require_GET
@login_required
@permission_required("media_relations.view_release", raise_exception=True)
def release_list(request: HttpRequest) -> HttpResponse:
    return render(request, "media_relations/releases/list.html", {"page_obj": paginate(request, selectors.releases())})


def _save(request: HttpRequest, release: Release, title: str) -> HttpResponse:
    form = ReleaseForm(request.POST or None, instance=release)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.save_release(actor=request.user, release=form.save(commit=False))
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The release was saved."))
            return redirect("media_relations:release_detail", saved.pk)
    return form_page(
        request,
        form,
        title=title,
        cancel_url=reverse("media_relations:release_list"),
        submit_label=_("Save"),
        parents=[(reverse("media_relations:release_list"), _("Press releases"))],
    )


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("media_relations.add_release", raise_exception=True)
def release_create(request: HttpRequest) -> HttpResponse:
    return _save(request, Release(), _("New press release"))


@require_http_methods(["GET", "POST"])
@login_required
def release_edit(request: HttpRequest, pk: int) -> HttpResponse:
    release = access.get_for_user(request.user, Release.objects.all(), pk, change=True)
    if release.status == R.PUBLISHED:
        access.require(False)
    return _save(request, release, _("Edit the release"))


def _detail_context(request: HttpRequest, release: Release, distribute_form: DistributeForm | None = None) -> dict:
    can_change = access.can_change(request.user, Release)
    return {
        "release": release,
        "allowed": RELEASE_WORKFLOW.allowed(release.status) if can_change else frozenset(),
        "can_change": can_change,
        "can_publish": request.user.has_perm("media_relations.approve_answer"),
        "progress": services.distribution_progress(release),
        "failures": list(Delivery.objects.filter(release=release, status=Delivery.Status.FAILED)[:50]),
        "distribute_form": distribute_form or DistributeForm(),
        "in_newsroom": release.visible_in_newsroom(),
        **record_context(request, release, reverse("media_relations:release_attach", args=[release.pk])),
    }


@require_GET
@login_required
def release_detail(request: HttpRequest, pk: int) -> HttpResponse:
    release = access.get_for_user(request.user, Release.objects.all(), pk)
    return render(request, "media_relations/releases/detail.html", _detail_context(request, release))


@require_GET
@login_required
def release_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The distribution's progress: an htmx fragment polled while messages are waiting."""
    release = access.get_for_user(request.user, Release.objects.all(), pk)
    return render(
        request,
        "media_relations/releases/_progress.html",
        {
            "release": release,
            "progress": services.distribution_progress(release),
            "failures": list(Delivery.objects.filter(release=release, status=Delivery.Status.FAILED)[:50]),
        },
    )


@require_POST
@login_required
def release_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    release = access.get_for_user(request.user, Release.objects.all(), pk, change=True)
    targets = {"submit": R.APPROVAL, "return": R.DRAFT, "publish": R.PUBLISHED}
    if action not in targets:
        raise Http404
    if action == "publish":
        access.require(request.user.has_perm("media_relations.approve_answer"))
    try:
        services.move_release(actor=request.user, release=release, target=targets[action])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The status was changed."))
    return redirect("media_relations:release_detail", pk)


@require_POST
@login_required
def release_distribute(request: HttpRequest, pk: int) -> HttpResponse:
    release = access.get_for_user(request.user, Release.objects.all(), pk, change=True)
    form = DistributeForm(request.POST)
    if form.is_valid():
        try:
            added = services.distribute(actor=request.user, release=release, lists=list(form.cleaned_data["lists"]))
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("%(n)d messages are being sent.") % {"n": added})
            return redirect("media_relations:release_detail", pk)
    return render(request, "media_relations/releases/detail.html", _detail_context(request, release, form))


@require_POST
@login_required
def release_attach(request: HttpRequest, pk: int) -> HttpResponse:
    release = access.get_for_user(request.user, Release.objects.all(), pk, change=True)
    return handle_attach(request, release, reverse("media_relations:release_detail", args=[pk]))


# --- The public newsroom (no login) ------------------------------------------------------------


@require_GET
def newsroom(request: HttpRequest) -> HttpResponse:
    return render(
        request, "media_relations/newsroom/list.html", {"page_obj": paginate(request, services.newsroom_releases())}
    )


@require_GET
def newsroom_detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        release = services.newsroom_releases().get(slug=slug)
    except Release.DoesNotExist:
        raise Http404 from None
    files = list(attachments_of(release))
    photos = [f for f in files if f.mime_type.startswith("image/")]
    documents = [f for f in files if not f.mime_type.startswith("image/")]
    return render(
        request, "media_relations/newsroom/detail.html", {"release": release, "photos": photos, "documents": documents}
    )


@require_GET
def newsroom_file(request: HttpRequest, slug: str, file_id: int) -> FileResponse:
    """A photo or document of a published release, public like the release itself."""
    try:
        release = services.newsroom_releases().get(slug=slug)
        attachment = attachments_of(release).get(pk=file_id)
        handle = attachment.file.open("rb")
    except (Release.DoesNotExist, Attachment.DoesNotExist, FileNotFoundError):
        raise Http404 from None
    inline = attachment.mime_type.startswith("image/")
    return FileResponse(
        handle,
        as_attachment=not inline,
        filename=attachment.original_name,
        content_type=attachment.mime_type or "application/octet-stream",
    )
