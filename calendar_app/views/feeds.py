"""A calendar's own actions: the subscription feed (iCalendar on a secret, renewable link), its
settings page, and the printable agenda of a day (a PDF job)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from calendar_app import access, ical
from calendar_app.forms import AgendaForm
from calendar_app.models import Calendar
from calendar_app.reports import DAILY_AGENDA_PDF
from calendar_app.services import entries as services
from office.kit import Action, ActionSet
from office.services.jobs import start_job


def _load(request: HttpRequest, pk: Any) -> Calendar:
    """A calendar the user may see (any office holder's, for staff who read calendars)."""
    calendars = access.visible_calendars(request.user)
    try:
        return calendars.get(pk=pk)
    except (Calendar.DoesNotExist, ValueError):
        raise Http404 from None


def _settings_url(calendar: Calendar) -> str:
    return reverse("calendar_app:feed_settings", args=[calendar.pk])


@require_GET
@login_required
def feed_settings(request: HttpRequest, pk: int) -> HttpResponse:
    """The subscription link of a calendar, for its owner and secretariat only."""
    if not access.can_manage(request.user, pk):
        raise Http404
    calendar = Calendar.objects.select_related("office_holder").get(pk=pk)
    feed_url = request.build_absolute_uri(reverse("calendar_app:feed", args=[calendar.feed_token]))
    return render(request, "calendar_app/feed_settings.html", {"calendar": calendar, "feed_url": feed_url})


def _agenda_pdf(request: HttpRequest, calendar: Calendar, data: dict[str, Any]) -> HttpResponse:
    day = data["day"]
    job = start_job(
        actor=request.user,
        kind=DAILY_AGENDA_PDF,
        title=_("Agenda of %(name)s, %(day)s") % {"name": calendar.office_holder.full_name, "day": f"{day:%d.%m.%Y}"},
        params={"calendar_id": calendar.pk, "day": day.isoformat(), "language": request.LANGUAGE_CODE},
    )
    return redirect("office:job_detail", job.pk)


def _no_page(request: HttpRequest, calendar: Calendar, bound: dict[str, Any]) -> HttpResponse:
    """A calendar has no page of its own: a refused form goes back to the calendar with a message."""
    from django.contrib import messages

    form = next(iter(bound.values()))
    messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect("calendar_app:calendar")


CALENDAR_ACTIONS = ActionSet(
    "calendar",
    load=_load,
    done_url=_settings_url,
    redisplay=_no_page,
    actions=[
        Action(
            "renew_feed",
            run=lambda request, calendar, data: services.renew_feed_token(actor=request.user, calendar=calendar),
            allowed=lambda user, calendar: access.can_manage(user, calendar.pk),
            success=gettext_lazy("A new subscription link was issued; the old one no longer works."),
        ),
        Action("agenda_pdf", run=_agenda_pdf, form=AgendaForm),
    ],
)


@require_GET
@never_cache
def feed(request: HttpRequest, token: str) -> HttpResponse:
    """The iCalendar subscription feed (no login: the secret token is the key)."""
    if not token.isascii() or "\x00" in token:
        raise Http404
    try:
        calendar = Calendar.objects.select_related("office_holder").get(feed_token=token)
    except Calendar.DoesNotExist:
        raise Http404 from None
    return HttpResponse(ical.feed(calendar), content_type="text/calendar; charset=utf-8")
