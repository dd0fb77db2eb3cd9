"""Ceremonies and events made through events.services, in the states the tests need.

Observances and checklist items are kept in the administration panel (no service of their own):
they are made here as rows. Times are in Europe/Warsaw, the office's time zone."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from django.utils import timezone

from events import services
from events.models import ChecklistItem, Event, EventKind, EventStatus, Observance, ObservanceKind
from office.models import OfficeHolder, OrgUnit
from tests.factories import OfficeHolderFactory, OrgUnitFactory

_names = itertools.count(1)


def at(days: int, hour: int = 12, minute: int = 0) -> dt.datetime:
    """Today moved by ``days`` (negative: in the past) at ``hour`` o'clock, office time."""
    day = timezone.localdate() + dt.timedelta(days=days)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def mayor() -> OfficeHolder:
    return OfficeHolder.objects.filter(role="mayor").first() or OfficeHolder.objects.create(
        role="mayor", title="Prezydent Miasta", first_name="Andrzej", last_name="Kowalczyk", order=1
    )


def deputy(**fields: Any) -> OfficeHolder:
    return OfficeHolderFactory(**fields)


def new_event(actor: Any, *, co_organisers: Any = None, keep_conflict_reason: str = "", **fields: Any) -> Event:
    """A planned city event in ten days, 12:00–14:00 (``status``, ``holder``, … as given), saved
    through ``services.save_event`` (so on the holder's calendar when planned)."""
    starts_at = fields.pop("starts_at", None) or at(10)
    values: dict[str, Any] = {
        "kind": EventKind.CITY,
        "name": f"Wydarzenie miejskie {next(_names)}",
        "starts_at": starts_at,
        "ends_at": starts_at + dt.timedelta(hours=2),
        "place": "Rynek Główny",
    }
    values.update(fields)
    return services.save_event(
        actor=actor, event=Event(**values), co_organisers=co_organisers, keep_conflict_reason=keep_conflict_reason
    )


def proposed_event(actor: Any, **fields: Any) -> Event:
    """An event as the yearly plan proposes it: status ``proposed``, not on any calendar."""
    return new_event(actor, status=EventStatus.PROPOSED, **fields)


def event_in(actor: Any, status: str, **fields: Any) -> Event:
    """An event in ``status``, reached through ``services.change_status`` the way staff reach it
    (held: an event that started yesterday)."""
    if status == EventStatus.HELD:
        fields.setdefault("starts_at", at(-1))
    event = proposed_event(actor, **fields)
    path = {
        EventStatus.PROPOSED: [],
        EventStatus.PLANNED: [EventStatus.PLANNED],
        EventStatus.DROPPED: [EventStatus.DROPPED],
        EventStatus.HELD: [EventStatus.PLANNED, EventStatus.HELD],
        EventStatus.CANCELLED: [EventStatus.PLANNED, EventStatus.CANCELLED],
    }[status]
    for target in path:
        event = services.change_status(actor=actor, event=event, target=target)
    return Event.objects.get(pk=event.pk)


def observance(**fields: Any) -> Observance:
    """A city anniversary (as staff add it in the administration panel)."""
    values: dict[str, Any] = {
        "name": f"Rocznica miejska {next(_names)}",
        "kind": ObservanceKind.CITY,
        "month": 6,
        "day": 24,
        "ceremony": "",
        "place": "Ratusz",
    }
    values.update(fields)
    made = Observance(**values)
    made.full_clean()
    made.save()
    return made


def unit(symbol: str) -> OrgUnit:
    return OrgUnitFactory(symbol=symbol, name=f"Wydział {symbol}")


def checklist(kind: str = EventKind.STATE, items: Any = None) -> list[ChecklistItem]:
    """The checklist of events of ``kind``: (label, unit symbol, days before) per item."""
    items = items or [("Wieńce i kwiaty", "WO", 10), ("Nagłośnienie i scena", "WIN", 14), ("Media", "BPR", 2)]
    return [
        ChecklistItem.objects.create(kind=kind, label=label, unit=unit(symbol), days_before=days, order=order)
        for order, (label, symbol, days) in enumerate(items)
    ]


def photo_bytes(
    size: tuple[int, int] = (640, 480), *, orientation: int = 1, gps: bool = True, fmt: str = "JPEG"
) -> bytes:
    """A photo as a camera saves it: EXIF with the orientation, the time taken and a GPS position."""
    import io

    from PIL import Image

    image = Image.new("RGB", size, (200, 30, 30))
    image.paste((30, 30, 200), (0, 0, size[0] // 2, size[1] // 4))  # a blue corner: top left when upright
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif.get_ifd(0x8769)[36867] = "2026:11:11 11:05:00"
    if gps:
        exif.get_ifd(0x8825).update({1: "N", 2: (52.0, 13.0, 0.0), 3: "E", 4: (21.0, 0.0, 30.0)})
    out = io.BytesIO()
    image.save(out, fmt, exif=exif) if fmt == "JPEG" else image.save(out, fmt)
    return out.getvalue()


def photo_upload(name: str = "IMG_0001.jpg", **kwargs: Any) -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, photo_bytes(**kwargs), "image/jpeg")
