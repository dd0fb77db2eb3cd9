"""Filters of the list of reports."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from office.reporting.models import Report, ReportStatus


class ReportFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Title"), method="filter_q")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ReportStatus.choices, empty_label=_("any"))
    year = django_filters.NumberFilter(label=_("Year"), field_name="end__year", min_value=2000, max_value=2199)

    class Meta:
        model = Report
        fields: list[str] = []

    def filter_q(self, qs: QuerySet, name: str, value: Any) -> QuerySet:
        value = value.strip()
        return qs.filter(title__icontains=value) if value else qs
