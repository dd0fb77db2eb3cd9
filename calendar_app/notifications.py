"""E-mails of the calendar: replies to requesters, tomorrow's agenda for office holders and secretariats."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import override

from calendar_app import selectors
from calendar_app.models import Calendar, MeetingRequest
from office.models import DigestDelivery
from office.services.mail import deliver, send_templated


def send_request_reply(request_id: int) -> None:
    request = MeetingRequest.objects.select_related("office_holder").get(pk=request_id)
    if not request.email or not request.reply_text:
        return
    with override(settings.LANGUAGE_CODE):
        message = EmailMessage(
            subject=_("Your request for a meeting: %(topic)s") % {"topic": request.topic},
            body=request.reply_text,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[request.email],
        )
        deliver(message, record=request)


def agenda_for(calendar: Calendar, day: dt.date, user=None) -> list[selectors.Occurrence]:
    tz = timezone.get_current_timezone()
    start = dt.datetime.combine(day, dt.time.min, tzinfo=tz)
    return [
        o
        for o in selectors.occurrences(
            user=user, calendar_ids=[calendar.pk], start=start, end=start + dt.timedelta(days=1)
        )
        if not o.is_cancelled
    ]


def send_tomorrows_agendas(today: dt.date | None = None) -> int:
    """Each office holder and their secretariat get tomorrow's agenda, once per day each."""
    tomorrow = (today or timezone.localdate()) + dt.timedelta(days=1)
    sent = 0
    calendars = Calendar.objects.filter(office_holder__is_active=True).select_related("office_holder__user")
    for calendar in calendars:
        holder = calendar.office_holder
        recipients = [m.user for m in holder.memberships.select_related("user") if m.user.is_active and m.user.email]
        if holder.user and holder.user.is_active and holder.user.email:
            recipients.append(holder.user)
        for user in recipients:
            items = agenda_for(calendar, tomorrow, user=user)
            if not items:
                continue
            try:
                with transaction.atomic():
                    DigestDelivery.objects.create(user=user, kind=f"agenda-{calendar.pk}", day=tomorrow)
                    with override(user.language or settings.LANGUAGE_CODE):
                        send_templated(
                            to=[user.email],
                            subject=_("Agenda of %(name)s for %(day)s")
                            % {"name": holder.full_name, "day": date_format(tomorrow, "SHORT_DATE_FORMAT")},
                            template="calendar_app/email/agenda",
                            context={"holder": holder, "day": tomorrow, "items": items, "user": user},
                        )
            except IntegrityError:
                continue
            sent += 1
    return sent
