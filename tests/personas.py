"""One user per role of office/roles.py, shared by every test.

Keys: the role keys of the registry (``registry.roles()``) plus ``superuser`` (is_superuser),
``outsider_liaison`` (the liaison of another unit, WIN) and ``anonymous``.
The liaison's unit is WOK; the outsider's unit is WIN.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser, Group

from office.contributions import registry
from office.models import OrgUnit
from tests.factories import OrgUnitFactory, UserFactory

WOK = "WOK"
WIN = "WIN"
UNIT_NAMES = {WOK: "Wydział Organizacyjny – łączność", WIN: "Wydział Inwestycji"}

ROLE_KEYS = [role.key for role in registry.roles()]
PERSONAS = [
    "administrator",
    "superuser",
    "secretariat",
    "press_officer",
    "office_staff",
    "management",
    "unit_liaison",
    "outsider_liaison",
    "auditor",
    "council_officer",
    "ngo_officer",
    "travel_officer",
    "finance_reader",
    "anonymous",
]
AUTHENTICATED = [key for key in PERSONAS if key != "anonymous"]

_NAMES = {
    "administrator": ("Adam", "Administracyjny"),
    "superuser": ("Sylwia", "Superużytkownik"),
    "secretariat": ("Sabina", "Sekretarska"),
    "press_officer": ("Piotr", "Prasowy"),
    "office_staff": ("Katarzyna", "Kancelaryjna"),
    "management": ("Marek", "Prezydencki"),
    "unit_liaison": ("Łucja", "Łącznikowa"),
    "outsider_liaison": ("Witold", "Inwestycyjny"),
    "auditor": ("Aldona", "Audytorska"),
    "council_officer": ("Radosław", "Radziecki"),
    "ngo_officer": ("Nina", "Pozarządowa"),
    "travel_officer": ("Tomasz", "Podróżny"),
    "finance_reader": ("Filomena", "Finansowa"),
}


def ensure_units() -> dict[str, OrgUnit]:
    return {symbol: OrgUnitFactory(symbol=symbol, name=name) for symbol, name in UNIT_NAMES.items()}


def create_persona(key: str, units: dict[str, OrgUnit] | None = None) -> Any:
    """The persona ``key``: a saved user in the role's group, or an AnonymousUser."""
    if key == "anonymous":
        return AnonymousUser()
    if key not in _NAMES:
        raise KeyError(f"Unknown persona {key!r}; use one of {PERSONAS}")
    units = units or ensure_units()
    first, last = _NAMES[key]
    fields: dict[str, Any] = {"username": key, "first_name": first, "last_name": last}
    role_key = {"outsider_liaison": "unit_liaison", "superuser": None}.get(key, key)
    if key == "superuser":
        fields.update(is_staff=True, is_superuser=True)
    elif key == "administrator":
        fields.update(is_staff=True, is_superuser=False)
    if key == "unit_liaison":
        fields["unit"] = units[WOK]
    elif key == "outsider_liaison":
        fields["unit"] = units[WIN]
    groups = [Group.objects.get(name=registry.role(role_key).group)] if role_key else []
    return UserFactory(groups=groups, **fields)


def create_all(units: dict[str, OrgUnit] | None = None) -> dict[str, Any]:
    units = units or ensure_units()
    return {key: create_persona(key, units) for key in PERSONAS}
