"""The publishing plan and the bulletin issues (with the issue PDF through the office job mechanism)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.decorators import login_required, permission_required
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from media_relations import access
from media_relations.forms import BulletinArticleForm, BulletinIssueForm, PlannedPostForm
from media_relations.models import BulletinArticle, BulletinIssue, PlannedPost
from media_relations.reports import BULLETIN_PDF
from media_relations.services import planning as services
from office.kit import Action, ActionSet, Editor, PageLink, edit_record, list_page
from office.services.jobs import start_job


@require_GET
@login_required
@permission_required("media_relations.view_plannedpost", raise_exception=True)
def plan(request: HttpRequest) -> HttpResponse:
    show_past = request.GET.get("past") == "1"
    qs = PlannedPost.objects.select_related("owner")
    qs = qs.order_by("-planned_at") if show_past else qs.filter(planned_at__gte=timezone.now() - dt.timedelta(days=1))
    plan_url = reverse("media_relations:plan")
    return list_page(
        request,
        queryset=qs,
        fragment="media_relations/planning/_plan_table.html",
        title=_("Publishing plan"),
        links=[
            PageLink(_("Plan a post"), reverse("media_relations:post_create"), "media_relations.add_plannedpost"),
            PageLink(_("Upcoming only"), plan_url)
            if show_past
            else PageLink(_("All, newest first"), f"{plan_url}?past=1"),
        ],
        subnav="media_relations/_subnav.html",
        section="plan",
    )


POST_EDITOR = Editor(
    form=PlannedPostForm,
    save=lambda request, form: services.save_post(actor=request.user, post=form.save(commit=False)),
    success=gettext_lazy("The post was saved."),
    detail=lambda saved: reverse("media_relations:plan"),
    listing=("media_relations:plan", gettext_lazy("Publishing plan")),
    titles=(gettext_lazy("New planned post"), gettext_lazy("Edit the planned post")),
)
post_create = POST_EDITOR.create_view(
    permission="media_relations.add_plannedpost", new=lambda request: PlannedPost(owner=request.user)
)
post_edit = POST_EDITOR.edit_view(
    load=lambda request, pk: access.get_for_user(request.user, PlannedPost.objects.all(), pk, change=True)
)


@require_GET
@login_required
@permission_required("media_relations.view_bulletinissue", raise_exception=True)
def bulletin_list(request: HttpRequest) -> HttpResponse:
    qs = BulletinIssue.objects.annotate(
        article_count=Count("articles"),
        approved_count=Count("articles", filter=Q(articles__status=BulletinArticle.Status.APPROVED)),
    ).order_by("-planned_on", "-id")
    return list_page(
        request,
        queryset=qs,
        fragment="media_relations/planning/_bulletin_table.html",
        title=_("Bulletin"),
        links=[
            PageLink(_("New issue"), reverse("media_relations:bulletin_create"), "media_relations.add_bulletinissue")
        ],
        subnav="media_relations/_subnav.html",
        section="bulletin",
    )


ISSUE_EDITOR = Editor(
    form=BulletinIssueForm,
    save=lambda request, form: services.save_issue(actor=request.user, issue=form.save(commit=False)),
    success=gettext_lazy("The issue was planned."),
    detail="media_relations:bulletin_detail",
    listing=("media_relations:bulletin_list", gettext_lazy("Bulletin")),
    titles=(gettext_lazy("New bulletin issue"), gettext_lazy("Edit %(record)s")),
)
bulletin_create = ISSUE_EDITOR.create_view(
    permission="media_relations.add_bulletinissue", new=lambda request: BulletinIssue()
)


def _issue_url(issue: BulletinIssue) -> str:
    return reverse("media_relations:bulletin_detail", args=[issue.pk])


def _bulletin_detail(request: HttpRequest, issue: BulletinIssue, bound: dict[str, Any] | None = None) -> HttpResponse:
    context = {
        "issue": issue,
        "articles": list(issue.articles.select_related("author")),
        "can_change": access.can_change(request.user, BulletinIssue),
        **BULLETIN_ACTIONS.context(request, issue, bound),
    }
    return render(request, "media_relations/planning/bulletin_detail.html", context)


def _start_pdf(request: HttpRequest, issue: BulletinIssue, data: dict[str, Any]) -> HttpResponse:
    job = start_job(
        actor=request.user,
        kind=BULLETIN_PDF,
        title=_("Bulletin %(number)s (PDF)") % {"number": issue.number},
        params={"issue_id": issue.pk, "language": request.LANGUAGE_CODE},
    )
    return redirect("office:job_detail", job.pk)


BULLETIN_ACTIONS = ActionSet(
    "bulletin",
    load=lambda request, pk: access.get_for_user(request.user, BulletinIssue.objects.all(), pk),
    done_url=_issue_url,
    redisplay=_bulletin_detail,
    record_arg="issue",
    actions=[
        Action(
            "approve",
            services.approve_issue,
            permission="media_relations.approve_answer",
            when=lambda issue: issue.status == BulletinIssue.Status.PLANNING,
            success=gettext_lazy("The issue was approved."),
        ),
        Action("pdf", run=_start_pdf),
    ],
)


@require_GET
@login_required
def bulletin_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _bulletin_detail(request, access.get_for_user(request.user, BulletinIssue.objects.all(), pk))


def _save_article(request: HttpRequest, issue: BulletinIssue, article: BulletinArticle, title: str) -> HttpResponse:
    return edit_record(
        request,
        BulletinArticleForm(
            request.POST or None, instance=article, may_approve=request.user.has_perm("media_relations.approve_answer")
        ),
        save=lambda form: services.save_article(actor=request.user, article=form.save(commit=False)),
        success=_("The article was saved."),
        done_url=lambda saved: _issue_url(issue),
        title=title,
        cancel_url=_issue_url(issue),
        parents=[(reverse("media_relations:bulletin_list"), _("Bulletin")), (_issue_url(issue), str(issue))],
    )


@require_http_methods(["GET", "POST"])
@login_required
def article_create(request: HttpRequest, pk: int) -> HttpResponse:
    issue = access.get_for_user(request.user, BulletinIssue.objects.all(), pk, change=True)
    return _save_article(request, issue, BulletinArticle(issue=issue), _("New article"))


@require_http_methods(["GET", "POST"])
@login_required
def article_edit(request: HttpRequest, pk: int) -> HttpResponse:
    article = access.get_for_user(request.user, BulletinArticle.objects.select_related("issue"), pk, change=True)
    return _save_article(request, article.issue, article, _("Edit the article"))
