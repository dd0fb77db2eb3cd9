"""The filters of the lists of civic participation."""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from associations.participation.models import (
    Booking,
    BookingStatus,
    CivicKind,
    CivicProject,
    CivicStatus,
    Consultation,
    Edition,
    Grant,
    GrantMode,
    Project,
    ProjectStatus,
    Room,
    Submission,
    SubmissionStatus,
)


def _words(qs: QuerySet, value: str, *fields: str) -> QuerySet:
    value = value.strip()
    if not value:
        return qs
    match = Q()
    for field in fields:
        match |= Q(**{f"{field}__icontains": value})
    return qs.filter(match)


class GrantFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Task or organisation"), method="filter_q")
    year = django_filters.NumberFilter(label=_("Year"), field_name="programme__year", min_value=2000, max_value=2199)
    mode = django_filters.ChoiceFilter(label=_("Mode"), choices=GrantMode.choices, empty_label=_("any"))

    class Meta:
        model = Grant
        fields: list[str] = []

    def filter_q(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        return _words(qs, value, "task", "area", "organisation__name")


STAGES = [("planned", _("planned")), ("open", _("open")), ("closed", _("closed"))]


class ConsultationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Title or subject"), method="filter_q")
    stage = django_filters.ChoiceFilter(label=_("Stage"), choices=STAGES, method="filter_stage", empty_label=_("any"))

    class Meta:
        model = Consultation
        fields: list[str] = []

    def filter_q(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        return _words(qs, value, "title", "subject")

    def filter_stage(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        today = timezone.localdate()
        if value == "planned":
            return qs.filter(starts_on__gt=today)
        if value == "open":
            return qs.filter(starts_on__lte=today, ends_on__gte=today)
        return qs.filter(ends_on__lt=today) if value == "closed" else qs


class SubmissionFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Text, name or organisation"), method="filter_q")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=SubmissionStatus.choices, empty_label=_("any"))
    unanswered = django_filters.BooleanFilter(
        label=_("Only without an answer"), method="filter_unanswered", widget=forms.CheckboxInput
    )

    class Meta:
        model = Submission
        fields: list[str] = []

    def filter_q(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        return _words(qs, value, "text", "author_name", "organisation")

    def filter_unanswered(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        return qs.filter(answer="") if value else qs


class ProjectFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Title, location or author"), method="filter_q")
    edition = django_filters.ModelChoiceFilter(
        label=_("Edition"), queryset=Edition.objects.order_by("-year"), empty_label=_("any")
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ProjectStatus.choices, empty_label=_("any"))
    funded = django_filters.BooleanFilter(
        label=_("Only chosen for realisation"), method="filter_funded", widget=forms.CheckboxInput
    )

    class Meta:
        model = Project
        fields: list[str] = []

    def filter_q(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        return _words(qs, value, "title", "location", "author_name", "district__name")

    def filter_funded(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        return qs.filter(is_funded=True) if value else qs


class CivicFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Name, coordinator or partner"), method="filter_q")
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=CivicKind.choices, empty_label=_("any"))
    status = django_filters.ChoiceFilter(label=_("Status"), choices=CivicStatus.choices, empty_label=_("any"))

    class Meta:
        model = CivicProject
        fields: list[str] = []

    def filter_q(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        return _words(qs, value, "name", "coordinator", "partners__name").distinct()


class BookingFilter(django_filters.FilterSet):
    room = django_filters.ModelChoiceFilter(
        label=_("Room"), queryset=Room.objects.order_by("name"), empty_label=_("any")
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=BookingStatus.choices, empty_label=_("any"))
    day = django_filters.DateFilter(
        label=_("Day"), field_name="starts_at__date", widget=forms.DateInput(attrs={"type": "date"})
    )

    class Meta:
        model = Booking
        fields: list[str] = []
