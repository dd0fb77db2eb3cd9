"""Filters of the press office's lists (django-filter)."""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from media_relations.models import (
    OPEN_INQUIRY_STATUSES,
    Importance,
    Inquiry,
    InquiryStatus,
    LegalBasis,
    Outlet,
    OutletKind,
    Publication,
    Reach,
    Tone,
)
from office.db import polish

INQUIRY_SORTS = {
    "-received": ("-received_at", "-id"),
    "received": ("received_at", "id"),
    "due": ("due_on", "id"),
    "-due": ("-due_on", "-id"),
}


class OutletFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_q")
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=OutletKind.choices, empty_label=_("any"))
    reach = django_filters.ChoiceFilter(label=_("Reach"), choices=Reach.choices, empty_label=_("any"))

    class Meta:
        model = Outlet
        fields: list[str] = []

    def filter_q(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        return qs.filter(Q(name__icontains=value) | Q(region__icontains=value)) if value else qs


class JournalistFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_q")
    outlet = django_filters.ModelChoiceFilter(
        label=_("Current outlet"),
        queryset=Outlet.objects.order_by(polish("name")),
        method="filter_outlet",
        empty_label=_("any"),
    )
    tag = django_filters.CharFilter(label=_("Tag"), field_name="tags__name", lookup_expr="iexact")

    class Meta:
        model = Outlet
        fields: list[str] = []

    def filter_q(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        return (
            qs.filter(Q(name__icontains=value) | Q(email__icontains=value) | Q(beat__icontains=value)) if value else qs
        )

    def filter_outlet(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        return qs.filter(employments__outlet=value, employments__ended_on__isnull=True) if value else qs


class InquiryFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_q")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=InquiryStatus.choices, empty_label=_("any"))
    open = django_filters.BooleanFilter(label=_("Only open"), method="filter_open", widget=forms.CheckboxInput)
    overdue = django_filters.BooleanFilter(label=_("Only overdue"), method="filter_overdue", widget=forms.CheckboxInput)
    legal_basis = django_filters.ChoiceFilter(label=_("Legal basis"), choices=LegalBasis.choices, empty_label=_("any"))
    # choices filled from one query in __init__: the page costs the same queries with or without it
    outlet = django_filters.ChoiceFilter(label=_("Outlet"), field_name="outlet_id", empty_label=_("any"))
    topic = django_filters.CharFilter(label=_("Topic"), lookup_expr="iexact")
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"),
        method="filter_sort",
        empty_label=_("newest first"),
        choices=[
            ("received", _("oldest first")),
            ("due", _("deadline, soonest first")),
            ("-due", _("deadline, latest first")),
        ],
    )

    class Meta:
        model = Inquiry
        fields: list[str] = []

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.filters["outlet"].extra["choices"] = list(
            Outlet.objects.order_by(polish("name")).values_list("pk", "name")
        )

    def filter_q(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        if not value:
            return qs
        # A union of three index-backed searches (trigram indexes on PostgreSQL) instead of one OR
        # across a join, which can only be answered by reading every inquiry.
        matches = (
            Inquiry.objects.filter(subject__icontains=value)
            .order_by()
            .values("pk")
            .union(
                Inquiry.objects.filter(questions__icontains=value).order_by().values("pk"),
                Inquiry.objects.filter(journalist__name__icontains=value).order_by().values("pk"),
            )
        )
        return qs.filter(pk__in=matches)

    def filter_open(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        return qs.filter(status__in=OPEN_INQUIRY_STATUSES) if value else qs

    def filter_overdue(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        return qs.filter(status__in=OPEN_INQUIRY_STATUSES, due_on__lt=timezone.localdate()) if value else qs

    def filter_sort(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        return qs.order_by(*INQUIRY_SORTS.get(value, INQUIRY_SORTS["-received"]))


class PublicationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_q")
    tone = django_filters.ChoiceFilter(label=_("Tone"), choices=Tone.choices, empty_label=_("any"))
    importance = django_filters.ChoiceFilter(label=_("Importance"), choices=Importance.choices, empty_label=_("any"))
    outlet = django_filters.ModelChoiceFilter(
        label=_("Outlet"), queryset=Outlet.objects.order_by(polish("name")), empty_label=_("any")
    )
    since = django_filters.DateFilter(
        label=_("Published since"),
        field_name="published_on",
        lookup_expr="gte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    class Meta:
        model = Publication
        fields: list[str] = []

    def filter_q(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        return qs.filter(Q(title__icontains=value) | Q(summary__icontains=value)) if value else qs
