"""Filters of the registers' lists."""

from __future__ import annotations

import datetime as dt
from typing import Any

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from office.models import OrgUnit
from office.registers.models import Agreement, AgreementStatus, CulturalInstitution, InstitutionKind


class AgreementFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Number, subject or party"), method="filter_q")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=AgreementStatus.choices, empty_label=_("any"))
    unit = django_filters.ModelChoiceFilter(
        label=_("Unit in charge"),
        queryset=OrgUnit.objects.filter(is_active=True).order_by("symbol"),
        empty_label=_("any"),
    )
    ending = django_filters.BooleanFilter(
        label=_("Ending within 90 days"), method="filter_ending", widget=forms.CheckboxInput
    )

    class Meta:
        model = Agreement
        fields: list[str] = []

    def filter_q(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        value = value.strip()
        if not value:
            return qs
        parties = Agreement.parties.through.objects.filter(contact__name__icontains=value).values("agreement_id")
        return qs.filter(Q(number__icontains=value) | Q(subject__icontains=value) | Q(pk__in=parties))

    def filter_ending(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        if not value:
            return qs
        today = timezone.localdate()
        return qs.filter(
            status=AgreementStatus.IN_FORCE, ends_on__gte=today, ends_on__lte=today + dt.timedelta(days=90)
        )


class InstitutionFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Name"), method="filter_q")
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=InstitutionKind.choices, empty_label=_("any"))

    class Meta:
        model = CulturalInstitution
        fields: list[str] = []

    def filter_q(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        value = value.strip()
        return qs.filter(Q(name__icontains=value) | Q(short_name__icontains=value)) if value else qs
