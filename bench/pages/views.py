"""The bench's reference page, the "Fortunes" shape: one query, an added row, sorted, escaped.

It runs under the same middleware as every page of the office, so the share of its throughput
a page reaches measures what the page itself costs.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from office.models import OrgUnit


def reference(request: HttpRequest) -> HttpResponse:
    rows = list(OrgUnit.objects.values_list("pk", "name")[:12])
    rows.append((0, "<script>alert('Dodatkowy wiersz dodany w czasie żądania')</script>"))
    rows.sort(key=lambda row: row[1])
    return render(request, "bench/reference.html", {"rows": rows})


@login_required
def shell(request: HttpRequest) -> HttpResponse:
    return render(request, "bench/shell.html", {})
