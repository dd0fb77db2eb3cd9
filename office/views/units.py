"""Organisational units and office holders (read-only pages; changes go through the admin)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required, permission_required
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from office.forms import UnitReportForm
from office.models import OfficeHolder, OrgUnit, User
from office.models.assignments import OPEN_STATUSES
from office.services import audit


@require_GET
@login_required
@permission_required("office.view_orgunit", raise_exception=True)
def unit_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    units = (
        OrgUnit.objects.filter(is_active=True)
        .select_related("parent", "head")
        .annotate(
            open_count=Count("assignments", filter=Q(assignments__status__in=OPEN_STATUSES)),
            overdue_count=Count(
                "assignments", filter=Q(assignments__status__in=OPEN_STATUSES, assignments__due_date__lt=today)
            ),
        )
        .order_by("symbol")
    )
    holders = OfficeHolder.objects.filter(is_active=True).prefetch_related(
        Prefetch("supervised_units", queryset=OrgUnit.objects.order_by("symbol")),
        Prefetch("secretaries", queryset=User.objects.order_by("last_name")),
    )
    return render(request, "office/units/list.html", {"units": units, "holders": holders})


@require_GET
@login_required
@permission_required("office.view_orgunit", raise_exception=True)
def unit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        unit = OrgUnit.objects.select_related("parent", "head").get(pk=pk)
    except OrgUnit.DoesNotExist:
        raise Http404 from None
    user = request.user
    may_report = user.has_perm("office.view_all_units") or (
        user.unit_id == unit.pk and user.has_perm("office.answer_assignment")
    )
    return render(
        request,
        "office/units/detail.html",
        {
            "unit": unit,
            "children": unit.children.filter(is_active=True).order_by("symbol"),
            "staff": unit.staff.filter(is_active=True).order_by("last_name", "first_name"),
            "supervisors": unit.supervisors.filter(is_active=True),
            "trail": audit.trail_for(unit),
            "report_form": UnitReportForm(units=OrgUnit.objects.filter(pk=unit.pk), initial={"unit": unit})
            if may_report
            else None,
        },
    )
