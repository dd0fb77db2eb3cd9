"""Press releases: drafting, approval, publication, e-mail distribution with progress; the public newsroom."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required, permission_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from media_relations import access, selectors
from media_relations.forms import DistributeForm, ReleaseForm
from media_relations.models import Delivery, Release, ReleaseStatus
from media_relations.services import releases as services
from media_relations.workflows import RELEASE_WORKFLOW
from office.kit import Action, ActionSet, Editor, PageLink, attach_action, list_page, paginate, record_context
from office.models import Attachment
from office.services.attachments import attachments_of

CHANGE = "media_relations.change_release"


def _url(release: Release) -> str:
    return reverse("media_relations:release_detail", args=[release.pk])


@require_GET
@login_required
@permission_required("media_relations.view_release", raise_exception=True)
def release_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=selectors.releases(),
        fragment="media_relations/releases/_table.html",
        title=_("Press releases"),
        links=[
            PageLink(_("New release"), reverse("media_relations:release_create"), "media_relations.add_release"),
            PageLink(_("Public newsroom"), reverse("media_relations:newsroom")),
        ],
        subnav="media_relations/_subnav.html",
        section="releases",
    )


def _editable_release(request: HttpRequest, pk: Any) -> Release:
    release = access.get_for_user(request.user, Release.objects.all(), pk, change=True)
    access.require(not release.is_published)
    return release


RELEASE_EDITOR = Editor(
    form=ReleaseForm,
    save=lambda request, form: services.save_release(actor=request.user, release=form.save(commit=False)),
    success=gettext_lazy("The release was saved."),
    detail="media_relations:release_detail",
    listing=("media_relations:release_list", gettext_lazy("Press releases")),
    titles=(gettext_lazy("New press release"), gettext_lazy("Edit the release")),
)
release_create = RELEASE_EDITOR.create_view(permission="media_relations.add_release", new=lambda request: Release())
release_edit = RELEASE_EDITOR.edit_view(load=_editable_release)


def _failures(release: Release) -> list[Delivery]:
    return list(Delivery.objects.filter(release=release, status=Delivery.Status.FAILED)[:50])


def _uncertain(release: Release) -> list[Delivery]:
    return list(Delivery.objects.filter(release=release, status=Delivery.Status.UNCERTAIN)[:200])


def _progress_context(request: HttpRequest, release: Release) -> dict[str, Any]:
    return {
        "progress": services.distribution_progress(release),
        "failures": _failures(release),
        "uncertain": _uncertain(release),
        "may_decide": request.user.has_perm(CHANGE),
    }


def _detail(request: HttpRequest, release: Release, bound: dict[str, Any] | None = None) -> HttpResponse:
    context = {
        "release": release,
        "can_change": request.user.has_perm(CHANGE),
        **_progress_context(request, release),
        "in_newsroom": release.visible_in_newsroom(),
        **RELEASE_ACTIONS.context(request, release, bound),
        **record_context(
            request,
            release,
            attach_url=reverse("media_relations:release_attach", args=[release.pk]),
            can_attach=request.user.has_perm(CHANGE),
            attachment_form=(bound or {}).get("attachment_form"),
        ),
    }
    return render(request, "media_relations/releases/detail.html", context)


def _step(name: str, target: str, success: Any, **options: Any) -> Action:
    """A move of the release's workflow (no form): the service checks it is allowed from here."""
    return Action(
        name,
        run=lambda request, release, data: services.move_release(actor=request.user, release=release, target=target),
        when=lambda release: RELEASE_WORKFLOW.can(release.status, target),
        success=success,
        **options,
    )


RELEASE_ACTIONS = ActionSet(
    "release",
    load=lambda request, pk: access.get_for_user(request.user, Release.objects.all(), pk),
    done_url=_url,
    redisplay=_detail,
    permission=CHANGE,
    actions=[
        _step("submit", ReleaseStatus.APPROVAL, gettext_lazy("The release was submitted for approval.")),
        _step("send_back", ReleaseStatus.DRAFT, gettext_lazy("The release was sent back for changes.")),
        _step(
            "publish",
            ReleaseStatus.PUBLISHED,
            gettext_lazy("The release was approved and published."),
            permission="media_relations.approve_answer",
        ),
        Action(
            "distribute",
            services.distribute,
            DistributeForm,
            when=lambda r: r.is_published,
            success=gettext_lazy("The messages are being sent."),
        ),
        attach_action(allowed=lambda user, release: user.has_perm(CHANGE)),
    ],
)


@require_GET
@login_required
def release_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, access.get_for_user(request.user, Release.objects.all(), pk))


@require_GET
@login_required
def release_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The distribution's progress: an htmx fragment polled while messages are waiting."""
    release = access.get_for_user(request.user, Release.objects.all(), pk)
    context = {"release": release, **_progress_context(request, release)}
    return render(request, "media_relations/releases/_progress.html", context)


def _load_delivery(request: HttpRequest, pk: Any) -> Delivery:
    """A message of a release the user may see (404 otherwise)."""
    if not access.can_view(request.user, Release):
        raise Http404
    try:
        return Delivery.objects.select_related("release").get(pk=pk)
    except (Delivery.DoesNotExist, ValueError):
        raise Http404 from None


def _is_uncertain(delivery: Delivery) -> bool:
    return delivery.status == Delivery.Status.UNCERTAIN


#: A message whose worker died while sending it: the press officer sends it again or marks it sent
#: (the permission is the one for sending the release).
DELIVERY_ACTIONS = ActionSet(
    "delivery",
    load=_load_delivery,
    done_url=lambda delivery: _url(delivery.release),
    redisplay=lambda request, delivery, bound: _detail(request, delivery.release),
    permission=CHANGE,
    actions=[
        Action(
            "send_again",
            services.send_again,
            when=_is_uncertain,
            success=gettext_lazy("The message is being sent again."),
        ),
        Action(
            "mark_sent", services.mark_sent, when=_is_uncertain, success=gettext_lazy("The message was marked as sent.")
        ),
    ],
)


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
