"""Weekday names in the reader's language: lower case inside a sentence in Polish ("poniedziałek,
30 listopada"), capitalised at the start of a heading; English keeps them capitalised."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from calendar_app import notifications
from calendar_app.services import entries as entry_services
from office.formats.words import date_in_text
from tests.calendar_app.conftest import at
from tests.calendar_app.factories import EntryFactory
from tests.calendar_app.helpers import calendar_url, text
from tests.utils import client_for

pytestmark = pytest.mark.django_db

POLISH_DAYS = ["poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela"]
ENGLISH_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def in_language(client, language: str):
    client.cookies["django_language"] = language
    return client


def test_date_in_text_lowers_weekday_and_month_names_in_polish_only() -> None:
    monday = dt.date(2026, 11, 30)
    with translation.override("pl"):
        assert date_in_text(monday, "l, j E Y") == "poniedziałek, 30 listopada 2026"
        assert date_in_text(monday, "D j.m") == "pon 30.11"
        assert date_in_text(monday, "F Y") == "listopad 2026"
        assert date_in_text(monday, r"\l l") == "l poniedziałek"  # an escaped letter stays a letter
        assert date_in_text(monday, "SHORT_DATE_FORMAT") == "30.11.2026"
        assert date_in_text(None, "l") == ""
    with translation.override("en"):
        assert date_in_text(monday, "l, j E Y") == "Monday, 30 November 2026"
        assert date_in_text(monday, "F Y") == "November 2026"


def test_entry_page_writes_the_weekday_in_lower_case_in_polish(secretariat, mayor_calendar, monday) -> None:
    entry = EntryFactory(calendar=mayor_calendar, title="Narada", day=monday, hour=9)
    url = reverse("calendar_app:entry_detail", args=[entry.pk])

    polish = text(in_language(client_for(secretariat), "pl").get(url))
    english = text(in_language(client_for(secretariat), "en").get(url))

    assert re.search(r"<dd[^>]*>poniedziałek, \d+ ", polish)
    assert "Poniedziałek" not in polish
    assert re.search(r"<dd[^>]*>Monday, \d+ ", english)


def test_calendar_headings_start_with_a_capital_letter(secretariat, mayor_calendar, monday) -> None:
    client = in_language(client_for(secretariat), "pl")
    day = text(client.get(calendar_url(view="day", date=monday)))
    month = text(client.get(calendar_url(view="month", date=monday)))
    week = text(client.get(calendar_url(date=monday)))

    assert re.search(r'<h2 class="h4" id="calendar-period">Poniedziałek, \d+ ', day)
    assert '<th scope="col">Poniedziałek</th>' in month and '<th scope="col">Niedziela</th>' in month
    assert re.search(r'<th scope="col"[^>]*>Pon \d+\.\d+', week)

    english = text(in_language(client_for(secretariat), "en").get(calendar_url(view="month", date=monday)))
    assert '<th scope="col">Monday</th>' in english


def test_agenda_mail_writes_the_weekday_mid_sentence(secretariat, mayor_user, mayor_calendar, mailoutbox) -> None:
    mayor_user.language = "en"
    mayor_user.save(update_fields=["language"])
    secretariat.language = "pl"
    secretariat.save(update_fields=["language"])
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    entry_services.schedule_entry(
        actor=secretariat,
        calendar=mayor_calendar,
        title="Otwarcie żłobka",
        start=at(tomorrow, 10),
        end=at(tomorrow, 11),
    )
    assert notifications.send_tomorrows_agendas() == 2

    mails = {message.to[0]: message for message in mailoutbox}
    polish, english = mails[secretariat.email], mails[mayor_user.email]
    polish_html = polish.alternatives[0][0] if polish.alternatives else ""
    day_pl, day_en = POLISH_DAYS[tomorrow.weekday()], ENGLISH_DAYS[tomorrow.weekday()]
    for body in (polish.body, polish_html):
        assert f" {day_pl}, {tomorrow.day} " in body
        assert day_pl.capitalize() not in body
    assert f" {day_en}, {tomorrow.day} " in english.body
