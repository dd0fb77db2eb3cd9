"""The filters of the administration's lists."""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from office.administration.models import (
    Announcement,
    BudgetLine,
    Commitment,
    CommitmentKind,
    Execution,
    MaterialPurpose,
    MaterialRequest,
    Procurement,
    Promotion,
    PromotionDecision,
    PromotionKind,
    SocialFundApplication,
    SocialFundKind,
    SocialFundStatus,
    SupplyType,
)

YEAR = {"min_value": 2000, "max_value": 2199}


def _year(field: str = "year") -> django_filters.NumberFilter:
    return django_filters.NumberFilter(label=_("Year"), field_name=field, **YEAR)


def _search(qs: QuerySet, value: str, *fields: str) -> QuerySet:
    value = value.strip()
    if not value:
        return qs
    condition = Q()
    for field in fields:
        condition |= Q(**{f"{field}__icontains": value})
    return qs.filter(condition)


class BudgetFilter(django_filters.FilterSet):
    year = _year()
    q = django_filters.CharFilter(label=_("Task or classification"), method="filter_q")
    nearly_used = django_filters.BooleanFilter(
        # xgettext:no-python-format
        label=_("Only lines with 90 % or more used"),
        method="filter_nearly_used",
        widget=forms.CheckboxInput,
    )

    class Meta:
        model = BudgetLine
        fields: list[str] = []

    def filter_q(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        return _search(qs, value, "name", "division", "chapter", "paragraph")

    def filter_nearly_used(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        return qs.nearly_used() if value else qs


class CommitmentFilter(django_filters.FilterSet):
    year = _year("line__year")
    line = django_filters.NumberFilter(label=_("Budget line (number)"), field_name="line_id", min_value=1)
    kind = django_filters.ChoiceFilter(label=_("From"), choices=CommitmentKind.choices, empty_label=_("any"))
    q = django_filters.CharFilter(label=_("Source or description"), method="filter_q")

    class Meta:
        model = Commitment
        fields: list[str] = []

    def filter_q(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        return _search(qs, value, "source_label", "description", "line__name")


class ExecutionFilter(django_filters.FilterSet):
    year = _year("line__year")
    line = django_filters.NumberFilter(label=_("Budget line (number)"), field_name="line_id", min_value=1)
    q = django_filters.CharFilter(label=_("Document or description"), method="filter_q")

    class Meta:
        model = Execution
        fields: list[str] = []

    def filter_q(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        return _search(qs, value, "document", "description", "line__name")


class ProcurementFilter(django_filters.FilterSet):
    year = _year()
    supply_type = django_filters.ChoiceFilter(label=_("Type"), choices=SupplyType.choices, empty_label=_("any"))
    q = django_filters.CharFilter(label=_("Subject, contractor or invoice"), method="filter_q")

    class Meta:
        model = Procurement
        fields: list[str] = []

    def filter_q(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        return _search(qs, value, "subject", "contractor", "invoice", "order_number")


class AnnouncementFilter(django_filters.FilterSet):
    year = _year("published_from__year")
    q = django_filters.CharFilter(label=_("Outlet, title or text"), method="filter_q")

    class Meta:
        model = Announcement
        fields: list[str] = []

    def filter_q(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        return _search(qs, value, "outlet", "title", "text")


class PromotionFilter(django_filters.FilterSet):
    year = _year("starts_on__year")
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=PromotionKind.choices, empty_label=_("any"))
    decision = django_filters.ChoiceFilter(label=_("Decision"), choices=PromotionDecision.choices, empty_label=_("any"))
    q = django_filters.CharFilter(label=_("Title or partner"), method="filter_q")

    class Meta:
        model = Promotion
        fields: list[str] = []

    def filter_q(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        return _search(qs, value, "title", "partner", "description")


class SocialFundFilter(django_filters.FilterSet):
    year = _year()
    kind = django_filters.ChoiceFilter(label=_("Benefit"), choices=SocialFundKind.choices, empty_label=_("any"))
    status = django_filters.ChoiceFilter(label=_("Status"), choices=SocialFundStatus.choices, empty_label=_("any"))
    q = django_filters.CharFilter(label=_("Applicant"), method="filter_q")

    class Meta:
        model = SocialFundApplication
        fields: list[str] = []

    def filter_q(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        return _search(qs, value, "applicant")


class MaterialFilter(django_filters.FilterSet):
    purpose = django_filters.ChoiceFilter(label=_("For"), choices=MaterialPurpose.choices, empty_label=_("any"))
    open = django_filters.BooleanFilter(label=_("Only open requests"), method="filter_open", widget=forms.CheckboxInput)
    q = django_filters.CharFilter(label=_("Subject"), method="filter_q")

    class Meta:
        model = MaterialRequest
        fields: list[str] = []

    def filter_q(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        return _search(qs, value, "title", "instructions")

    def filter_open(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        return qs.filter(closed_at__isnull=True) if value else qs
