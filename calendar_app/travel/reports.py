"""Job handlers of business travel: the settlement's PDF."""

from __future__ import annotations

from django.utils.translation import gettext as _

from calendar_app.travel.models import Settlement
from office.contributions import registry
from office.models import Job
from office.services.jobs import JobError, JobResult, Progress

SETTLEMENT_PDF = "travel.settlement_pdf"


@registry.job_kind(SETTLEMENT_PDF)
def settlement_pdf(job: Job, progress: Progress) -> JobResult:
    """The settlement of one traveller, line by line, as PDF."""
    from calendar_app.travel.services.settlements import settlement_pdf as render

    try:
        settlement = Settlement.objects.select_related(
            "traveller__trip__country", "traveller__holder", "traveller__user"
        ).get(pk=job.params["settlement_id"])
    except (KeyError, Settlement.DoesNotExist):
        raise JobError(_("The settlement no longer exists.")) from None
    progress(30, _("Rendering the PDF"))
    trip = settlement.traveller.trip
    return JobResult(filename=f"rozliczenie-{trip.number}-{trip.year}-{settlement.pk}.pdf", content=render(settlement))
