"""The reports' background jobs: the PDF of a saved report (archived as PDF/A once final) and
the PDF of an ad-hoc activity report (its sections assembled in the job, as the job's owner)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, override

from office.contributions import registry
from office.models import AuditEntry, Job, OrgUnit
from office.reporting import documents, services
from office.reporting.models import Report
from office.services import audit
from office.services.jobs import JobError, JobResult, Progress

REPORT_PDF = "reporting.report_pdf"
ACTIVITY_PDF = "reporting.activity_pdf"


def _language(job: Job) -> str:
    return job.params.get("language") or (job.owner.language if job.owner else "") or settings.LANGUAGE_CODE


@registry.job_kind(REPORT_PDF)
def report_pdf(job: Job, progress: Progress) -> JobResult:
    """The report as a PDF: the final version is PDF/A-3b and is kept with the report."""
    with override(_language(job)):
        try:
            report = Report.objects.prefetch_related("sections", "units").get(pk=job.params["report_id"])
        except (KeyError, Report.DoesNotExist):
            raise JobError(_("The report no longer exists.")) from None
        progress(10, _("Laying out the pages"))
        document = documents.of_report(report)
        content = documents.pdf_bytes(document, archival=report.is_final)
        progress(95, _("Saving"))
        name = f"{document.file_stem}.pdf"
        if report.is_final:
            report.archived_pdf.save(name, ContentFile(content), save=False)
            Report.objects.filter(pk=report.pk).update(archived_pdf=report.archived_pdf.name)
            audit.record(
                actor=job.owner,
                instance=report,
                action=AuditEntry.Action.UPDATE,
                changes={"archived_pdf": [None, name]},
                message=audit.note(gettext_noop("The final version was archived as PDF/A")),
            )
    return JobResult(name, content)


@registry.job_kind(ACTIVITY_PDF)
def activity_pdf(job: Job, progress: Progress) -> JobResult:
    """An activity report for any period, the chosen sections and units, as a PDF."""
    params = job.params
    if not job.owner or not job.owner.is_active:
        raise JobError(_("This report cannot be made."))
    with override(_language(job)):
        try:
            start, end = dt.date.fromisoformat(params["start"]), dt.date.fromisoformat(params["end"])
        except (KeyError, TypeError, ValueError):
            raise JobError(_("This report cannot be made.")) from None
        units = list(OrgUnit.objects.filter(pk__in=params.get("units") or []).order_by("name"))
        progress(10, _("Assembling the sections"))
        parts = services.assemble(
            user=job.owner, start=start, end=end, units=[u.pk for u in units], keys=params.get("sections") or None
        )
        document = documents.of_assembled(_("Activity report"), start, end, parts, [u.name for u in units])
        progress(40, _("Laying out the pages"))
        content = documents.pdf_bytes(document, archival=False)
    return JobResult(f"{document.file_stem}.pdf", content)
