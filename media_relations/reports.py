"""PDF jobs of the press office: the bulletin issue."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from media_relations.models import BulletinIssue
from office.contributions import registry
from office.services.jobs import JobError, JobResult
from office.services.pdf import render_pdf

BULLETIN_PDF = "media_bulletin_issue"


@registry.job_kind(BULLETIN_PDF)
def bulletin_pdf(job: Any, progress: Any) -> JobResult:
    try:
        issue = BulletinIssue.objects.get(pk=job.params["issue_id"])
    except (BulletinIssue.DoesNotExist, KeyError):
        raise JobError(_("The issue no longer exists.")) from None
    progress(30, _("Preparing the articles"))
    articles = list(issue.articles.select_related("author"))
    content = render_pdf("media_relations/pdf/bulletin.html", {"issue": issue, "articles": articles})
    return JobResult(f"biuletyn-{issue.number.replace('/', '-')}.pdf", content)
