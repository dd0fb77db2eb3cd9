"""Rows of the permission matrix (tests/office/test_permission_matrix.py) for ceremonies and events.

Office staff and the secretariat plan events; management and auditors read them; press officers
and unit liaisons have no access (403: there is no record scope, only the permission).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests.matrix import Row, World
from tests.matrix import action_row as action
from tests.matrix import form_row as form
from tests.matrix import page_row as page
from tests.matrix import record_row as record

ADMINS = frozenset({"administrator", "superuser"})
EDITORS = ADMINS | {"office_staff", "secretariat"}
READERS = EDITORS | {"management", "auditor"}


def build(world: World) -> None:
    from events import services
    from events.models import ChecklistItem, Event, EventStatus

    staff = world.people["office_staff"]
    start = timezone.now() + dt.timedelta(days=20)

    def event(name: str, status: str, **fields: Any) -> Event:
        made = services.save_event(
            actor=staff, event=Event(name=name, starts_at=start, ends_at=start + dt.timedelta(hours=2), **fields)
        )
        Event.objects.filter(pk=made.pk).update(status=status)
        made.refresh_from_db()
        return made

    ChecklistItem.objects.create(kind="state", label="Wieńce", unit=world.units["WOK"], days_before=7)
    world.extra["proposed"] = event("Święto Niepodległości", EventStatus.PROPOSED, kind="state")
    world.extra["planned"] = event("Dni Miasta", EventStatus.PLANNED, kind="state")
    world.extra["dropped"] = event("Dzień Flagi", EventStatus.DROPPED, kind="state")
    from events.models import Gift
    from tests.patronage.factories import mayor

    world.extra["gift"] = services.save_gift(
        actor=staff,
        gift=Gift(
            direction="received", holder=mayor(), counterpart_name="Delegacja", occasion="Wizyta", description="Album"
        ),
    )
    past = timezone.now() - dt.timedelta(days=3)
    world.extra["past"] = services.save_event(
        actor=staff, event=Event(name="Jubileusz", starts_at=past, ends_at=past + dt.timedelta(hours=2))
    )


def _upload(w: World) -> dict[str, Any]:
    return {
        "attach-file": SimpleUploadedFile("program.txt", b"Program.", "text/plain"),
        "attach-description": "program",
    }


def _row(name: str, target: str, data: Any = None) -> Row:
    return action(target, data or (lambda w: {}), allowed=EDITORS, viewers=READERS, default=403)


EXPECTED = {
    "events:event_list": page(READERS),
    "events:event_create": form(EDITORS),
    "events:plan": form(EDITORS),
    "events:event_detail": record("planned", READERS, default=403),
    "events:event_edit": form(EDITORS, lambda w: {"pk": w.extra["planned"].pk}),
    "events:event_confirm": _row("confirm", "proposed"),
    "events:event_drop": _row("drop", "proposed"),
    "events:event_restore": _row("restore", "dropped"),
    "events:event_held": _row("held", "past"),
    "events:event_cancel": _row("cancel", "planned"),
    "events:event_checklist": _row("checklist", "planned"),
    "events:event_attach": _row("attach", "planned", _upload),
    "events:gift_list": page(READERS),
    "events:gift_print": page(READERS),
    "events:gift_create": form(EDITORS),
    "events:gift_detail": record("gift", READERS, default=403),
    "events:gift_edit": form(EDITORS, lambda w: {"pk": w.extra["gift"].pk}),
    "events:gift_attach": _row("attach", "gift", _upload),
}
