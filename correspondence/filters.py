"""Filters of the correspondence lists (django-filter)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from correspondence.models import (
    OPEN_LETTER_STATUSES,
    OPEN_MATTER_STATUSES,
    OPEN_TRANSLATION_STATUSES,
    Decree,
    Direction,
    JrwaClass,
    Letter,
    LetterKind,
    LetterStatus,
    MatterChannel,
    MatterKind,
    MatterStatus,
    ResidentMatter,
    TranslationOrder,
    TranslationStatus,
    Visit,
)
from office.kit.widgets import DateInput
from office.models import OfficeHolder, OrgUnit


def _units() -> QuerySet[OrgUnit]:
    return OrgUnit.objects.filter(is_active=True).order_by("symbol")


def _holders() -> QuerySet[OfficeHolder]:
    return OfficeHolder.objects.order_by("order", "last_name")


def text_q(value: str, fields: tuple[str, ...]) -> Q:
    """Rows with ``value`` in any of ``fields``: one OR over columns of the same table, which
    PostgreSQL answers from the trigram indexes (a bitmap OR) when the words are rare and from
    the date index with a filter when they are common — both fast at ten years of letters."""
    match = Q()
    for name in fields:
        match |= Q(**{f"{name}__icontains": value})
    return match


LETTER_SORTS = {
    "": ("-created_at", "-id"),
    "oldest": ("created_at", "id"),
    "due": ("due_on", "id"),
    "sign": ("year", "file_mark", "sequence"),
}


class LetterFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Sign, subject or correspondent"), method="filter_q")
    direction = django_filters.ChoiceFilter(label=_("Direction"), choices=Direction.choices, empty_label=_("both"))
    status = django_filters.ChoiceFilter(label=_("Status"), choices=LetterStatus.choices, empty_label=_("any"))
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=LetterKind.choices, empty_label=_("any"))
    principal = django_filters.ModelChoiceFilter(label=_("Principal"), queryset=_holders(), empty_label=_("any"))
    jrwa_class = django_filters.ModelChoiceFilter(
        label=_("JRWA class"),
        queryset=JrwaClass.objects.order_by("symbol"),
        to_field_name="symbol",
        empty_label=_("any"),
    )
    decreed_to = django_filters.ModelChoiceFilter(
        label=_("Decreed to"), queryset=_units(), method="filter_decreed_to", empty_label=_("any")
    )
    since = django_filters.DateFilter(label=_("Registered since"), method="filter_since", widget=DateInput())
    until = django_filters.DateFilter(label=_("Registered until"), method="filter_until", widget=DateInput())
    open = django_filters.BooleanFilter(label=_("Only open"), method="filter_open", widget=forms.CheckboxInput)
    overdue = django_filters.BooleanFilter(label=_("Only overdue"), method="filter_overdue", widget=forms.CheckboxInput)
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"),
        method="filter_sort",
        empty_label=_("newest first"),
        choices=[("oldest", _("oldest first")), ("due", _("reply due, soonest first")), ("sign", _("sign"))],
    )

    class Meta:
        model = Letter
        fields: list[str] = []

    def filter_q(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        value = value.strip()
        if not value:
            return qs
        return qs.filter(text_q(value, ("sign", "subject", "correspondent")))

    def filter_decreed_to(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        return qs.filter(pk__in=Decree.objects.filter(unit=value).values("letter_id")) if value else qs

    def filter_since(self, qs: QuerySet, name: str, value: dt.date) -> QuerySet:
        return qs.filter(created_at__date__gte=value) if value else qs

    def filter_until(self, qs: QuerySet, name: str, value: dt.date) -> QuerySet:
        return qs.filter(created_at__date__lte=value) if value else qs

    def filter_open(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        return qs.filter(direction=Direction.INCOMING, status__in=OPEN_LETTER_STATUSES) if value else qs

    def filter_overdue(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        if not value:
            return qs
        return qs.filter(direction=Direction.INCOMING, status__in=OPEN_LETTER_STATUSES, due_on__lt=timezone.localdate())

    def filter_sort(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        return qs.order_by(*LETTER_SORTS.get(value or "", LETTER_SORTS[""]))


class MatterFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_q")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=MatterStatus.choices, empty_label=_("any"))
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=MatterKind.choices, empty_label=_("any"))
    channel = django_filters.ChoiceFilter(label=_("Received by"), choices=MatterChannel.choices, empty_label=_("any"))
    unit = django_filters.ModelChoiceFilter(label=_("Unit"), queryset=_units(), empty_label=_("any"))
    principal = django_filters.ModelChoiceFilter(label=_("Addressed to"), queryset=_holders(), empty_label=_("any"))
    open = django_filters.BooleanFilter(label=_("Only open"), method="filter_open", widget=forms.CheckboxInput)
    overdue = django_filters.BooleanFilter(label=_("Only overdue"), method="filter_overdue", widget=forms.CheckboxInput)

    class Meta:
        model = ResidentMatter
        fields: list[str] = []

    def filter_q(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        value = value.strip()
        if not value:
            return qs
        return qs.filter(Q(subject__icontains=value) | Q(resident_name__icontains=value) | Q(location__icontains=value))

    def filter_open(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        return qs.filter(status__in=OPEN_MATTER_STATUSES) if value else qs

    def filter_overdue(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        return qs.filter(status__in=OPEN_MATTER_STATUSES, due_on__lt=timezone.localdate()) if value else qs


class VisitFilter(django_filters.FilterSet):
    """The visits of a day: today's unless another day is asked for."""

    day = django_filters.DateFilter(label=_("Day"), field_name="expected_at", lookup_expr="date", widget=DateInput())
    host = django_filters.ModelChoiceFilter(label=_("Visiting"), queryset=_holders(), empty_label=_("anyone"))
    q = django_filters.CharFilter(label=_("Visitor"), method="filter_q")

    class Meta:
        model = Visit
        fields: list[str] = []

    def __init__(self, data: Any = None, *args: Any, **kwargs: Any) -> None:
        if not (data or {}).get("day"):
            data = {**(data.dict() if data is not None else {}), "day": timezone.localdate().isoformat()}
        super().__init__(data, *args, **kwargs)

    def filter_q(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        value = value.strip()
        return qs.filter(Q(visitor_name__icontains=value) | Q(organisation__icontains=value)) if value else qs


class TranslationFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=TranslationStatus.choices, empty_label=_("any"))
    open = django_filters.BooleanFilter(label=_("Only open"), method="filter_open", widget=forms.CheckboxInput)
    q = django_filters.CharFilter(label=_("Document or language"), method="filter_q")

    class Meta:
        model = TranslationOrder
        fields: list[str] = []

    def filter_open(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        return qs.filter(status__in=OPEN_TRANSLATION_STATUSES) if value else qs

    def filter_q(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        value = value.strip()
        if not value:
            return qs
        return qs.filter(
            Q(document__icontains=value) | Q(source_language__icontains=value) | Q(target_language__icontains=value)
        )
