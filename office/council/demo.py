"""Demo data of council relations: a term with 23 councillors in four clubs and five committees,
twelve sessions a year with agendas and recordings, committee meetings, and interpellations and
questions in every state (forwarded to units, drafts, approvals, answers on time and late,
overdue, withdrawn), made through the services. Volumes scale with ``settings.DEMO_SCALE``."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from office.contributions import registry
from office.council import demo_registers
from office.council.models import (
    Broadcast,
    Committee,
    CommitteeMeeting,
    Councillor,
    Interpellation,
    InterpellationKind,
    Session,
    SessionKind,
    SessionStatus,
    Term,
)
from office.council.services import council as council_services
from office.council.services import interpellations as services
from office.models import OfficeHolder, OrgUnit

INTERPELLATIONS = 150

CLUBS = [
    "Klub Radnych Obywatelskich",
    "Klub Radnych Wspólnota Miasta",
    "Klub Radnych Razem dla Miasta",
    "Radni niezrzeszeni",
]
FIRST = [
    "Anna",
    "Piotr",
    "Katarzyna",
    "Tomasz",
    "Małgorzata",
    "Krzysztof",
    "Joanna",
    "Andrzej",
    "Agnieszka",
    "Marcin",
    "Barbara",
    "Paweł",
    "Ewa",
    "Michał",
    "Monika",
    "Jacek",
    "Dorota",
    "Łukasz",
    "Beata",
    "Grzegorz",
    "Iwona",
    "Zbigniew",
    "Renata",
]
LAST = [
    "Nowak",
    "Wójcik",
    "Kamińska",
    "Lewandowski",
    "Zielińska",
    "Szymański",
    "Woźniak",
    "Dąbrowski",
    "Kozłowska",
    "Jankowski",
    "Mazur",
    "Kwiatkowski",
    "Krawczyk",
    "Piotrowski",
    "Grabowska",
    "Nowakowski",
    "Pawłowska",
    "Michalski",
    "Adamczyk",
    "Dudek",
    "Zając",
    "Wieczorek",
    "Jabłońska",
]
COMMITTEES = [
    ("Komisja Rewizyjna", "Kontrola działalności Prezydenta i jednostek organizacyjnych."),
    ("Komisja Skarg, Wniosków i Petycji", "Rozpatrywanie skarg, wniosków i petycji."),
    ("Komisja Budżetu i Finansów", "Budżet miasta, podatki i opłaty lokalne."),
    ("Komisja Gospodarki Komunalnej i Ochrony Środowiska", "Drogi, komunikacja, gospodarka odpadami, zieleń."),
    ("Komisja Oświaty, Kultury i Sportu", "Szkoły, przedszkola, instytucje kultury, sport."),
]
AGENDA = [
    "Otwarcie sesji i stwierdzenie prawomocności obrad",
    "Przyjęcie protokołu z poprzedniej sesji",
    "Informacja Prezydenta Miasta z działalności w okresie między sesjami",
    "Interpelacje i zapytania radnych",
    "Podjęcie uchwały w sprawie zmian w budżecie miasta",
    "Podjęcie uchwały w sprawie zmiany Wieloletniej Prognozy Finansowej",
    "Podjęcie uchwały w sprawie miejscowego planu zagospodarowania przestrzennego",
    "Odpowiedzi na interpelacje i zapytania radnych",
    "Wolne wnioski i informacje",
    "Zamknięcie sesji",
]
SUBJECTS = [
    (
        "Remont nawierzchni ul. Ogrodowej",
        "Mieszkańcy zgłaszają liczne ubytki w nawierzchni. Kiedy planowany jest remont?",
    ),
    (
        "Oświetlenie przejścia dla pieszych przy SP nr 5",
        "Proszę o informację, czy miasto planuje doświetlenie przejścia.",
    ),
    ("Kursowanie linii autobusowej nr 12 w weekendy", "Proszę o przywrócenie kursów w soboty i niedziele."),
    ("Nasadzenia drzew w parku Słowackiego", "Ile drzew posadzono w tym roku i ile planuje się posadzić w przyszłym?"),
    ("Stan przygotowań do sezonu zimowego", "Proszę o informację o zapasach soli i gotowości sprzętu."),
    ("Miejsca w żłobkach miejskich", "Ile dzieci oczekuje na miejsce w żłobkach i jakie są plany rozbudowy?"),
    (
        "Budżet obywatelski – realizacja projektów",
        "Które projekty z ubiegłej edycji nie zostały zrealizowane i dlaczego?",
    ),
    ("Parkowanie w strefie płatnej", "Proszę o dane o wpływach ze strefy płatnego parkowania."),
    ("Hałas przy obwodnicy północnej", "Czy planowane są ekrany akustyczne wzdłuż osiedla Zacisze?"),
    ("Dostępność budynków urzędu dla osób z niepełnosprawnościami", "Jakie bariery zostaną usunięte w tym roku?"),
]


def _scaled(count: int, least: int = 8) -> int:
    return max(least, round(count * settings.DEMO_SCALE))


def seed(admin: Any) -> None:
    if Term.objects.exists():
        return
    rng = random.Random(2024)  # noqa: S311  (repeatable demo data, not security)
    today = timezone.localdate()
    term = council_services.save_term(
        actor=admin, term=Term(name="IX kadencja 2024–2029", starts_on=dt.date(2024, 5, 7), ends_on=dt.date(2029, 5, 6))
    )
    councillors = _councillors(admin, term)
    _committees(admin, term, councillors, rng)
    _sessions(admin, term, today)
    _interpellations(admin, councillors, rng, today)
    _resolutions(admin, rng, today)
    _drafts_and_request(admin, today)
    demo_registers.companies(admin, today)
    demo_registers.elections(admin, today, FIRST, LAST)
    demo_registers.projects(admin, today)
    _officer()


def _councillors(admin: Any, term: Term) -> list[Councillor]:
    made = []
    for n in range(23):
        first, last = FIRST[n], LAST[n]
        made.append(
            council_services.save_councillor(
                actor=admin,
                councillor=Councillor(
                    term=term,
                    first_name=first,
                    last_name=last,
                    club=CLUBS[n % len(CLUBS)],
                    constituency=f"Okręg nr {n % 4 + 1}",
                    email=f"radny.{n + 1}@rada.example.gov.pl",
                    phone=f"68 455 {n + 10:02d} {n + 20:02d}",
                    duty_hours="poniedziałki 16:00–17:00, Biuro Rady, pok. 12",
                    mandate_from=term.starts_on,
                    is_chair=n == 0,
                ),
            )
        )
    return made


def _committees(admin: Any, term: Term, councillors: list[Councillor], rng: random.Random) -> None:
    now = timezone.localtime()
    for n, (name, scope) in enumerate(COMMITTEES):
        members = rng.sample(councillors, 7)
        committee = council_services.save_committee(
            actor=admin, committee=Committee(term=term, name=name, scope=scope, chair=members[0]), members=members
        )
        for week in (-3, 2):
            start = (now + dt.timedelta(weeks=week, days=n)).replace(hour=14, minute=0, second=0, microsecond=0)
            council_services.save_meeting(
                actor=admin,
                meeting=CommitteeMeeting(
                    committee=committee, starts_at=start, agenda="Opinie do projektów uchwał na sesję."
                ),
            )


def _sessions(admin: Any, term: Term, today: dt.date) -> None:
    """A session in every month of the year around today: held before, planned after; one extraordinary."""
    mayor = OfficeHolder.objects.filter(role=OfficeHolder.Role.MAYOR, is_active=True).first()
    first = dt.date(today.year, 1, 1)
    number = 1 + (first.year - term.starts_on.year) * 12 - 4
    for month in range(1, 13):
        day = dt.date(today.year, month, 1) + dt.timedelta(days=24)
        while day.weekday() != 2:  # the last Wednesday or so: a session on a Wednesday
            day += dt.timedelta(days=1)
        starts_at = timezone.make_aware(dt.datetime.combine(day, dt.time(10, 0)))
        session = council_services.save_session(
            actor=admin,
            session=Session(
                term=term,
                number=number,
                kind=SessionKind.EXTRAORDINARY if month == 7 else SessionKind.ORDINARY,
                starts_at=starts_at,
            ),
            agenda="\n".join(AGENDA),
        )
        number += 1
        if day < today:
            council_services.close_session(actor=admin, session=session, held=True)
            council_services.update_recording(
                actor=admin,
                session=session,
                broadcast=Broadcast.RECORDED,
                recording_url=f"https://transmisje.example.gov.pl/sesja-{session.number}",
                minutes_url=f"https://bip.example.gov.pl/rada/protokoly/{session.number}"
                if day < today - dt.timedelta(days=20)
                else "",
                minutes_published_on=day + dt.timedelta(days=14) if day < today - dt.timedelta(days=20) else None,
            )
        elif mayor is not None and day < today + dt.timedelta(days=60):
            council_services.attend_session(
                actor=admin,
                session=session,
                holder=mayor,
                start=starts_at,
                end=starts_at + dt.timedelta(hours=5),
                keep_conflict_reason="Sesja Rady Miasta ma pierwszeństwo.",
            )
    Session.objects.filter(status=SessionStatus.PLANNED, starts_at__lt=timezone.now()).update(status=SessionStatus.HELD)


def _interpellations(admin: Any, councillors: list[Councillor], rng: random.Random, today: dt.date) -> None:
    mayor = OfficeHolder.objects.filter(role=OfficeHolder.Role.MAYOR, is_active=True).first()
    units = list(
        OrgUnit.objects.filter(is_active=True).exclude(symbol=settings.OFFICE_UNIT_SYMBOL).order_by("symbol")[:6]
    )
    if mayor is None or not units:
        return
    count = _scaled(INTERPELLATIONS, least=12)
    for n in range(count):
        subject, text = SUBJECTS[n % len(SUBJECTS)]
        received = today - dt.timedelta(days=round(300 * (count - n) / count))
        interpellation = services.register_interpellation(
            actor=admin,
            interpellation=Interpellation(
                kind=InterpellationKind.QUESTION if n % 3 == 0 else InterpellationKind.INTERPELLATION,
                councillor=councillors[rng.randrange(len(councillors))],
                received_on=received,
                subject=subject,
                text=f"{text}\n\nZwracam się z prośbą o pisemną odpowiedź.",
            ),
        )
        _advance(admin, interpellation, n, rng, units, mayor, today)


def _advance(
    admin: Any, i: Interpellation, n: int, rng: random.Random, units: list, mayor: Any, today: dt.date
) -> None:
    """Walk the interpellation as far as its age and number say: the oldest are answered (a few
    late), some overdue, the newest just received; every seventh withdrawn."""
    state = n % 7
    if state == 6 and n % 2:
        services.withdraw(actor=admin, interpellation=i, text="Radny wycofał interpelację.")
        return
    if state == 5 and (today - i.received_on).days < 5:
        return  # just received
    services.forward(actor=admin, interpellation=i, units=rng.sample(units, 1 + n % 2))
    if state == 4:
        return  # in preparation (overdue when old)
    services.submit_draft(actor=admin, interpellation=i, text=_ANSWER)
    if state == 3:
        return  # waiting for the mayor's approval
    services.approve(actor=admin, interpellation=i, approved_by=mayor)
    if state == 2 and (today - i.received_on).days < 14:
        return  # approved, to be sent
    sent = min(today, i.received_on + dt.timedelta(days=rng.choice([6, 9, 12, 13, 16, 20] if state else [18, 25])))
    Interpellation.objects.filter(pk=i.pk).update(approved_on=sent, submitted_on=sent - dt.timedelta(days=1))
    i.refresh_from_db()
    services.send_answer(actor=admin, interpellation=i, answered_on=sent)


_ANSWER = (
    "W odpowiedzi na interpelację uprzejmie informuję, że sprawa została przeanalizowana przez właściwy "
    "wydział Urzędu. Prace zostały ujęte w planie na bieżący rok, a ich realizacja nastąpi po rozstrzygnięciu "
    "postępowania o udzielenie zamówienia publicznego."
)


RESOLUTION_TITLES = [
    "w sprawie zmian w budżecie miasta na {year} rok",
    "w sprawie przyjęcia programu współpracy z organizacjami pozarządowymi",
    "w sprawie nadania nazwy ulicy w dzielnicy Nowe Miasto",
    "w sprawie udzielenia pomocy finansowej Województwu",
    "w sprawie miejscowego planu zagospodarowania przestrzennego rejonu ul. Lipowej",
    "w sprawie zasad wynajmowania lokali wchodzących w skład zasobu miasta",
    "w sprawie rozpatrzenia petycji mieszkańców osiedla Zacisze",
    "w sprawie określenia wysokości stawek podatku od nieruchomości",
]


def _resolutions(admin: Any, rng: random.Random, today: dt.date) -> None:
    from office.council.models import Resolution
    from office.council.services import resolutions as resolution_services

    sessions = list(Session.objects.filter(status=SessionStatus.HELD).order_by("starts_at"))
    units = list(
        OrgUnit.objects.filter(is_active=True).exclude(symbol=settings.OFFICE_UNIT_SYMBOL).order_by("symbol")[:6]
    )
    if not sessions or not units:
        return
    count = _scaled(200, least=16)
    for n in range(count):
        session = sessions[n % len(sessions)]
        tasks = n % 3 == 0
        resolution = resolution_services.save_resolution(
            actor=admin,
            resolution=Resolution(
                number=f"{session.roman}/{400 + n}/{session.day.year}",
                adopted_on=session.day,
                title=RESOLUTION_TITLES[n % len(RESOLUTION_TITLES)].format(year=session.day.year),
                session=session,
                unit=units[n % len(units)],
                due_on=session.day + dt.timedelta(days=rng.choice([30, 60, 90, 180])),
                tasks_mayor=tasks,
            ),
        )
        if resolution.due_on < today and n % 4:
            resolution_services.report(
                actor=admin,
                resolution=resolution,
                reported_on=min(today, resolution.due_on),
                text="Uchwała została wykonana; dokumenty w aktach sprawy.",
                final=True,
            )


DRAFTS = [
    ("w sprawie zmian w Wieloletniej Prognozie Finansowej", "WF"),
    ("w sprawie zmian w budżecie miasta", "WF"),
    ("w sprawie przyjęcia regulaminu utrzymania czystości i porządku", "WIN"),
    ("w sprawie nadania statutu Miejskiemu Ośrodkowi Pomocy Społecznej", "WSS"),
]


def _drafts_and_request(admin: Any, today: dt.date) -> None:
    from correspondence.services import letters as letter_services
    from office.council.models import DraftResolution, ExtraordinaryRequest
    from office.council.services import resolutions as resolution_services
    from office.models import Contact

    upcoming = Session.objects.filter(status=SessionStatus.PLANNED).order_by("starts_at").first()
    for n, (title, symbol) in enumerate(DRAFTS):
        unit = OrgUnit.objects.filter(symbol=symbol).first() or OrgUnit.objects.filter(is_active=True).first()
        draft = resolution_services.save_draft(
            actor=admin, draft=DraftResolution(title=f"Projekt uchwały {title}", unit=unit, session=upcoming)
        )
        if upcoming is not None and n < 3:
            latest, _label = resolution_services.filing_deadline(upcoming)
            filed = min(today, latest - dt.timedelta(days=3) if n < 2 else latest + dt.timedelta(days=2))
            if filed <= upcoming.day:
                resolution_services.file_draft(actor=admin, draft=draft, filed_on=filed)
    mayor = OfficeHolder.objects.filter(role=OfficeHolder.Role.MAYOR, is_active=True).first()
    chair = Contact.objects.get_or_create(
        name="Przewodniczący Rady Miasta", defaults={"city": "Miasto Przykładowo", "street": "Rynek 1"}
    )[0]
    template = letter_services.define_template(actor=admin, signatory=mayor, **REQUEST_TEMPLATE)
    request = resolution_services.save_request(
        actor=admin,
        request=ExtraordinaryRequest(
            subject="Zmiany w budżecie miasta – środki na usuwanie skutków nawałnicy",
            agenda="Otwarcie sesji\nPodjęcie uchwały w sprawie zmian w budżecie miasta\nZamknięcie sesji",
            justification="Konieczność pilnego zabezpieczenia środków na usuwanie skutków nawałnicy.",
            addressee=chair,
        ),
        drafts=[],
    )
    extraordinary = Session.objects.filter(kind=SessionKind.EXTRAORDINARY).order_by("starts_at").first()
    if mayor is not None and extraordinary is not None and extraordinary.day <= today:
        resolution_services.send_request(
            actor=admin,
            request=request,
            template=template,
            filed_on=extraordinary.day - dt.timedelta(days=5),
            signatory=mayor,
        )
        resolution_services.link_session(actor=admin, request=request, session=extraordinary)


REQUEST_TEMPLATE = {
    "name": "Wniosek o zwołanie sesji nadzwyczajnej",
    "source_kind": "wniosek_sesja",
    "jrwa_symbol": "0002",
    "subject": "Wniosek o zwołanie sesji nadzwyczajnej – {{ wniosek_sesja.temat }}",
    "salutation": "Szanowny Panie Przewodniczący,",
    "body": (
        "na podstawie art. 20 ust. 3 ustawy z dnia 8 marca 1990 r. o samorządzie gminnym wnoszę o zwołanie "
        "sesji Rady Miasta w terminie do {{ wniosek_sesja.termin_sesji }} z następującym porządkiem obrad:\n\n"
        "{{ wniosek_sesja.porzadek_obrad }}\n\nW załączeniu przekazuję projekty uchwał:\n"
        "{{ wniosek_sesja.projekty_uchwal }}\n\n"
        "{% if wniosek_sesja.uzasadnienie %}Uzasadnienie: {{ wniosek_sesja.uzasadnienie }}{% endif %}"
    ),
}


def _officer() -> None:
    """The council relations officer of the demo office (signs in as ``rada``)."""
    from office.demo import DEMO_PASSWORD

    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(
        username="rada",
        defaults={
            "first_name": "Radosław",
            "last_name": "Sesyjny",
            "email": "rada@kancelaria.example.gov.pl",
            "unit": OrgUnit.objects.filter(symbol=settings.OFFICE_UNIT_SYMBOL).first(),
            "position": "Inspektor ds. współpracy z Radą",
        },
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    user.groups.add(Group.objects.get(name=registry.role("council_officer").group))
