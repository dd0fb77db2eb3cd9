"""The rate tables (domestic per diem, foreign per diem and hotel limits, rates per km) and
adding a rate (the settlement's form links here when one is missing)."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from calendar_app.travel import access
from calendar_app.travel.forms import DomesticRateForm, ForeignRateForm
from calendar_app.travel.models import Country, DomesticRate, ForeignRate, KmRate
from calendar_app.travel.services import rates as services
from office.kit import Editor

RATES = ("travel:rate_list", gettext_lazy("Rates"))


@require_GET
@login_required
@permission_required(access.VIEW_RATES, raise_exception=True)
def rate_list(request: HttpRequest) -> HttpResponse:
    context = {
        "domestic": DomesticRate.objects.all(),
        "foreign": ForeignRate.objects.select_related("country"),
        "km": KmRate.objects.all(),
    }
    return render(request, "travel/rates.html", context)


def _day(request: HttpRequest) -> dt.date | None:
    try:
        return dt.date.fromisoformat(request.GET.get("valid_from", ""))
    except ValueError:
        return None


def _new_foreign(request: HttpRequest) -> ForeignRate:
    country = (
        Country.objects.filter(pk=request.GET.get("country", "")).first()
        if request.GET.get("country", "").isdigit()
        else None
    )
    return ForeignRate(country=country, valid_from=_day(request))


DOMESTIC_EDITOR = Editor(
    form=DomesticRateForm,
    save=lambda request, form: services.save_domestic_rate(actor=request.user, rate=form.save(commit=False)),
    success=gettext_lazy("The rate was saved."),
    detail=lambda rate: reverse("travel:rate_list"),
    listing=RATES,
    titles=(gettext_lazy("New domestic rate"), gettext_lazy("Change %(record)s")),
)
domestic_rate_create = DOMESTIC_EDITOR.create_view(
    permission="travel.add_domesticrate", new=lambda request: DomesticRate(valid_from=_day(request))
)
FOREIGN_EDITOR = Editor(
    form=ForeignRateForm,
    save=lambda request, form: services.save_foreign_rate(actor=request.user, rate=form.save(commit=False)),
    success=gettext_lazy("The rate was saved."),
    detail=lambda rate: reverse("travel:rate_list"),
    listing=RATES,
    titles=(gettext_lazy("New foreign rate"), gettext_lazy("Change %(record)s")),
)
foreign_rate_create = FOREIGN_EDITOR.create_view(permission="travel.add_foreignrate", new=_new_foreign)
