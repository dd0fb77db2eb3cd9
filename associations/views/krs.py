"""Associations and foundations of the court register under the mayor's supervision: the list,
typing one in or importing a spreadsheet, an organisation's page (supervision cases, opinions,
annual reports), the cases, the opinions for the court and the reports missing in a year."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required, permission_required
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from associations import access
from associations.filters import CaseFilter, OpinionFilter, OrganisationFilter
from associations.forms import (
    CaseForm,
    CloseCaseForm,
    ExtendCaseForm,
    OpinionForm,
    OrganisationForm,
    OrganisationImportForm,
    ReportForm,
)
from associations.models import CourtOpinion, KrsOrganisation, SupervisionCase
from associations.services import krs as services
from office.kit import Action, ActionSet, Editor, PageLink, attach_action, list_page, record_context
from office.kit.imports import Importer, Match, find_by

ORGANISATIONS = ("associations:krs_list", gettext_lazy("Organisations in KRS"))


@require_GET
@login_required
@permission_required(access.VIEW_KRS, raise_exception=True)
def krs_list(request: HttpRequest) -> HttpResponse:
    open_cases = Count("supervision_cases", filter=Q(supervision_cases__closed_on__isnull=True))
    return list_page(
        request,
        queryset=KrsOrganisation.objects.annotate(open_cases=open_cases).order_by("name", "id"),
        filterset_class=OrganisationFilter,
        fragment="associations/krs/_table.html",
        title=_("Associations and foundations in KRS"),
        links=[
            PageLink(_("Register an organisation"), reverse("associations:krs_create"), access.ADD_KRS),
            PageLink(_("Import from a spreadsheet"), reverse("associations:krs_import"), access.ADD_KRS),
        ],
        subnav="associations/_subnav.html",
        section="krs",
    )


EDITOR = Editor(
    form=OrganisationForm,
    save=lambda request, form: services.save_organisation(actor=request.user, organisation=form.save(commit=False)),
    success=gettext_lazy("The organisation was saved."),
    detail="associations:krs_detail",
    listing=ORGANISATIONS,
    titles=(gettext_lazy("Register an organisation of the court register"), gettext_lazy("Change %(record)s")),
)
krs_create = EDITOR.create_view(permission=access.ADD_KRS, new=lambda request: KrsOrganisation())
krs_edit = EDITOR.edit_view(load=access.editable(KrsOrganisation, access.VIEW_KRS, access.CHANGE_KRS))


def _load(request: HttpRequest, pk: Any) -> KrsOrganisation:
    return access.get_for_user(KrsOrganisation, request.user, access.VIEW_KRS, pk)


def _organisation_page(
    request: HttpRequest, organisation: KrsOrganisation, bound: dict[str, Any] | None = None
) -> HttpResponse:
    context = {
        "organisation": organisation,
        "cases": list(organisation.supervision_cases.order_by("-opened_on", "-id")),
        "opinions": list(organisation.court_opinions.order_by("-requested_on", "-id")),
        "reports": list(organisation.annual_reports.order_by("-year")),
        "can_change": request.user.has_perm(access.CHANGE_KRS),
        **KRS_ACTIONS.context(request, organisation, bound),
        **record_context(
            request,
            organisation,
            attach_url=reverse("associations:krs_attach", args=[organisation.pk]),
            can_attach=request.user.has_perm(access.CHANGE_KRS),
            attachment_form=(bound or {}).get("attachment_form"),
        ),
    }
    return render(request, "associations/krs/detail.html", context)


@require_GET
@login_required
def krs_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _organisation_page(request, _load(request, pk))


KRS_ACTIONS = ActionSet(
    "krs",
    load=_load,
    done_url=lambda organisation: reverse("associations:krs_detail", args=[organisation.pk]),
    redisplay=_organisation_page,
    permission=access.CHANGE_KRS,
    record_arg="organisation",
    actions=[
        Action(
            "case",
            services.open_case,
            CaseForm,
            permission=access.ADD_CASE,
            success=gettext_lazy("The supervision case was opened."),
        ),
        Action(
            "report",
            services.receive_report,
            ReportForm,
            permission=access.ADD_REPORT,
            when=lambda organisation: organisation.is_foundation,
            initial=lambda request, organisation: {"year": timezone.localdate().year - 1},
            success=gettext_lazy("The annual report was registered."),
        ),
        attach_action(allowed=lambda user, organisation: user.has_perm(access.CHANGE_KRS)),
    ],
)


# --- Import from a spreadsheet (office.kit.imports) --------------------------------------------


def _keys(data: dict[str, Any]) -> list[str]:
    return [f"krs:{data['krs_number']}"]


def _existing(rows: list[dict[str, Any]]) -> dict[str, Match]:
    found = find_by(KrsOrganisation.objects.all(), {"krs_number": [row["krs_number"] for row in rows]})
    return {
        f"krs:{organisation.krs_number}": Match(
            str(organisation), reverse("associations:krs_detail", args=[organisation.pk])
        )
        for organisation in found
    }


KRS_IMPORT = Importer(
    key="associations.krs",
    url_name="associations:krs",
    label=gettext_lazy("Organisations in KRS"),
    permission=access.ADD_KRS,
    form=OrganisationImportForm,
    columns=(
        "krs_number",
        "legal_form",
        "name",
        "seat_address",
        "registered_on",
        "nip",
        "regon",
        "representation",
        "purpose",
        "public_benefit",
        "email",
    ),
    keys=_keys,
    existing=_existing,
    save=services.import_organisations,
    listing="associations:krs_list",
    aliases={
        "krs_number": ("krs", "numer krs", "nr krs"),
        "legal_form": ("forma prawna", "forma"),
        "name": ("nazwa organizacji",),
        "seat_address": ("siedziba", "adres"),
        "registered_on": ("data rejestracji", "data wpisu"),
        "public_benefit": ("opp", "status opp"),
    },
)


# --- Supervision cases --------------------------------------------------------------------------


@require_GET
@login_required
@permission_required(access.VIEW_CASE, raise_exception=True)
def case_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=SupervisionCase.objects.select_related("organisation").order_by("closed_on", "due_on", "id"),
        filterset_class=CaseFilter,
        fragment="associations/cases/_table.html",
        title=_("Supervision cases"),
        subnav="associations/_subnav.html",
        section="cases",
    )


def _load_case(request: HttpRequest, pk: Any) -> SupervisionCase:
    return access.get_for_user(SupervisionCase, request.user, access.VIEW_CASE, pk, "organisation", "created_by")


def _case_page(request: HttpRequest, case: SupervisionCase, bound: dict[str, Any] | None = None) -> HttpResponse:
    context = {
        "case": case,
        **CASE_ACTIONS.context(request, case, bound),
        **record_context(
            request,
            case,
            attach_url=reverse("associations:case_attach", args=[case.pk]),
            can_attach=request.user.has_perm(access.CHANGE_CASE),
            attachment_form=(bound or {}).get("attachment_form"),
        ),
    }
    return render(request, "associations/cases/detail.html", context)


@require_GET
@login_required
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _case_page(request, _load_case(request, pk))


CASE_ACTIONS = ActionSet(
    "case",
    load=_load_case,
    done_url=lambda case: reverse("associations:case_detail", args=[case.pk]),
    redisplay=_case_page,
    permission=access.CHANGE_CASE,
    record_arg="case",
    actions=[
        Action(
            "close",
            services.close_case,
            CloseCaseForm,
            when=lambda case: case.is_open,
            success=gettext_lazy("The case was closed."),
        ),
        Action(
            "extend",
            services.extend_case,
            ExtendCaseForm,
            when=lambda case: case.is_open,
            initial=lambda request, case: {"due_on": case.due_on},
            success=gettext_lazy("The due date was changed."),
        ),
        attach_action(allowed=lambda user, case: user.has_perm(access.CHANGE_CASE)),
    ],
)


# --- Opinions for the registry court ---------------------------------------------------------------


@require_GET
@login_required
@permission_required(access.VIEW_OPINION, raise_exception=True)
def opinion_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=CourtOpinion.objects.select_related("organisation").order_by("given_on", "due_on", "-id"),
        filterset_class=OpinionFilter,
        fragment="associations/opinions/_table.html",
        title=_("Opinions for the registry court"),
        links=[
            PageLink(_("Register a request for an opinion"), reverse("associations:opinion_create"), access.ADD_OPINION)
        ],
        subnav="associations/_subnav.html",
        section="opinions",
    )


def _initial_opinion(request: HttpRequest) -> CourtOpinion:
    asked = request.GET.get("organisation", "")
    organisation = (
        KrsOrganisation.objects.filter(pk=int(asked)).first() if asked.isdigit() and len(asked) < 12 else None
    )
    return CourtOpinion(organisation=organisation, requested_on=timezone.localdate())


OPINION_EDITOR = Editor(
    form=OpinionForm,
    save=lambda request, form: services.save_opinion(actor=request.user, opinion=form.save(commit=False)),
    success=gettext_lazy("The opinion was saved."),
    detail=lambda opinion: (
        reverse("associations:krs_detail", args=[opinion.organisation_id]) + f"#opinion-{opinion.pk}"
    ),
    listing=("associations:opinion_list", gettext_lazy("Opinions for the registry court")),
    titles=(gettext_lazy("Register a request for an opinion"), gettext_lazy("Opinion %(record)s")),
)
opinion_create = OPINION_EDITOR.create_view(permission=access.ADD_OPINION, new=_initial_opinion)
opinion_edit = OPINION_EDITOR.edit_view(load=access.editable(CourtOpinion, access.VIEW_OPINION, access.CHANGE_OPINION))


# --- Foundations' annual reports ------------------------------------------------------------------


@require_GET
@login_required
@permission_required(access.VIEW_REPORT, raise_exception=True)
def foundation_reports(request: HttpRequest) -> HttpResponse:
    last = timezone.localdate().year - 1
    asked = request.GET.get("year", "")
    year = int(asked) if asked.isdigit() and 2000 <= int(asked) <= last + 1 else last
    foundations = list(services.foundations_for_year(year).order_by("reported", "name", "id"))
    context = {
        "year": year,
        "years": list(range(last + 1, max(1999, last - 6), -1)),
        "missing": [f for f in foundations if not f.reported],
        "received": [f for f in foundations if f.reported],
        "section": "reports",
    }
    return render(request, "associations/krs/reports.html", context)
