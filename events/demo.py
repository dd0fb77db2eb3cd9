"""Demo data of ceremonies: the city's anniversaries, the checklists of state ceremonies and
anniversaries, the yearly plan of this year with most proposals confirmed (11 November with the
mayor taking part and its checklist handed out), some events of the past held."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from events import services
from events.models import ChecklistItem, Event, EventKind, EventStatus, Gift, Observance, ObservanceKind
from office.models import OfficeHolder, OrgUnit

CITY_DAYS = [
    ("Nadanie praw miejskich", 6, 24, 1323, "Sesja uroczysta Rady Miasta i koncert", "Ratusz"),
    ("Rocznica wyzwolenia Miasta", 2, 14, 1945, "Złożenie kwiatów pod Pomnikiem Wdzięczności", "Pomnik Wdzięczności"),
]

CHECKLIST = [
    (EventKind.STATE, "Wieńce i kwiaty", "WO", 10),
    (EventKind.STATE, "Asysta honorowa i poczty sztandarowe", "WO", 21),
    (EventKind.STATE, "Nagłośnienie i scena", "WIN", 14),
    (EventKind.STATE, "Zaproszenia dla gości", "BP", 21),
    (EventKind.STATE, "Informacja dla mediów i fotograf", "BPR", 5),
    (EventKind.STATE, "Zgłoszenie zgromadzenia i służby porządkowe", "WO", 14),
    (EventKind.ANNIVERSARY, "Zaproszenia dla gości", "BP", 21),
    (EventKind.ANNIVERSARY, "Informacja dla mediów i fotograf", "BPR", 5),
]


def _feature(admin: Any, event: Event, mayor: OfficeHolder | None) -> None:
    """The next state ceremony: confirmed, with the mayor taking part and its checklist handed out."""
    event.holder = mayor
    event.programme = (
        "10:00 Msza święta w intencji Ojczyzny\n11:00 Uroczystość pod pomnikiem\n12:00 Koncert pieśni patriotycznych"
    )
    services.save_event(actor=admin, event=event)
    services.change_status(
        actor=admin, event=event, target=EventStatus.PLANNED, keep_conflict_reason="Święto państwowe"
    )
    services.hand_out_checklist(actor=admin, event=event)


def seed(admin: Any) -> None:
    if Event.objects.exists():
        return
    services.ensure_shipped_observances()
    for name, month, day, since, ceremony, place in CITY_DAYS:
        Observance.objects.get_or_create(
            name=name,
            defaults={
                "kind": ObservanceKind.CITY,
                "month": month,
                "day": day,
                "since_year": since,
                "ceremony": ceremony,
                "place": place,
            },
        )
    units = {unit.symbol: unit for unit in OrgUnit.objects.all()}
    for order, (kind, label, symbol, days) in enumerate(CHECKLIST):
        unit = units.get(symbol) or next(iter(units.values()))
        ChecklistItem.objects.get_or_create(
            kind=kind, label=label, defaults={"unit": unit, "days_before": days, "order": order}
        )
    today = timezone.localdate()
    mayor = OfficeHolder.objects.filter(role="mayor").first()
    featured = None
    for year in (today.year, today.year + 1):
        for event in services.generate_plan(actor=admin, year=year):
            day = timezone.localtime(event.starts_at).date()
            if day < today:
                services.change_status(actor=admin, event=event, target=EventStatus.PLANNED)
                services.change_status(
                    actor=admin, event=event, target=EventStatus.HELD, note="Uroczystość odbyła się."
                )
            elif featured is None and event.kind == EventKind.STATE:
                featured = event
                _feature(admin, event, mayor)
            elif (day - today).days < 60:
                services.change_status(actor=admin, event=event, target=EventStatus.PLANNED)
    start = timezone.make_aware(dt.datetime.combine(today + dt.timedelta(days=12), dt.time(17)))
    services.save_event(
        actor=admin,
        event=Event(
            kind=EventKind.GALA,
            name="Gala konkursu „Mistrz Sportu”",
            starts_at=start,
            ends_at=start + dt.timedelta(hours=3),
            place="Filharmonia",
            holder=mayor,
            budget_line="926-92605-4300",
            budget_amount=12000,
        ),
        keep_conflict_reason="Gala z udziałem Prezydenta",
    )
    _gifts(admin, mayor, today)


GIFTS = [
    (
        "received",
        "Delegacja miasta partnerskiego Lwów",
        "Wizyta delegacji",
        "Ręcznie malowany talerz z herbem Lwowa",
        "300",
        "Gabinet Prezydenta",
    ),
    (
        "given",
        "Delegacja miasta partnerskiego Lwów",
        "Wizyta delegacji",
        "Album „Nasze Miasto” i statuetka herbowa",
        "300",
        "",
    ),
    (
        "received",
        "Ambasador Republiki Litewskiej",
        "Wizyta kurtuazyjna",
        "Książka o historii Wilna",
        "symbolic",
        "Biblioteka Kancelarii",
    ),
    (
        "given",
        "Jubilatka – pani Stanisława, 100 lat",
        "Setne urodziny mieszkanki",
        "Kosz kwiatów i list gratulacyjny",
        "symbolic",
        "",
    ),
    (
        "received",
        "Cech Rzemiosł Różnych",
        "Jubileusz Cechu",
        "Pamiątkowy medal Cechu",
        "1000",
        "Gablota w holu Ratusza",
    ),
]


def _gifts(admin: Any, mayor: OfficeHolder | None, today: dt.date) -> None:
    if mayor is None:
        return
    for n, (direction, who, occasion, description, band, kept) in enumerate(GIFTS):
        services.save_gift(
            actor=admin,
            gift=Gift(
                direction=direction,
                holder=mayor,
                on=today - dt.timedelta(days=20 + 30 * n),
                counterpart_name=who,
                occasion=occasion,
                description=description,
                value_band=band,
                kept_at=kept,
            ),
        )
