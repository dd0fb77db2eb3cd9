"""Demo data of civic participation (Polish, repeatable, scaled by DEMO_SCALE): the cooperation
programmes of three years with grants, three consultations with comments, a full citizen-budget
edition of last year (60 projects, verification, appeals, votes, results, realisation with photos)
and this year's edition in its vote, civic projects, the rooms of the local-activity centre with
bookings. Everything goes through the services, except the votes of last year's edition, which are
inserted in bulk (thousands of ballots through the service would only slow the demo down)."""

from __future__ import annotations

import datetime as dt
import io
import random
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from associations.participation import pesel as pesel_rules
from associations.participation.models import (
    Booking,
    CivicKind,
    CivicProject,
    CivicStatus,
    Consultation,
    Edition,
    Grant,
    GrantMode,
    Programme,
    Project,
    Realisation,
    Room,
    Vote,
    VoteChannel,
)
from associations.participation.services import budget, civic, consultations, programme
from office.models import Contact, OrgUnit
from office.services import assignments as assignment_services
from office.services.attachments import attach


def scaled(count: int, least: int) -> int:
    return max(least, round(count * settings.DEMO_SCALE))


NGOS = [
    ("Stowarzyszenie „Razem dla Osiedla”", "biuro@razemdlaosiedla.example.org"),
    ("Fundacja Pomocy Seniorom „Jesień Życia”", "kontakt@jesienzycia.example.org"),
    ("Uczniowski Klub Sportowy „Delfin”", "ukssdelfin@example.pl"),
    ("Stowarzyszenie Kulturalne „Scena”", "scena@example.org"),
    ("Fundacja Ekologiczna „Zielone Miasto”", "zielone@example.org"),
    ("Polski Związek Niewidomych – Koło Miejskie", "pzn@example.org"),
    ("Bank Żywności", "bank@zywnosc.example.org"),
]
TASKS = [
    ("Zajęcia sportowe dla dzieci i młodzieży", "kultura fizyczna"),
    ("Klub seniora – zajęcia aktywizujące", "działalność na rzecz osób starszych"),
    ("Festiwal teatrów amatorskich", "kultura i sztuka"),
    ("Sprzątanie brzegów rzeki i edukacja ekologiczna", "ekologia"),
    ("Pomoc żywnościowa dla rodzin", "pomoc społeczna"),
    ("Asystent osoby niewidomej", "działalność na rzecz osób z niepełnosprawnościami"),
    ("Półkolonie letnie", "wypoczynek dzieci i młodzieży"),
    ("Warsztaty dla liderów organizacji", "działalność wspomagająca NGO"),
]


def seed(admin: Any) -> None:
    if Programme.objects.exists():
        return
    rng = random.Random(2027)  # noqa: S311  (repeatable demo data, not security)
    today = timezone.localdate()
    ngos = [
        Contact.objects.get_or_create(
            name=name, defaults={"email": email, "kind": Contact.Kind.NGO, "city": "Miasto Przykładowo"}
        )[0]
        for name, email in NGOS
    ]
    _programmes(admin, rng, today, ngos)
    _consultations(admin, rng, today)
    _budget(admin, rng, today)
    _civic(admin, today, ngos)
    _rooms(admin, rng, today, ngos)


