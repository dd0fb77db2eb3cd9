"""Demo data of business travel: the rate tables (the domestic per diem of 45 PLN in force since
1 January 2023 and the 30 PLN before it, the rates per km, foreign rates of a handful of
countries), three partner cities with their agreements and two visits each (a trip there and a
delegation here), and a year of trips — six of them foreign — ordered, approved and settled
through the services. Volumes scale with DEMO_SCALE; running it again adds nothing."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from calendar_app.travel.models import (
    Country,
    Delegation,
    DomesticRate,
    ForeignRate,
    KmRate,
    PartnerCity,
    Transport,
    Trip,
    Vehicle,
)
from calendar_app.travel.services import relations, settlements, trips
from correspondence.services import letters as letter_services
from office.administration import services as budget
from office.models import OfficeHolder

TRIPS = 80
FOREIGN = 6

ORDER_TEMPLATE = {
    "name": "Polecenie wyjazdu służbowego",
    "subject": "Polecenie wyjazdu służbowego nr {{ polecenie_wyjazdu.numer }}",
    "body": (
        "Polecam Pani/Panu {{ polecenie_wyjazdu.podrozny }} ({{ polecenie_wyjazdu.stanowisko }}) "
        "wyjazd służbowy do miejscowości {{ polecenie_wyjazdu.miejsce }} ({{ polecenie_wyjazdu.kraj }}) "
        "w celu: {{ polecenie_wyjazdu.cel }}.\n\n"
        "Wyjazd: {{ polecenie_wyjazdu.wyjazd }}; powrót: {{ polecenie_wyjazdu.powrot }}.\n"
        "Trasa: {{ polecenie_wyjazdu.trasa }}.\n"
        "{% if polecenie_wyjazdu.zakwaterowanie %}Zakwaterowanie: {{ polecenie_wyjazdu.zakwaterowanie }}.\n{% endif %}"
        "{% if polecenie_wyjazdu.budzet %}Koszty pokrywa klasyfikacja budżetowa "
        "{{ polecenie_wyjazdu.budzet }}.{% endif %}\n\n"
        "Rozliczenie podróży należy przedstawić w terminie 14 dni od dnia jej zakończenia."
    ),
}

#: the foreign rates (per diem, hotel limit a night) of the annex to the regulation of 29.01.2013;
#: a demo selection — check them against the annex before real use
COUNTRIES = [
    ("DE", "Niemcy", "EUR", "49", "150"),
    ("FR", "Francja", "EUR", "50", "180"),
    ("LT", "Litwa", "EUR", "39", "100"),
    ("CZ", "Czechy", "EUR", "41", "75"),
    ("UA", "Ukraina", "EUR", "41", "90"),
    ("GB", "Wielka Brytania", "GBP", "35", "200"),
    ("US", "Stany Zjednoczone Ameryki", "USD", "59", "200"),
    ("IT", "Włochy", "EUR", "48", "174"),
]

PARTNERS = [
    ("Cottbus", "DE", "niemiecki, angielski", dt.date(1975, 6, 1), "Tydzień Kultury Polsko-Niemieckiej"),
    ("Troyes", "FR", "francuski, angielski", dt.date(1970, 9, 12), "Forum Samorządów Polsko-Francuskich"),
    ("Kowno", "LT", "litewski, angielski", dt.date(2003, 5, 20), "Dni Miast Partnerskich"),
]

EXTRA_FOREIGN = [
    ("Praga", "CZ", "Konferencja Eurocities"),
    ("Lwów", "UA", "Forum Odbudowy Miast"),
    ("Lipsk", "DE", "Targi Innowacji Miejskich"),
]

DOMESTIC = [
    ("Warszawa", "Posiedzenie Związku Miast Polskich"),
    ("Poznań", "Konferencja o finansach samorządów"),
    ("Wrocław", "Spotkanie w Urzędzie Marszałkowskim"),
    ("Kraków", "Kongres Polityki Miejskiej"),
    ("Gdańsk", "Szkolenie z zamówień publicznych"),
    ("Szczecin", "Rada Programowa Funduszy Europejskich"),
    ("Katowice", "Europejski Kongres Samorządów"),
]


def _line(departs: dt.datetime, paragraph: str) -> Any:
    """The office's budget line of the trip's year and paragraph, when the administration has it."""
    year = timezone.localtime(departs).year
    return budget.open_lines(year).filter(chapter="75023", paragraph=paragraph).first()


def _scaled(count: int, minimum: int) -> int:
    return max(minimum, round(count * settings.DEMO_SCALE))


def _rates() -> None:
    if not DomesticRate.objects.exists():
        DomesticRate.objects.create(
            valid_from=dt.date(2013, 3, 1),
            valid_to=dt.date(2022, 12, 31),
            per_diem=Decimal("30"),
            basis="Dz.U. 2013 poz. 167",
        )
        DomesticRate.objects.create(
            valid_from=dt.date(2023, 1, 1), per_diem=Decimal("45"), basis="Dz.U. 2022 poz. 2302"
        )
    if not KmRate.objects.exists():
        old = {
            Vehicle.CAR_SMALL: "0.5214",
            Vehicle.CAR_LARGE: "0.8358",
            Vehicle.MOTORCYCLE: "0.2302",
            Vehicle.MOPED: "0.1382",
        }
        new = {Vehicle.CAR_SMALL: "0.89", Vehicle.CAR_LARGE: "1.15", Vehicle.MOTORCYCLE: "0.69", Vehicle.MOPED: "0.42"}
        for vehicle, rate in old.items():
            KmRate.objects.create(
                vehicle=vehicle, rate=Decimal(rate), valid_from=dt.date(2007, 3, 1), valid_to=dt.date(2023, 1, 16)
            )
        for vehicle, rate in new.items():
            KmRate.objects.create(vehicle=vehicle, rate=Decimal(rate), valid_from=dt.date(2023, 1, 17))
    for code, name, currency, per_diem, limit in COUNTRIES:
        country, _ = Country.objects.get_or_create(code=code, defaults={"name": name})
        if not country.rates.exists():
            ForeignRate.objects.create(
                country=country,
                valid_from=dt.date(2013, 3, 1),
                currency=currency,
                per_diem=Decimal(per_diem),
                hotel_limit=Decimal(limit),
            )


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=timezone.get_current_timezone())


def _partners(admin: Any, host: OfficeHolder | None) -> list[PartnerCity]:
    made = []
    for name, code, languages, since, forum in PARTNERS:
        partner = relations.save_partner(
            actor=admin,
            partner=PartnerCity(
                name=name,
                country=Country.objects.get(code=code),
                partner_since=since,
                languages=languages,
                description=f"Miasto partnerskie od {since.year} r. "
                f"Wspólne projekty: {forum}, wymiana młodzieży szkolnej.",
            ),
        )
        relations.add_agreement(
            actor=admin, partner=partner, title=f"Umowa o partnerstwie miast z {name}", signed_on=since
        )
        made.append(partner)
    return made


def _delegation(admin: Any, partner: PartnerCity, host: OfficeHolder | None, day: dt.date) -> None:
    delegation = relations.save_delegation(
        actor=admin,
        delegation=Delegation(
            name=f"Delegacja z {partner.name}",
            partner=partner,
            country=partner.country,
            arrives_at=_at(day, 10),
            departs_at=_at(day + dt.timedelta(days=1), 16),
            host=host,
            guests="Burmistrz miasta\nRadny ds. współpracy zagranicznej\nDyrektor biura współpracy",
            interpreter="Anna Lis (tłumacz przysięgły)",
            accommodation="Hotel Ratuszowy, 4 pokoje",
            protocol_notes="Flagi obu miast w sali sesyjnej; wpis do Złotej Księgi.",
        ),
        keep_conflict_reason="Wizyta ustalona wcześniej",
    )
    relations.add_programme_item(
        actor=admin,
        delegation=delegation,
        starts_at=_at(day, 11),
        ends_at=_at(day, 12, 30),
        title="Spotkanie z Prezydentem",
        place="Ratusz",
    )
    relations.add_programme_item(
        actor=admin,
        delegation=delegation,
        starts_at=_at(day, 14),
        ends_at=_at(day, 17),
        title="Zwiedzanie Starego Miasta",
        place="Rynek",
    )
    relations.add_gift(
        actor=admin,
        delegation=delegation,
        direction="given",
        description="Album o mieście",
        person="Burmistrz",
        value=Decimal("120"),
    )
    if day < timezone.localdate():
        relations.set_status(actor=admin, delegation=delegation, status="held")


def seed(admin: Any) -> None:
    _rates()
    if Trip.objects.exists():
        return
    holders = list(OfficeHolder.objects.filter(is_active=True).order_by("order"))
    mayor = next((h for h in holders if h.role == OfficeHolder.Role.MAYOR), None)
    if not holders or mayor is None:
        return
    template = letter_services.define_template(
        actor=admin,
        source_kind=trips.ORDER_SOURCE,
        jrwa_symbol="0560",
        signatory=mayor,
        salutation="",
        **ORDER_TEMPLATE,
    )
    travelling = [h for h in holders if h.role != OfficeHolder.Role.MAYOR] or holders
    staff = list(
        get_user_model()
        .objects.filter(is_active=True, office_holder__isnull=True, is_superuser=False)
        .order_by("pk")[:8]
    )
    rng = random.Random(2026)  # noqa: S311  (repeatable demo data, not security)
    partners = _partners(admin, mayor)
    today = timezone.localdate()
    foreign = [(p.name, p.country.code, f"Wizyta w mieście partnerskim {p.name}", p) for p in partners]
    foreign += [(city, code, purpose, None) for city, code, purpose in EXTRA_FOREIGN]
    total = _scaled(TRIPS, FOREIGN + 4)
    for number in range(total):
        day = today - dt.timedelta(days=300) + dt.timedelta(days=round(number * 330 / total))
        if number % max(1, total // FOREIGN) == 0 and foreign:
            city, code, purpose, partner = foreign.pop(0)
            country = Country.objects.get(code=code)
            length = rng.choice([2, 3, 4])
        else:
            city, purpose = rng.choice(DOMESTIC)
            country, partner, length = None, None, rng.choice([0, 0, 1, 2])
        _trip(
            admin, template, rng, day, length, city, purpose, country, partner, [rng.choice(travelling)], staff, today
        )
    for number, partner in enumerate(partners):
        _delegation(admin, partner, mayor, today - dt.timedelta(days=200 - number * 60))


def _trip(admin, template, rng, day, length, city, purpose, country, partner, holders, staff, today) -> None:
    users = [rng.choice(staff)] if staff and rng.random() < 0.4 else []
    departs = _at(day, 6, 30)
    returns = _at(day + dt.timedelta(days=length), rng.choice([15, 19, 22]))
    trip = trips.plan_trip(
        actor=admin,
        trip=Trip(
            purpose=purpose,
            destination=city,
            country=country,
            partner=partner,
            departs_at=departs,
            returns_at=returns,
            accommodation="Hotel w centrum miasta" if length else "",
            interpreter="Tłumacz z biura współpracy" if country else "",
            budget_line="750-75023-4420" if country else "750-75023-4410",
            line=_line(departs, "4420" if country else "4410"),
        ),
        holders=holders,
        users=users,
        keep_conflict_reason="Wyjazd ustalony wcześniej",
    )
    transport = (
        Transport.PLANE if country and rng.random() < 0.5 else rng.choice([Transport.TRAIN, Transport.OFFICIAL_CAR])
    )
    trips.add_leg(
        actor=admin,
        trip=trip,
        from_place="Urząd Miasta",
        to_place=city,
        departs_at=departs,
        arrives_at=departs + dt.timedelta(hours=4),
        transport=transport,
        crosses_border=bool(country),
    )
    trips.add_leg(
        actor=admin,
        trip=trip,
        from_place=city,
        to_place="Urząd Miasta",
        departs_at=returns - dt.timedelta(hours=4),
        arrives_at=returns,
        transport=transport,
        crosses_border=bool(country),
    )
    if day > today + dt.timedelta(days=20):
        return  # still being planned
    trip = trips.order(actor=admin, trip=trip, template=template)
    if rng.random() < 0.05:
        trips.refuse(actor=admin, trip=trip, note="Brak środków w budżecie.")
        return
    trip = trips.approve(actor=admin, trip=trip)
    if not trip.has_returned or (not country and rng.random() < 0.15):
        return
    for traveller in trip.travellers.all():
        _settle(admin, traveller, trip, country, rng)
    trips.file_report(
        actor=admin,
        trip=trip,
        agreed=f"Ustalenia: {purpose.lower()} – dalsza współpraca.",
        contacts="Wymieniono wizytówki.",
    )


def _settle(admin: Any, traveller: Any, trip: Trip, country: Country | None, rng: random.Random) -> None:
    claim: dict[str, Any] = {
        "started_at": trip.departs_at,
        "ended_at": trip.returns_at,
        "home_breakfasts": 0,
        "local_transport": rng.random() < 0.5,
        "tickets": Decimal(rng.choice(["0", "89.90", "154.00"])),
    }
    if country:
        claim.update(
            abroad_from=trip.departs_at + dt.timedelta(hours=2),
            abroad_until=trip.returns_at - dt.timedelta(hours=2),
            abroad_breakfasts=1,
            hotel_invoices="; ".join(["120.00"] * max(0, (trip.returns_at - trip.departs_at).days)),
            exchange_rate=Decimal("4.2850"),
            exchange_rate_on=timezone.localtime(trip.returns_at).date(),
        )
    settlements.settle(actor=admin, traveller=traveller, **claim)
