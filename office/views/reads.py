"""The log of reads of personal data, for the auditor: who opened, downloaded or exported which
resident's or journalist's record, when and from where; searchable and exported like any list."""

from __future__ import annotations

import django_filters
from django.contrib.auth.decorators import login_required, permission_required
from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from office.contributions import registry
from office.kit import list_page
from office.kit.widgets import DateInput, QuickSelect
from office.models import PersonalDataRead, ReadKind, User


def _kinds_of_record(request: HttpRequest | None = None) -> QuerySet:
    """The kinds of record whose reads are logged (the queryset of the filter)."""
    models = list(registry.personal_data())
    return ContentType.objects.filter(pk__in=[ContentType.objects.get_for_model(model).pk for model in models])


class ReadFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=gettext_lazy("Record"), field_name="label", lookup_expr="icontains")
    user = django_filters.ModelChoiceFilter(
        label=gettext_lazy("User"),
        queryset=User.objects.order_by("last_name", "first_name", "username"),
        empty_label=gettext_lazy("anyone"),
        widget=QuickSelect,
    )
    content_type = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Kind of record"),
        queryset=_kinds_of_record,
        empty_label=gettext_lazy("any"),
        widget=QuickSelect,
    )
    kind = django_filters.ChoiceFilter(
        label=gettext_lazy("What"), choices=ReadKind.choices, empty_label=gettext_lazy("any")
    )
    object_id = django_filters.NumberFilter(label=gettext_lazy("Record id"), min_value=1, max_value=2**62)
    since = django_filters.DateFilter(
        label=gettext_lazy("From"), field_name="at", lookup_expr="date__gte", widget=DateInput()
    )
    until = django_filters.DateFilter(
        label=gettext_lazy("Until"), field_name="at", lookup_expr="date__lte", widget=DateInput()
    )

    class Meta:
        model = PersonalDataRead
        fields: list[str] = []


@require_GET
@login_required
@permission_required("office.view_personaldataread", raise_exception=True)
def read_log(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=PersonalDataRead.objects.select_related("user", "content_type").order_by("-at", "-id"),
        filterset_class=ReadFilter,
        fragment="office/reads/_table.html",
        title=_("Reads of personal data"),
        filter_label=_("Filter the log"),
    )