def _programmes(admin: Any, rng: random.Random, today: dt.date, ngos: list[Contact]) -> None:
    for year in (today.year - 1, today.year, today.year + 1):
        adopted = dt.date(year - 1, 11, 24) if year <= today.year else None
        record = programme.save_programme(
            actor=admin,
            programme=Programme(
                year=year,
                title=f"Program współpracy Miasta z organizacjami pozarządowymi na rok {year}",
                priorities=(
                    "1. Wspieranie aktywności seniorów.\n2. Sport i rekreacja dzieci i młodzieży.\n"
                    "3. Kultura i ochrona dziedzictwa.\n4. Ekologia i ochrona zwierząt.\n5. Pomoc społeczna."
                ),
                forms_of_cooperation=(
                    "Zlecanie zadań publicznych w otwartych konkursach ofert i w trybie art. 19a, "
                    "konsultowanie projektów aktów prawa miejscowego, wzajemne informowanie, "
                    "Miejska Rada Działalności Pożytku Publicznego, patronaty, użyczanie lokali."
                ),
                planned_funds=Decimal(1_800_000 + 100_000 * (year - today.year)),
                resolution=f"LXV/{800 + year - 2000}/{year - 1}" if adopted else "",
                adopted_on=adopted,
            ),
        )
        if year > today.year:
            continue
        for n in range(scaled(24, 6)):
            task, area = TASKS[n % len(TASKS)]
            starts = dt.date(year, 1 + n % 6, 1)
            programme.save_grant(
                actor=admin,
                grant=Grant(
                    programme=record,
                    organisation=ngos[n % len(ngos)],
                    task=task,
                    area=area,
                    mode=GrantMode.SMALL if n % 5 == 4 else GrantMode.COMPETITION,
                    amount=Decimal(rng.randrange(8, 90) * 1000),
                    awarded_on=starts - dt.timedelta(days=20),
                    starts_on=starts,
                    ends_on=min(dt.date(year, 12, 15), starts + dt.timedelta(days=150)),
                    settled_on=dt.date(year + 1, 1, 20) if year < today.year else None,
                ),
            )
        if year < today.year:
            record = programme.draft_report(actor=admin, programme=record)
            programme.submit_report(actor=admin, programme=record, submitted_on=min(today, dt.date(year + 1, 5, 20)))


COMMENTS = [
    ("Anna Kowalska", "", "Proszę o dodatkowe przejście dla pieszych przy szkole."),
    ("Jan Nowak", "Rada Osiedla Północ", "Wnosimy o zachowanie istniejących drzew wzdłuż ulicy."),
    ("Maria Wiśniewska", "", "Brakuje ławek i cienia na placu zabaw."),
    ("Piotr Zieliński", "Stowarzyszenie Cyklistów", "Droga rowerowa powinna być ciągła, bez przerw na skrzyżowaniach."),
    ("Ewa Lewandowska", "", "Parking dla mieszkańców jest niezbędny, proszę go nie likwidować."),
    ("Tomasz Wójcik", "", "Proponuję strefę ciszy w parku."),
]


def _consultations(admin: Any, rng: random.Random, today: dt.date) -> None:
    specs = [
        ("Rewitalizacja placu Targowego", today - dt.timedelta(days=10), today + dt.timedelta(days=14), 10, False),
        (
            "Projekt programu współpracy z NGO na rok " + str(today.year + 1),
            today - dt.timedelta(days=70),
            today - dt.timedelta(days=40),
            14,
            True,
        ),
        (
            "Zasady funkcjonowania Budżetu Obywatelskiego",
            today - dt.timedelta(days=200),
            today - dt.timedelta(days=170),
            8,
            True,
        ),
    ]
    for title, starts, ends, comments, closed in specs:
        consultation = consultations.save_consultation(
            actor=admin,
            consultation=Consultation(
                title=title,
                subject=f"Konsultacje dotyczą: {title.lower()}. Zapraszamy do zgłaszania uwag.",
                starts_on=starts,
                ends_on=ends,
                by_comments=True,
                by_meeting=True,
                meeting_details="Spotkanie otwarte w Ratuszu, sala nr 12, godz. 17:00",
                responsible_unit="Wydział Spraw Społecznych",
            ),
        )
        attach(
            actor=admin,
            record=consultation,
            upload=SimpleUploadedFile("projekt.txt", f"{title}\n\nProjekt dokumentu.".encode(), "text/plain"),
            description="Projekt dokumentu poddanego konsultacjom",
        )
        for n in range(scaled(comments, min(comments, 4))):
            name, organisation, text = COMMENTS[n % len(COMMENTS)]
            submission = consultations.register_comment(
                actor=admin,
                consultation=consultation,
                author_name=name,
                organisation=organisation,
                text=text,
                channel=["paper", "email", "meeting"][n % 3],
            )
            if closed or n % 3:
                submission = consultations.publish(actor=admin, submission=submission)
                if closed or n % 2:
                    consultations.answer(
                        actor=admin,
                        submission=submission,
                        answer="Dziękujemy, uwaga zostanie uwzględniona w projekcie.",
                    )
            elif n % 5 == 3:
                consultations.reject(
                    actor=admin, submission=submission, reason="Uwaga nie dotyczy przedmiotu konsultacji."
                )
        if closed:
            consultations.summarise(
                actor=admin,
                consultation=consultation,
                summary="Zgłoszono uwagi dotyczące priorytetów; większość uwzględniono w projekcie uchwały.",
            )


