"""Roles: Django groups with permissions, created and updated idempotently.

The core declares the office-wide roles and grants them the core's permissions; a feature app
declares its own roles (``registry.add_role``) and grants permissions of its models to any
role (``registry.grant``) in its contributions.py. ``ensure_roles`` runs after every
``migrate`` and from ``manage.py ensure_roles``.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from office.contributions import Role, registry

ADMINISTRATOR = registry.add_role(
    Role(
        "administrator",
        "Administrator",
        _("Administrator"),
        _("Manages users, roles, dictionaries and every record, also in the admin panel."),
        order=0,
        all_permissions=True,
    )
)
SECRETARIAT = registry.add_role(
    Role(
        "secretariat",
        "Sekretariat",
        _("Secretariat"),
        _("Runs the secretariats of the office holders: calendars, matters, follow-up of decisions."),
        order=10,
    )
)
OFFICE_STAFF = registry.add_role(
    Role(
        "office_staff",
        "Pracownik kancelarii",
        _("Office staff"),
        _("Handles patronages, ceremonies, correspondence, associations and registers."),
        order=30,
    )
)
MANAGEMENT = registry.add_role(
    Role(
        "management",
        "Kierownictwo",
        _("Management"),
        _("The mayor and deputies: read everything, approve and decide."),
        order=40,
    )
)
UNIT_LIAISON = registry.add_role(
    Role(
        "unit_liaison",
        "Łącznik jednostki",
        _("Unit liaison"),
        _("Sees and answers only the assignments of their own unit."),
        order=50,
    )
)
AUDITOR = registry.add_role(Role("auditor", "Audytor", _("Auditor"), _("Reads everything, changes nothing."), order=60))

#: Permissions of the core that every role handling matters needs; apps grant them to their own roles.
STAFF_CORE = [
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

registry.grant(
    SECRETARIAT.key,
    [
        *STAFF_CORE,
        "office.merge_contact",
        "office.view_all_assignments",
        "office.view_all_units",
    ],
)
registry.grant(OFFICE_STAFF.key, [*STAFF_CORE, "office.merge_contact"])
registry.grant(
    MANAGEMENT.key, [*_READ_ALL_CORE, "office.manage_assignment", "office.add_assignment", "office.add_attachment"]
)
registry.grant(
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
# the log of reads of personal data is the auditor's (and the administrator's) alone
registry.grant(AUDITOR.key, [*_READ_ALL_CORE, "office.view_personaldataread"])


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
    for role in registry.roles():
        group, _created = Group.objects.get_or_create(name=role.group)
        if role.all_permissions:
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
    return [role for role in registry.roles() if role.group in names]
