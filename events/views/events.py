"""Events: the list, the yearly plan, an event's page with its steps (confirm or drop a proposal,
hand out the checklist, mark it held or cancelled, files)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from events import access, services
from events.filters import EventFilter
from events.forms import ConfirmForm, EventForm, NoteForm, PlanForm
from events.models import Event, EventStatus, Observance
from events.services import guests
from events.workflows import EVENT_WORKFLOW
from office.kit import Action, ActionSet, Editor, PageLink, apply_errors, attach_action, list_page, record_context

LIST = ("events:event_list", gettext_lazy("Ceremonies and events"))


@require_GET
@login_required
@permission_required(access.VIEW, raise_exception=True)
def event_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=Event.objects.select_related("holder").order_by("starts_at", "id"),
        filterset_class=EventFilter,
        fragment="events/_table.html",
        title=_("Ceremonies and events"),
        filter_label=_("Filter the events"),
        links=[
            PageLink(_("New event"), reverse("events:event_create"), "events.add_event"),
            PageLink(_("Yearly plan"), reverse("events:plan"), "events.add_event"),
        ],
    )


def _save(request: HttpRequest, form: EventForm) -> Event:
    return services.save_event(
        actor=request.user,
        event=form.save(commit=False),
        co_organisers=form.cleaned_data["co_organisers"],
        keep_conflict_reason=form.cleaned_data["keep_conflict_reason"],
    )


EDITOR = Editor(
    form=EventForm,
    save=_save,
    success=gettext_lazy("The event was saved."),
    detail="events:event_detail",
    listing=LIST,
    titles=(gettext_lazy("New event"), gettext_lazy("Change the event")),
)
event_create = EDITOR.create_view(permission="events.add_event", new=lambda request: Event())


def _editable(request: HttpRequest, pk: Any) -> Event:
    event = access.get_event_for_user(request.user, pk)
    access.require(request.user.has_perm(access.CHANGE) and event.is_coming)
    return event


event_edit = EDITOR.edit_view(load=_editable)


def _detail(request: HttpRequest, event: Event, bound: dict[str, Any] | None = None) -> HttpResponse:
    context = {
        "event": event,
        "co_organisers": list(event.co_organisers.order_by("name")),
        "can_change": request.user.has_perm(access.CHANGE) and event.is_coming,
        "guest_counts": guests.counts(event) if request.user.has_perm(access.VIEW_GUESTS) else None,
        **ACTIONS.context(request, event, bound),
        **record_context(
            request,
            event,
            attach_url=reverse("events:event_attach", args=[event.pk]),
            can_attach=request.user.has_perm(access.CHANGE),
            attachment_form=(bound or {}).get("attachment_form"),
            with_assignments=True,
        ),
    }
    return render(request, "events/detail.html", context)


@require_GET
@login_required
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, access.get_event_for_user(request.user, pk))


def _status(target: str, success: Any, when: Any = None) -> Action:
    calendar = target in (EventStatus.PLANNED,)
    return Action(
        {
            EventStatus.PLANNED: "confirm",
            EventStatus.DROPPED: "drop",
            EventStatus.HELD: "held",
            EventStatus.CANCELLED: "cancel",
            EventStatus.PROPOSED: "restore",
        }[target],
        run=lambda request, event, data: services.change_status(
            actor=request.user,
            event=event,
            target=target,
            note=data.get("note", ""),
            keep_conflict_reason=data.get("keep_conflict_reason", ""),
        ),
        form=ConfirmForm if calendar else NoteForm,
        when=lambda event: EVENT_WORKFLOW.can(event.status, target) and (when is None or when(event)),
        success=success,
    )


ACTIONS = ActionSet(
    "event",
    load=lambda request, pk: access.get_event_for_user(request.user, pk),
    done_url=services.event_url,
    redisplay=_detail,
    permission=access.CHANGE,
    record_arg="event",
    actions=[
        _status(EventStatus.PLANNED, gettext_lazy("The event is planned.")),
        _status(EventStatus.DROPPED, gettext_lazy("The proposal was dropped.")),
        _status(
            EventStatus.HELD, gettext_lazy("The event is marked held."), when=lambda e: e.starts_at <= timezone.now()
        ),
        _status(EventStatus.CANCELLED, gettext_lazy("The event was cancelled.")),
        _status(EventStatus.PROPOSED, gettext_lazy("The proposal is back in the plan.")),
        Action(
            "checklist",
            run=lambda request, event, data: services.hand_out_checklist(actor=request.user, event=event),
            when=lambda event: event.status == EventStatus.PLANNED and not event.checklist_made,
            success=gettext_lazy("The checklist was handed out to the units."),
        ),
        attach_action(allowed=lambda user, event: user.has_perm(access.CHANGE)),
    ],
)


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("events.add_event", raise_exception=True)
def plan(request: HttpRequest) -> HttpResponse:
    """The yearly plan: the observances and, on POST, the events proposed for a year."""
    form = PlanForm(request.POST or None, initial={"year": timezone.localdate().year})
    if request.method == "POST" and form.is_valid():
        year = form.cleaned_data["year"]
        try:
            made = services.generate_plan(actor=request.user, year=year)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("%(count)d events proposed for %(year)d.") % {"count": len(made), "year": year})
            return redirect(reverse("events:event_list") + f"?status=proposed&since={year}-01-01&until={year}-12-31")
    return render(request, "events/plan.html", {"form": form, "observances": Observance.objects.all()})
