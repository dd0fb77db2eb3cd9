"""Rows of the permission matrix (tests/office/test_permission_matrix.py) for business travel.

The travel officer handles everything; the secretariat plans trips (and receives delegations);
management approves trips and reads everything; auditors read; the finance reader reads trips,
their settlements and the rates. Other personas get 403 (no record scope below the permissions).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests.matrix import World
from tests.matrix import action_row as action
from tests.matrix import form_row as form
from tests.matrix import page_row as page
from tests.matrix import record_row as record

ADMINS = frozenset({"administrator", "superuser"})
OFFICER = ADMINS | {"travel_officer"}
PLANNERS = OFFICER | {"secretariat"}
APPROVERS = OFFICER | {"management"}
READERS = PLANNERS | {"management", "auditor", "finance_reader"}
SETTLEMENT_READERS = OFFICER | {"management", "auditor", "finance_reader"}
PARTNER_READERS = OFFICER | {"secretariat", "management", "auditor"}
DELEGATION_EDITORS = OFFICER | {"secretariat"}


def build(world: World) -> None:
    from calendar_app.travel.models import Delegation, PartnerCity
    from calendar_app.travel.services import relations, settlements, trips
    from tests.travel.factories import at, mayor, order_template, planned_trip, rates, returned_trip, secretary

    officer = world.people["travel_officer"]
    germany = rates()
    mayor()
    secretary()
    order_template(officer)
    planned = planned_trip(officer, days_ahead=40)
    trips.add_leg(
        actor=officer,
        trip=planned,
        from_place="Urząd Miasta",
        to_place="Warszawa",
        departs_at=planned.departs_at,
        arrives_at=planned.departs_at + dt.timedelta(hours=4),
        transport="train",
    )
    awaiting = planned_trip(officer, days_ahead=80)
    trips.order(actor=officer, trip=awaiting, template=order_template(officer))
    returned = returned_trip(officer)
    traveller = returned.travellers.get()
    settlement = settlements.settle(
        actor=officer,
        traveller=traveller,
        started_at=returned.departs_at,
        ended_at=returned.returns_at,
        home_breakfasts=1,
    )
    trips.file_report(actor=officer, trip=returned, agreed="Uzgodniono wspólny projekt.")
    partner = relations.save_partner(actor=officer, partner=PartnerCity(name="Cottbus", country=germany))
    day = timezone.localdate() + dt.timedelta(days=15)
    delegation = relations.save_delegation(
        actor=officer,
        delegation=Delegation(
            name="Delegacja z Cottbus", country=germany, partner=partner, arrives_at=at(day, 10), departs_at=at(day, 18)
        ),
    )
    world.extra.update(
        trip=planned,
        awaiting=awaiting,
        returned=returned,
        traveller=traveller,
        settlement=settlement,
        partner=partner,
        delegation=delegation,
        leg=planned.legs.get(),
    )


def _upload(w: World) -> dict[str, Any]:
    return {
        "attach-file": SimpleUploadedFile("notatka.txt", b"Notatka.", "text/plain"),
        "attach-description": "notatka",
    }


def _template(w: World) -> int:
    from calendar_app.travel.services import trips

    return trips.order_templates().get().pk


def _day(days: int, hour: int) -> str:
    return (timezone.localdate() + dt.timedelta(days=days)).isoformat() + f"T{hour:02d}:00"


def _trip(target: str, data: Any, allowed: frozenset[str]) -> Any:
    return action(target, data, allowed=allowed, viewers=READERS, default=403)


def _delegation(data: Any, allowed: frozenset[str] = DELEGATION_EDITORS) -> Any:
    return action("delegation", data, allowed=allowed, viewers=PARTNER_READERS, default=403)


EXPECTED = {
    "travel:trip_list": page(READERS),
    "travel:trip_create": form(PLANNERS),
    "travel:trip_detail": record("trip", READERS, default=403),
    "travel:trip_edit": form(PLANNERS, lambda w: {"pk": w.extra["trip"].pk}),
    "travel:trip_leg": _trip(
        "trip",
        lambda w: {
            "leg-from_place": "Warszawa",
            "leg-to_place": "Urząd Miasta",
            "leg-departs_at": _day(41, 12),
            "leg-arrives_at": _day(41, 16),
            "leg-transport": "train",
        },
        PLANNERS,
    ),
    "travel:trip_unleg": _trip("trip", lambda w: {"unleg-leg": w.extra["leg"].pk}, PLANNERS),
    "travel:trip_order": _trip("trip", lambda w: {"order-template": _template(w)}, PLANNERS),
    "travel:trip_approve": _trip("awaiting", lambda w: {"approve-note": ""}, APPROVERS),
    "travel:trip_refuse": _trip("awaiting", lambda w: {"refuse-note": "Brak środków."}, APPROVERS),
    "travel:trip_cancel": _trip("trip", lambda w: {"cancel-note": "Odwołane."}, PLANNERS),
    "travel:trip_report": _trip("returned", lambda w: {"report-agreed": "Ustalenia.", "report-contacts": ""}, PLANNERS),
    "travel:trip_follow_up": _trip(
        "returned",
        lambda w: {
            "follow-up-title": "Przygotować umowę",
            "follow-up-unit": w.units["WOK"].pk,
            "follow-up-due_date": (timezone.localdate() + dt.timedelta(days=10)).isoformat(),
        },
        PLANNERS,
    ),
    "travel:trip_attach": _trip("trip", _upload, PLANNERS),
    "travel:settlement_edit": form(OFFICER, lambda w: {"pk": w.extra["traveller"].pk}),
    "travel:settlement_detail": record("settlement", SETTLEMENT_READERS, default=403),
    "travel:settlement_pdf": action(
        "settlement", lambda w: {}, allowed=SETTLEMENT_READERS, viewers=SETTLEMENT_READERS, default=403
    ),
    "travel:rate_list": page(SETTLEMENT_READERS),
    "travel:domestic_rate_create": form(OFFICER),
    "travel:foreign_rate_create": form(OFFICER),
    "travel:partner_list": page(PARTNER_READERS),
    "travel:partner_create": form(OFFICER),
    "travel:partner_detail": record("partner", PARTNER_READERS, default=403),
    "travel:partner_edit": form(OFFICER, lambda w: {"pk": w.extra["partner"].pk}),
    "travel:partner_agreement": action(
        "partner",
        lambda w: {"agreement-title": "Umowa o partnerstwie", "agreement-signed_on": "2004-05-01"},
        allowed=OFFICER,
        viewers=PARTNER_READERS,
        default=403,
    ),
    "travel:delegation_list": page(PARTNER_READERS),
    "travel:delegation_create": form(DELEGATION_EDITORS),
    "travel:delegation_detail": record("delegation", PARTNER_READERS, default=403),
    "travel:delegation_edit": form(DELEGATION_EDITORS, lambda w: {"pk": w.extra["delegation"].pk}),
    "travel:delegation_programme": _delegation(
        lambda w: {"programme-starts_at": _day(15, 11), "programme-ends_at": _day(15, 12), "programme-title": "Ratusz"}
    ),
    "travel:delegation_gift": _delegation(
        lambda w: {"gift-direction": "given", "gift-description": "Album", "gift-person": "Burmistrz"}
    ),
    "travel:delegation_held": _delegation(lambda w: {"held-note": ""}),
    "travel:delegation_cancel": _delegation(lambda w: {"cancel-note": "Odwołana."}),
    "travel:delegation_attach": _delegation(_upload),
}
