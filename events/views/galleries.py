"""Galleries: the list, a gallery's page (upload photos, add a film), a photo's details, the
photo files (staff: every size; the public: the published sizes of published photos only) and
the public gallery."""

from __future__ import annotations

import contextlib
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Max, Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import condition, require_GET

from events.filters import GalleryFilterSet
from events.forms import GalleryForm, PhotoForm, UploadForm, VideoForm
from events.models import Event, Gallery, Photo, PhotoStatus, Video
from events.services import galleries as services
from office.access import require
from office.kit import Action, ActionSet, Editor, list_page, paginate
from office.services import audit

VIEW = "events.view_gallery"
CHANGE = "events.change_gallery"
LIST = ("events:gallery_list", gettext_lazy("Galleries"))


def _gallery(user: Any, pk: Any) -> Gallery:
    require(user.has_perm(VIEW))
    try:
        return Gallery.objects.select_related("created_by").get(pk=pk)
    except (Gallery.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def _photo(user: Any, pk: Any) -> Photo:
    require(user.has_perm(VIEW))
    try:
        return Photo.objects.select_related("gallery").get(pk=pk)
    except (Photo.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


@require_GET
@login_required
@permission_required(VIEW, raise_exception=True)
def gallery_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=Gallery.objects.annotate(photo_count=Count("photos")).order_by("-taken_on", "-id"),
        filterset_class=GalleryFilterSet,
        fragment="events/galleries/_table.html",
        title=_("Photo galleries"),
        filter_label=_("Filter the galleries"),
    )


class NewGalleryForm(GalleryForm):
    record = forms.CharField(widget=forms.HiddenInput, required=False)
    event = forms.ModelChoiceField(
        label=_("event"),
        queryset=Event.objects.order_by("-starts_at"),
        required=False,
        help_text=_("A gallery of a meeting or of a patronage report is made from its page."),
    )

    class Meta(GalleryForm.Meta):
        fields = ["title", "taken_on", "description", "is_public"]

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        if self.initial.get("record") or (self.data and self.data.get("record")):
            del self.fields["event"]
        if not self.is_bound and self.initial.get("record"):
            with contextlib.suppress(ValidationError):
                self.initial["title"] = services.target(user, self.initial["record"]).label

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        key = data.get("record") or (services.key_of(data["event"]) if data.get("event") else "")
        try:
            self.target = services.target(self.user, key)
        except ValidationError as error:
            self.add_error("event" if "event" in self.fields else None, error.messages)
        return data


def _new_gallery(request: HttpRequest) -> Gallery:
    return Gallery()


def _save_new(request: HttpRequest, form: NewGalleryForm) -> Gallery:
    return services.save_gallery(actor=request.user, gallery=form.save(commit=False), record=form.target)


CREATOR = Editor(
    form=NewGalleryForm,
    save=_save_new,
    success=gettext_lazy("The gallery was made: upload its photos."),
    detail="events:gallery_detail",
    listing=LIST,
    titles=(gettext_lazy("New gallery"), gettext_lazy("Change %(record)s")),
    form_kwargs=lambda request: {
        "user": request.user,
        "initial": {"record": request.GET.get("record", "")[:60]} if request.method == "GET" else {},
    },
)
gallery_create = CREATOR.create_view(permission="events.add_gallery", new=_new_gallery)


def _editable(request: HttpRequest, pk: Any) -> Gallery:
    require(request.user.has_perm(CHANGE))
    return _gallery(request.user, pk)


gallery_edit = Editor(
    form=GalleryForm,
    save=lambda request, form: services.save_gallery(actor=request.user, gallery=form.save(commit=False)),
    success=gettext_lazy("The gallery was saved."),
    detail="events:gallery_detail",
    listing=LIST,
    titles=(gettext_lazy("New gallery"), gettext_lazy("Change %(record)s")),
).edit_view(load=_editable)


def _detail(request: HttpRequest, gallery: Gallery, bound: dict[str, Any] | None = None) -> HttpResponse:
    photos = paginate(request, gallery.photos.all(), per_page=60)
    counts = gallery.photos.aggregate(
        processing=Count("id", filter=Q(status=PhotoStatus.PROCESSING)),
        failed=Count("id", filter=Q(status=PhotoStatus.FAILED)),
    )
    return render(
        request,
        "events/galleries/detail.html",
        {
            "gallery": gallery,
            "page_obj": photos,
            "videos": list(gallery.videos.all()),
            "counts": counts,
            "can_change": request.user.has_perm(CHANGE),
            # the public page exists once a photo is published, not as soon as the gallery is public
            "in_public_gallery": gallery.is_public and services.public_galleries().filter(pk=gallery.pk).exists(),
            "trail": audit.trail_for(gallery),
            **ACTIONS.context(request, gallery, bound),
        },
    )


@require_GET
@login_required
def gallery_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, _gallery(request.user, pk))


