"""The press office's statistics page (SQL aggregation, charts as inline SVG with data tables)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from media_relations import selectors


@require_GET
@login_required
@permission_required("media_relations.view_inquiry", raise_exception=True)
def statistics(request: HttpRequest) -> HttpResponse:
    this_year = timezone.localdate().year
    try:
        year = int(request.GET.get("year") or this_year)
    except ValueError:
        year = this_year
    year = min(max(year, 2000), this_year + 1)
    return render(
        request,
        "media_relations/statistics.html",
        {**selectors.statistics(year=year), "years": list(range(this_year, this_year - 6, -1))},
    )
