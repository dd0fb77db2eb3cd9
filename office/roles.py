"""Roles: Django groups with permissions, created and updated idempotently.

The core's permissions per role are below; feature apps add theirs through
``registry.add_role_permissions`` in their contributions.py. ``ensure_roles`` runs after
every ``migrate`` and from ``manage.py ensure_roles``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from office.contributions import registry


@dataclass(frozen=True)
class Role:
    key: str
    group: str  # the group's name, as administrators see it
    label: Any
    description: Any


ADMINISTRATOR = Role(
    "administrator",
    "Administrator",
    _("Administrator"),
    _("Manages users, roles, dictionaries and every record, also in the admin panel."),
)
SECRETARIAT = Role(
    "secretariat",
    "Sekretariat",
    _("Secretariat"),
    _("Runs the secretariats of the office holders: calendars, matters, follow-up of decisions."),
)
PRESS_OFFICER = Role(
    "press_officer",
    "Biuro prasowe",
    _("Press officer"),
    _("Handles media inquiries, publications, releases and conferences."),
)
OFFICE_STAFF = Role(
    "office_staff",
    "Pracownik kancelarii",
    _("Office staff"),
    _("Handles patronages, ceremonies, correspondence, associations and registers."),
)
MANAGEMENT = Role(
    "management", "Kierownictwo", _("Management"), _("The mayor and deputies: read everything, approve and decide.")
)
UNIT_LIAISON = Role(
    "unit_liaison",
    "Łącznik jednostki",
    _("Unit liaison"),
    _("Sees and answers only the assignments of their own unit."),
)
AUDITOR = Role("auditor", "Audytor", _("Auditor"), _("Reads everything, changes nothing."))

ROLES = [ADMINISTRATOR, SECRETARIAT, PRESS_OFFICER, OFFICE_STAFF, MANAGEMENT, UNIT_LIAISON, AUDITOR]
ROLES_BY_KEY = {role.key: role for role in ROLES}

_STAFF_CORE = [
    "office.view_contact",
    "office.add_contact",
    "office.change_contact",
    "office.view_tag",
    "office.add_tag",
    "office.view_orgunit",
    "office.view_officeholder",
    "office.view_assignment",
    "office.add_assignment",
    "office.change_assignment",
    "office.manage_assignment",
    "office.add_attachment",
]
_READ_ALL_CORE = [
    "office.view_contact",
    "office.view_tag",
    "office.view_orgunit",
    "office.view_officeholder",
    "office.view_assignment",
    "office.view_all_assignments",
    "office.view_all_units",
    "office.view_deadlinerule",
    "office.view_auditentry",
]

registry.add_role_permissions(
    SECRETARIAT.key,
    [
        *_STAFF_CORE,
        "office.merge_contact",
        "office.view_all_assignments",
        "office.view_all_units",
    ],
)
registry.add_role_permissions(PRESS_OFFICER.key, _STAFF_CORE)
registry.add_role_permissions(OFFICE_STAFF.key, [*_STAFF_CORE, "office.merge_contact"])
registry.add_role_permissions(
    MANAGEMENT.key, [*_READ_ALL_CORE, "office.manage_assignment", "office.add_assignment", "office.add_attachment"]
)
registry.add_role_permissions(
    UNIT_LIAISON.key,
    [
        "office.view_contact",
        "office.view_orgunit",
        "office.view_officeholder",
        "office.view_assignment",
        "office.answer_assignment",
        "office.add_attachment",
    ],
)
registry.add_role_permissions(AUDITOR.key, _READ_ALL_CORE)


def _permissions(names: set[str]) -> list[Permission]:
    wanted = {tuple(name.split(".", 1)) for name in names}
    found = [
        perm
        for perm in Permission.objects.select_related("content_type")
        if (perm.content_type.app_label, perm.codename) in wanted
    ]
    missing = wanted - {(p.content_type.app_label, p.codename) for p in found}
    if missing:
        raise LookupError(f"Unknown permissions in roles: {sorted('.'.join(m) for m in missing)}")
    return found


@transaction.atomic
def ensure_roles() -> list[Group]:
    """Create the role groups and set exactly their permissions (idempotent)."""
    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    groups = []
    for role in ROLES:
        group, _created = Group.objects.get_or_create(name=role.group)
        if role is ADMINISTRATOR:
            group.permissions.set(Permission.objects.all())
        else:
            group.permissions.set(_permissions(registry.role_permissions(role.key)))
        groups.append(group)
    return groups


def ensure_roles_after_migrate(sender: Any, **kwargs: Any) -> None:
    # Permissions of every app exist only after the last app's post_migrate; run once, then.
    configs = [c for c in global_apps.get_app_configs() if c.models_module is not None]
    if configs and sender.label == configs[-1].label:
        ensure_roles()


def user_roles(user: Any) -> list[Role]:
    names = {group.name for group in user.groups.all()}
    return [role for role in ROLES if role.group in names]
