"""The filters of the application list."""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from patronage.models import (
    UNDECIDED,
    Application,
    ApplicationStatus,
    Cooperation,
    CooperationKind,
    HonoraryTitle,
    Reach,
    TitleKind,
    TitleStatus,
)


class ApplicationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Event, place or organiser"), method="filter_q")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ApplicationStatus.choices, empty_label=_("any"))
    reach = django_filters.ChoiceFilter(label=_("Reach"), choices=Reach.choices, empty_label=_("any"))
    year = django_filters.NumberFilter(label=_("Year"), field_name="year", min_value=2000, max_value=2199)
    undecided = django_filters.BooleanFilter(
        label=_("Only waiting for the decision"), method="filter_undecided", widget=forms.CheckboxInput
    )
    report_overdue = django_filters.BooleanFilter(
        label=_("Only reports overdue"), method="filter_report_overdue", widget=forms.CheckboxInput
    )

    class Meta:
        model = Application
        fields: list[str] = []

    def filter_q(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        value = value.strip()
        if not value:
            return qs
        return qs.filter(
            Q(event_name__icontains=value) | Q(place__icontains=value) | Q(organiser__name__icontains=value)
        )

    def filter_undecided(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        return qs.filter(status__in=UNDECIDED) if value else qs

    def filter_report_overdue(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        if not value:
            return qs
        return qs.filter(status=ApplicationStatus.GRANTED, report_due_on__lt=timezone.localdate())


class TitleFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Nominee or proposer"), method="filter_q")
    kind = django_filters.ChoiceFilter(label=_("Title"), choices=TitleKind.choices, empty_label=_("any"))
    status = django_filters.ChoiceFilter(label=_("Status"), choices=TitleStatus.choices, empty_label=_("any"))

    class Meta:
        model = HonoraryTitle
        fields: list[str] = []

    def filter_q(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        value = value.strip()
        return qs.filter(Q(nominee__name__icontains=value) | Q(proposed_by__icontains=value)) if value else qs


class CooperationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Name or partner"), method="filter_q")
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=CooperationKind.choices, empty_label=_("any"))
    year = django_filters.NumberFilter(label=_("Year"), field_name="starts_on__year", min_value=2000, max_value=2199)

    class Meta:
        model = Cooperation
        fields: list[str] = []

    def filter_q(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        value = value.strip()
        return qs.filter(Q(name__icontains=value) | Q(partner__name__icontains=value)) if value else qs
