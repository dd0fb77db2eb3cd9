"""Demo data of the office's administration: this year's budget lines of the office's tasks
with a change to the plan and some execution, small procurements (40 at full scale), paid
announcements, promotion undertakings, a press-material request to two units and a few social
fund applications — all through the services, so commitments and the audit trail are real."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.utils import timezone

from office.administration import services as budget
from office.administration.models import (
    Announcement,
    BudgetLine,
    MaterialPurpose,
    MaterialRequest,
    Procurement,
    Promotion,
    PromotionKind,
    SocialFundApplication,
    SocialFundKind,
    SupplyType,
)
from office.administration.services import materials, social, spending
from office.models import OrgUnit

PROCUREMENTS = 40

#: (dział, rozdział, paragraf, task, plan in PLN)
LINES = [
    ("750", "75023", "4210", "Zakup materiałów biurowych Kancelarii", "48000"),
    ("750", "75023", "4300", "Usługi obsługi Kancelarii Prezydenta", "120000"),
    ("750", "75023", "4410", "Podróże służbowe krajowe", "36000"),
    ("750", "75023", "4420", "Podróże służbowe zagraniczne", "60000"),
    ("750", "75075", "4300", "Promocja Miasta – usługi", "350000"),
    ("750", "75075", "4210", "Promocja Miasta – materiały i gadżety", "90000"),
    ("750", "75075", "4190", "Nagrody konkursowe", "25000"),
    ("750", "75095", "4300", "Uroczystości i obchody rocznic", "180000"),
    ("750", "75095", "4220", "Reprezentacja – artykuły spożywcze", "30000"),
    ("921", "92195", "4300", "Współorganizacja wydarzeń kulturalnych", "150000"),
]

SUBJECTS = [
    ("Papier ksero A4 i koperty", SupplyType.SUPPLIES, "Biuro-Serwis sp. z o.o.", 0),
    ("Tonery do drukarek Kancelarii", SupplyType.SUPPLIES, "Toner-Pol s.c.", 0),
    ("Catering na spotkanie z seniorami", SupplyType.SERVICES, "Smaki Regionu Anna Nowak", 7),
    ("Druk folderu promocyjnego Miasta", SupplyType.SERVICES, "Drukarnia Lubuska sp. z o.o.", 4),
    ("Gadżety promocyjne z logo Miasta", SupplyType.SUPPLIES, "Promo-Art Jan Wiśniewski", 5),
    ("Wiązanki i kwiaty na uroczystości", SupplyType.SUPPLIES, "Kwiaciarnia „Róża”", 7),
    ("Obsługa nagłośnienia obchodów", SupplyType.SERVICES, "Sound-Tech sp. z o.o.", 7),
    ("Tłumaczenie materiałów dla miast partnerskich", SupplyType.SERVICES, "Biuro Tłumaczeń „Lingua”", 1),
    ("Malowanie sali narad Kancelarii", SupplyType.WORKS, "Usługi Remontowe Piotr Zieliński", 1),
    ("Wymiana oświetlenia w sekretariacie", SupplyType.WORKS, "Elektro-Instal s.c.", 1),
    ("Statuetki nagród Prezydenta", SupplyType.SUPPLIES, "Pracownia Grawerska „Mistrz”", 6),
    ("Sesja zdjęciowa Miasta do kalendarza", SupplyType.SERVICES, "Foto-Studio „Kadr”", 4),
]

OUTLETS = ["Gazeta Lubuska", "Radio Zachód", "Tygodnik Miejski", "portal wZielonej.pl"]


def _scaled(count: int, least: int = 4) -> int:
    return max(least, round(count * settings.DEMO_SCALE))


def seed(admin: Any) -> None:
    year = timezone.localdate().year
    if BudgetLine.objects.filter(year=year, name=LINES[0][3]).exists():
        return
    rng = random.Random(year)  # noqa: S311  (repeatable demo data, not security)
    lines = _lines(admin, year, rng)
    _procurements(admin, year, lines, rng)
    _announcements_and_promotion(admin, year, lines)
    _materials(admin)
    _social_fund(admin, year)


def _day(year: int, rng: random.Random) -> dt.date:
    today = timezone.localdate()
    last = today if today.year == year else dt.date(year, 12, 31)
    return dt.date(year, 1, 2) + dt.timedelta(days=rng.randrange(max(1, (last - dt.date(year, 1, 2)).days + 1)))


def _lines(admin: Any, year: int, rng: random.Random) -> list[BudgetLine]:
    lines = []
    for division, chapter, paragraph, name, planned in LINES:
        line = budget.save_line(
            actor=admin,
            line=BudgetLine(
                year=year, division=division, chapter=chapter, paragraph=paragraph, name=name, planned=Decimal(planned)
            ),
        )
        lines.append(line)
    budget.change_plan(
        actor=admin,
        line=lines[4],
        amount="40000",
        changed_on=dt.date(year, 1, 2),
        basis=f"Zarządzenie nr 112/{year} Prezydenta Miasta",
    )
    budget.change_plan(
        actor=admin,
        line=lines[8],
        amount="-5000",
        changed_on=dt.date(year, 1, 2),
        basis=f"Uchwała nr XV/201/{year} Rady Miasta",
    )
    # a trip commitment and execution booked by the finance system; the representation line nearly used
    budget.commit(
        actor=admin,
        budget_line=lines[3],
        amount="8450.00",
        date=dt.date(year, 1, 2),
        kind=budget.CommitmentKind.TRIP,
        source_label="Delegacja – Forum Miast Partnerskich, Cottbus",
    )
    budget.commit(
        actor=admin,
        budget_line=lines[8],
        amount="22800.00",
        date=dt.date(year, 1, 2),
        kind=budget.CommitmentKind.ORDER,
        source_label=f"Umowa nr 14/{year} – obsługa spotkań reprezentacyjnych",
    )
    for line in lines:
        for number in range(rng.randint(2, 5)):
            share = Decimal(rng.randint(2, 9)) / 100
            budget.record_execution(
                actor=admin,
                line=line,
                amount=(line.planned * share).quantize(Decimal("0.01")),
                booked_on=_day(year, rng),
                document=f"WB/{number + 1}/{line.paragraph}/{year}",
                description="Płatność wg wyciągu bankowego",
            )
    return lines


def _procurements(admin: Any, year: int, lines: list[BudgetLine], rng: random.Random) -> None:
    for index in range(_scaled(PROCUREMENTS, least=8)):
        subject, supply_type, contractor, line_index = SUBJECTS[index % len(SUBJECTS)]
        value = Decimal(rng.randrange(1_500, 95_000)).quantize(Decimal("0.01"))
        estimated = _day(year, rng)
        ordered = estimated + dt.timedelta(days=rng.randint(0, 10)) if rng.random() < 0.8 else None
        if ordered and ordered.year != year:
            ordered = None
        procurement = Procurement(
            subject=subject,
            supply_type=supply_type,
            estimated_value=value,
            estimated_on=estimated,
            contractor=contractor if ordered else "",
            order_number=f"ZL/{index + 1}/{year}" if ordered else "",
            ordered_on=ordered,
            gross_amount=(value * Decimal("1.23")).quantize(Decimal("0.01")) if ordered else None,
            invoice=f"FV/{rng.randint(10, 999)}/{year}" if ordered and rng.random() < 0.6 else "",
            line=lines[line_index],
        )
        spending.save_procurement(actor=admin, procurement=procurement)


def _announcements_and_promotion(admin: Any, year: int, lines: list[BudgetLine]) -> None:
    start = dt.date(year, 1, 2)
    texts = [
        (
            "Obwieszczenie o konsultacjach budżetu obywatelskiego",
            "Prezydent Miasta zaprasza mieszkańców do udziału w konsultacjach.",
        ),
        ("Zaproszenie na obchody Święta Miasta", "Serdecznie zapraszamy na obchody Święta Miasta na Placu Bohaterów."),
        (
            "Ogłoszenie o naborze do Młodzieżowej Rady Miasta",
            "Nabór trwa do końca miesiąca; formularze w Biurze Obsługi Mieszkańców.",
        ),
        (
            "Informacja o dyżurach radnych",
            "Dyżury radnych odbywają się w Ratuszu w każdy pierwszy poniedziałek miesiąca.",
        ),
    ]
    for index in range(_scaled(8, least=3)):
        title, text = texts[index % len(texts)]
        day = start + dt.timedelta(days=index * 3)
        spending.save_announcement(
            actor=admin,
            announcement=Announcement(
                outlet=OUTLETS[index % len(OUTLETS)],
                title=title,
                text=text,
                ordered_on=day,
                published_from=day + dt.timedelta(days=2),
                published_until=day + dt.timedelta(days=9),
                cost=Decimal(900 + 350 * (index % 4)),
                invoice=f"FV/OG/{index + 1}/{year}",
                line=lines[4],
            ),
        )
    undertakings = [
        (
            PromotionKind.ACTION,
            "Kampania „Zielona Góra – miasto wina”",
            "Agencja Reklamowa „Winnica”",
            "45000",
            "Zasięg 1,2 mln wyświetleń, 3 publikacje w prasie regionalnej.",
        ),
        (PromotionKind.OFFER, "Oferta reklamy w przewodniku turystycznym", "Wydawnictwo „Szlaki”", "8500", ""),
        (PromotionKind.OFFER, "Baner na stadionie żużlowym", "Klub Sportowy „Orzeł”", "30000", ""),
        (PromotionKind.ACTION, "Stoisko Miasta na targach turystycznych", "Targi Poznańskie", "18000", ""),
    ]
    for index, (kind, title, partner, cost, results) in enumerate(undertakings):
        promotion = spending.save_promotion(
            actor=admin,
            promotion=Promotion(
                kind=kind,
                title=title,
                partner=partner,
                starts_on=start + dt.timedelta(days=index),
                cost=Decimal(cost),
                line=lines[4],
                description=f"{title}: propozycja współpracy z {partner}.",
            ),
        )
        if index == 0:
            spending.decide_promotion(actor=admin, promotion=promotion, decision="accepted")
            promotion.results = results
            spending.save_promotion(actor=admin, promotion=promotion)
        elif index == 2:
            spending.decide_promotion(
                actor=admin, promotion=promotion, decision="declined", reason="Koszt nieproporcjonalny do zasięgu."
            )


def _materials(admin: Any) -> None:
    units = list(
        OrgUnit.objects.filter(is_active=True).exclude(symbol=settings.OFFICE_UNIT_SYMBOL).order_by("symbol")[:2]
    )
    if not units:
        return
    materials.request_materials(
        actor=admin,
        request=MaterialRequest(
            title="Materiały do biuletynu „Nasze Miasto” – wydanie wiosenne",
            purpose=MaterialPurpose.BULLETIN,
            instructions="Prosimy o krótkie teksty (do 1500 znaków) o najważniejszych sprawach wydziału i 2–3 zdjęcia.",
            due_date=timezone.localdate() + dt.timedelta(days=5),
        ),
        units=units,
    )


def _social_fund(admin: Any, year: int) -> None:
    if SocialFundApplication.objects.exists():
        return
    applicants = [
        ("Maria Kowalczyk", SocialFundKind.HOLIDAY, "1200"),
        ("Tomasz Wójcik", SocialFundKind.HARDSHIP, "2000"),
    ]
    for name, kind, amount in applicants:
        social.save_application(
            actor=admin,
            application=SocialFundApplication(
                applicant=name, kind=kind, received_on=dt.date(year, 1, 2), requested=Decimal(amount)
            ),
        )
