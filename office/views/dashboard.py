"""The dashboard (widgets from the registry) and the global search (providers from the registry)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from office.contributions import registry
from office.services import freshness

MIN_QUERY = 2


@require_GET
@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    # remembered for a minute, dropped by any change (office.services.freshness); never a failure
    widgets = freshness.remember(
        "widgets",
        request.user,
        lambda: registry.collect("widget", request.user),
        keep=lambda outcomes: not any(o.failed for o in outcomes),
    )
    return render(request, "office/dashboard.html", {"widgets": widgets})


@require_GET
@login_required
def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:100]
    groups = []
    if len(query) >= MIN_QUERY:
        groups = registry.collect("search", request.user, query=query)
    return render(
        request,
        "office/search.html",
        {
            "query": query,
            "groups": groups,
            "too_short": 0 < len(query) < MIN_QUERY,
            "hit_count": sum(len(g.data) for g in groups if not g.failed),
        },
    )