DISTRICTS = [
    ("Ogólnomiejski", 1_000_000),
    ("Śródmieście", 400_000),
    ("Osiedle Północ", 350_000),
    ("Osiedle Południe", 350_000),
    ("Stare Miasto", 300_000),
    ("Zatorze", 300_000),
]
IDEAS = [
    ("Siłownia plenerowa", "park przy ul. Lipowej", 120_000),
    ("Plac zabaw dla maluchów", "skwer przy ul. Słonecznej", 180_000),
    ("Nowe nasadzenia drzew", "al. Wolności", 60_000),
    ("Kino letnie", "Rynek", 40_000),
    ("Oświetlenie ścieżki rowerowej", "bulwar nad rzeką", 150_000),
    ("Wybieg dla psów", "teren przy ul. Polnej", 90_000),
    ("Remont chodnika", "ul. Szkolna", 200_000),
    ("Łąka kwietna", "skwer przy ul. Kwiatowej", 30_000),
    ("Warsztaty dla seniorów", "Centrum Aktywności Lokalnej", 25_000),
    ("Stojaki rowerowe przy szkołach", "szkoły podstawowe", 45_000),
]


def _edition(admin: Any, year: int, start: dt.date, voting: tuple[dt.date, dt.date], results: dt.date) -> Edition:
    edition = budget.save_edition(
        actor=admin,
        edition=Edition(
            year=year,
            name=f"Budżet Obywatelski {year}",
            submissions_from=start,
            submissions_to=start + dt.timedelta(days=30),
            verification_to=start + dt.timedelta(days=75),
            appeals_to=start + dt.timedelta(days=90),
            voting_from=voting[0],
            voting_to=voting[1],
            results_on=results,
            min_supporters=15,
            choices_per_district=1,
            rules="Regulamin Budżetu Obywatelskiego przyjęty uchwałą Rady Miasta. Głosować może każdy mieszkaniec.",
        ),
    )
    for order, (name, pool) in enumerate(DISTRICTS):
        budget.add_district(actor=admin, edition=edition, name=name, pool=Decimal(pool), order=order)
    return edition


SUPPORTERS = [
    f"{first} {last}" for first in ("Anna", "Jan", "Ewa", "Piotr", "Ola") for last in ("Nowak", "Kowal", "Lis", "Wrona")
]


def _units() -> tuple[OrgUnit, OrgUnit] | None:
    units = {u.symbol: u for u in OrgUnit.objects.filter(is_active=True)}
    formal = units.get("WSS") or units.get("WO")
    merit = units.get("WIN") or units.get("WGK")
    return (formal, merit) if formal and merit else None


def _projects(admin: Any, edition: Edition, count: int, rng: random.Random) -> list[Project]:
    districts = list(edition.districts.order_by("order"))
    made = []
    for n in range(count):
        title, place, cost = IDEAS[n % len(IDEAS)]
        district = districts[n % len(districts)]
        made.append(
            budget.register_project(
                actor=admin,
                project=Project(
                    edition=edition,
                    district=district,
                    title=f"{title} – {district.name}",
                    description=f"{title}: projekt mieszkańców dzielnicy {district.name}. Miejsce: {place}.",
                    location=place,
                    cost=Decimal(min(cost + rng.randrange(0, 40) * 1000, int(district.pool))),
                    author_name=["Karolina Mazur", "Adam Krawiec", "Zofia Duda", "Marek Sowa"][n % 4],
                    author_email=f"autor{n}@example.pl",
                    submitted_on=edition.submissions_from + dt.timedelta(days=n % 30),
                ),
                supporters=SUPPORTERS[: 15 + n % 5],
            )
        )
    return made


