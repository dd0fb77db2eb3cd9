"""Background jobs of the correspondence app: a batch of letters, the archive's handover list."""

from __future__ import annotations

from django.utils.translation import gettext as _

from correspondence.models import BatchStatus, LetterBatch
from correspondence.services import batches
from office.contributions import registry
from office.models import Job
from office.services.jobs import JobError, JobResult, Progress
from office.services.pdf import render_pdf


@registry.job_kind(batches.LETTER_BATCH)
def letter_batch(job: Job, progress: Progress) -> JobResult:
    try:
        batch = LetterBatch.objects.select_related("template", "signatory", "unit").get(pk=job.params["batch"])
    except (KeyError, LetterBatch.DoesNotExist):
        raise JobError(_("The batch of letters no longer exists.")) from None
    try:
        combined, archive = batches.build(batch, progress)
    except Exception:
        LetterBatch.objects.filter(pk=batch.pk).update(status=BatchStatus.FAILED)
        raise
    batches.finish(batch, combined, archive)
    return JobResult(filename=f"{batch.title}.pdf", content=combined)


HANDOVER_LIST = "correspondence.handover_list"


@registry.job_kind(HANDOVER_LIST)
def handover_list(job: Job, progress: Progress) -> JobResult:
    """The handover list (spis zdawczo-odbiorczy) of a unit's files of a year, as PDF/A."""
    from correspondence.models import ArchiveTransfer
    from correspondence.services import archive

    try:
        transfer = ArchiveTransfer.objects.select_related("unit", "created_by").get(pk=job.params["transfer"])
    except (KeyError, ArchiveTransfer.DoesNotExist):
        raise JobError(_("The handover no longer exists.")) from None
    progress(20, _("Listing the files"))
    files = archive.handover_files(transfer.unit, transfer.year)
    progress(50, _("Rendering the PDF"))
    content = render_pdf(
        "correspondence/pdf/handover_list.html",
        {"transfer": transfer, "files": files, "total": sum(f.letters for f in files)},
        archival=True,
    )
    return JobResult(filename=f"spis-{transfer.unit.symbol}-{transfer.year}-{transfer.number}.pdf", content=content)
