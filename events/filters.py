"""The filters of the list of events."""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models import COMING, Answer, Event, EventKind, EventStatus, Gallery, Gift, GiftDirection, Guest, Precedence
from office.kit.widgets import DateInput, QuickSelect
from office.models import OfficeHolder


class EventFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Name or place"), method="filter_q")
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=EventKind.choices, empty_label=_("any"))
    status = django_filters.ChoiceFilter(label=_("Status"), choices=EventStatus.choices, empty_label=_("any"))
    since = django_filters.DateFilter(
        label=_("From"), field_name="starts_at", lookup_expr="date__gte", widget=DateInput()
    )
    until = django_filters.DateFilter(
        label=_("Until"), field_name="starts_at", lookup_expr="date__lte", widget=DateInput()
    )
    coming = django_filters.BooleanFilter(label=_("Only coming"), method="filter_coming", widget=forms.CheckboxInput)

    class Meta:
        model = Event
        fields: list[str] = []

    def filter_q(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        value = value.strip()
        return qs.filter(Q(name__icontains=value) | Q(place__icontains=value)) if value else qs

    def filter_coming(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        return qs.filter(status__in=COMING, ends_at__gte=timezone.now()) if value else qs


class GiftFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Gift, occasion or person"), method="filter_q")
    direction = django_filters.ChoiceFilter(
        label=_("Given or received"), choices=GiftDirection.choices, empty_label=_("both")
    )
    holder = django_filters.ModelChoiceFilter(
        label=_("Office holder"), queryset=OfficeHolder.objects.order_by("order", "last_name"), empty_label=_("any")
    )
    year = django_filters.NumberFilter(label=_("Year"), field_name="on__year", min_value=2000, max_value=2199)

    class Meta:
        model = Gift
        fields: list[str] = []

    def filter_q(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        value = value.strip()
        if not value:
            return qs
        return qs.filter(
            Q(description__icontains=value)
            | Q(occasion__icontains=value)
            | Q(counterpart__name__icontains=value)
            | Q(counterpart_name__icontains=value)
        )


class GuestFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Name, title or organisation"), method="filter_q")
    answer = django_filters.ChoiceFilter(
        label=_("Answer"), choices=Answer.choices, empty_label=_("any"), widget=QuickSelect
    )
    precedence = django_filters.ModelChoiceFilter(
        label=_("Order of precedence"), queryset=Precedence.objects.all(), empty_label=_("any"), widget=QuickSelect
    )
    invited = django_filters.BooleanFilter(
        label=_("Invited"),
        field_name="invited_at",
        lookup_expr="isnull",
        exclude=True,
        widget=forms.Select(choices=[("", _("all")), ("true", _("invited")), ("false", _("not yet invited"))]),
    )

    class Meta:
        model = Guest
        fields: list[str] = []

    def filter_q(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        value = value.strip()
        if not value:
            return qs
        return qs.filter(
            Q(contact__name__icontains=value)
            | Q(capacity__icontains=value)
            | Q(contact__organisation__name__icontains=value)
        )


class GalleryFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Title or what it documents"), method="filter_q")
    is_public = django_filters.BooleanFilter(
        label=_("In the public gallery"),
        widget=forms.Select(choices=[("", _("all")), ("true", _("yes")), ("false", _("no"))]),
    )

    class Meta:
        model = Gallery
        fields: list[str] = []

    def filter_q(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        value = value.strip()
        return qs.filter(Q(title__icontains=value) | Q(record_label__icontains=value)) if value else qs
