"""Reports produced by background jobs."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from office.contributions import registry
from office.kit import exports
from office.models import Assignment, Job, OrgUnit
from office.services.jobs import JobError, JobResult, Progress
from office.services.pdf import render_document, render_html, write

UNIT_ASSIGNMENTS_PDF = "unit_assignments_pdf"


@registry.job_kind(UNIT_ASSIGNMENTS_PDF)
def unit_assignments_pdf(job: Job, progress: Progress) -> JobResult:
    """The open assignments of one unit, by due date, as a PDF."""
    with override(job.params.get("language", "pl")):
        try:
            unit = OrgUnit.objects.get(pk=job.params["unit_id"])
        except (KeyError, OrgUnit.DoesNotExist):
            raise JobError(_("The unit no longer exists.")) from None
        progress(10, _("Collecting assignments"))
        today = timezone.localdate()
        assignments = list(
            Assignment.objects.open()
            .filter(unit=unit)
            .select_related("assignee", "created_by")
            .order_by("due_date", "id")
        )
        progress(30, _("Laying out %(count)d assignments") % {"count": len(assignments)})
        html = render_html(
            "office/pdf/unit_assignments.html",
            {
                "unit": unit,
                "assignments": assignments,
                "today": today,
                "overdue_count": sum(1 for a in assignments if a.is_overdue(today)),
                "generated_at": timezone.localtime(),
                "generated_by": job.owner,
            },
        )
        document = render_document(html)  # the layout: most of the time of a long PDF
        progress(80, _("Writing %(pages)d pages") % {"pages": len(document.pages)})
        content = write(document)
        progress(95, _("Saving"))
    return JobResult(f"zadania-{unit.symbol.lower()}-{today:%Y-%m-%d}.pdf", content)


@registry.job_kind(exports.JOB_KIND)
def list_export(job: Job, progress: Progress) -> JobResult:
    """A long list as CSV/XLSX: the list's own view called as the job's owner, with its filters."""
    from django.conf import settings
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.contrib.sessions.backends.base import SessionBase
    from django.core.exceptions import PermissionDenied
    from django.http import Http404
    from django.test import RequestFactory
    from django.urls import Resolver404, resolve

    params = job.params
    fmt = params.get("format", "")
    if fmt not in exports.FORMATS or not job.owner or not job.owner.is_active:
        raise JobError(_("This export cannot be made."))
    with override(job.owner.language or settings.LANGUAGE_CODE):
        try:
            match = resolve(params.get("path", ""))
        except Resolver404:
            raise JobError(_("This list no longer exists.")) from None
        query = params.get("query", "")
        request = RequestFactory().get(params["path"] + "?" + (query + "&" if query else "") + f"export={fmt}")
        request.user = job.owner
        request.session = SessionBase()
        request._messages = FallbackStorage(request)  # what MessageMiddleware sets
        request.export_progress = lambda done, total: progress(  # type: ignore[attr-defined]
            5 + int(90 * done / max(total, 1)), _("%(done)d of %(total)d rows") % {"done": done, "total": total}
        )
        try:
            response = match.func(request, *match.args, **match.kwargs)
        except (PermissionDenied, Http404):
            raise JobError(_("You may no longer see this list.")) from None
        name = getattr(response, "export_name", None)
        if response.status_code != 200 or not name:
            raise JobError(_("This export cannot be made."))
        return JobResult(filename=name, content=response.content)