def _verify(admin: Any, project: Project, units: tuple[OrgUnit, OrgUnit], due: dt.date, *, answer: bool) -> Project:
    project = budget.hand_out_verification(
        actor=admin, project=project, formal_unit=units[0], merit_unit=units[1], due_date=due
    )
    if answer:
        for assignment in (project.formal_check, project.merit_check):
            assignment_services.answer(
                actor=admin, assignment=assignment, reply="Projekt spełnia wymogi formalne i jest wykonalny."
            )
    return project


def _budget(admin: Any, rng: random.Random, today: dt.date) -> None:
    units = _units()
    if units is None:
        return
    last = _edition(
        admin,
        today.year - 1,
        dt.date(today.year - 2, 11, 1),
        (today - dt.timedelta(days=80), today - dt.timedelta(days=66)),
        today - dt.timedelta(days=50),
    )
    projects = _projects(admin, last, scaled(60, 12), rng)
    for n, project in enumerate(projects):
        project = _verify(admin, project, units, today, answer=True)
        if n % 9 == 5:
            budget.withdraw(actor=admin, project=project, note="Autor wycofał projekt.")
            continue
        rejected = n % 7 == 3
        project = budget.record_verification(
            actor=admin,
            project=project,
            admitted=not rejected,
            notes="Teren nie należy do Miasta." if rejected else "Projekt dopuszczony.",
            verified_cost=project.cost + Decimal(5000) if n % 4 == 0 and not rejected else None,
        )
        if rejected and n % 2:
            project = budget.file_appeal(
                actor=admin,
                project=project,
                text="Teren jest w zarządzie Miasta – załączamy mapę.",
                received_on=last.appeals_to,
            )
            budget.decide_appeal(
                actor=admin, project=project, upheld=n % 4 == 1, reasons="Rozpatrzono na podstawie mapy ewidencyjnej."
            )
    _bulk_votes(last, scaled(3000, 200), rng)
    budget.publish_results(actor=admin, edition=last)
    _realise(admin, last, rng)
    now = _edition(
        admin,
        today.year,
        today - dt.timedelta(days=140),  # the timetable stays in order whatever the day of the year
        (today - dt.timedelta(days=3), today + dt.timedelta(days=11)),
        today + dt.timedelta(days=25),
    )
    current = _projects(admin, now, scaled(20, 8), rng)
    for n, project in enumerate(current):
        project = _verify(admin, project, units, today + dt.timedelta(days=5), answer=n >= 2)
        if n >= 2:
            budget.record_verification(actor=admin, project=project, admitted=True, notes="Projekt dopuszczony.")
    for n in range(scaled(40, 5)):
        chosen = {}
        for project in budget.admitted(now):
            if rng.random() < 0.4:
                chosen.setdefault(project.district_id, project)
        if chosen:
            budget.cast_vote(
                edition=now,
                pesel=pesel_rules.make(dt.date(1960 + n % 40, 1 + n % 12, 1 + n % 28), 5000 + n),
                projects=chosen.values(),
                channel=VoteChannel.PAPER,
                actor=admin,
            )


def _bulk_votes(edition: Edition, count: int, rng: random.Random) -> None:
    admitted = list(budget.admitted(edition))
    by_district: dict[int, list[Project]] = {}
    for project in admitted:
        by_district.setdefault(project.district_id, []).append(project)
    weights = {p.pk: rng.random() ** 2 + 0.05 for p in admitted}
    votes = [
        Vote(
            edition=edition,
            voter_key=pesel_rules.voter_key(
                pesel_rules.make(dt.date(1950 + n % 60, 1 + n % 12, 1 + n % 28), n), edition.pk
            ),
            channel=VoteChannel.ONLINE if n % 4 else VoteChannel.PAPER,
            cast_at=timezone.make_aware(dt.datetime.combine(edition.voting_from, dt.time(9))) + dt.timedelta(minutes=n),
        )
        for n in range(count)
    ]
    Vote.objects.bulk_create(votes, batch_size=1000)
    through = Vote.projects.through
    rows = []
    for vote in Vote.objects.filter(edition=edition).only("pk"):
        for projects in by_district.values():
            if rng.random() < 0.7:
                pick = rng.choices(projects, weights=[weights[p.pk] for p in projects])[0]
                rows.append(through(vote_id=vote.pk, project_id=pick.pk))
    through.objects.bulk_create(rows, batch_size=2000)


