"""A traveller's settlement: the form (with the rates missing named and linked), the page with
the computation line by line, and its PDF (a job)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from calendar_app.travel import access, computation
from calendar_app.travel.forms import SettlementForm
from calendar_app.travel.models import Settlement, Traveller
from calendar_app.travel.reports import SETTLEMENT_PDF
from calendar_app.travel.services import rates, settlements
from office.kit import Action, ActionSet, edit_record, record_context
from office.services.jobs import start_job


def _initial(traveller: Traveller) -> dict[str, Any]:
    trip = traveller.trip
    return {"started_at": timezone.localtime(trip.departs_at), "ended_at": timezone.localtime(trip.returns_at)}


@require_http_methods(["GET", "POST"])
@login_required
def settlement_edit(request: HttpRequest, pk: int) -> HttpResponse:
    traveller = access.get_traveller(request.user, pk)
    trip = traveller.trip
    access.require(trip.has_returned)
    existing = getattr(traveller, "settlement", None)
    form = SettlementForm(
        request.POST or None,
        instance=existing or Settlement(traveller=traveller),
        initial=None if existing else _initial(traveller),
        foreign=trip.is_foreign,
    )
    missing = rates.missing_rates(
        country=trip.country if trip.is_foreign else None, day=settlements.first_day(traveller)
    )
    trip_url = reverse("travel:trip_detail", args=[trip.pk])
    return edit_record(
        request,
        form,
        save=lambda form: settlements.settle(actor=request.user, traveller=traveller, **form.claim()),
        success=_("The settlement was computed."),
        done_url=lambda settlement: reverse("travel:settlement_detail", args=[settlement.pk]),
        title=_("Settlement of %(name)s") % {"name": traveller},
        cancel_url=trip_url,
        parents=[(reverse("travel:trip_list"), _("Business trips")), (trip_url, trip.reference)],
        template="travel/settlement_form.html",
        context={"missing": missing, "trip": trip, "may_add_rates": request.user.has_perm("travel.add_foreignrate")},
    )


def _detail(request: HttpRequest, settlement: Settlement, bound: dict[str, Any] | None = None) -> HttpResponse:
    try:
        result, error = settlements.computed(settlement), ""
    except computation.SettlementError as failure:
        result, error = None, str(failure)
    context = {
        "settlement": settlement,
        "traveller": settlement.traveller,
        "trip": settlement.traveller.trip,
        "result": result,
        "error": error,
        "can_settle": request.user.has_perm(access.SETTLE),
        **ACTIONS.context(request, settlement, bound),
        **record_context(request, settlement),
    }
    return render(request, "travel/settlement_detail.html", context)


@require_GET
@login_required
def settlement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, access.get_settlement(request.user, pk))


def _pdf(request: HttpRequest, settlement: Settlement, data: dict[str, Any]) -> HttpResponse:
    job = start_job(
        actor=request.user,
        kind=SETTLEMENT_PDF,
        title=_("Settlement %(trip)s · %(name)s")
        % {"trip": settlement.traveller.trip.reference, "name": settlement.traveller},
        params={"settlement_id": settlement.pk},
    )
    return redirect("office:job_detail", job.pk)


ACTIONS = ActionSet(
    "settlement",
    load=lambda request, pk: access.get_settlement(request.user, pk),
    done_url=lambda settlement: reverse("travel:settlement_detail", args=[settlement.pk]),
    redisplay=_detail,
    permission=access.VIEW_SETTLEMENT,
    actions=[Action("pdf", run=_pdf)],
)
