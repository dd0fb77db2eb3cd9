"""Directory login settings, read from ``LDAP_*`` environment variables (imported by the
settings module, so nothing here touches models). See ``office.directory.backend``."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ImproperlyConfigured

from office.conf import Env

BACKEND = "office.directory.backend.DirectoryBackend"
GROUP_TYPES = ("active_directory", "group_of_names", "posix")


def parse_role_groups(value: str) -> dict[str, tuple[str, ...]]:
    """``role=DN;role=DN`` (a role may be named more than once) → {role: (dn, ...)}.

    Distinguished names contain commas and equals signs, so entries are separated by ``;`` and
    only the first ``=`` of an entry separates the role from the DN.
    """
    mapping: dict[str, list[str]] = {}
    for entry in value.split(";"):
        entry = entry.strip()
        if not entry:
            continue
        role, sep, dn = entry.partition("=")
        if not sep or not role.strip() or not dn.strip():
            raise ImproperlyConfigured(
                f"LDAP_ROLE_GROUPS entry {entry!r} is not role=group-DN (entries are separated by ';')."
            )
        mapping.setdefault(role.strip(), []).append(dn.strip())
    return {role: tuple(dns) for role, dns in mapping.items()}


def settings_from_env(env: Env) -> dict[str, Any]:
    """The ``AUTH_LDAP_*`` settings (and the office's ``LDAP_*`` ones), or {} when directory
    login is not configured."""
    uri = env.optional("LDAP_SERVER_URI")
    if not uri:
        return {}
    if not uri.startswith(("ldap://", "ldaps://")):
        raise ImproperlyConfigured("LDAP_SERVER_URI must start with ldap:// or ldaps://.")
    try:
        import ldap
        from django_auth_ldap import config
    except ImportError:
        raise ImproperlyConfigured(
            "LDAP_SERVER_URI is set but django-auth-ldap is not installed: install requirements-ldap.lock "
            "(it builds python-ldap, which needs the packages libldap2-dev and libsasl2-dev)."
        ) from None

    group_type = env.str("LDAP_GROUP_TYPE", "active_directory", choices=GROUP_TYPES)
    default_user_filter = "(sAMAccountName=%(user)s)" if group_type == "active_directory" else "(uid=%(user)s)"
    default_group_filter = {
        "active_directory": "(objectClass=group)",
        "group_of_names": "(objectClass=groupOfNames)",
        "posix": "(objectClass=posixGroup)",
    }[group_type]
    group_classes = {
        "active_directory": config.NestedActiveDirectoryGroupType,
        "group_of_names": config.GroupOfNamesType,
        "posix": config.PosixGroupType,
    }
    timeout = env.int("LDAP_TIMEOUT_SECONDS", 5, minimum=1, maximum=60)
    values: dict[str, Any] = {
        "AUTH_LDAP_SERVER_URI": uri,
        "AUTH_LDAP_START_TLS": env.bool("LDAP_START_TLS", False),
        "AUTH_LDAP_BIND_DN": env.str("LDAP_BIND_DN", ""),
        "AUTH_LDAP_BIND_PASSWORD": env.str("LDAP_BIND_PASSWORD", ""),
        "AUTH_LDAP_USER_SEARCH": config.LDAPSearch(
            env.str("LDAP_USER_SEARCH_BASE"), ldap.SCOPE_SUBTREE, env.str("LDAP_USER_FILTER", default_user_filter)
        ),
        "AUTH_LDAP_GROUP_SEARCH": config.LDAPSearch(
            env.str("LDAP_GROUP_SEARCH_BASE", env.str("LDAP_USER_SEARCH_BASE")),
            ldap.SCOPE_SUBTREE,
            env.str("LDAP_GROUP_FILTER", default_group_filter),
        ),
        "AUTH_LDAP_GROUP_TYPE": group_classes[group_type](),
        "AUTH_LDAP_USER_ATTR_MAP": {
            "first_name": env.str("LDAP_ATTR_FIRST_NAME", "givenName"),
            "last_name": env.str("LDAP_ATTR_LAST_NAME", "sn"),
            "email": env.str("LDAP_ATTR_EMAIL", "mail"),
        },
        "AUTH_LDAP_ALWAYS_UPDATE_USER": True,
        "AUTH_LDAP_FIND_GROUP_PERMS": False,
        "AUTH_LDAP_CONNECTION_OPTIONS": {
            ldap.OPT_NETWORK_TIMEOUT: timeout,
            ldap.OPT_TIMEOUT: timeout,
            ldap.OPT_REFERRALS: 0,
        },
        "LDAP_ROLE_GROUPS": parse_role_groups(env.str("LDAP_ROLE_GROUPS", "")),
        "LDAP_UNIT_ATTRIBUTE": env.str("LDAP_UNIT_ATTRIBUTE", "department"),
    }
    ca_file = env.optional("LDAP_CA_CERT_FILE")
    if ca_file:
        values["AUTH_LDAP_GLOBAL_OPTIONS"] = {ldap.OPT_X_TLS_CACERTFILE: ca_file, ldap.OPT_X_TLS_NEWCTX: 0}
    if not values["LDAP_ROLE_GROUPS"]:
        raise ImproperlyConfigured("LDAP_ROLE_GROUPS is required with LDAP_SERVER_URI: role=group-DN;role=group-DN")
    return values
