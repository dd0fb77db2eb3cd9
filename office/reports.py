"""Reports produced by background jobs."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from office.contributions import registry
from office.models import Assignment, Job, OrgUnit
from office.services.jobs import JobError, JobResult, Progress
from office.services.pdf import render_pdf

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
        progress(40, _("Rendering the PDF"))
        content = render_pdf(
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
        progress(95, _("Saving"))
    return JobResult(f"zadania-{unit.symbol.lower()}-{today:%Y-%m-%d}.pdf", content)
