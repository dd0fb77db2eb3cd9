"""The authentication backend of local accounts: Django's ModelBackend whose answer to "which
permissions has this user" is kept between requests (office.services.freshness), so a page asks
the database for the user's row only, not for their groups' permissions each time.

A change of a group's permissions, of a user's groups or own permissions (``migrate`` re-ensuring
the roles, the admin, a directory login setting the groups) moves the freshness generation on, and
the next request reads them again.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend

from office.services import freshness


class OfficeModelBackend(ModelBackend):
    def get_all_permissions(self, user_obj: Any, obj: Any = None) -> set[str]:
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            user_obj._perm_cache = freshness.remember(
                "permissions", user_obj, lambda: super(OfficeModelBackend, self).get_all_permissions(user_obj)
            )
        return user_obj._perm_cache
