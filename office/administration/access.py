"""Who sees and changes the office's own administration (see docs/apps/administration.md).

- Budget lines, their commitments and execution (``view_budgetline``): office staff keep them
  (add and change lines, change the plan, enter execution and commitments, import the finance
  system's spreadsheet); the secretariat, management, auditors and finance readers read them.
- Small procurements (``view_procurement``): office staff and the secretariat register them;
  management, auditors and finance readers read them.
- Paid announcements, promotion undertakings, press-material requests: office staff, the
  secretariat and press officers keep them; management reads them.
- The social fund (``handle_social_fund``): the person in charge alone, given the permission by
  an administrator; to anyone else the register does not exist (404, management included).

Without the permission to read a register a page answers 403 (there is no record scope, only
the permission), except the social fund's, which answers 404.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Group, Permission
from django.db.models import Model, Q
from django.http import Http404

from office.access import require
from office.administration.models.social import HANDLE
from office.contributions import registry

__all__ = ["HANDLE", "get_record", "require", "social_fund_visible"]


def get_record(model: type[Model], user: Any, permission: str, pk: Any, *related: str) -> Any:
    """The record, 404 when it does not exist, 403 without ``permission``."""
    require(user.has_perm(permission))
    try:
        return model._default_manager.select_related(*related).get(pk=pk)
    except (model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def social_fund_visible(user: Any) -> bool:
    """Whether ``user`` keeps the social fund: the permission given to them (or to a group of
    theirs) on purpose. A blanket grant does not count — a superuser's every permission, a role
    holding all permissions (the administrator's) — so the register stays private until an
    administrator assigns it, to someone else or, visibly in the audited admin, to themselves.
    Decided once per user object (no query for the many who lack the permission at all)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    cached = getattr(user, "_social_fund_visible", None)
    if cached is None:
        cached = user.has_perm(HANDLE) and _assigned(user)
        user._social_fund_visible = cached
    return cached


def _assigned(user: Any) -> bool:
    app_label, codename = HANDLE.split(".")
    mine = Q(content_type__app_label=app_label, codename=codename)
    if user.user_permissions.filter(mine).exists():
        return True
    blanket = [role.group for role in registry.roles() if role.all_permissions]
    return (
        Group.objects.filter(user=user, permissions__in=Permission.objects.filter(mine))
        .exclude(name__in=blanket)
        .exists()
    )


def require_social_fund(user: Any) -> None:
    """404 for anyone but the person in charge: the register is not even admitted to exist."""
    if not social_fund_visible(user):
        raise Http404
