"""Filters of the meeting-request list and the decision board."""

from __future__ import annotations

import datetime as dt
from typing import Any

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from calendar_app.models import Decision, MeetingRequest
from office.kit import bounds
from office.models import OPEN_STATUSES, AssignmentStatus, OfficeHolder, OrgUnit


class MeetingRequestFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_q")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=MeetingRequest.Status.choices, empty_label=_("any"))
    office_holder = django_filters.ModelChoiceFilter(
        label=_("Office holder"), queryset=OfficeHolder.objects.all(), empty_label=_("any")
    )
    older_than = django_filters.NumberFilter(
        label=_("Waiting longer than (days)"), method="filter_age", min_value=0, max_value=bounds.MAX_DAYS
    )

    class Meta:
        model = MeetingRequest
        fields: list[str] = []

    def filter_q(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        return (
            qs.filter(Q(requester_name__icontains=value) | Q(topic__icontains=value) | Q(organisation__icontains=value))
            if value
            else qs
        )

    def filter_age(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        if value is None:
            return qs
        return qs.filter(received_on__lt=timezone.localdate() - dt.timedelta(days=int(value)))


class DecisionFilter(django_filters.FilterSet):
    unit = django_filters.ModelChoiceFilter(
        label=_("Unit"),
        field_name="assignment__unit",
        queryset=OrgUnit.objects.filter(is_active=True).order_by("symbol"),
        empty_label=_("any"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), field_name="assignment__status", choices=AssignmentStatus.choices, empty_label=_("any")
    )
    late = django_filters.BooleanFilter(label=_("Late only"), method="filter_late", widget=forms.CheckboxInput)

    class Meta:
        model = Decision
        fields: list[str] = []

    def filter_late(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        if not value:
            return qs
        return qs.filter(assignment__status__in=OPEN_STATUSES, assignment__due_date__lt=timezone.localdate())
