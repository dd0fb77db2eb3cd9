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
    if Gift.objects.filter(counterpart_name=GIFTS[0][1]).exists():  # the demo's own: made already
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
                _guests(admin, event, mayor)
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
    _galleries(admin, today)


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


INVITATION_TEMPLATE = {
    "name": "Zaproszenie gościa na uroczystość (z odpowiedzią przez odnośnik)",
    "subject": "Zaproszenie – {{ zaproszenie.wydarzenie }}",
    "salutation": "Szanowni Państwo,",
    "body": (
        "Prezydent Miasta ma zaszczyt zaprosić na uroczystość „{{ zaproszenie.wydarzenie }}”, "
        "która odbędzie się {{ zaproszenie.termin }} "
        "w miejscu: {{ zaproszenie.miejsce }}.\n\n"
        "{% if zaproszenie.program %}Program uroczystości:\n{{ zaproszenie.program }}\n\n{% endif %}"
        "Uprzejmie prosimy o potwierdzenie obecności do {{ zaproszenie.odpowiedz_do }} przez osobisty odnośnik: "
        "{{ zaproszenie.link_odpowiedzi }} lub telefonicznie w Kancelarii Prezydenta."
    ),
}
FIRST = [
    "Anna",
    "Piotr",
    "Katarzyna",
    "Tomasz",
    "Małgorzata",
    "Krzysztof",
    "Agnieszka",
    "Andrzej",
    "Ewa",
    "Marek",
    "Barbara",
    "Paweł",
    "Joanna",
    "Michał",
    "Zofia",
    "Łukasz",
    "Elżbieta",
    "Jan",
    "Dorota",
    "Stanisław",
]
LAST = [
    "Nowak",
    "Kowalski",
    "Wiśniewski",
    "Wójcik",
    "Kowalczyk",
    "Kamiński",
    "Lewandowski",
    "Zieliński",
    "Szymański",
    "Woźniak",
    "Dąbrowski",
    "Kozłowski",
    "Jankowski",
    "Mazur",
    "Kwiatkowski",
    "Krawczyk",
    "Piotrowski",
    "Grabowski",
    "Nowakowski",
    "Pawłowski",
    "Michalski",
    "Nowicki",
    "Adamczyk",
    "Dudek",
    "Zając",
    "Wieczorek",
    "Jabłoński",
    "Król",
    "Majewski",
    "Olszewski",
    "Jaworski",
    "Wróbel",
    "Malinowski",
    "Pawlak",
    "Witkowski",
    "Walczak",
    "Stępień",
    "Górski",
    "Rutkowski",
    "Michalak",
    "Sikora",
    "Ostrowski",
    "Baran",
    "Duda",
    "Szewczyk",
    "Tomaszewski",
]
GUESTS = 150


def _guest_name(n: int) -> str:
    first, last = FIRST[n % len(FIRST)], LAST[(n * 7) % len(LAST)]
    if first.endswith("a") and last.endswith("ski"):
        last = last[:-1] + "a"  # Kowalski → Kowalska
    return f"{first} {last}"


