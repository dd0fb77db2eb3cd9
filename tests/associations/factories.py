"""Records of the associations app made through its services, in the states the tests need."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from associations.models import CHECKLIST, AssociationVersion, KrsOrganisation, Membership, OrdinaryAssociation
from associations.services import krs as krs_services
from associations.services import memberships as membership_services
from associations.services import register
from correspondence.services import archive
from correspondence.services import letters as letter_services
from office.models import OfficeHolder, OrgUnit
from tests.factories import ContactFactory

#: Private data of a founder: must never reach a public page or download.
PRIVATE_RESIDENCE = "ul. Tajna 13/7, 00-999 Prywatne"
PRIVATE_PESEL = "90010112345"


def mayor() -> OfficeHolder:
    return OfficeHolder.objects.filter(role="mayor").first() or OfficeHolder.objects.create(
        role="mayor", title="Prezydent Miasta", first_name="Andrzej", last_name="Kowalczyk", order=1
    )


def office_unit() -> OrgUnit:
    return OrgUnit.objects.get_or_create(symbol="KP", defaults={"name": "Kancelaria Prezydenta"})[0]


def templates(actor: Any) -> tuple[Any, Any]:
    """The certificate's and the refusal's templates, and the office's register to number them in."""
    from associations.demo import define_templates

    archive.ensure_shipped_classes()
    office_unit()
    return define_templates(actor, mayor())


def version(**fields: Any) -> AssociationVersion:
    values: dict[str, Any] = {
        "name": "Stowarzyszenie Miłośników Parku Zdrojowego",
        "goals": "Ochrona zieleni miejskiej.",
        "territory": "Miasto Przykładowo",
        "means_of_action": "Spacery edukacyjne.",
        "seat_address": "ul. Parkowa 4, 00-001 Miasto Przykładowo",
        "representation": "representative",
        "representatives": "Anna Nowak – przedstawiciel",
    }
    values.update(fields)
    return AssociationVersion(**values)


def application(
    actor: Any, *, received_on: dt.date | None = None, founders: int = 3, **fields: Any
) -> OrdinaryAssociation:
    """An application received today (or on ``received_on``) with ``founders`` founders."""
    contact = ContactFactory(
        name=fields.get("name", "Stowarzyszenie Miłośników Parku Zdrojowego"), street="ul. Kwiatowa 1"
    )
    association = register.register_application(
        actor=actor,
        association=OrdinaryAssociation(contact=contact, received_on=received_on or timezone.localdate()),
        version=version(**fields),
    )
    for n in range(founders):
        register.add_founder(
            actor=actor,
            association=association,
            name=f"Założyciel {n}",
            residence=PRIVATE_RESIDENCE,
            pesel=PRIVATE_PESEL,
        )
    return association


def checked(actor: Any, **fields: Any) -> OrdinaryAssociation:
    association = application(actor, **fields)
    return register.record_check(actor=actor, association=association, **{key: True for key, _label in CHECKLIST})


def entered(actor: Any, *, entered_on: dt.date | None = None, **fields: Any) -> OrdinaryAssociation:
    """An association entered in the register (received and entered ``entered_on``, today by default)."""
    day = entered_on or timezone.localdate()
    association = checked(actor, received_on=fields.pop("received_on", day), **fields)
    register.enter(actor=actor, association=association, entered_on=day)
    return OrdinaryAssociation.objects.select_related("current").get(pk=association.pk)


def organisation(actor: Any, **fields: Any) -> KrsOrganisation:
    values: dict[str, Any] = {
        "krs_number": "0000123456",
        "legal_form": "foundation",
        "name": "Fundacja Pomocy Dzieciom „Promyk”",
        "seat_address": "ul. Słoneczna 2, 00-001 Miasto Przykładowo",
        "registered_on": dt.date(2015, 5, 4),
    }
    values.update(fields)
    return krs_services.save_organisation(actor=actor, organisation=KrsOrganisation(**values))


def membership(actor: Any, **fields: Any) -> Membership:
    values: dict[str, Any] = {
        "organisation": "Związek Miast Polskich",
        "kind": "association",
        "member_since": dt.date(1991, 6, 1),
        "resolution_number": "IV/40/1991",
        "resolution_on": dt.date(1991, 4, 10),
        "resolution_text": "§ 1. Przystępuje się do Związku Miast Polskich.",
        "yearly_fee": "18400.00",
        "representatives": "Prezydent Miasta – delegat",
    }
    values.update(fields)
    return membership_services.save_membership(actor=actor, membership=Membership(**values))


def letter_templates_for(source: str) -> Any:
    return letter_services.templates_for(source)
