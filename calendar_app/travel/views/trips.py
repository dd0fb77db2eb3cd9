"""Business trips: the list, planning one, its page with the steps — itinerary, travel order,
approval, settlement per traveller, report and follow-up tasks."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from calendar_app import access as calendar_access
from calendar_app.travel import access
from calendar_app.travel.filters import TripFilter
from calendar_app.travel.forms import FollowUpForm, LegForm, NoteForm, OrderForm, RemoveLegForm, ReportForm, TripForm
from calendar_app.travel.models import Trip
from calendar_app.travel.services import trips as services
from office.kit import Action, ActionSet, Editor, PageLink, attach_action, list_page, record_context

LIST = ("travel:trip_list", gettext_lazy("Business trips"))


@require_GET
@login_required
@permission_required(access.VIEW, raise_exception=True)
def trip_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=Trip.objects.select_related("country").prefetch_related("travellers__holder", "travellers__user"),
        filterset_class=TripFilter,
        fragment="travel/_trips.html",
        title=_("Business trips"),
        filter_label=_("Filter the trips"),
        links=[PageLink(_("Plan a trip"), reverse("travel:trip_create"), access.ADD)],
        subnav="travel/_subnav.html",
        section="trips",
    )


def _save(request: HttpRequest, form: TripForm) -> Trip:
    trip = form.save(commit=False)
    save = services.update_trip if trip.pk else services.plan_trip
    return save(
        actor=request.user,
        trip=trip,
        holders=form.cleaned_data["holders"],
        users=form.cleaned_data["users"],
        keep_conflict_reason=form.cleaned_data["keep_conflict_reason"],
    )


EDITOR = Editor(
    form=TripForm,
    save=_save,
    success=gettext_lazy("The trip was saved."),
    detail="travel:trip_detail",
    listing=LIST,
    titles=(gettext_lazy("Plan a business trip"), gettext_lazy("Change the trip")),
)
trip_create = EDITOR.create_view(permission=access.ADD, new=lambda request: Trip())


def _editable(request: HttpRequest, pk: Any) -> Trip:
    trip = access.get_trip(request.user, pk)
    access.require(request.user.has_perm(access.CHANGE) and (trip.is_planned or trip.is_approved))
    return trip


trip_edit = EDITOR.edit_view(load=_editable)


def _detail(request: HttpRequest, trip: Trip, bound: dict[str, Any] | None = None) -> HttpResponse:
    user = request.user
    context = {
        "trip": trip,
        "travellers": trip.travellers.select_related("holder", "user", "order_letter", "settlement"),
        "legs": trip.legs.all(),
        "can_change": user.has_perm(access.CHANGE) and (trip.is_planned or trip.is_approved),
        "can_settle": user.has_perm(access.SETTLE) and trip.has_returned,
        "can_see_settlements": user.has_perm(access.VIEW_SETTLEMENT),
        "can_see_calendar": calendar_access.can_view_calendars(user),
        **ACTIONS.context(request, trip, bound),
        **record_context(
            request,
            trip,
            attach_url=reverse("travel:trip_attach", args=[trip.pk]),
            can_attach=user.has_perm(access.CHANGE),
            attachment_form=(bound or {}).get("attachment_form"),
            with_assignments=True,
        ),
    }
    return render(request, "travel/trip_detail.html", context)


@require_GET
@login_required
def trip_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, access.get_trip(request.user, pk))


def _order(request: HttpRequest, trip: Trip, data: dict[str, Any]) -> None:
    trip = services.order(actor=request.user, trip=trip, template=data["template"])
    messages.success(request, _("The travel orders were written; %(who)s approves the trip.") % {"who": trip.approver})


ACTIONS = ActionSet(
    "trip",
    load=lambda request, pk: access.get_trip(request.user, pk),
    done_url=services.trip_url,
    redisplay=_detail,
    permission=access.CHANGE,
    actions=[
        Action("leg", services.add_leg, LegForm, when=lambda t: t.is_open, success=gettext_lazy("The leg was added.")),
        Action(
            "unleg",
            services.remove_leg,
            RemoveLegForm,
            form_kwargs=lambda request, trip: {"trip": trip},
            when=lambda t: t.is_open and t.legs.exists(),
            success=gettext_lazy("The leg was removed."),
        ),
        Action("order", run=_order, form=OrderForm, when=lambda t: t.is_planned),
        Action(
            "approve",
            services.approve,
            NoteForm,
            permission=access.APPROVE,
            allowed=access.is_approver,
            when=lambda t: t.is_awaiting,
            success=gettext_lazy("The trip was approved."),
        ),
        Action(
            "refuse",
            services.refuse,
            NoteForm,
            permission=access.APPROVE,
            allowed=access.is_approver,
            when=lambda t: t.is_awaiting,
            success=gettext_lazy("The trip was refused."),
        ),
        Action(
            "cancel",
            services.cancel,
            NoteForm,
            when=lambda t: t.is_open,
            success=gettext_lazy("The trip was cancelled."),
        ),
        Action(
            "report",
            services.file_report,
            ReportForm,
            when=lambda t: t.has_returned,
            success=gettext_lazy("The report was filed."),
        ),
        Action(
            "follow_up",
            services.follow_up,
            FollowUpForm,
            when=lambda t: t.reported_on is not None,
            success=gettext_lazy("The task was handed over."),
        ),
        attach_action(allowed=lambda user, trip: user.has_perm(access.CHANGE)),
    ],
)