def _photo() -> SimpleUploadedFile:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (320, 200), (70, 140, 90)).save(buffer, "PNG")
    return SimpleUploadedFile("realizacja.png", buffer.getvalue(), "image/png")


def _realise(admin: Any, edition: Edition, rng: random.Random) -> None:
    stages = [(Realisation.DONE, 100), (Realisation.WORKS, 60), (Realisation.DESIGN, 20), (Realisation.NOT_STARTED, 0)]
    for n, project in enumerate(Project.objects.filter(edition=edition, is_funded=True).order_by("number")):
        stage, progress = stages[n % len(stages)]
        budget.update_realisation(
            actor=admin,
            project=project,
            realisation=stage,
            progress=progress,
            note="Prace prowadzi Zarząd Dróg Miejskich.",
        )
        if stage in (Realisation.DONE, Realisation.WORKS) and n < 4:
            attach(actor=admin, record=project, upload=_photo(), description=f"Realizacja: {project.title}")


def _civic(admin: Any, today: dt.date, ngos: list[Contact]) -> None:
    specs = [
        ("Młodzieżowa Rada Miasta – kadencja 2025–2027", CivicKind.YOUTH_COUNCIL, CivicStatus.RUNNING, -400, 400),
        ("Centrum Aktywności Lokalnej „Przystań”", CivicKind.ACTIVITY_CENTRE, CivicStatus.RUNNING, -900, None),
        ("Gminny Program Rewitalizacji – Zatorze", CivicKind.REVITALISATION, CivicStatus.RUNNING, -300, 900),
        ("Sąsiedzka Kuchnia", CivicKind.THIRD_SECTOR, CivicStatus.FINISHED, -200, -20),
        ("Akademia Liderów Lokalnych", CivicKind.CIVIC, CivicStatus.PLANNED, 30, 200),
    ]
    for n, (name, kind, status, start, end) in enumerate(specs):
        civic.save_civic_project(
            actor=admin,
            project=CivicProject(
                name=name,
                kind=kind,
                status=status,
                description=f"{name}: działania na rzecz mieszkańców i organizacji.",
                starts_on=today + dt.timedelta(days=start),
                ends_on=today + dt.timedelta(days=end) if end is not None else None,
                budget=Decimal(50_000 * (n + 1)),
                coordinator="Wydział Spraw Społecznych",
            ),
            partners=ngos[n : n + 2],
        )


def _rooms(admin: Any, rng: random.Random, today: dt.date, ngos: list[Contact]) -> None:
    rooms = [
        civic.save_room(actor=admin, room=Room(name=name, capacity=seats, equipment=equipment))
        for name, seats, equipment in (
            ("Sala warsztatowa", 20, "stoły, rzutnik"),
            ("Sala konferencyjna", 60, "nagłośnienie, rzutnik, pętla indukcyjna"),
            ("Pracownia komputerowa", 12, "12 komputerów"),
        )
    ]
    purposes = [
        "Spotkanie zarządu",
        "Warsztaty rękodzieła",
        "Szkolenie wolontariuszy",
        "Próba chóru",
        "Zebranie członków",
    ]
    count = scaled(40, 10)
    for n in range(count):
        day = today + dt.timedelta(days=n % 21 - 7)
        room = rooms[n % len(rooms)]
        start = timezone.make_aware(dt.datetime.combine(day, dt.time(10 if n % 2 else 17)))
        if Booking.objects.filter(room=room, starts_at__lt=start + dt.timedelta(hours=2), ends_at__gt=start).exists():
            continue
        booking = civic.request_booking(
            actor=admin,
            booking=Booking(
                room=room,
                organisation=ngos[n % len(ngos)],
                purpose=purposes[n % len(purposes)],
                starts_at=start,
                ends_at=start + dt.timedelta(hours=2),
                attendees=min(room.capacity, 8 + n % 10),
            ),
        )
        if day < today or n % 3:
            civic.approve_booking(actor=admin, booking=booking)
        elif n % 7 == 0:
            civic.refuse_booking(actor=admin, booking=booking, note="Sala zajęta na potrzeby Urzędu.")
