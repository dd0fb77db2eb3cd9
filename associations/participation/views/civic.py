"""Civic projects, the rooms of the local-activity centre, their bookings and the week view."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from associations.participation.access import get_for_user, loader, perm
from associations.participation.filters import BookingFilter, CivicFilter
from associations.participation.forms import BookingForm, CivicProjectForm, NoteForm, RoomForm
from associations.participation.models import Booking, BookingStatus, CivicProject, Room
from associations.participation.models.civic import HOLDING
from associations.participation.services import civic as services
from associations.participation.views.common import SUBNAV, record_page
from associations.participation.workflows import BOOKING_WORKFLOW
from office.access import require
from office.kit import Action, ActionSet, Editor, PageLink, attach_action, list_page

CIVIC_CHANGE = perm("change", "civicproject")
BOOKING_CHANGE = perm("change", "booking")


@require_GET
@login_required
@permission_required(perm("view", "civicproject"), raise_exception=True)
def civic_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=CivicProject.objects.prefetch_related("partners").order_by("-starts_on", "-id"),
        filterset_class=CivicFilter,
        fragment="participation/civic/_table.html",
        title=_("Civic projects"),
        filter_label=_("Filter the projects"),
        links=[PageLink(_("New civic project"), reverse("participation:civic_create"), perm("add", "civicproject"))],
        subnav=SUBNAV,
        section="civic",
    )


CIVIC_EDITOR = Editor(
    form=CivicProjectForm,
    save=lambda request, form: services.save_civic_project(
        actor=request.user, project=form.save(commit=False), partners=form.cleaned_data["partners"]
    ),
    success=gettext_lazy("The project was saved."),
    detail="participation:civic_detail",
    listing=("participation:civic_list", gettext_lazy("Civic projects")),
    titles=(gettext_lazy("New civic project"), gettext_lazy("Change %(record)s")),
)
civic_create = CIVIC_EDITOR.create_view(permission=perm("add", "civicproject"), new=lambda request: CivicProject())
civic_edit = CIVIC_EDITOR.edit_view(load=loader(CivicProject.objects.all, "civicproject", "change"))


def _civic_page(request: HttpRequest, project: CivicProject, bound: dict[str, Any] | None = None) -> HttpResponse:
    return record_page(
        request,
        "participation/civic/detail.html",
        project,
        CIVIC_ACTIONS,
        bound,
        name="project",
        can_change=request.user.has_perm(CIVIC_CHANGE),
        partners=list(project.partners.order_by("name")),
    )


@require_GET
@login_required
def civic_detail(request: HttpRequest, pk: int) -> HttpResponse:
    project = get_for_user(request.user, CivicProject.objects.all(), pk, perm("view", "civicproject"))
    return _civic_page(request, project)


CIVIC_ACTIONS = ActionSet(
    "civic",
    load=loader(CivicProject.objects.all, "civicproject"),
    done_url=lambda project: reverse("participation:civic_detail", args=[project.pk]),
    redisplay=_civic_page,
    permission=CIVIC_CHANGE,
    record_arg="project",
    actions=[attach_action(allowed=lambda user, project: user.has_perm(CIVIC_CHANGE))],
)


# --- Rooms and bookings -----------------------------------------------------------------------


@require_GET
@login_required
@permission_required(perm("view", "room"), raise_exception=True)
def room_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=Room.objects.order_by("name"),
        fragment="participation/civic/_rooms.html",
        title=_("Rooms of the local-activity centre"),
        links=[
            PageLink(_("Week of bookings"), reverse("participation:room_week"), perm("view", "booking")),
            PageLink(_("New room"), reverse("participation:room_create"), perm("add", "room")),
        ],
        subnav=SUBNAV,
        section="rooms",
    )


ROOM_EDITOR = Editor(
    form=RoomForm,
    save=lambda request, form: services.save_room(actor=request.user, room=form.save(commit=False)),
    success=gettext_lazy("The room was saved."),
    detail=lambda room: reverse("participation:room_list"),
    listing=("participation:room_list", gettext_lazy("Rooms of the local-activity centre")),
    titles=(gettext_lazy("New room"), gettext_lazy("Change %(record)s")),
)
room_create = ROOM_EDITOR.create_view(permission=perm("add", "room"), new=lambda request: Room())
room_edit = ROOM_EDITOR.edit_view(load=loader(Room.objects.all, "room", "change"))


def _monday(request: HttpRequest) -> dt.date:
    try:
        day = dt.date.fromisoformat(request.GET.get("week", ""))
    except ValueError:
        day = timezone.localdate()
    day = min(max(day, dt.date(1900, 1, 8)), dt.date(2199, 12, 20))
    return day - dt.timedelta(days=day.weekday())


@require_GET
@login_required
@permission_required(perm("view", "booking"), raise_exception=True)
def room_week(request: HttpRequest) -> HttpResponse:
    monday = _monday(request)
    days = [monday + dt.timedelta(days=n) for n in range(7)]
    start = timezone.make_aware(dt.datetime.combine(monday, dt.time()))
    bookings = Booking.objects.filter(
        status__in=HOLDING, starts_at__lt=start + dt.timedelta(days=7), ends_at__gt=start
    ).select_related("organisation", "room")
    rooms = list(Room.objects.filter(is_active=True).order_by("name"))
    grid: dict[tuple[int, dt.date], list[Booking]] = defaultdict(list)
    for booking in bookings.order_by("starts_at"):
        grid[(booking.room_id, timezone.localtime(booking.starts_at).date())].append(booking)
    rows = [(room, [grid.get((room.pk, day), []) for day in days]) for room in rooms]
    context = {
        "days": days,
        "rows": rows,
        "previous": monday - dt.timedelta(days=7),
        "next": monday + dt.timedelta(days=7),
    }
    return render(request, "participation/civic/week.html", context)


def _bookings() -> Any:
    return Booking.objects.select_related("room", "organisation", "decided_by")


@require_GET
@login_required
@permission_required(perm("view", "booking"), raise_exception=True)
def booking_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=_bookings().order_by("-starts_at", "-id"),
        filterset_class=BookingFilter,
        fragment="participation/civic/_bookings.html",
        title=_("Room bookings"),
        filter_label=_("Filter the bookings"),
        links=[
            PageLink(_("Week of bookings"), reverse("participation:room_week"), perm("view", "booking")),
            PageLink(_("Book a room"), reverse("participation:booking_create"), perm("add", "booking")),
        ],
        subnav=SUBNAV,
        section="bookings",
    )


BOOKING_EDITOR = Editor(
    form=BookingForm,
    save=lambda request, form: services.request_booking(actor=request.user, booking=form.save(commit=False)),
    success=gettext_lazy("The booking was saved; it waits for approval."),
    detail="participation:booking_detail",
    listing=("participation:booking_list", gettext_lazy("Room bookings")),
    titles=(gettext_lazy("Book a room"), gettext_lazy("Change the booking")),
)
booking_create = BOOKING_EDITOR.create_view(permission=perm("add", "booking"), new=lambda request: Booking())


def _editable_booking(request: HttpRequest, pk: Any) -> Booking:
    booking = get_for_user(request.user, _bookings(), pk, BOOKING_CHANGE)
    require(booking.holds_room)
    return booking


booking_edit = BOOKING_EDITOR.edit_view(load=_editable_booking)


def _booking_page(request: HttpRequest, booking: Booking, bound: dict[str, Any] | None = None) -> HttpResponse:
    return record_page(
        request,
        "participation/civic/booking.html",
        booking,
        BOOKING_ACTIONS,
        bound,
        name="booking",
        can_change=request.user.has_perm(BOOKING_CHANGE) and booking.holds_room,
    )


@require_GET
@login_required
def booking_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _booking_page(request, get_for_user(request.user, _bookings(), pk, perm("view", "booking")))


def _can(target: str) -> Any:
    return lambda booking: BOOKING_WORKFLOW.can(booking.status, target)


BOOKING_ACTIONS = ActionSet(
    "booking",
    load=loader(_bookings, "booking"),
    done_url=services.booking_url,
    redisplay=_booking_page,
    permission=BOOKING_CHANGE,
    actions=[
        Action(
            "approve",
            services.approve_booking,
            NoteForm,
            when=_can(BookingStatus.APPROVED),
            success=gettext_lazy("The booking was approved."),
        ),
        Action(
            "refuse",
            services.refuse_booking,
            NoteForm,
            when=_can(BookingStatus.REJECTED),
            success=gettext_lazy("The booking was refused."),
        ),
        Action(
            "cancel",
            services.cancel_booking,
            NoteForm,
            when=_can(BookingStatus.CANCELLED),
            success=gettext_lazy("The booking was cancelled."),
        ),
        attach_action(allowed=lambda user, booking: user.has_perm(BOOKING_CHANGE)),
    ],
)
