"""Who sees and changes civic participation.

The NGO officer (``ngo_officer``) keeps everything here: the ``view``/``add``/``change``
permissions of every model. Management and auditors read (``view``). There is no record scope
beside the permission: a record that does not exist is 404, a page without the permission 403.
Unit liaisons see a citizen-budget project only through the verification assignment in their
inbox (the core's pages); the public sees the public pages only.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Model, QuerySet
from django.http import Http404

from office.access import require


def perm(action: str, model: str) -> str:
    return f"participation.{action}_{model}"


def get_for_user(user: Any, queryset: QuerySet, pk: Any, permission: str) -> Model:
    """The record, 403 without ``permission``, 404 when it does not exist."""
    require(user.has_perm(permission))
    try:
        return queryset.get(pk=pk)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def loader(queryset_factory: Any, model: str, action: str = "view") -> Any:
    """A ``load(request, pk)`` for an ActionSet or an Editor: the record with the permission."""
    return lambda request, pk: get_for_user(request.user, queryset_factory(), pk, perm(action, model))


__all__ = ["get_for_user", "loader", "perm", "require"]
