"""Who sees and changes the press office's records.

Every record of the press office is visible to a user holding the model's ``view`` permission
(there is no narrower scope inside the press office); anyone else gets 404 for a record,
so its existence is not revealed. A user who may see but not change gets 403.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404

M = TypeVar("M", bound=models.Model)


def _perm(model: type[models.Model], action: str) -> str:
    return f"{model._meta.app_label}.{action}_{model._meta.model_name}"


def can_view(user: Any, model: type[models.Model]) -> bool:
    return user.is_authenticated and user.has_perm(_perm(model, "view"))


def can_change(user: Any, model: type[models.Model]) -> bool:
    return user.is_authenticated and user.has_perm(_perm(model, "change"))


def get_for_user(user: Any, queryset: models.QuerySet[M], pk: Any, *, change: bool = False) -> M:
    """The record ``pk`` of ``queryset``: 404 without the view permission, 403 without change when asked."""
    model = queryset.model
    if not can_view(user, model):
        raise Http404
    try:
        obj = queryset.get(pk=pk)
    except (model.DoesNotExist, ValueError):
        raise Http404 from None
    if change and not can_change(user, model):
        raise PermissionDenied
    return obj


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied
