"""Ad-hoc activity reports: any period, the chosen sections and units, shown on the page and
given as a PDF (a job) and an XLSX with the same figures."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from office.reporting import access, documents, services
from office.reporting.forms import ActivityForm
from office.reporting.reports import ACTIVITY_PDF
from office.services.jobs import start_job


def _document(request: HttpRequest, form: ActivityForm) -> documents.Document:
    data = form.cleaned_data
    units = list(data["units"])
    parts = services.assemble(
        user=request.user,
        start=data["start"],
        end=data["end"],
        units=[unit.pk for unit in units],
        keys=data["sections"] or None,
    )
    return documents.of_assembled(_("Activity report"), data["start"], data["end"], parts, [u.name for u in units])


def _page(request: HttpRequest, form: ActivityForm) -> HttpResponse:
    shown = form.is_bound and form.is_valid()
    context: dict[str, Any] = {"form": form, "document": _document(request, form) if shown else None}
    if shown:
        context["query"] = request.GET.urlencode()
    return render(request, "reporting/activity.html", context)


@require_GET
@login_required
@permission_required(access.VIEW, raise_exception=True)
def activity(request: HttpRequest) -> HttpResponse:
    """The choice of the period, sections and units; with a valid choice, the report itself."""
    return _page(request, ActivityForm(request.GET or None))


@require_POST
@login_required
@permission_required(access.VIEW, raise_exception=True)
def activity_pdf(request: HttpRequest) -> HttpResponse:
    form = ActivityForm(request.POST)
    if not form.is_valid():
        return _page(request, form)
    data = form.cleaned_data
    job = start_job(
        actor=request.user,
        kind=ACTIVITY_PDF,
        title=_("Activity report %(start)s – %(end)s") % {"start": data["start"], "end": data["end"]},
        params={
            "start": data["start"].isoformat(),
            "end": data["end"].isoformat(),
            "sections": list(data["sections"]),
            "units": [unit.pk for unit in data["units"]],
            "language": request.LANGUAGE_CODE,
        },
    )
    return redirect("office:job_detail", job.pk)


@require_GET
@login_required
@permission_required(access.VIEW, raise_exception=True)
def activity_xlsx(request: HttpRequest) -> HttpResponse:
    form = ActivityForm(request.GET)
    if not form.is_valid():
        return redirect(reverse("reporting:activity") + "?" + request.GET.urlencode())
    document = _document(request, form)
    response = HttpResponse(
        documents.xlsx_bytes(document),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{document.file_stem}.xlsx"'
    return response
