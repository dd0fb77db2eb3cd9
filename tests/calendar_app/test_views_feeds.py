"""A calendar's own pages and actions (calendar_app/views/feeds.py): the subscription settings, renewing
the secret link, the iCalendar feed itself (read back with vobject, an independent parser) and the
day's agenda as a PDF job."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest
import vobject
from django.urls import reverse
from django.utils import timezone

from calendar_app.models import Calendar
from calendar_app.reports import DAILY_AGENDA_PDF
from office.models import Job
from tests.calendar_app.factories import EntryExceptionFactory, EntryFactory, local, next_working_day
from tests.calendar_app.helpers import text, trail
from tests.utils import client_for, fetch, login_url, messages_of

pytestmark = pytest.mark.django_db


def feed_url(calendar: Calendar | str) -> str:
    token = calendar if isinstance(calendar, str) else calendar.feed_token
    return reverse("calendar_app:feed", args=[token])


def renew_url(calendar: Calendar) -> str:
    return reverse("calendar_app:calendar_renew_feed", args=[calendar.pk])


def agenda_url(calendar: Calendar) -> str:
    return reverse("calendar_app:calendar_agenda_pdf", args=[calendar.pk])


def read_feed(calendar: Calendar):
    response = client_for(None).get(feed_url(calendar))
    assert response.status_code == 200
    return response, vobject.readOne(response.content.decode())


# --- The subscription settings -----------------------------------------------------------------------


@pytest.mark.parametrize("role", ["secretariat", "management", "administrator"])
def test_the_calendars_managers_see_the_subscription_link(persona, mayor_calendar, role):
    response = client_for(persona(role)).get(reverse("calendar_app:feed_settings", args=[mayor_calendar.pk]))
    assert response.status_code == 200
    assert response.context["feed_url"] == f"http://testserver/calendar/feed/{mayor_calendar.feed_token}.ics"
    body = text(response)
    assert response.context["feed_url"] in body and "Andrzej Kowalczyk" in body
    assert f'action="{renew_url(mayor_calendar)}"' in body


@pytest.mark.parametrize(
    ("role", "calendar"),
    [
        ("press_officer", "mayor_calendar"),
        ("auditor", "mayor_calendar"),
        ("unit_liaison", "mayor_calendar"),
        ("secretariat", "deputy_calendar"),  # she serves the mayor, not the deputy
    ],
)
def test_the_subscription_link_is_404_for_everyone_else(persona, request, deputy_calendar, role, calendar):
    calendar = request.getfixturevalue(calendar)
    response = client_for(persona(role)).get(reverse("calendar_app:feed_settings", args=[calendar.pk]))
    assert response.status_code == 404
    assert calendar.feed_token not in response.content.decode()


def test_subscription_settings_answer_only_get_and_need_login(secretariat, mayor_calendar):
    url = reverse("calendar_app:feed_settings", args=[mayor_calendar.pk])
    assert client_for(secretariat).post(url).status_code == 405
    assert client_for(None).get(url)["Location"] == login_url(url)


# --- Renewing the link ---------------------------------------------------------------------------------


def test_renewing_the_link_revokes_the_old_one(secretariat, mayor_calendar):
    old = mayor_calendar.feed_token
    response = client_for(secretariat).post(renew_url(mayor_calendar))

    assert response.status_code == 302
    assert response["Location"] == reverse("calendar_app:feed_settings", args=[mayor_calendar.pk])
    mayor_calendar.refresh_from_db()
    assert mayor_calendar.feed_token != old and len(mayor_calendar.feed_token) >= 40
    assert client_for(None).get(feed_url(old)).status_code == 404
    assert client_for(None).get(feed_url(mayor_calendar)).status_code == 200
    (renewed,) = trail(mayor_calendar)
    assert (renewed.actor, renewed.text) == (secretariat, "Odnowiono link subskrypcji")
    assert messages_of(response) == ["Wygenerowano nowy link subskrypcji; dotychczasowy już nie działa."]


@pytest.mark.parametrize(("role", "status"), [("press_officer", 403), ("auditor", 403), ("unit_liaison", 404)])
def test_renewing_is_for_the_calendars_managers_only(persona, mayor_calendar, role, status):
    old = mayor_calendar.feed_token
    assert client_for(persona(role)).post(renew_url(mayor_calendar)).status_code == status
    mayor_calendar.refresh_from_db()
    assert mayor_calendar.feed_token == old and not trail(mayor_calendar)


def test_renewing_another_office_holders_link_is_403(secretariat, deputy_calendar):
    old = deputy_calendar.feed_token
    assert client_for(secretariat).post(renew_url(deputy_calendar)).status_code == 403
    deputy_calendar.refresh_from_db()
    assert deputy_calendar.feed_token == old


def test_renewing_answers_only_post_and_needs_login(secretariat, mayor_calendar):
    old = mayor_calendar.feed_token
    assert client_for(secretariat).get(renew_url(mayor_calendar)).status_code == 405
    response = client_for(None).post(renew_url(mayor_calendar))
    assert response["Location"] == login_url(renew_url(mayor_calendar))
    assert client_for(secretariat).post(reverse("calendar_app:calendar_renew_feed", args=[99999])).status_code == 404
    mayor_calendar.refresh_from_db()
    assert mayor_calendar.feed_token == old


# --- The feed ---------------------------------------------------------------------------------------------


def test_feed_is_rfc5545_with_local_times_and_escaping(mayor_calendar):
    day = next_working_day()
    entry = EntryFactory(
        calendar=mayor_calendar,
        title="Spotkanie; Rada Seniorów, Łódź – część 2",
        place="Sala im. Tuwima, ul. Piotrkowska 104",
        notes="Wejście od podwórza.\nZabrać upominki.",
        visibility="public",
        day=day,
        hour=10,
    )

    response, parsed = read_feed(mayor_calendar)

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "no-cache" in response["Cache-Control"]  # never cached by a proxy
    raw = response.content.decode()
    assert raw.startswith("BEGIN:VCALENDAR\r\n") and raw.endswith("END:VCALENDAR\r\n")
    assert all(len(line.encode()) <= 75 for line in raw.split("\r\n"))  # folded
    assert parsed.x_wr_calname.value == "Andrzej Kowalczyk (Prezydent Miasta)"
    (event,) = parsed.vevent_list
    assert event.summary.value == "Spotkanie; Rada Seniorów, Łódź – część 2"
    assert event.location.value == "Sala im. Tuwima, ul. Piotrkowska 104"
    assert event.description.value.startswith("Wejście od podwórza.\nZabrać upominki.")
    assert event.description.value.endswith(f"/calendar/entries/{entry.pk}/")
    assert event.dtstart.value == local(day, 10)
    assert f"DTSTART;TZID=Europe/Warsaw:{day:%Y%m%d}T100000\r\n" in response.content.decode()
    assert (event.status.value, event.contents["class"][0].value, event.transp.value) == (
        "CONFIRMED",
        "PUBLIC",
        "OPAQUE",
    )
    assert "BEGIN:VTIMEZONE" in raw and raw.count("BEGIN:VTIMEZONE") == 1


def test_feed_series_exceptions_private_and_old_entries(mayor_calendar, deputy_calendar):
    day = next_working_day()
    series = EntryFactory(calendar=mayor_calendar, recurring=True, day=day, hour=8, recurrence_until=None)
    EntryExceptionFactory(entry=series, week=1)
    EntryExceptionFactory(entry=series, week=2, moved=True)
    EntryFactory(calendar=mayor_calendar, private=True, day=day, hour=12)
    EntryFactory(calendar=mayor_calendar, whole_day=True, title="Dni Miasta", day=day + dt.timedelta(days=3))
    EntryFactory(calendar=mayor_calendar, title="Dawno temu", day=timezone.localdate() - dt.timedelta(days=400))
    EntryFactory(calendar=deputy_calendar, title="Spotkanie Zastępczyni", day=day)

    response, parsed = read_feed(mayor_calendar)

    by_summary: dict[str, list] = {}
    for event in parsed.vevent_list:
        by_summary.setdefault(event.summary.value, []).append(event)
    assert sorted(by_summary) == ["Dni Miasta", "Kolegium Prezydenta", "Zajęty"]
    main, moved = sorted(by_summary["Kolegium Prezydenta"], key=lambda e: "recurrence_id" in e.contents)
    assert main.rrule.value == "FREQ=WEEKLY" and main.uid.value == moved.uid.value
    week = dt.timedelta(weeks=1)
    assert main.exdate.value[0].astimezone(dt.UTC) == (timezone.localtime(series.start) + week).astimezone(dt.UTC)
    assert moved.dtstart.value == timezone.localtime(series.start) + 2 * week + dt.timedelta(hours=2)
    (busy,) = by_summary["Zajęty"]
    assert busy.contents["class"][0].value == "PRIVATE" and "location" not in busy.contents
    (all_day,) = by_summary["Dni Miasta"]
    assert all_day.dtstart.value == day + dt.timedelta(days=3) and all_day.transp.value == "TRANSPARENT"
    raw = response.content.decode()
    assert "Wizyta lekarska" not in raw and "Kopernika" not in raw and "Sprawa osobista" not in raw


@pytest.mark.parametrize(
    "token",
    [
        "nieistniejacy-token",
        "abc\x00def",  # a NUL byte: PostgreSQL refuses it in a query
        "\x00",
        "żółć-token",  # not ASCII
        "token%00",
        "🗓",
    ],
)
def test_bad_or_unknown_tokens_are_404_not_500(mayor_calendar, token):
    response = client_for(None).get(f"/calendar/feed/{token}.ics")
    assert response.status_code == 404


def test_a_nul_byte_appended_to_a_valid_token_is_404(mayor_calendar):
    assert client_for(None).get(f"/calendar/feed/{mayor_calendar.feed_token}%00.ics").status_code == 404
    assert client_for(None).get(f"/calendar/feed/{mayor_calendar.feed_token}\x00.ics").status_code == 404


def test_feed_answers_only_get(mayor_calendar):
    assert client_for(None).post(feed_url(mayor_calendar)).status_code == 405


def test_feed_of_an_empty_calendar_is_valid(deputy_calendar):
    _response, parsed = read_feed(deputy_calendar)
    assert not parsed.contents.get("vevent")


# --- The day's agenda as a PDF --------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["secretariat", "press_officer", "auditor"])
def test_agenda_pdf_starts_a_job_for_anyone_reading_calendars(persona, mayor_calendar, role):
    user = persona(role)
    day = next_working_day()
    response = client_for(user).post(agenda_url(mayor_calendar), {"agenda-pdf-day": day.isoformat()})

    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("office:job_detail", args=[job.pk])
    assert (job.kind, job.owner, job.status) == (DAILY_AGENDA_PDF, user, Job.Status.QUEUED)
    assert job.params == {"calendar_id": mayor_calendar.pk, "day": day.isoformat(), "language": "pl"}
    assert job.title == f"Plan dnia: Andrzej Kowalczyk, {day:%d.%m.%Y}"


def test_agenda_pdf_contains_the_days_entries(secretariat, mayor_calendar, django_capture_on_commit_callbacks):
    day = next_working_day()
    EntryFactory(calendar=mayor_calendar, title="Otwarcie Parku Źródliska", day=day, hour=10)
    EntryFactory(calendar=mayor_calendar, title="Inny dzień", day=day + dt.timedelta(days=1))
    client = client_for(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(agenda_url(mayor_calendar), {"agenda-pdf-day": day.isoformat()})

    job = Job.objects.get()
    assert job.status == Job.Status.DONE, job.message
    download = fetch(client, "get", reverse("office:job_download", args=[job.pk]))
    assert download.status_code == 200
    pdf = subprocess.run(["pdftotext", "-", "-"], input=download.content_bytes, capture_output=True, check=True).stdout
    words = " ".join(pdf.decode().split())
    assert "Otwarcie Parku Źródliska" in words and "Inny dzień" not in words


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({}, "To pole jest wymagane."),
        ({"day": "2026-12-01"}, "To pole jest wymagane."),  # without the action's prefix
        ({"agenda-pdf-day": "jutro"}, "Wpisz poprawną datę."),
        ({"agenda-pdf-day": "2026-02-30"}, "Wpisz poprawną datę."),
    ],
)
def test_agenda_pdf_with_a_bad_day_goes_back_with_the_error(secretariat, mayor_calendar, data, error):
    response = client_for(secretariat).post(agenda_url(mayor_calendar), data)
    assert response.status_code == 302 and response["Location"] == reverse("calendar_app:calendar")
    assert messages_of(response) == [error]  # the form's error, as a message
    assert not Job.objects.exists()


@pytest.mark.parametrize("role", ["unit_liaison", "outsider_liaison"])
def test_agenda_pdf_is_404_for_staff_without_calendars(persona, mayor_calendar, role):
    response = client_for(persona(role)).post(agenda_url(mayor_calendar), {"agenda-pdf-day": "2026-12-01"})
    assert response.status_code == 404 and not Job.objects.exists()


def test_agenda_pdf_answers_only_post_and_needs_login(secretariat, mayor_calendar):
    assert client_for(secretariat).get(agenda_url(mayor_calendar)).status_code == 405
    response = client_for(None).post(agenda_url(mayor_calendar), {"agenda-pdf-day": "2026-12-01"})
    assert response["Location"] == login_url(agenda_url(mayor_calendar))
    assert not Job.objects.exists()


def test_agenda_pdf_of_an_inactive_office_holder_is_404(persona, mayor_calendar):
    mayor_calendar.office_holder.is_active = False
    mayor_calendar.office_holder.save()
    response = client_for(persona("press_officer")).post(agenda_url(mayor_calendar), {"agenda-pdf-day": "2026-12-01"})
    assert response.status_code == 404 and not Job.objects.exists()
