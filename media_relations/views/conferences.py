"""Press conferences: planning (on the office holder's calendar), materials and attendance."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from media_relations import access, selectors
from media_relations.forms import AttendanceForm, ConferenceForm
from media_relations.models import Conference
from media_relations.services import conferences as services
from office.kit import Action, ActionSet, PageLink, attach_action, edit_record, list_page, record_context


@require_GET
@login_required
@permission_required("media_relations.view_conference", raise_exception=True)
def conference_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=selectors.conferences().order_by("-starts_at", "-id"),
        fragment="media_relations/conferences/_table.html",
        title=_("Press conferences"),
        links=[
            PageLink(
                _("Plan a conference"), reverse("media_relations:conference_create"), "media_relations.add_conference"
            )
        ],
        subnav="media_relations/_subnav.html",
        section="conferences",
    )


def _url(conference: Conference) -> str:
    return reverse("media_relations:conference_detail", args=[conference.pk])


def _parents() -> list[tuple[str, str]]:
    return [(reverse("media_relations:conference_list"), _("Press conferences"))]


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("media_relations.add_conference", raise_exception=True)
def conference_create(request: HttpRequest) -> HttpResponse:
    return edit_record(
        request,
        ConferenceForm(request.POST or None),
        save=lambda form: services.create_conference(actor=request.user, **form.cleaned_data),
        success=_("The conference was planned."),
        done_url=_url,
        title=_("New press conference"),
        submit_label=_("Plan the conference"),
        cancel_url=reverse("media_relations:conference_list"),
        parents=_parents(),
    )


@require_http_methods(["GET", "POST"])
@login_required
def conference_edit(request: HttpRequest, pk: int) -> HttpResponse:
    conference = access.get_for_user(request.user, Conference.objects.select_related("office_holder"), pk, change=True)
    initial = {
        "topic": conference.topic,
        "starts_at": timezone.localtime(conference.starts_at),
        "ends_at": timezone.localtime(conference.ends_at),
        "place": conference.place,
        "description": conference.description,
        "office_holder": conference.office_holder,
        "speakers": list(conference.speakers.all()),
        "guest_speakers": list(conference.guest_speakers.all()),
        "outlets": [i.outlet for i in conference.invitations.select_related("outlet") if i.outlet_id],
    }
    return edit_record(
        request,
        ConferenceForm(request.POST or None, initial=initial),
        save=lambda form: services.update_conference(actor=request.user, conference=conference, **form.cleaned_data),
        success=_("The conference was changed."),
        done_url=_url,
        title=_("Change the press conference"),
        cancel_url=_url(conference),
        parents=_parents(),
    )


def _detail(request: HttpRequest, conference: Conference, bound: dict[str, Any] | None = None) -> HttpResponse:
    invitations = list(conference.invitations.select_related("outlet", "journalist"))
    context = {
        "conference": conference,
        "invitations": invitations,
        "speakers": list(conference.speakers.all()),
        "guest_speakers": list(conference.guest_speakers.all()),
        "calendar_url": services.calendar_entry_url(conference),
        "can_change": access.can_change(request.user, Conference),
        **CONFERENCE_ACTIONS.context(request, conference, bound),
        **record_context(
            request,
            conference,
            attach_url=reverse("media_relations:conference_attach", args=[conference.pk]),
            can_attach=access.can_change(request.user, Conference),
            attachment_form=(bound or {}).get("attachment_form"),
        ),
    }
    return render(request, "media_relations/conferences/detail.html", context)


def _attended(conference: Conference) -> list[int]:
    return list(conference.invitations.filter(attended=True).values_list("outlet_id", flat=True))


CONFERENCE_ACTIONS = ActionSet(
    "conference",
    load=lambda request, pk: access.get_for_user(request.user, Conference.objects.select_related("office_holder"), pk),
    done_url=_url,
    redisplay=_detail,
    actions=[
        Action(
            "attendance",
            services.record_attendance,
            AttendanceForm,
            initial=lambda request, c: {
                "attended": list(c.invitations.filter(attended=True).values_list("outlet_id", flat=True))
            },
            permission="media_relations.change_conference",
            success=gettext_lazy("The attendance was saved."),
        ),
        attach_action(allowed=lambda user, conference: user.has_perm("media_relations.change_conference")),
    ],
)


@require_GET
@login_required
def conference_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, access.get_for_user(request.user, Conference.objects.select_related("office_holder"), pk))
