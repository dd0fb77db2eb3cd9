"""The filters of the lists of the associations app."""

from __future__ import annotations

import datetime as dt
from typing import Any

import django_filters
from django import forms
from django.db.models import F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from associations.models import (
    AssociationStatus,
    AssociationVersion,
    CourtOpinion,
    KrsOrganisation,
    LegalForm,
    Membership,
    MembershipKind,
    SupervisionCase,
    SupervisionKind,
)
from office.kit.widgets import DateInput


class AssociationFilter(django_filters.FilterSet):
    """The register's rows are versions: the list gives today's (``current_versions``: the
    application's data before an entry); with ``as_of``, the version each entered association
    had on that day instead."""

    q = django_filters.CharFilter(label=_("Name, number or seat"), method="filter_q")
    status = django_filters.ChoiceFilter(
        label=_("Status"), field_name="association__status", choices=AssociationStatus.choices, empty_label=_("any")
    )
    as_of = django_filters.DateFilter(label=_("The register as of"), method="filter_as_of", widget=DateInput())
    entry_due = django_filters.BooleanFilter(
        label=_("Only entries due within 7 days"), method="filter_entry_due", widget=forms.CheckboxInput
    )

    class Meta:
        model = AssociationVersion
        fields: list[str] = []

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        as_of = self.form.cleaned_data.get("as_of")
        if as_of:
            queryset = (
                AssociationVersion.objects.as_of(as_of)
                .select_related("association")
                .order_by("association__number", "association_id")
            )
        return super().filter_queryset(queryset)

    def filter_q(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        value = value.strip()
        if not value:
            return qs
        match = Q(name__icontains=value) | Q(seat_address__icontains=value)
        number = value.upper().removeprefix("SZ/")
        if number.isdigit() and len(number) < 10:
            match |= Q(association__number=int(number))
        return qs.filter(match)

    def filter_as_of(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        return qs  # applied in filter_queryset: it chooses the versions, not a condition on them

    def filter_entry_due(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        if not value:
            return qs
        limit = timezone.localdate() + dt.timedelta(days=7)
        return qs.filter(association__status=AssociationStatus.APPLIED, association__entry_due_on__lte=limit)


def current_versions() -> QuerySet:
    return (
        AssociationVersion.objects.filter(current_of__isnull=False)
        .select_related("association")
        .order_by(F("association__number").asc(nulls_first=True), "-association_id")
    )


class OrganisationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Name, KRS number or seat"), method="filter_q")
    legal_form = django_filters.ChoiceFilter(label=_("Legal form"), choices=LegalForm.choices, empty_label=_("any"))
    public_benefit = django_filters.BooleanFilter(
        label=_("Only public-benefit organisations"), method="filter_opp", widget=forms.CheckboxInput
    )

    class Meta:
        model = KrsOrganisation
        fields: list[str] = []

    def filter_q(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        value = value.strip()
        if not value:
            return qs
        return qs.filter(Q(name__icontains=value) | Q(krs_number__contains=value) | Q(seat_address__icontains=value))

    def filter_opp(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        return qs.filter(public_benefit=True) if value else qs


class CaseFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Subject or organisation"), method="filter_q")
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=SupervisionKind.choices, empty_label=_("any"))
    open = django_filters.BooleanFilter(label=_("Only open cases"), method="filter_open", widget=forms.CheckboxInput)

    class Meta:
        model = SupervisionCase
        fields: list[str] = []

    def filter_q(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        value = value.strip()
        return qs.filter(Q(subject__icontains=value) | Q(organisation__name__icontains=value)) if value else qs

    def filter_open(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        return qs.filter(closed_on__isnull=True) if value else qs


class OpinionFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("File number, subject or organisation"), method="filter_q")
    pending = django_filters.BooleanFilter(
        label=_("Only opinions not given yet"), method="filter_pending", widget=forms.CheckboxInput
    )

    class Meta:
        model = CourtOpinion
        fields: list[str] = []

    def filter_q(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        value = value.strip()
        if not value:
            return qs
        return qs.filter(
            Q(court_case__icontains=value) | Q(subject__icontains=value) | Q(organisation__name__icontains=value)
        )

    def filter_pending(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        return qs.filter(given_on__isnull=True) if value else qs


class MembershipFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Organisation or representative"), method="filter_q")
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=MembershipKind.choices, empty_label=_("any"))
    active = django_filters.BooleanFilter(
        label=_("Only memberships in force"), method="filter_active", widget=forms.CheckboxInput
    )

    class Meta:
        model = Membership
        fields: list[str] = []

    def filter_q(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        value = value.strip()
        return qs.filter(Q(organisation__icontains=value) | Q(representatives__icontains=value)) if value else qs

    def filter_active(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        if not value:
            return qs
        return qs.filter(Q(ended_on__isnull=True) | Q(ended_on__gt=timezone.localdate()))
