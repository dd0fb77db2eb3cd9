"""Patronage applications made through the services, in the states the tests need."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from correspondence.services import archive
from correspondence.services import letters as letter_services
from office.models import Contact, OfficeHolder, OrgUnit
from patronage import services
from patronage.models import Application
from tests.factories import ContactFactory

TEMPLATE_NAME = "Decyzja o patronacie (testy)"


def mayor() -> OfficeHolder:
    return OfficeHolder.objects.filter(role="mayor").first() or OfficeHolder.objects.create(
        role="mayor", title="Prezydent Miasta", first_name="Andrzej", last_name="Kowalczyk", order=1
    )


def office_unit() -> OrgUnit:
    return OrgUnit.objects.get_or_create(symbol="KP", defaults={"name": "Kancelaria Prezydenta"})[0]


def decision_template(actor: Any) -> Any:
    archive.ensure_shipped_classes()
    return letter_services.define_template(
        actor=actor,
        name=TEMPLATE_NAME,
        source_kind=services.DECISION_SOURCE,
        subject="Patronat – {{ patronat.wydarzenie }}",
        salutation="Szanowni Państwo,",
        body="Prezydent Miasta {{ patronat.decyzja }} wydarzenie „{{ patronat.wydarzenie }}” ({{ patronat.termin }}).",
        jrwa_symbol="0160",
        signatory=mayor(),
    )


def new_application(actor: Any, organiser: Contact | None = None, **fields: Any) -> Application:
    """A received application for an event in 60 days, registered today."""
    today = timezone.localdate()
    values: dict[str, Any] = {
        "organiser": organiser or ContactFactory(name="Stowarzyszenie Biegaczy „Sprint”"),
        "event_name": "Bieg Niepodległości",
        "starts_on": today + dt.timedelta(days=60),
        "ends_on": today + dt.timedelta(days=60),
        "place": "Park Miejski",
        "received_on": today,
    }
    values.update(fields)
    return services.register_application(actor=actor, application=Application(**values))


def granted_application(actor: Any, organiser: Contact | None = None, **fields: Any) -> Application:
    """An application granted by the mayor for an event that started ten days ago; the office's
    register and a decision template exist, so its letter can be written."""
    today = timezone.localdate()
    fields.setdefault("starts_on", today - dt.timedelta(days=10))
    fields.setdefault("ends_on", fields["starts_on"])
    fields.setdefault("received_on", today - dt.timedelta(days=60))
    application = new_application(actor, organiser, **fields)
    office_unit()
    decision_template(actor)
    return services.decide(actor=actor, application=application, grant=True, decided_by=mayor())
