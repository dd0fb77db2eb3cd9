"""Roles: groups with exactly their permissions, made idempotently."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import Group, Permission

from office.contributions import registry
from office.roles import ensure_roles, user_roles

ROLES = registry.roles()
ROLES_BY_KEY = {role.key: role for role in ROLES}

pytestmark = pytest.mark.django_db


def permission_names(group: Group) -> set[str]:
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}


def test_every_role_has_its_group() -> None:
    assert set(Group.objects.values_list("name", flat=True)) >= {role.group for role in ROLES}
    assert len({role.key for role in ROLES}) == len(ROLES) >= 7


def test_each_group_gets_exactly_its_permissions() -> None:
    for role in ROLES:
        group = Group.objects.get(name=role.group)
        if role.all_permissions:
            assert group.permissions.count() == Permission.objects.count()
        else:
            assert permission_names(group) == registry.role_permissions(role.key), role.key


def test_core_permissions_of_some_roles() -> None:
    liaison = permission_names(Group.objects.get(name=ROLES_BY_KEY["unit_liaison"].group))
    assert "office.answer_assignment" in liaison
    assert "office.view_all_assignments" not in liaison
    auditor = permission_names(Group.objects.get(name=ROLES_BY_KEY["auditor"].group))
    assert all(name.split(".")[1].startswith("view_") for name in auditor), auditor


def test_ensure_roles_is_idempotent_and_repairs_groups() -> None:
    before = {g.name: permission_names(g) for g in Group.objects.all()}
    auditors = Group.objects.get(name=ROLES_BY_KEY["auditor"].group)
    auditors.permissions.add(Permission.objects.get(codename="delete_contact"))  # granted by hand
    Group.objects.get(name=ROLES_BY_KEY["press_officer"].group).delete()  # deleted by hand
    ensure_roles()
    ensure_roles()
    after = {g.name: permission_names(g) for g in Group.objects.all()}
    assert after == before
    assert Group.objects.filter(name__in=[r.group for r in ROLES]).count() == len(ROLES)


def test_an_unknown_permission_raises() -> None:
    saved = registry.role_permissions("auditor")
    registry.grant("auditor", ["office.no_such_permission", "nowhere.view_thing"])
    try:
        with pytest.raises(LookupError) as caught:
            ensure_roles()
        assert "office.no_such_permission" in str(caught.value)
        assert "nowhere.view_thing" in str(caught.value)
    finally:
        registry._grants["auditor"] = saved


def test_user_roles(persona: Any) -> None:
    assert [role.key for role in user_roles(persona("unit_liaison"))] == ["unit_liaison"]
    assert [role.key for role in user_roles(persona("outsider_liaison"))] == ["unit_liaison"]
    assert user_roles(persona("superuser")) == []
