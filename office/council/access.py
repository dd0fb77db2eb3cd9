"""Who sees and changes the council's records.

The council officer keeps everything (``council.view_*``, ``add_*``, ``change_*``); management,
the secretariat and auditors read; management (the mayor and the deputies) approves answers to
interpellations (``council.approve_answer``). Units see an interpellation only through the
assignment in their inbox. There is no record scope inside the registers: without the permission
to read a register its pages are 403, a record that does not exist is 404.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Model
from django.http import Http404

from office.access import require

APPROVE = "council.approve_answer"


def perm(action: str, model: type[Model] | str) -> str:
    name = model if isinstance(model, str) else model._meta.model_name
    return f"council.{action}_{name}"


def get_for_user(user: Any, model: type[Model], pk: Any, *related: str, change: bool = False) -> Any:
    """The record, 404 when it does not exist; 403 without the right to read (or change) the register."""
    require(user.has_perm(perm("view", model)))
    if change:
        require(user.has_perm(perm("change", model)))
    try:
        return model.objects.select_related(*related).get(pk=pk)
    except (model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
