"""Who sees and changes the registers of associations.

The NGO officer keeps every register (view, add, change of every model); management, auditors and
the secretariat read them; nobody else sees them (403: there is no record scope, only the
permission). The public sees only the public register (views/public.py), which reads nothing
but the columns the law publishes."""

from __future__ import annotations

from typing import Any

from django.db.models import Model
from django.http import Http404

from office.access import require

VIEW = "associations.view_ordinaryassociation"
ADD = "associations.add_ordinaryassociation"
CHANGE = "associations.change_ordinaryassociation"
VIEW_KRS = "associations.view_krsorganisation"
ADD_KRS = "associations.add_krsorganisation"
CHANGE_KRS = "associations.change_krsorganisation"
VIEW_CASE = "associations.view_supervisioncase"
ADD_CASE = "associations.add_supervisioncase"
CHANGE_CASE = "associations.change_supervisioncase"
VIEW_OPINION = "associations.view_courtopinion"
ADD_OPINION = "associations.add_courtopinion"
CHANGE_OPINION = "associations.change_courtopinion"
VIEW_REPORT = "associations.view_foundationreport"
ADD_REPORT = "associations.add_foundationreport"
VIEW_MEMBERSHIP = "associations.view_membership"
ADD_MEMBERSHIP = "associations.add_membership"
CHANGE_MEMBERSHIP = "associations.change_membership"


def get_for_user(model: type[Model], user: Any, permission: str, pk: Any, *related: str) -> Any:
    """The record, 404 when it does not exist, 403 without ``permission``."""
    require(user.has_perm(permission))
    try:
        return model._default_manager.select_related(*related).get(pk=pk)
    except (model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def editable(model: type[Model], view: str, change: str, *related: str) -> Any:
    """A loader for an edit page: the record as ``get_for_user`` gives it, 403 without ``change``."""

    def load(request: Any, pk: Any) -> Any:
        record = get_for_user(model, request.user, view, pk, *related)
        require(request.user.has_perm(change))
        return record

    return load
