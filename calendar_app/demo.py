"""Demo calendars: a year of the mayor's and two deputies' diaries (invented, but realistic)."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.utils import timezone

from calendar_app.models import Calendar, Entry
from calendar_app.services import ensure_calendars
from office.deadlines import is_working_day

MEETINGS = [
    ("Spotkanie z dyrekcją Szkoły Podstawowej nr 7", "SP nr 7, ul. Szkolna 3", "meeting"),
    ("Rozmowa z prezesem Śląskich Wodociągów", "Gabinet Prezydenta", "meeting"),
    ("Narada w sprawie budżetu na 2027 r.", "Sala narad, pok. 210", "internal"),
    ("Spotkanie z mieszkańcami osiedla Zachód", "Dom Kultury „Zachód”", "meeting"),
    ("Przegląd inwestycji drogowych z ZDM", "Zarząd Dróg Miejskich", "internal"),
    ("Wizyta na budowie hali sportowej", "ul. Sportowa 12", "meeting"),
    ("Spotkanie z przedstawicielami organizacji pozarządowych", "Sala sesyjna", "meeting"),
    ("Konferencja prasowa: remonty dróg w 2027 r.", "Sala konferencyjna, parter", "press"),
    ("Uroczyste wręczenie stypendiów Prezydenta", "Teatr Miejski", "ceremony"),
    ("Sesja Rady Miasta", "Sala sesyjna Rady Miasta", "council"),
    ("Posiedzenie Komisji Budżetu i Finansów", "Sala nr 104", "council"),
    ("Spotkanie z Komendantem Miejskim Policji", "Komenda Miejska Policji", "meeting"),
    ("Podpisanie umowy na termomodernizację szkół", "Gabinet Prezydenta", "meeting"),
    ("Rozmowa z dziennikarzem Gazety Przykładowskiej", "Gabinet Prezydenta", "press"),
    ("Praca nad dokumentami", "", "blocked"),
]
PRIVATE = [("Wizyta lekarska", "", "internal"), ("Sprawy rodzinne", "", "internal")]
TRIPS = [
    ("Wyjazd do Warszawy – Związek Miast Polskich", "Warszawa", "trip"),
    ("Wyjazd do Katowic – Urząd Marszałkowski", "Katowice", "trip"),
]


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=timezone.get_current_timezone())


def seed(admin: Any) -> None:
    ensure_calendars()
    calendars = list(
        Calendar.objects.filter(office_holder__role__in=["mayor", "deputy"])
        .select_related("office_holder")
        .order_by("office_holder__order")[:3]
    )
    today = timezone.localdate()
    for index, calendar in enumerate(calendars):
        if calendar.entries.exists():
            continue
        rng = random.Random(2026 + index)  # noqa: S311 (demo data, not security)
        entries: list[Entry] = [
            Entry(
                calendar=calendar,
                title="Kolegium Prezydenta",
                place="Sala narad, pok. 210",
                kind="internal",
                start=_at(today - dt.timedelta(days=today.weekday() + 182), 8, 30),
                end=_at(today - dt.timedelta(days=today.weekday() + 182), 9, 30),
                recurrence="FREQ=WEEKLY;BYDAY=MO",
                created_by=admin,
            ),
        ]
        if index == 0:
            first_wed = today - dt.timedelta(days=180)
            entries.append(
                Entry(
                    calendar=calendar,
                    title="Dyżur Prezydenta dla mieszkańców",
                    place="Biuro Obsługi Mieszkańców",
                    kind="meeting",
                    visibility="public",
                    start=_at(first_wed, 15),
                    end=_at(first_wed, 17),
                    recurrence="FREQ=MONTHLY;BYDAY=+1WE",
                    created_by=admin,
                )
            )
        day = today - dt.timedelta(days=180)
        while day <= today + dt.timedelta(days=180):
            if not is_working_day(day):
                day += dt.timedelta(days=1)
                continue
            if rng.random() < 0.03:
                title, place, kind = rng.choice(TRIPS)
                entries.append(
                    Entry(
                        calendar=calendar,
                        title=title,
                        place=place,
                        kind=kind,
                        all_day=True,
                        start=_at(day, 0),
                        end=_at(day + dt.timedelta(days=1), 0),
                        created_by=admin,
                    )
                )
                day += dt.timedelta(days=1)
                continue
            hour = 10 if day.weekday() == 0 else 9
            for _slot in range(rng.randint(1, 4)):
                if hour >= 17:
                    break
                length = rng.choice([30, 60, 60, 90, 120])
                start = _at(day, hour, 0)
                end = start + dt.timedelta(minutes=length)
                title, place, kind = rng.choice(PRIVATE) if rng.random() < 0.05 else rng.choice(MEETINGS)
                entries.append(
                    Entry(
                        calendar=calendar,
                        title=title,
                        place=place,
                        kind=kind,
                        start=start,
                        end=end,
                        visibility="private"
                        if (title, place, kind) in PRIVATE
                        else rng.choice(["public", "internal", "internal"]),
                        status="cancelled"
                        if rng.random() < 0.04
                        else ("tentative" if day > today and rng.random() < 0.15 else "confirmed"),
                        created_by=admin,
                    )
                )
                hour = end.hour + (1 if end.minute else 0) + rng.choice([0, 0, 1])
            day += dt.timedelta(days=1)
        Entry.objects.bulk_create(entries, batch_size=500)
