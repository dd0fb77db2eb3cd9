"""Filters of the lists of trips, partners and delegations."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from calendar_app.travel.models import Country, Delegation, DelegationStatus, PartnerCity, Trip, TripStatus


class TripFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=TripStatus.choices)
    foreign = django_filters.BooleanFilter(label=_("Foreign"), field_name="country", lookup_expr="isnull", exclude=True)
    country = django_filters.ModelChoiceFilter(label=_("Country"), queryset=Country.objects.all())
    year = django_filters.NumberFilter(label=_("Year"), field_name="year", min_value=2000, max_value=2199)
    unsettled = django_filters.BooleanFilter(label=_("returned, not settled"), method="filter_unsettled")

    class Meta:
        model = Trip
        fields: list[str] = []

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(
            Q(purpose__icontains=value)
            | Q(destination__icontains=value)
            | Q(travellers__holder__last_name__icontains=value)
            | Q(travellers__user__last_name__icontains=value)
        ).distinct()

    def filter_unsettled(self, queryset: QuerySet, name: str, value: Any) -> QuerySet:
        if not value:
            return queryset
        return queryset.filter(
            status=TripStatus.APPROVED, returns_at__lte=timezone.now(), travellers__settlement__isnull=True
        ).distinct()


class PartnerFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), field_name="name", lookup_expr="icontains")
    country = django_filters.ModelChoiceFilter(label=_("Country"), queryset=Country.objects.all())
    is_active = django_filters.BooleanFilter(label=_("Active"))

    class Meta:
        model = PartnerCity
        fields: list[str] = []


class DelegationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), field_name="name", lookup_expr="icontains")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=DelegationStatus.choices)
    partner = django_filters.ModelChoiceFilter(label=_("Partner"), queryset=PartnerCity.objects.all())

    class Meta:
        model = Delegation
        fields: list[str] = []
