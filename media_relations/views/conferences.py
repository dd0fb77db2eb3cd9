"""Press conferences: planning (on the office holder's calendar), materials and attendance."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from media_relations import access, selectors
from media_relations.forms import AttendanceForm, ConferenceForm
from media_relations.models import Conference
from media_relations.services import conferences as services
from media_relations.views.common import form_page, handle_attach, record_context
from office.kit import apply_errors, paginate


@require_GET
@login_required
@permission_required("media_relations.view_conference", raise_exception=True)
def conference_list(request: HttpRequest) -> HttpResponse:
    qs = selectors.conferences().order_by("-starts_at", "-id")
    return render(request, "media_relations/conferences/list.html", {"page_obj": paginate(request, qs)})


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("media_relations.add_conference", raise_exception=True)
def conference_create(request: HttpRequest) -> HttpResponse:
    form = ConferenceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            conference = services.create_conference(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The conference was planned."))
            return redirect("media_relations:conference_detail", conference.pk)
    return form_page(
        request,
        form,
        title=_("New press conference"),
        cancel_url=reverse("media_relations:conference_list"),
        submit_label=_("Plan the conference"),
        parents=[(reverse("media_relations:conference_list"), _("Press conferences"))],
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
    form = ConferenceForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_conference(actor=request.user, conference=conference, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The conference was changed."))
            return redirect("media_relations:conference_detail", conference.pk)
    return form_page(
        request,
        form,
        title=_("Change the press conference"),
        cancel_url=reverse("media_relations:conference_detail", args=[conference.pk]),
        submit_label=_("Save"),
        parents=[(reverse("media_relations:conference_list"), _("Press conferences"))],
    )


@require_GET
@login_required
def conference_detail(request: HttpRequest, pk: int) -> HttpResponse:
    conference = access.get_for_user(request.user, Conference.objects.select_related("office_holder"), pk)
    invitations = list(conference.invitations.select_related("outlet", "journalist"))
    return render(
        request,
        "media_relations/conferences/detail.html",
        {
            "conference": conference,
            "invitations": invitations,
            "speakers": list(conference.speakers.all()),
            "guest_speakers": list(conference.guest_speakers.all()),
            "calendar_url": services.calendar_entry_url(conference),
            "can_change": access.can_change(request.user, Conference),
            "attendance_form": AttendanceForm(initial={"attended": [i.outlet_id for i in invitations if i.attended]}),
            **record_context(request, conference, reverse("media_relations:conference_attach", args=[pk])),
        },
    )


@require_POST
@login_required
def conference_attendance(request: HttpRequest, pk: int) -> HttpResponse:
    conference = access.get_for_user(request.user, Conference.objects.all(), pk, change=True)
    form = AttendanceForm(request.POST)
    if form.is_valid():
        services.record_attendance(
            actor=request.user, conference=conference, attended=list(form.cleaned_data["attended"])
        )
        messages.success(request, _("The attendance was saved."))
    else:
        messages.error(request, _("The attendance could not be saved."))
    return redirect("media_relations:conference_detail", pk)


@require_POST
@login_required
def conference_attach(request: HttpRequest, pk: int) -> HttpResponse:
    conference = access.get_for_user(request.user, Conference.objects.all(), pk, change=True)
    return handle_attach(request, conference, reverse("media_relations:conference_detail", args=[pk]))
