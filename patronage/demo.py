"""Demo data of honorary patronage: a year of applications in every state (late and excluded ones
among them), the units' opinions, decisions, decision letters and reports, through the services."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.utils import timezone

from correspondence.services import letters as letter_services
from office.models import Contact, OfficeHolder, OrgUnit
from office.services import assignments as assignment_services
from patronage import services
from patronage.models import (
    Application,
    Channel,
    Cooperation,
    CooperationKind,
    HonoraryTitle,
    Reach,
    TitleKind,
    TitleStatus,
)

APPLICATIONS = 40

ORGANISERS = [
    ("Stowarzyszenie Biegaczy „Sprint”", "biuro@sprint.example.pl"),
    ("Szkoła Podstawowa nr 5 im. Marii Konopnickiej", "sekretariat@sp5.example.pl"),
    ("Fundacja Kultury Łąkowej", "kontakt@laka.example.pl"),
    ("Klub Sportowy „Orzeł”", "klub@orzel.example.pl"),
    ("Uniwersytet Trzeciego Wieku", "utw@utw.example.pl"),
    ("Towarzystwo Przyjaciół Miasta", "tpm@tpm.example.pl"),
    ("Ochotnicza Straż Pożarna Zielona Góra-Ochla", "osp@osp.example.pl"),
    ("Galeria Sztuki „Żuraw”", "galeria@zuraw.example.pl"),
]

EVENTS = [
    ("Bieg Niepodległości", "Park Miejski", Reach.REGIONAL),
    ("Festiwal Piosenki Dziecięcej", "Miejski Dom Kultury", Reach.LOCAL),
    ("Turniej Szachowy o Puchar Prezydenta", "Hala Sportowa „Arena”", Reach.NATIONAL),
    ("Konferencja „Miasto dla seniorów”", "Ratusz, Sala Sesyjna", Reach.REGIONAL),
    ("Jubileusz 100-lecia szkoły", "Szkoła Podstawowa nr 5", Reach.LOCAL),
    ("Międzynarodowe Warsztaty Ceramiki", "Galeria Sztuki „Żuraw”", Reach.INTERNATIONAL),
    ("Piknik Strażacki", "Plac Bohaterów", Reach.LOCAL),
    ("Koncert charytatywny", "Filharmonia", Reach.REGIONAL),
]

DECISION_TEMPLATE = {
    "name": "Decyzja w sprawie patronatu honorowego",
    "subject": "Patronat honorowy Prezydenta Miasta – {{ patronat.wydarzenie }}",
    "salutation": "Szanowni Państwo,",
    "body": (
        "w odpowiedzi na wniosek nr {{ patronat.numer_wniosku }} z dnia {{ patronat.data_wniosku }} "
        "uprzejmie informuję, że Prezydent Miasta "
        "{{ patronat.decyzja }} wydarzenie „{{ patronat.wydarzenie }}”, które odbędzie się "
        "{{ patronat.termin }} w miejscu: {{ patronat.miejsce }}.\n\n"
        "{% if patronat.uzasadnienie %}{{ patronat.uzasadnienie }}\n\n{% endif %}"
        "{% if patronat.przyznany %}Prosimy o umieszczenie herbu Miasta z dopiskiem "
        "„Patronat honorowy Prezydenta Miasta” na materiałach promocyjnych zgodnie z zasadami użycia "
        "znaku oraz o przesłanie sprawozdania w ciągu 30 dni po wydarzeniu.{% endif %}"
    ),
}


def _scaled(count: int) -> int:
    return max(8, round(count * settings.DEMO_SCALE))


def seed(admin: Any) -> None:
    if Application.objects.filter(organiser__name=ORGANISERS[0][0]).exists():  # the demo's own: made already
        return
    rng = random.Random(2026)  # noqa: S311  (repeatable demo data, not security)
    mayor = OfficeHolder.objects.filter(role="mayor").first()
    unit = OrgUnit.objects.filter(is_active=True).exclude(symbol=settings.OFFICE_UNIT_SYMBOL).order_by("symbol").first()
    if mayor is None or unit is None:
        return
    template = letter_services.define_template(
        actor=admin, source_kind=services.DECISION_SOURCE, jrwa_symbol="0160", signatory=mayor, **DECISION_TEMPLATE
    )
    organisers = [
        Contact.objects.get_or_create(name=name, defaults={"email": email, "city": "Miasto Przykładowo"})[0]
        for name, email in ORGANISERS
    ]
    today = timezone.localdate()
    count = _scaled(APPLICATIONS)
    for n in range(count):
        _one(n, count, rng, admin, organisers, mayor, unit, template, today)
    _titles(admin, today)
    _cooperations(admin, organisers, today)


TITLES = [
    ("Prof. Helena Wiśniewska", TitleKind.HONORARY_CITIZEN, "Klub Radnych", TitleStatus.AWARDED, "XXXVIII/455/2026"),
    ("Dr Tadeusz Górski", TitleKind.MEDAL, "Towarzystwo Przyjaciół Miasta", TitleStatus.AWARDED, ""),
    ("Zespół Pieśni i Tańca „Kłosy”", TitleKind.AWARD, "Wydział Kultury", TitleStatus.PROPOSED, ""),
    ("Maria Zalewska", TitleKind.BADGE, "Rada Osiedla Śródmieście", TitleStatus.NOT_AWARDED, ""),
]


def _titles(admin: Any, today: dt.date) -> None:
    for n, (name, kind, proposer, status, resolution) in enumerate(TITLES):
        nominee = Contact.objects.get_or_create(name=name, defaults={"city": "Miasto Przykładowo"})[0]
        proposed_on = today - dt.timedelta(days=200 - 40 * n)
        services.save_title(
            actor=admin,
            title=HonoraryTitle(
                kind=kind,
                nominee=nominee,
                proposed_by=proposer,
                proposed_on=proposed_on,
                resolution=resolution,
                resolution_on=proposed_on + dt.timedelta(days=60) if resolution else None,
                status=status,
                awarded_on=proposed_on + dt.timedelta(days=90) if status == TitleStatus.AWARDED else None,
                citation="W uznaniu wybitnych zasług dla rozwoju Miasta i jego mieszkańców.",
            ),
        )


def _cooperations(admin: Any, organisers: list[Contact], today: dt.date) -> None:
    jury = list(Contact.objects.filter(name__in=[name for name, *_ in TITLES[:2]]))
    services.save_cooperation(
        actor=admin,
        cooperation=Cooperation(
            kind=CooperationKind.COMPETITION,
            name="Konkurs plastyczny „Moje Miasto”",
            partner=organisers[1],
            starts_on=today - dt.timedelta(days=90),
            ends_on=today - dt.timedelta(days=60),
            place="Miejski Dom Kultury",
            prizes="Trzy nagrody rzeczowe i wyróżnienia",
            prize_value=Decimal("3000.00"),
            mayor_takes_part=True,
            results="I miejsce: Zuzanna K. (kl. 3b), II miejsce: Jakub M., III miejsce: Ola W.",
        ),
        jury=jury,
    )
    services.save_cooperation(
        actor=admin,
        cooperation=Cooperation(
            kind=CooperationKind.CO_ORGANISED,
            name="Dni Miasta",
            partner=organisers[5],
            starts_on=today + dt.timedelta(days=120),
            ends_on=today + dt.timedelta(days=122),
            place="Rynek",
            mayor_takes_part=True,
        ),
    )


def _one(
    n: int,
    count: int,
    rng: random.Random,
    admin: Any,
    organisers: list[Contact],
    mayor: OfficeHolder,
    unit: OrgUnit,
    template: Any,
    today: dt.date,
) -> None:
    """Application ``n`` of ``count``: the early ones are past events (decided, most reported),
    the late ones are still to come (waiting, in opinion, decided)."""
    name, place, reach = EVENTS[n % len(EVENTS)]
    waiting = n >= count - 2  # the last two have just arrived, for events in two months
    starts_on = today + dt.timedelta(days=60 + n - count if waiting else round(-330 + 400 * n / count))
    lead = rng.choice([45, 60, 35, 40]) if n % 7 else 12  # every seventh arrives too late
    received_on = min(today, starts_on - dt.timedelta(days=lead))
    application = services.register_application(
        actor=admin,
        application=Application(
            organiser=organisers[n % len(organisers)],
            event_name=f"{name} {starts_on.year}",
            description=f"{name}: wydarzenie otwarte dla mieszkańców, wstęp wolny.",
            starts_on=starts_on,
            ends_on=starts_on + dt.timedelta(days=n % 3 == 0),
            place=place,
            reach=reach,
            is_commercial=n % 11 == 5 and not waiting,
            collects_money=name.startswith("Koncert") and not waiting,
            mayor_invited=n % 3 == 0,
            channel=[Channel.PAPER, Channel.EMAIL, Channel.EPUAP][n % 3],
            received_on=received_on,
        ),
    )
    if waiting or (starts_on > today + dt.timedelta(days=40) and n % 2):
        return  # still waiting
    application = services.request_opinion(actor=admin, application=application, unit=unit)
    if starts_on < today + dt.timedelta(days=35):
        assignment_services.answer(actor=admin, assignment=application.opinion, reply="Wydział nie zgłasza zastrzeżeń.")
    if starts_on > today + dt.timedelta(days=25):
        return  # waiting for the opinion
    if n % 9 == 4:
        services.withdraw(actor=admin, application=application, text="Organizator odwołał wydarzenie.")
        return
    grant = not application.is_excluded or n % 2 == 0
    services.decide(
        actor=admin,
        application=application,
        grant=grant,
        decided_by=mayor,
        reasons="" if grant and not application.is_excluded else "Wydarzenie ma charakter komercyjny.",
    )
    services.write_decision_letter(actor=admin, application=application, template=template)
    application.refresh_from_db()
    if grant and application.report_due_on and application.ends_on < today and n % 5:
        services.file_report(
            actor=admin,
            application=application,
            text="Wydarzenie odbyło się zgodnie z planem; logo Miasta na plakatach i w mediach społecznościowych.",
            audience=rng.randrange(80, 2500),
            filed_on=min(today, application.ends_on + dt.timedelta(days=rng.randrange(3, 25))),
        )
