"""The publishing plan and the bulletin issues (with the issue PDF through the office job mechanism)."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from media_relations import access
from media_relations.forms import BulletinArticleForm, BulletinIssueForm, PlannedPostForm
from media_relations.models import BulletinArticle, BulletinIssue, PlannedPost
from media_relations.reports import BULLETIN_PDF
from media_relations.services import planning as services
from media_relations.views.common import form_page
from office.kit import apply_errors, paginate
from office.services.jobs import start_job


@require_GET
@login_required
@permission_required("media_relations.view_plannedpost", raise_exception=True)
def plan(request: HttpRequest) -> HttpResponse:
    show_past = request.GET.get("past") == "1"
    qs = PlannedPost.objects.select_related("owner")
    qs = qs.order_by("-planned_at") if show_past else qs.filter(planned_at__gte=timezone.now() - dt.timedelta(days=1))
    return render(
        request, "media_relations/planning/plan.html", {"page_obj": paginate(request, qs), "show_past": show_past}
    )


def _save_post(request: HttpRequest, post: PlannedPost, title: str) -> HttpResponse:
    form = PlannedPostForm(request.POST or None, instance=post)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_post(actor=request.user, post=form.save(commit=False))
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The post was saved."))
            return redirect("media_relations:plan")
    return form_page(
        request,
        form,
        title=title,
        cancel_url=reverse("media_relations:plan"),
        submit_label=_("Save"),
        parents=[(reverse("media_relations:plan"), _("Publishing plan"))],
    )


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("media_relations.add_plannedpost", raise_exception=True)
def post_create(request: HttpRequest) -> HttpResponse:
    return _save_post(request, PlannedPost(owner=request.user), _("New planned post"))


@require_http_methods(["GET", "POST"])
@login_required
def post_edit(request: HttpRequest, pk: int) -> HttpResponse:
    post = access.get_for_user(request.user, PlannedPost.objects.all(), pk, change=True)
    return _save_post(request, post, _("Edit the planned post"))


@require_GET
@login_required
@permission_required("media_relations.view_bulletinissue", raise_exception=True)
def bulletin_list(request: HttpRequest) -> HttpResponse:
    from django.db.models import Count, Q

    qs = BulletinIssue.objects.annotate(
        article_count=Count("articles"), approved_count=Count("articles", filter=Q(articles__status="approved"))
    ).order_by("-planned_on", "-id")
    return render(request, "media_relations/planning/bulletin_list.html", {"page_obj": paginate(request, qs)})


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("media_relations.add_bulletinissue", raise_exception=True)
def bulletin_create(request: HttpRequest) -> HttpResponse:
    form = BulletinIssueForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            issue = services.save_issue(actor=request.user, issue=form.save(commit=False))
        except ValidationError as error:
            apply_errors(form, error)
        else:
            return redirect("media_relations:bulletin_detail", issue.pk)
    return form_page(
        request,
        form,
        title=_("New bulletin issue"),
        cancel_url=reverse("media_relations:bulletin_list"),
        submit_label=_("Save"),
        parents=[(reverse("media_relations:bulletin_list"), _("Bulletin"))],
    )


@require_GET
@login_required
def bulletin_detail(request: HttpRequest, pk: int) -> HttpResponse:
    issue = access.get_for_user(request.user, BulletinIssue.objects.all(), pk)
    return render(
        request,
        "media_relations/planning/bulletin_detail.html",
        {
            "issue": issue,
            "articles": list(issue.articles.select_related("author")),
            "can_change": access.can_change(request.user, BulletinIssue),
            "can_approve": request.user.has_perm("media_relations.approve_answer"),
        },
    )


def _save_article(request: HttpRequest, issue: BulletinIssue, article: BulletinArticle, title: str) -> HttpResponse:
    form = BulletinArticleForm(request.POST or None, instance=article)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_article(actor=request.user, article=form.save(commit=False))
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The article was saved."))
            return redirect("media_relations:bulletin_detail", issue.pk)
    return form_page(
        request,
        form,
        title=title,
        cancel_url=reverse("media_relations:bulletin_detail", args=[issue.pk]),
        submit_label=_("Save"),
        parents=[
            (reverse("media_relations:bulletin_list"), _("Bulletin")),
            (reverse("media_relations:bulletin_detail", args=[issue.pk]), str(issue)),
        ],
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


@require_POST
@login_required
def bulletin_approve(request: HttpRequest, pk: int) -> HttpResponse:
    issue = access.get_for_user(request.user, BulletinIssue.objects.all(), pk)
    access.require(request.user.has_perm("media_relations.approve_answer"))
    try:
        services.approve_issue(actor=request.user, issue=issue)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The issue was approved."))
    return redirect("media_relations:bulletin_detail", pk)


@require_POST
@login_required
def bulletin_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    issue = access.get_for_user(request.user, BulletinIssue.objects.all(), pk)
    job = start_job(
        actor=request.user,
        kind=BULLETIN_PDF,
        title=_("Bulletin %(number)s (PDF)") % {"number": issue.number},
        params={"issue_id": issue.pk},
    )
    return redirect("office:job_detail", job.pk)
