"""Demo registers: the office's agreements (some ending soon) and the city's cultural institutions."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.utils import timezone

from office.models import Contact, OrgUnit
from office.registers import services
from office.registers.models import Agreement, CulturalInstitution

AGREEMENTS = [
    # number, subject, kind, value, months from start to end (None: indefinite), started months ago, unit, party
    (
        "KP/U/1/2026",
        "Obsługa tłumaczeń dokumentów i korespondencji zagranicznej",
        "contract",
        "48000.00",
        12,
        10,
        "BP",
        "Biuro Tłumaczeń „Lingua”",
    ),
    (
        "KP/P/2/2026",
        "Porozumienie o współpracy z miastem partnerskim Partnerstadt",
        "partnership",
        None,
        None,
        8,
        "BP",
        "Stadt Partnerstadt",
    ),
    (
        "KP/U/3/2026",
        "Druk Biuletynu Miejskiego",
        "contract",
        "126500.00",
        12,
        11,
        "BPR",
        "Drukarnia Miejska sp. z o.o.",
    ),
    (
        "KP/P/4/2026",
        "Porozumienie z wojewodą o organizacji obchodów Święta Niepodległości",
        "agreement",
        None,
        3,
        1,
        "WO",
        "Urząd Wojewódzki",
    ),
    (
        "KP/U/5/2025",
        "Obsługa fotograficzna uroczystości miejskich",
        "contract",
        "30000.00",
        12,
        13,
        "BPR",
        "Studio Foto Kadr",
    ),
]
INSTITUTIONS = [
    ("RIK/1", "Teatr Miejski im. Aleksandra Fredry", "Teatr Miejski", "theatre", "ul. Teatralna 1", "Anna Zawadzka"),
    ("RIK/2", "Muzeum Historii Miasta", "Muzeum", "museum", "pl. Ratuszowy 5", "dr Piotr Kowal"),
    ("RIK/3", "Miejska Biblioteka Publiczna", "MBP", "library", "ul. Książkowa 3", "Ewa Czytelska"),
    ("RIK/4", "Miejski Dom Kultury „Zachód”", "MDK Zachód", "cultural_centre", "ul. Zachodnia 12", "Jan Kulturalny"),
    ("RIK/5", "Galeria Sztuki Współczesnej", "Galeria", "gallery", "ul. Artystów 8", "Maria Malarska"),
]


def seed(admin: Any) -> None:
    if Agreement.objects.exists():
        return
    today = timezone.localdate()
    units = {u.symbol: u for u in OrgUnit.objects.all()}
    fallback = next(iter(units.values()))
    for number, subject, kind, value, length, started, symbol, party in AGREEMENTS:
        starts = today - dt.timedelta(days=30 * started)
        contact = Contact.objects.filter(name__startswith=party.split(" –")[0]).first() or Contact.objects.create(
            kind=Contact.Kind.COMPANY if kind == "contract" else Contact.Kind.INSTITUTION, name=party
        )
        services.save_agreement(
            actor=admin,
            agreement=Agreement(
                number=number,
                kind=kind,
                subject=subject,
                value=Decimal(value) if value else None,
                signed_on=starts - dt.timedelta(days=7),
                starts_on=starts,
                ends_on=starts + dt.timedelta(days=30 * length) if length else None,
                unit=units.get(symbol, fallback),
            ),
            parties=[contact],
        )
    supervisor = units.get("WKS", fallback)
    for number, name, short, kind, address, director in INSTITUTIONS:
        services.save_institution(
            actor=admin,
            institution=CulturalInstitution(
                register_number=number,
                entered_on=dt.date(1992, 1, 2),
                name=name,
                short_name=short,
                kind=kind,
                address=f"{address}, Miasto Przykładowo",
                director=director,
                founding_act="Uchwała Rady Miasta",
                supervising_unit=supervisor,
            ),
        )