def _upload(request: HttpRequest, gallery: Gallery, data: dict[str, Any]) -> None:
    from django.contrib import messages

    made = services.add_photos(
        actor=request.user,
        gallery=gallery,
        uploads=data["photos"],
        author=data["author"],
        licence=data["licence"],
        consent=data["consent"],
    )
    messages.success(request, _("%(count)d photos uploaded; their thumbnails are being made.") % {"count": len(made)})


def _video(request: HttpRequest, gallery: Gallery, data: dict[str, Any]) -> Video:
    upload = data.pop("upload", None)
    return services.add_video(actor=request.user, video=Video(gallery=gallery, **data), upload=upload)


ACTIONS = ActionSet(
    "gallery",
    load=lambda request, pk: _gallery(request.user, pk),
    done_url=lambda gallery: reverse("events:gallery_detail", args=[gallery.pk]),
    redisplay=_detail,
    permission=CHANGE,
    actions=[
        Action("upload", run=_upload, form=UploadForm),
        Action(
            "video",
            run=_video,
            form=VideoForm,
            success=gettext_lazy("The film was added."),
        ),
    ],
)


def _photo_editable(request: HttpRequest, pk: Any) -> Photo:
    require(request.user.has_perm(CHANGE))
    return _photo(request.user, pk)


photo_edit = Editor(
    form=PhotoForm,
    save=lambda request, form: services.save_photo(actor=request.user, photo=form.save(commit=False)),
    success=gettext_lazy("The photo was saved."),
    detail=lambda photo: reverse("events:gallery_detail", args=[photo.gallery_id]),
    listing=LIST,
    titles=(gettext_lazy("Photo"), gettext_lazy("Photo: %(record)s")),
).edit_view(load=_photo_editable)


PHOTO_ACTIONS = ActionSet(
    "photo",
    load=lambda request, pk: _photo(request.user, pk),
    done_url=lambda photo: reverse("events:gallery_detail", args=[photo.gallery_id]),
    redisplay=lambda request, photo, bound: redirect("events:gallery_detail", photo.gallery_id),
    permission=CHANGE,
    actions=[
        Action(
            "delete",
            run=lambda request, photo, data: services.delete_photo(actor=request.user, photo=photo),
            success=gettext_lazy("The photo was removed."),
        )
    ],
)


def _file_response(field: Any, filename: str, *, public: bool) -> FileResponse:
    if not field:
        raise Http404
    try:
        stream = field.open("rb")
    except OSError:
        raise Http404 from None
    response = FileResponse(stream, filename=filename)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "public, max-age=86400" if public else "private, max-age=3600"
    return response


@require_GET
@login_required
def photo_file(request: HttpRequest, pk: int, size: str) -> FileResponse:
    """A photo's file for staff: ``thumb``, ``web`` or ``original`` (with its metadata, as taken)."""
    photo = _photo(request.user, pk)
    field = {"thumb": photo.thumb, "web": photo.web, "original": photo.original}.get(size)
    if field is None:
        raise Http404
    name = photo.original_name if size == "original" else f"{photo.pk}-{size}.jpg"
    return _file_response(field, name, public=False)


@require_GET
@login_required
def video_file(request: HttpRequest, pk: int) -> FileResponse:
    require(request.user.has_perm(VIEW))
    video = Video.objects.filter(pk=pk).first()
    if video is None:
        raise Http404
    return _file_response(video.file, video.file.name.rsplit("/", 1)[-1], public=False)


# --- The public gallery --------------------------------------------------------------------------------


def _public_changed(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
    return services.public_photos().aggregate(last=Max("gallery__updated_at"))["last"]


@require_GET
@condition(last_modified_func=_public_changed)
def public_list(request: HttpRequest) -> HttpResponse:
    galleries = services.public_galleries().order_by("-taken_on", "-id")
    page = paginate(request, galleries, per_page=24)
    covers = {}
    for photo in services.public_photos().filter(gallery__in=[g.pk for g in page.object_list]).order_by("order", "id"):
        covers.setdefault(photo.gallery_id, photo)
    for gallery in page.object_list:
        gallery.cover = covers.get(gallery.pk)
    return render(request, "events/public/galleries.html", {"page_obj": page})


@require_GET
@condition(last_modified_func=_public_changed)
def public_gallery(request: HttpRequest, pk: int) -> HttpResponse:
    gallery = services.public_galleries().filter(pk=pk).first()
    if gallery is None:
        raise Http404
    photos = paginate(
        request, services.public_photos().filter(gallery=gallery).select_related("gallery").order_by("order", "id"), 60
    )
    videos = [video for video in gallery.videos.filter(is_public=True) if video.link]
    return render(request, "events/public/gallery.html", {"gallery": gallery, "page_obj": photos, "videos": videos})


@require_GET
def public_photo(request: HttpRequest, pk: int, size: str) -> FileResponse:
    """A published photo: only the sizes made without metadata, never the original."""
    if size not in ("thumb", "web"):
        raise Http404
    photo = services.public_photos().filter(gallery__is_public=True, pk=pk).first()
    if photo is None:
        raise Http404
    return _file_response(photo.thumb if size == "thumb" else photo.web, f"{photo.pk}-{size}.jpg", public=True)
