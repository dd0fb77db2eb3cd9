"""The guest list of an event (add guests, invite them, remind, print the list for seating),
a guest's details, the check-in page for the day and the guest's own answer page (no login)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from events import access
from events.filters import GuestFilter
from events.forms import AddGuestsForm, AddTaggedForm, GuestForm, InviteForm, RsvpForm, SearchGuestForm
from events.models import Answer, Event, Guest
from events.services import guests as services
from office.kit import Action, ActionSet, Editor, apply_errors, list_page, paginate
from office.kit.public import over_limit, too_many


def guests_url(event: Event) -> str:
    return reverse("events:guest_list", args=[event.pk])


LIST_FIELDS = (
    "event_id",
    "capacity",
    "position",
    "seat",
    "invited_at",
    "invited_by_email",
    "reminded_at",
    "answer",
    "companions",
    "needs",
    "arrived_at",
    "contact__name",
    "contact__organisation__name",
    "precedence__order",
    "precedence__name",
)


def _page(request: HttpRequest, event: Event, bound: dict[str, Any] | None = None) -> HttpResponse:
    # only what the table shows: two thousand guests are sorted on every page
    queryset = Guest.objects.filter(event=event).in_precedence().with_related().only(*LIST_FIELDS)
    return list_page(
        request,
        queryset=queryset,
        filterset_class=GuestFilter,
        fragment="events/guests/_table.html",
        template="events/guests/list.html",
        title=_("Guests: %(event)s") % {"event": event.name},
        filter_label=_("Filter the guests"),
        context={
            "event": event,
            "counts": services.counts(event),
            "closed_reason": services.answer_closed_reason(event),
            "can_change": request.user.has_perm(access.CHANGE_GUESTS),
            **GUESTS.context(request, event, bound),
        },
    )


@require_GET
@login_required
def guest_list(request: HttpRequest, pk: int) -> HttpResponse:
    return _page(request, access.get_guests_event(request.user, pk))


def _job_page(job: Any) -> HttpResponse:
    return redirect("office:job_detail", job.pk)


def _add(request: HttpRequest, event: Event, data: dict[str, Any]) -> None:
    made = services.add_guests(
        actor=request.user,
        event=event,
        contacts=data["contacts"],
        precedence=data["precedence"],
        capacity=data["capacity"],
    )
    messages.success(request, _("%(count)d guests added.") % {"count": len(made)})


def _add_tagged(request: HttpRequest, event: Event, data: dict[str, Any]) -> None:
    contacts = services.tagged_contacts(data["tag"])
    if not contacts:
        raise ValidationError({"tag": _("Nobody has this tag.")})
    made = services.add_guests(actor=request.user, event=event, contacts=contacts, precedence=data["precedence"])
    messages.success(request, _("%(count)d guests added.") % {"count": len(made)})


GUESTS = ActionSet(
    "guests",
    load=lambda request, pk: access.get_guests_event(request.user, pk),
    done_url=guests_url,
    redisplay=_page,
    permission=access.CHANGE_GUESTS,
    record_arg="event",
    actions=[
        Action("add", run=_add, form=AddGuestsForm, permission="events.add_guest", when=lambda e: e.is_coming),
        Action(
            "add_tagged", run=_add_tagged, form=AddTaggedForm, permission="events.add_guest", when=lambda e: e.is_coming
        ),
        Action(
            "invite",
            run=lambda request, event, data: _job_page(
                services.start_invitations(actor=request.user, event=event, **data)
            ),
            form=InviteForm,
            form_kwargs=lambda request, event: {"user": request.user},
            when=lambda event: event.is_coming,
        ),
        Action(
            "remind",
            run=lambda request, event, data: _job_page(services.start_reminders(actor=request.user, event=event)),
            when=lambda event: not services.answer_closed_reason(event),
        ),
        Action(
            "print",
            run=lambda request, event, data: _job_page(services.start_guest_list(actor=request.user, event=event)),
            permission=access.VIEW_GUESTS,
        ),
    ],
)


# --- One guest -----------------------------------------------------------------------------------


def _editable(request: HttpRequest, pk: Any) -> Guest:
    guest = access.get_guest_for_user(request.user, pk)
    access.require(request.user.has_perm(access.CHANGE_GUESTS))
    return guest


guest_edit = Editor(
    form=GuestForm,
    save=lambda request, form: services.save_guest(actor=request.user, guest=form.save(commit=False)),
    success=gettext_lazy("The guest was saved."),
    detail=lambda guest: guests_url(guest.event),
    listing=("events:event_list", gettext_lazy("Ceremonies and events")),
    titles=(gettext_lazy("Guest"), gettext_lazy("Guest: %(record)s")),
).edit_view(load=_editable)


def _remove(request: HttpRequest, guest: Guest, data: dict[str, Any]) -> HttpResponse:
    """Off the list, back to the list (not to the check-in page the other actions return to)."""
    services.remove_guest(actor=request.user, guest=guest)
    messages.success(request, _("%(name)s is no longer on the list.") % {"name": guest.contact.name})
    return redirect(guests_url(guest.event))


def _back(guest: Guest) -> str:
    return reverse("events:check_in", args=[guest.event_id])


GUEST = ActionSet(
    "guest",
    load=lambda request, pk: access.get_guest_for_user(request.user, pk),
    done_url=_back,
    redisplay=lambda request, guest, bound: redirect(_back(guest)),
    permission=access.CHANGE_GUESTS,
    actions=[
        Action(
            "arrived",
            run=lambda request, guest, data: services.note_arrival(actor=request.user, guest=guest),
            when=lambda guest: not guest.has_arrived,
            success=gettext_lazy("Arrival noted."),
        ),
        Action(
            "not_arrived",
            run=lambda request, guest, data: services.note_arrival(actor=request.user, guest=guest, arrived=False),
            when=lambda guest: guest.has_arrived,
            success=gettext_lazy("The arrival was taken back."),
        ),
        Action("remove", run=_remove, permission="events.delete_guest"),
    ],
)


@require_GET
@login_required
def check_in(request: HttpRequest, pk: int) -> HttpResponse:
    """The page at the entrance, on a phone: find a guest by name, note them arrived."""
    event = access.get_guests_event(request.user, pk)
    access.require(request.user.has_perm(access.CHANGE_GUESTS))
    form = SearchGuestForm(request.GET or None)
    rows = Guest.objects.filter(event=event).exclude(answer=Answer.DECLINED).with_related()
    if form.is_valid() and form.cleaned_data["q"].strip():
        rows = rows.filter(contact__name__icontains=form.cleaned_data["q"].strip())
    page = paginate(request, rows.in_precedence(), per_page=30)
    return render(
        request,
        "events/guests/check_in.html",
        {"event": event, "form": form, "page_obj": page, "counts": services.counts(event)},
    )


# --- The guest's own page ----------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def rsvp(request: HttpRequest, token: str) -> HttpResponse:
    """The personal answer link of an invitation: shows the event and this guest's answer only."""
    guest = services.by_token(token)
    if guest is None:
        raise Http404
    event = guest.event
    closed = services.answer_closed_reason(event)
    form = RsvpForm(request.POST or None, guest=guest)
    if request.method == "POST" and not closed:
        # per guest: colleagues answering from one office network do not use up each other's answers
        if over_limit(request, f"rsvp:{guest.pk}"):
            return too_many(request)
        if form.is_robot:
            return redirect("events:rsvp", token)
        if form.is_valid():
            try:
                services.record_answer(
                    guest=guest,
                    answer=form.cleaned_data["answer"],
                    companions=form.cleaned_data["companions"] or 0,
                    needs=form.cleaned_data["needs"],
                )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("Thank you, your answer was saved. You may change it until answers close."))
                return redirect("events:rsvp", token)
    return _private(
        render(request, "events/public/rsvp.html", {"guest": guest, "event": event, "form": form, "closed": closed})
    )


def _private(response: HttpResponse) -> HttpResponse:
    """A page reached by a secret link: the token stays out of other sites' logs ("no-referrer"
    would make the browser send Origin: null with the form, which CSRF protection rightly
    refuses), out of search engines and out of shared caches."""
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex"
    response["Cache-Control"] = "no-store"
    return response
