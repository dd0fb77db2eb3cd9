"""Demo calendars: a year of the mayor's and two deputies' diaries (invented, but realistic)."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.utils import timezone

from calendar_app.models import Calendar, Entry
from calendar_app.services import ensure_calendars
from calendar_app.services import entries as entry_services
from calendar_app.services import meetings as meeting_services
from calendar_app.services import requests as request_services
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
        if calendar.entries.filter(title="Kolegium Prezydenta", recurrence="FREQ=WEEKLY;BYDAY=MO").exists():
            continue  # the demo's own series: made already (other entries, the bench's, do not count)
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
    seed_requests(admin)
    seed_decisions(admin)


REQUESTS = [
    # kind, name, organisation, topic, days ago, outcome, email
    (
        "resident",
        "Halina Adamczyk",
        "",
        "Hałas z placu budowy przy ul. Lipowej",
        40,
        "handed_over",
        "h.adamczyk@example.com",
    ),
    (
        "ngo",
        "Jan Ćwikliński",
        "Stowarzyszenie Przyjaciół Starego Miasta",
        "Obchody 700-lecia miasta – współpraca",
        35,
        "scheduled",
        "jan.cwiklinski@example.org",
    ),
    (
        "company",
        "Leszek Olszewski",
        "Śląskie Wodociągi S.A.",
        "Modernizacja sieci wodociągowej w dzielnicy Zachód",
        30,
        "scheduled",
        "l.olszewski@wodociagi.example.pl",
    ),
    (
        "resident",
        "Tadeusz Grabowski",
        "",
        "Prośba o przydział mieszkania komunalnego",
        28,
        "declined",
        "t.grabowski@example.com",
    ),
    (
        "councillor",
        "Maria Nowak",
        "Rada Miasta",
        "Oświetlenie parku Miejskiego",
        21,
        "handed_over",
        "m.nowak@rada.example.gov.pl",
    ),
    (
        "institution",
        "Irena Żak",
        "Szkoła Podstawowa nr 7",
        "Bezpieczeństwo uczniów na przejściu przy szkole",
        14,
        "assessing",
        "dyrektor.sp7@edu.example.pl",
    ),
    (
        "ngo",
        "Krystyna Wójtowicz",
        "Fundacja „Ładna Okolica”",
        "Zielony budżet osiedlowy",
        9,
        "new",
        "fundacja@ladnaokolica.example.org",
    ),
    ("resident", "Zbigniew Łęcki", "", "Dostępność urzędu dla osób na wózkach", 6, "new", ""),
    (
        "company",
        "Agata Błaszczyk",
        "Budimex Południe sp. z o.o.",
        "Harmonogram budowy hali sportowej",
        3,
        "assessing",
        "oferty@budpol.example.pl",
    ),
    ("resident", "Stanisław Kędzierski", "", "Remont chodnika na ul. Polnej", 1, "new", "s.kedzierski@example.com"),
]
DECISIONS = [
    ("ZDM", "Przygotować projekt zmiany organizacji ruchu przy SP nr 7 do konsultacji z radą rodziców.", 14),
    ("WIN", "Przedstawić harmonogram robót na ul. Zwycięstwa z uwzględnieniem objazdów.", -3),
    ("WKS", "Przygotować program obchodów 700-lecia miasta wspólnie ze stowarzyszeniem.", 30),
]


def seed_requests(admin: Any) -> None:
    from calendar_app.models import MeetingRequest
    from office.models import OfficeHolder, OrgUnit, User

    if MeetingRequest.objects.filter(requester_name=REQUESTS[0][1]).exists():  # the demo's own: made already
        return
    mayor = OfficeHolder.objects.filter(role="mayor").first()
    secretary = User.objects.filter(username="sekretariat").first() or admin
    today = timezone.localdate()
    slot_day = today + dt.timedelta(days=3)
    for index, (kind, name, organisation, topic, days_ago, outcome, email) in enumerate(REQUESTS):
        request = request_services.register_request(
            actor=secretary,
            request=MeetingRequest(
                requester_kind=kind,
                requester_name=name,
                organisation=organisation,
                email=email,
                phone="" if email else "600 700 800",
                topic=topic,
                office_holder=mayor,
                channel="email" if email else "phone",
                received_on=today - dt.timedelta(days=days_ago),
                rodo_acknowledged=True,
                preferred_dates="dowolny dzień po południu",
                description=f"{topic}. Prośba o rozmowę z Prezydentem.",
            ),
        )
        if outcome == "new":
            continue
        request_services.start_assessment(actor=secretary, request=request)
        if outcome == "scheduled":
            slots = entry_services.free_slots(
                calendar=Calendar.objects.get(office_holder=mayor), first_day=slot_day + dt.timedelta(days=index)
            )
            request_services.schedule_request(
                actor=secretary,
                request=request,
                start=slots[0],
                end=slots[0] + dt.timedelta(hours=1),
                place="Gabinet Prezydenta",
            )
        elif outcome == "handed_over":
            request_services.hand_over_request(
                actor=secretary,
                request=request,
                unit=OrgUnit.objects.get(symbol="WGK" if index == 0 else "WIN"),
                due_date=today + dt.timedelta(days=10),
            )
        elif outcome == "declined":
            request_services.decline_request(
                actor=secretary,
                request=request,
                reason="Przydział lokali prowadzi Zakład Gospodarki Mieszkaniowej; prosimy o kontakt z ZGM.",
            )
        MeetingRequest.objects.filter(pk=request.pk).update(
            decided_on=min(today, request.received_on + dt.timedelta(days=5))
        )


def seed_decisions(admin: Any) -> None:
    from calendar_app.models import Decision
    from office.models import OrgUnit, User

    if Decision.objects.filter(text=DECISIONS[0][1]).exists():  # the demo's own: made already
        return
    secretary = User.objects.filter(username="sekretariat").first() or admin
    today = timezone.localdate()
    meeting = (
        Entry.objects.filter(
            calendar__office_holder__role="mayor",
            kind="meeting",
            recurrence="",
            start__date__lt=today - dt.timedelta(days=7),
            status="confirmed",
        )
        .order_by("-start")
        .first()
    )
    if meeting is None:
        return
    meeting_services.save_notes(
        actor=secretary,
        entry=meeting,
        agenda="1. Stan inwestycji drogowych\n2. Bezpieczeństwo przy szkołach\n3. Jubileusz miasta",
        notes="Omówiono postęp prac i uwagi mieszkańców. Ustalono działania poniżej.",
    )
    for symbol, text, due in DECISIONS:
        decision = meeting_services.record_decision(
            actor=secretary,
            entry=meeting,
            text=text,
            unit=OrgUnit.objects.get(symbol=symbol),
            due_date=today + dt.timedelta(days=max(due, 1)),
        )
        if due < 0:  # a late one, to show on the follow-up board
            from office.models import Assignment

            Assignment.objects.filter(pk=decision.assignment_id).update(due_date=today + dt.timedelta(days=due))