def _guests(admin: Any, event: Event, mayor: OfficeHolder | None) -> None:
    """The featured ceremony's guest list: invitations written and sent, most guests answered."""
    import random

    from django.conf import settings

    from correspondence.services import letters as letter_services
    from events.models import Answer, Precedence
    from events.services import guests
    from office.models import Contact

    if mayor is None:
        return
    rng = random.Random(11)  # noqa: S311 - demo data, repeatable
    count = max(15, round(GUESTS * settings.DEMO_SCALE))
    existing = list(Contact.objects.filter(kind=Contact.Kind.PERSON, merged_into__isnull=True).order_by("pk")[:count])
    needed = count - len(existing)
    made = Contact.objects.bulk_create(
        [
            Contact(
                name=_guest_name(n),
                email=f"gosc{n}@example.org" if n % 4 else "",
                street=f"ul. Słoneczna {n + 1}",
                postal_code="00-950",
                city="Miasto Przykładowo",
            )
            for n in range(max(0, needed))
        ]
    )
    contacts = existing + made
    places = list(Precedence.objects.all())
    event.refresh_from_db()  # confirmed and its checklist handed out since it was loaded
    event.rsvp_by = timezone.localtime(event.starts_at).date() - dt.timedelta(days=3)
    event.companions_allowed = 1
    services.save_event(actor=admin, event=event, keep_conflict_reason="Święto państwowe")
    for n, contact in enumerate(contacts):
        guests.add_guests(actor=admin, event=event, contacts=[contact], precedence=places[min(n // 8, len(places) - 1)])
    template = letter_services.define_template(
        actor=admin, source_kind=guests.INVITATION_SOURCE, jrwa_symbol="0170", signatory=mayor, **INVITATION_TEMPLATE
    )
    unit = letter_services.register_unit(admin)
    if unit is not None:
        guests.send_invitations(
            actor=admin, event=event, template=template, signatory=mayor, unit=unit, progress=lambda *args: None
        )
    for guest in event.guests.all():
        roll = rng.random()
        if roll < 0.55:
            guests.record_answer(
                guest=guest,
                answer=Answer.ACCEPTED,
                companions=rng.choice([0, 0, 1]),
                needs=rng.choice(["", "", "", "posiłek wegetariański", "miejsce dla wózka"]),
            )
        elif roll < 0.8:
            guests.record_answer(guest=guest, answer=Answer.DECLINED)


def _photo_bytes(n: int, title: str) -> bytes:
    """A demo photo: a coloured picture with a caption, as a camera would save it (EXIF with the
    orientation, the time and a GPS position, which the published copies drop)."""
    import io

    from PIL import Image, ImageDraw

    image = Image.new("RGB", (1800, 1200), ((40 + 37 * n) % 256, (90 + 53 * n) % 256, (140 + 71 * n) % 256))
    draw = ImageDraw.Draw(image)
    for step in range(0, 1200, 60):
        draw.line([(0, step), (1800, 1200 - step)], fill=(255, 255, 255), width=2)
    draw.rectangle([(80, 980), (1720, 1120)], fill=(0, 0, 0))
    draw.text((110, 1010), f"{title} – {n + 1}", fill=(255, 255, 255), font_size=72)
    exif = Image.Exif()
    exif[0x0112] = 1
    exif.get_ifd(0x8769)[36867] = f"2026:05:03 11:0{n % 10}:00"
    exif.get_ifd(0x8825).update({1: "N", 2: (52.0, 13.0, 0.0), 3: "E", 4: (21.0, 0.0, 30.0)})
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80, exif=exif)
    return out.getvalue()


def _galleries(admin: Any, today: dt.date) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from events.models import Consent, Gallery
    from events.services import galleries

    held = Event.objects.filter(status=EventStatus.HELD).order_by("-starts_at")[:2]
    for number, event in enumerate(held):
        gallery = galleries.save_gallery(
            actor=admin,
            gallery=Gallery(
                title=event.name,
                taken_on=timezone.localtime(event.starts_at).date(),
                is_public=number == 0,
                description="Fotorelacja Biura Prasowego.",
            ),
            record=galleries.Target(event, str(event), services.event_url(event)),
        )
        uploads = [
            SimpleUploadedFile(f"IMG_{number}{n:03d}.jpg", _photo_bytes(n + number, event.name), "image/jpeg")
            for n in range(6)
        ]
        photos = galleries.add_photos(
            actor=admin, gallery=gallery, uploads=uploads, author="Biuro Prasowe", consent=Consent.PUBLIC_FIGURES
        )
        for photo in photos[:4]:
            photo.refresh_from_db()
            photo.caption = f"{event.name} – uroczystość, fot. {photo.order}"
            photo.is_public = True
            galleries.save_photo(actor=admin, photo=photo)
