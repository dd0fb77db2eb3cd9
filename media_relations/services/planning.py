"""The publishing plan (website and social posts) and the periodic bulletin with its PDF."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from media_relations.models import BulletinArticle, BulletinIssue, PlannedPost
from office.services import audit


@transaction.atomic
def save_post(*, actor: Any, post: PlannedPost) -> PlannedPost:
    if post.status == PlannedPost.Status.PUBLISHED and not post.link:
        raise ValidationError({"link": _("Give the link to the published post.")})
    return audit.save_record(actor=actor, record=post)


@transaction.atomic
def save_issue(*, actor: Any, issue: BulletinIssue) -> BulletinIssue:
    return audit.save_record(actor=actor, record=issue)


@transaction.atomic
def save_article(*, actor: Any, article: BulletinArticle) -> BulletinArticle:
    if article.issue.status != BulletinIssue.Status.PLANNING:
        raise ValidationError(_("The issue is approved; its articles cannot change."))
    if article.status != BulletinArticle.Status.PLANNED and not article.text.strip():
        raise ValidationError({"text": _("A submitted article needs its text.")})
    return audit.save_record(actor=actor, record=article)


@transaction.atomic
def approve_issue(*, actor: Any, issue: BulletinIssue) -> BulletinIssue:
    """Approve the issue (the caller holds approve_answer): every article must be approved first."""
    issue = BulletinIssue.objects.select_for_update(of=("self",)).get(pk=issue.pk)
    if issue.status != BulletinIssue.Status.PLANNING:
        raise ValidationError(_("The issue is already approved."))
    if not issue.articles.exists() or issue.articles.exclude(status=BulletinArticle.Status.APPROVED).exists():
        raise ValidationError(_("Every article must be approved before the issue."))
    issue.status, issue.approved_by, issue.approved_at = BulletinIssue.Status.APPROVED, actor, timezone.now()
    issue.save()
    audit.record(
        actor=actor,
        instance=issue,
        action="transition",
        changes={"status": [BulletinIssue.Status.PLANNING, BulletinIssue.Status.APPROVED]},
    )
    return issue
