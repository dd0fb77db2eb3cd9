"""Logging in with the city hall's directory account (Active Directory or OpenLDAP).

``django-auth-ldap`` does the directory work: it finds the user with the configured search,
binds as that user with the typed password, and reads the user's groups. This module adds what
the office needs on top of it:

- the settings, read from ``LDAP_*`` environment variables (``settings_from_env``); without
  ``LDAP_SERVER_URI`` directory login is off and the package need not even be installed;
- directory groups mapped to the office's roles (``LDAP_ROLE_GROUPS``), applied at every login,
  so a change in the directory reaches the office at the user's next login; a directory account
  in none of the mapped groups is refused;
- the user's unit from a directory attribute (``LDAP_UNIT_ATTRIBUTE``, matched against the
  unit's symbol or name);
- a directory that cannot be reached is told apart from a wrong password, so the login page can
  say so, while local accounts (the administrator's) keep working through ``ModelBackend``.

Accounts made from the directory have no usable local password: they log in only through it.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.db.models import Q

logger = logging.getLogger(__name__)

#: set on the request when the directory did not answer during this login attempt
UNREACHABLE_FLAG = "_directory_unreachable"
#: set on the request when the directory knew the user but none of their groups gives a role
NO_ROLE_FLAG = "_directory_no_role"


def roles_of(group_dns: set[str]) -> list[str]:
    """The role keys whose mapped groups the user is a member of (DNs compared case-blind)."""
    member_of = {dn.lower() for dn in group_dns}
    mapping: dict[str, tuple[str, ...]] = getattr(settings, "LDAP_ROLE_GROUPS", {})
    return [role for role, dns in mapping.items() if any(dn.lower() in member_of for dn in dns)]


@transaction.atomic
def apply_roles(user: Any, role_keys: list[str]) -> None:
    """Make the user's role groups exactly the given roles (other groups are left alone); the
    administrator role opens the admin site."""
    from office.contributions import registry

    declared = {role.key: role.group for role in registry.roles()}
    unknown = sorted(set(role_keys) - set(declared))
    if unknown:
        raise ImproperlyConfigured(f"LDAP_ROLE_GROUPS names roles that are not declared: {', '.join(unknown)}")
    wanted = Group.objects.filter(name__in=[declared[key] for key in role_keys])
    user.groups.remove(*Group.objects.filter(name__in=declared.values()).exclude(pk__in=wanted))
    user.groups.add(*wanted)
    is_staff = "administrator" in role_keys
    if user.is_staff != is_staff and not user.is_superuser:
        user.is_staff = is_staff
        user.save(update_fields=["is_staff"])


def unit_for(value: str | None) -> Any:
    """The active unit whose symbol or name is the directory's value (case-blind), or None."""
    from office.models import OrgUnit

    if not value:
        return None
    value = value.strip()
    return OrgUnit.objects.filter(Q(symbol__iexact=value) | Q(name__iexact=value), is_active=True).first()


try:
    from django_auth_ldap.backend import LDAPBackend, ldap_error
except ImportError:  # directory login not installed: the backend is never configured
    LDAPBackend = object  # type: ignore[assignment,misc]
    ldap_error = None


class DirectoryBackend(LDAPBackend):  # type: ignore[misc,valid-type]
    """django-auth-ldap's backend with the office's roles and units."""

    def authenticate_ldap_user(self, ldap_user: Any, password: str) -> Any:
        user = super().authenticate_ldap_user(ldap_user, password)
        if user is None:
            return None
        if not user.is_active:
            return None
        roles = roles_of(set(ldap_user.group_dns))
        if not roles:
            request = getattr(ldap_user, "_request", None)
            if request is not None:
                setattr(request, NO_ROLE_FLAG, True)
            logger.warning("Directory login refused: %s is in none of LDAP_ROLE_GROUPS", user.username)
            return None
        apply_roles(user, roles)
        # the attributes are python-ldap's case-blind dictionary
        values = (ldap_user.attrs or {}).get(settings.LDAP_UNIT_ATTRIBUTE) or [None]
        unit = unit_for(values[0])
        if unit is not None and user.unit_id != unit.pk:
            user.unit = unit
            user.save(update_fields=["unit"])
        return user


def _note_unreachable(sender: Any, context: str, user: Any, request: Any = None, exception: Any = None, **kw) -> None:
    import ldap

    unreachable = (ldap.SERVER_DOWN, ldap.TIMEOUT, ldap.CONNECT_ERROR)
    if isinstance(exception, unreachable):
        logger.error("The directory server cannot be reached (%s): %s", context, exception)
        if request is not None:
            setattr(request, UNREACHABLE_FLAG, True)


if ldap_error is not None:
    ldap_error.connect(_note_unreachable, dispatch_uid="office.directory.unreachable")
