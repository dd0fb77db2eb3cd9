"""List filters (django-filter)."""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from office.models import Assignment, AssignmentStatus, Contact, OrgUnit
from office.models.assignments import OPEN_STATUSES


class AssignmentFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_q")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=AssignmentStatus.choices, empty_label=_("any"))
    unit = django_filters.ModelChoiceFilter(
        label=_("Unit"), queryset=OrgUnit.objects.order_by("symbol"), empty_label=_("any")
    )
    overdue = django_filters.BooleanFilter(label=_("Overdue only"), method="filter_overdue", widget=forms.CheckboxInput)
    mine = django_filters.BooleanFilter(label=_("Mine only"), method="filter_mine", widget=forms.CheckboxInput)
    ordering = django_filters.OrderingFilter(
        label=_("Sort by"),
        fields=(("due_date", "due_date"), ("created_at", "created_at"), ("status", "status")),
        field_labels={"due_date": _("due date"), "created_at": _("created"), "status": _("status")},
        empty_label=_("due date"),
    )

    class Meta:
        model = Assignment
        fields: list[str] = []

    def filter_q(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        return (
            qs.filter(Q(title__icontains=value) | Q(description__icontains=value) | Q(source_label__icontains=value))
            if value
            else qs
        )

    def filter_overdue(self, qs: QuerySet, name: str, value: bool) -> QuerySet:
        return qs.filter(status__in=OPEN_STATUSES, due_date__lt=timezone.localdate()) if value else qs

    def filter_mine(self, qs: QuerySet, name: str, value: bool) -> QuerySet:
        user = self.request.user
        if not value:
            return qs
        mine = Q(assignee=user) | Q(created_by=user)
        if user.unit_id and user.has_perm("office.answer_assignment"):
            mine |= Q(unit_id=user.unit_id)
        return qs.filter(mine)


class ContactFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_q")
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Contact.Kind.choices, empty_label=_("any"))
    tag = django_filters.CharFilter(label=_("Tag"), field_name="tags__name", lookup_expr="iexact")

    class Meta:
        model = Contact
        fields: list[str] = []

    @property
    def qs(self) -> QuerySet:
        return super().qs.distinct()  # the tag filter joins

    def filter_q(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        if not value:
            return qs
        return qs.filter(
            Q(name__icontains=value)
            | Q(email__icontains=value)
            | Q(phone__icontains=value)
            | Q(city__icontains=value)
            | Q(position__icontains=value)
        )
