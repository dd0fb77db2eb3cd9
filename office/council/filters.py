"""The filters of the council's lists."""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from office.council.models import (
    OPEN_STATUSES,
    Committee,
    CommitteeMeeting,
    Councillor,
    DraftResolution,
    Interpellation,
    InterpellationKind,
    InterpellationStatus,
    Resolution,
    ResolutionStatus,
    Session,
    SessionKind,
    SessionStatus,
    Term,
)
from office.models import OrgUnit


def _words(qs: QuerySet, value: str, *fields: str) -> QuerySet:
    value = value.strip()
    if not value:
        return qs
    match = Q()
    for name in fields:
        match |= Q(**{f"{name}__icontains": value})
    return qs.filter(match)


class InterpellationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Subject, text or councillor"), method="filter_q")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=InterpellationStatus.choices, empty_label=_("any"))
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=InterpellationKind.choices, empty_label=_("any"))
    councillor = django_filters.ModelChoiceFilter(
        label=_("Councillor"), queryset=Councillor.objects.order_by("last_name", "first_name"), empty_label=_("any")
    )
    year = django_filters.NumberFilter(label=_("Year"), field_name="year", min_value=2000, max_value=2199)
    overdue = django_filters.BooleanFilter(label=_("Only overdue"), method="filter_overdue", widget=forms.CheckboxInput)
    open = django_filters.BooleanFilter(label=_("Only unanswered"), method="filter_open", widget=forms.CheckboxInput)

    class Meta:
        model = Interpellation
        fields: list[str] = []

    def filter_q(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        return _words(qs, value, "subject", "text", "councillor__last_name", "councillor__first_name")

    def filter_overdue(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        return qs.filter(status__in=OPEN_STATUSES, due_on__lt=timezone.localdate()) if value else qs

    def filter_open(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        return qs.filter(status__in=OPEN_STATUSES) if value else qs


class SessionFilter(django_filters.FilterSet):
    term = django_filters.ModelChoiceFilter(label=_("Term"), queryset=Term.objects.all(), empty_label=_("any"))
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=SessionKind.choices, empty_label=_("any"))
    status = django_filters.ChoiceFilter(label=_("Status"), choices=SessionStatus.choices, empty_label=_("any"))
    year = django_filters.NumberFilter(label=_("Year"), field_name="starts_at__year", min_value=2000, max_value=2199)

    class Meta:
        model = Session
        fields: list[str] = []


class CouncillorFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Name, club or constituency"), method="filter_q")
    term = django_filters.ModelChoiceFilter(label=_("Term"), queryset=Term.objects.all(), empty_label=_("any"))

    class Meta:
        model = Councillor
        fields: list[str] = []

    def filter_q(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        return _words(qs, value, "last_name", "first_name", "club", "constituency")


class CommitteeFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Name"), method="filter_q")
    term = django_filters.ModelChoiceFilter(label=_("Term"), queryset=Term.objects.all(), empty_label=_("any"))

    class Meta:
        model = Committee
        fields: list[str] = []

    def filter_q(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        return _words(qs, value, "name", "scope")


class MeetingFilter(django_filters.FilterSet):
    committee = django_filters.ModelChoiceFilter(
        label=_("Committee"), queryset=Committee.objects.order_by("name"), empty_label=_("any")
    )
    year = django_filters.NumberFilter(label=_("Year"), field_name="starts_at__year", min_value=2000, max_value=2199)

    class Meta:
        model = CommitteeMeeting
        fields: list[str] = []


class ResolutionFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Number or title"), method="filter_q")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ResolutionStatus.choices, empty_label=_("any"))
    unit = django_filters.ModelChoiceFilter(
        label=_("Responsible unit"), queryset=OrgUnit.objects.order_by("symbol"), empty_label=_("any")
    )
    year = django_filters.NumberFilter(label=_("Year"), field_name="adopted_on__year", min_value=2000, max_value=2199)
    tasks_mayor = django_filters.BooleanFilter(
        label=_("Only tasking the mayor"), method="filter_tasks", widget=forms.CheckboxInput
    )
    overdue = django_filters.BooleanFilter(label=_("Only overdue"), method="filter_overdue", widget=forms.CheckboxInput)

    class Meta:
        model = Resolution
        fields: list[str] = []

    def filter_q(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        return _words(qs, value, "number", "title")

    def filter_tasks(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        return qs.filter(tasks_mayor=True) if value else qs

    def filter_overdue(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        if not value:
            return qs
        return qs.filter(status=ResolutionStatus.IN_PROGRESS, due_on__lt=timezone.localdate())


class DraftFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Title"), method="filter_q")
    session = django_filters.ModelChoiceFilter(
        label=_("Session"), queryset=Session.objects.order_by("-starts_at"), empty_label=_("any")
    )
    late = django_filters.BooleanFilter(label=_("Only filed late"), method="filter_late", widget=forms.CheckboxInput)

    class Meta:
        model = DraftResolution
        fields: list[str] = []

    def filter_q(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        return _words(qs, value, "title")

    def filter_late(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        return qs.filter(is_late=True) if value else qs
