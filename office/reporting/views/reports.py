"""The inter-session reports: the list, a new report (assembled into a draft), its page with the
actions on the whole report (a section of free text, final, draft again, the PDF), the DOCX for
the council office and the archived PDF/A."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required, permission_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, override
from django.views.decorators.http import require_GET

from office.kit import Action, ActionSet, Editor, PageLink, list_page, record_context
from office.reporting import access, documents, services
from office.reporting.filters import ReportFilter
from office.reporting.forms import NewSectionForm, ReopenForm, ReportForm
from office.reporting.models import Report
from office.reporting.reports import REPORT_PDF
from office.services.jobs import start_job

LIST = ("reporting:report_list", gettext_lazy("Mayor's reports"))


@require_GET
@login_required
@permission_required(access.VIEW, raise_exception=True)
def report_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=Report.objects.select_related("created_by").order_by("-end", "-id"),
        filterset_class=ReportFilter,
        fragment="reporting/_table.html",
        title=_("Mayor's reports"),
        filter_label=_("Filter the reports"),
        subnav="reporting/_subnav.html",
        section="reports",
        links=[PageLink(_("New inter-session report"), reverse("reporting:report_create"), access.ADD)],
    )


def _new(request: HttpRequest) -> Report:
    today = timezone.localdate()
    return Report(title="Informacja Prezydenta Miasta z pracy w okresie między sesjami", end=today)


EDITOR = Editor(
    form=ReportForm,
    save=lambda request, form: services.create_report(
        actor=request.user, report=form.save(commit=False), units=form.cleaned_data["units"]
    ),
    success=gettext_lazy("The report was assembled from the office's records; edit its sections below."),
    detail="reporting:report_detail",
    listing=LIST,
    titles=(gettext_lazy("New inter-session report"), gettext_lazy("Edit %(record)s")),
    submit_label=gettext_lazy("Assemble the draft"),
)
report_create = EDITOR.create_view(permission=access.ADD, new=_new)


def _detail(request: HttpRequest, report: Report, bound: dict[str, Any] | None = None) -> HttpResponse:
    context = {
        "report": report,
        "sections": list(report.sections.all()),
        "units": list(report.units.order_by("symbol")),
        "can_change": request.user.has_perm(access.CHANGE) and report.is_draft,
        **ACTIONS.context(request, report, bound),
        **record_context(request, report),
    }
    return render(request, "reporting/detail.html", context)


@require_GET
@login_required
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, access.get_report(request.user, pk))


def _pdf(request: HttpRequest, report: Report, data: dict[str, Any]) -> HttpResponse:
    job = start_job(
        actor=request.user,
        kind=REPORT_PDF,
        title=_("PDF: %(title)s") % {"title": report.title},
        params={"report_id": report.pk, "language": settings.LANGUAGE_CODE},  # the council's document
    )
    return redirect("office:job_detail", job.pk)


ACTIONS = ActionSet(
    "report",
    load=lambda request, pk: access.get_report(request.user, pk),
    done_url=services.report_url,
    redisplay=_detail,
    permission=access.CHANGE,
    actions=[
        Action(
            "add_section",
            services.add_section,
            NewSectionForm,
            when=lambda report: report.is_draft,
            success=gettext_lazy("The section was added at the end."),
        ),
        Action(
            "finalise",
            services.finalise,
            when=lambda report: report.is_draft,
            success=gettext_lazy("The report is final; print it as a PDF for the archive."),
        ),
        Action(
            "reopen",
            services.reopen,
            ReopenForm,
            when=lambda report: report.is_final,
            success=gettext_lazy("The report is a draft again."),
        ),
        Action("pdf", run=_pdf, permission=access.VIEW),
    ],
)


@require_GET
@login_required
def report_docx(request: HttpRequest, pk: int) -> HttpResponse:
    """The report as a Word document for the council office."""
    report = access.get_report(request.user, pk)
    document = documents.of_report(report)
    with override(settings.LANGUAGE_CODE):  # the council's document, in the office's language
        content = documents.docx_bytes(document)
    response = HttpResponse(
        content,
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = f'attachment; filename="{document.file_stem}.docx"'
    return response


@require_GET
@login_required
def report_archived(request: HttpRequest, pk: int) -> FileResponse:
    """The final version as archived (PDF/A); 404 until it was printed."""
    report = access.get_report(request.user, pk)
    if not report.archived_pdf:
        raise Http404
    name = report.archived_pdf.name.rsplit("/", 1)[-1]
    return FileResponse(report.archived_pdf.open("rb"), as_attachment=True, filename=name)
