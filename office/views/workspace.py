"""The secretariat's workspace: one page per office holder, for the holder and their secretaries.

Its sections come from the registry (kind ``workspace``, called with the holder): the calendar's
coming days and waiting meeting requests, the letters awaiting the holder's decree, the matters
they handed out, the visitors expected today — each app adds its own.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from office.contributions import registry
from office.models import OfficeHolder


def served_holders(user: object) -> list[OfficeHolder]:
    """The office holders whose workspace ``user`` opens: themselves, those whose secretariat they
    run; every active one for an administrator."""
    holders = OfficeHolder.objects.filter(is_active=True).order_by("order", "last_name")
    if getattr(user, "is_superuser", False):
        return list(holders)
    return list(holders.filter(Q(user=user) | Q(memberships__user=user)).distinct())


@require_GET
@login_required
def workspace(request: HttpRequest, holder_id: int | None = None) -> HttpResponse:
    holders = served_holders(request.user)
    if holder_id is None:
        if not holders:
            raise Http404
        return redirect("office:workspace_of", holders[0].pk)
    holder = next((h for h in holders if h.pk == holder_id), None)
    if holder is None:
        raise Http404
    sections = registry.collect("workspace", request.user, holder=holder)
    return render(request, "office/workspace.html", {"holder": holder, "holders": holders, "sections": sections})
