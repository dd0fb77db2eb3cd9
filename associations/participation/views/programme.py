"""The cooperation programme with NGOs: its record with the statutory dates, adoption, the report
(assembled from the registers, edited, as PDF) and the grants register."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from associations.participation import reports
from associations.participation.access import get_for_user, loader, perm
from associations.participation.filters import GrantFilter
from associations.participation.forms import AdoptForm, GrantForm, ProgrammeForm, ReportTextForm, SubmitReportForm
from associations.participation.models import Grant, Programme
from associations.participation.services import programme as services
from associations.participation.views.common import SUBNAV, job_starter, record_page
from office.kit import Action, ActionSet, Editor, PageLink, attach_action, list_page

CHANGE = perm("change", "programme")


@require_GET
@login_required
@permission_required(perm("view", "programme"), raise_exception=True)
def programme_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=Programme.objects.order_by("-year"),
        fragment="participation/programme/_table.html",
        title=_("Cooperation programmes with NGOs"),
        links=[PageLink(_("New programme"), reverse("participation:programme_create"), perm("add", "programme"))],
        subnav=SUBNAV,
        section="programme",
    )


PROGRAMME_EDITOR = Editor(
    form=ProgrammeForm,
    save=lambda request, form: services.save_programme(actor=request.user, programme=form.save(commit=False)),
    success=gettext_lazy("The programme was saved."),
    detail="participation:programme_detail",
    listing=("participation:programme_list", gettext_lazy("Cooperation programmes with NGOs")),
    titles=(gettext_lazy("New cooperation programme"), gettext_lazy("Change %(record)s")),
)
programme_create = PROGRAMME_EDITOR.create_view(permission=perm("add", "programme"), new=lambda request: Programme())
programme_edit = PROGRAMME_EDITOR.edit_view(load=loader(Programme.objects.all, "programme", "change"))


def _programme_page(request: HttpRequest, programme: Programme, bound: dict[str, Any] | None = None) -> HttpResponse:
    return record_page(
        request,
        "participation/programme/detail.html",
        programme,
        PROGRAMME_ACTIONS,
        bound,
        name="programme",
        can_change=request.user.has_perm(CHANGE),
        figures=services.report_figures(programme),
    )


@require_GET
@login_required
def programme_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _programme_page(request, get_for_user(request.user, Programme.objects.all(), pk, perm("view", "programme")))


PROGRAMME_ACTIONS = ActionSet(
    "programme",
    load=loader(Programme.objects.all, "programme"),
    done_url=services.programme_url,
    redisplay=_programme_page,
    permission=CHANGE,
    actions=[
        Action("adopt", services.adopt, AdoptForm, success=gettext_lazy("The adoption was recorded.")),
        Action(
            "report_draft",
            services.draft_report,
            success=gettext_lazy("The report was assembled from the registers; check and complete it."),
        ),
        Action(
            "report_text",
            services.edit_report,
            ReportTextForm,
            when=lambda programme: bool(programme.report_text),
            initial=lambda request, programme: {"text": programme.report_text},
            success=gettext_lazy("The report was saved."),
        ),
        Action(
            "report_submit",
            services.submit_report,
            SubmitReportForm,
            when=lambda programme: bool(programme.report_text) and programme.report_submitted_on is None,
            success=gettext_lazy("The report was marked as submitted."),
        ),
        Action(
            "report_pdf",
            run=job_starter(reports.PROGRAMME_REPORT, gettext_lazy("Report: %(record)s"), "programme"),
            permission=perm("view", "programme"),
            when=lambda programme: bool(programme.report_text),
        ),
        attach_action(allowed=lambda user, programme: user.has_perm(CHANGE)),
    ],
)


# --- Grants -----------------------------------------------------------------------------------


@require_GET
@login_required
@permission_required(perm("view", "grant"), raise_exception=True)
def grant_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=Grant.objects.select_related("organisation", "programme").order_by("-awarded_on", "-id"),
        filterset_class=GrantFilter,
        fragment="participation/programme/_grants.html",
        title=_("Grants to NGOs"),
        filter_label=_("Filter the grants"),
        links=[PageLink(_("Register a grant"), reverse("participation:grant_create"), perm("add", "grant"))],
        subnav=SUBNAV,
        section="grants",
    )


GRANT_EDITOR = Editor(
    form=GrantForm,
    save=lambda request, form: services.save_grant(actor=request.user, grant=form.save(commit=False)),
    success=gettext_lazy("The grant was saved."),
    detail="participation:grant_detail",
    listing=("participation:grant_list", gettext_lazy("Grants to NGOs")),
    titles=(gettext_lazy("Register a grant"), gettext_lazy("Change the grant")),
)
grant_create = GRANT_EDITOR.create_view(permission=perm("add", "grant"), new=lambda request: Grant())
grant_edit = GRANT_EDITOR.edit_view(load=loader(Grant.objects.all, "grant", "change"))


def _grants() -> Any:
    return Grant.objects.select_related("organisation", "programme")


def _grant_page(request: HttpRequest, grant: Grant, bound: dict[str, Any] | None = None) -> HttpResponse:
    can_change = request.user.has_perm(perm("change", "grant"))
    return record_page(
        request, "participation/programme/grant.html", grant, GRANT_ACTIONS, bound, name="grant", can_change=can_change
    )


@require_GET
@login_required
def grant_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _grant_page(request, get_for_user(request.user, _grants(), pk, perm("view", "grant")))


GRANT_ACTIONS = ActionSet(
    "grant",
    load=loader(_grants, "grant"),
    done_url=lambda grant: reverse("participation:grant_detail", args=[grant.pk]),
    redisplay=_grant_page,
    permission=perm("change", "grant"),
    actions=[attach_action(allowed=lambda user, grant: user.has_perm(perm("change", "grant")))],
)
