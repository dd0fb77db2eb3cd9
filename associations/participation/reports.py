"""Jobs of civic participation: the report on the cooperation programme and the report of a
consultation, as PDF (the office's PDF pipeline: WeasyPrint, the city header, page numbers)."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from associations.participation.models import Consultation, Programme, SubmissionStatus
from associations.participation.services import programme as programme_services
from office.contributions import registry
from office.models import Attachment, Job
from office.services.jobs import JobError, JobResult, Progress
from office.services.pdf import render_pdf

PROGRAMME_REPORT = "participation.programme_report"
CONSULTATION_REPORT = "participation.consultation_report"


@registry.job_kind(PROGRAMME_REPORT)
def programme_report(job: Job, progress: Progress) -> JobResult:
    """The report on the cooperation programme as the officer edited it, with the grants table."""
    with override(job.params.get("language", "pl")):
        programme = Programme.objects.filter(pk=job.params.get("programme")).first()
        if programme is None or not programme.report_text:
            raise JobError(_("The programme or its report no longer exists."))
        progress(20, _("Collecting the grants"))
        context = {
            "programme": programme,
            "figures": programme_services.report_figures(programme),
            "generated_at": timezone.localtime(),
        }
        progress(50, _("Rendering the PDF"))
        content = render_pdf("participation/pdf/programme_report.html", context)
    return JobResult(f"sprawozdanie-program-wspolpracy-{programme.year}.pdf", content)


@registry.job_kind(CONSULTATION_REPORT)
def consultation_report(job: Job, progress: Progress) -> JobResult:
    """The consultation's report: subject, period, methods, documents, every comment with the
    office's answer (hidden ones counted, not quoted) and the conclusions."""
    with override(job.params.get("language", "pl")):
        consultation = Consultation.objects.filter(pk=job.params.get("consultation")).first()
        if consultation is None:
            raise JobError(_("The consultation no longer exists."))
        progress(20, _("Collecting the comments"))
        comments = list(consultation.submissions.order_by("received_at", "id"))
        context = {
            "consultation": consultation,
            "published": [c for c in comments if c.status == SubmissionStatus.PUBLISHED],
            "hidden": sum(1 for c in comments if c.status == SubmissionStatus.REJECTED),
            "pending": sum(1 for c in comments if c.status == SubmissionStatus.PENDING),
            "documents": Attachment.objects.filter(
                content_type=ContentType.objects.get_for_model(Consultation), object_id=consultation.pk
            ).order_by("id"),
            "generated_at": timezone.localtime(),
        }
        progress(50, _("Rendering the PDF"))
        content = render_pdf("participation/pdf/consultation_report.html", context)
    return JobResult(f"raport-z-konsultacji-{consultation.pk}.pdf", content)
