"""Internal announcements: the list for every member of staff, writing one, the read confirmation."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from office.announcements import services
from office.announcements.forms import AnnouncementForm
from office.announcements.models import Announcement, AnnouncementRead, audience_q, current_q
from office.kit import Action, ActionSet, Editor, PageLink, list_page

LIST = ("announcements:announcement_list", gettext_lazy("Announcements"))


def visible_to(user: Any) -> Any:
    """What a reader sees: the current announcements addressed to them, and everything they wrote."""
    if user.has_perm("announcements.change_announcement"):
        return Announcement.objects.all()
    return Announcement.objects.filter((current_q() & audience_q(user)) | Q(author=user))


def _load(request: HttpRequest, pk: Any) -> Announcement:
    try:
        return visible_to(request.user).get(pk=pk)
    except (Announcement.DoesNotExist, ValueError):
        raise Http404 from None


@require_GET
@login_required
def announcement_list(request: HttpRequest) -> HttpResponse:
    read = AnnouncementRead.objects.filter(announcement=OuterRef("pk"), user=request.user)
    queryset = (
        visible_to(request.user)
        .distinct()
        .select_related("author")
        .annotate(is_read=Exists(read))
        .order_by("-published_at", "-id")
    )
    return list_page(
        request,
        queryset=queryset,
        fragment="announcements/_table.html",
        title=_("Internal announcements"),
        links=[
            PageLink(
                _("New announcement"), reverse("announcements:announcement_create"), "announcements.add_announcement"
            )
        ],
    )


def _editable(request: HttpRequest, pk: Any) -> Announcement:
    announcement = _load(request, pk)
    if announcement.author_id != request.user.pk and not request.user.has_perm("announcements.change_announcement"):
        raise PermissionDenied
    return announcement


EDITOR = Editor(
    form=AnnouncementForm,
    save=lambda request, form: services.save_announcement(
        actor=request.user, announcement=form.save(commit=False), units=form.cleaned_data["units"]
    ),
    success=gettext_lazy("The announcement was published."),
    detail="announcements:announcement_detail",
    listing=LIST,
    titles=(gettext_lazy("New announcement"), gettext_lazy("Edit %(record)s")),
)
announcement_create = EDITOR.create_view(
    permission="announcements.add_announcement", new=lambda request: Announcement()
)
announcement_edit = EDITOR.edit_view(load=_editable)


def _detail(request: HttpRequest, announcement: Announcement, bound: dict[str, Any] | None = None) -> HttpResponse:
    is_author = announcement.author_id == request.user.pk or request.user.has_perm("announcements.change_announcement")
    context = {
        "announcement": announcement,
        "is_read": announcement.reads.filter(user=request.user).exists(),
        "is_author": is_author,
        "summary": services.read_summary(announcement) if is_author else None,
        **ANNOUNCEMENT_ACTIONS.context(request, announcement, bound),
    }
    return render(request, "announcements/detail.html", context)


@require_GET
@login_required
def announcement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, _load(request, pk))


ANNOUNCEMENT_ACTIONS = ActionSet(
    "announcement",
    load=_load,
    done_url=lambda announcement: reverse("announcements:announcement_detail", args=[announcement.pk]),
    redisplay=_detail,
    actions=[Action("read", services.mark_read, success=gettext_lazy("Thank you: your reading is confirmed."))],
)
