"""The registers of contracts and agreements and of cultural institutions."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from office.kit import Action, ActionSet, Editor, PageLink, attach_action, list_page, record_context
from office.registers import services
from office.registers.filters import AgreementFilter, InstitutionFilter
from office.registers.forms import AgreementForm, EndAgreementForm, InstitutionForm
from office.registers.models import Agreement, CulturalInstitution

AGREEMENTS = ("registers:agreement_list", gettext_lazy("Contracts and agreements"))
INSTITUTIONS = ("registers:institution_list", gettext_lazy("Cultural institutions"))
CHANGE_AGREEMENT = "registers.change_agreement"


def _get(request: HttpRequest, model: type, pk: Any, *, change: bool = False) -> Any:
    label = model._meta.model_name
    if not request.user.has_perm(f"registers.view_{label}"):
        raise PermissionDenied
    try:
        record = model.objects.get(pk=pk)
    except (model.DoesNotExist, ValueError):
        raise Http404 from None
    if change and not request.user.has_perm(f"registers.change_{label}"):
        raise PermissionDenied
    return record


@require_GET
@login_required
@permission_required("registers.view_agreement", raise_exception=True)
def agreement_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=Agreement.objects.select_related("unit").prefetch_related("parties").order_by("-starts_on", "-id"),
        filterset_class=AgreementFilter,
        fragment="registers/_agreements.html",
        title=_("Contracts and agreements"),
        links=[PageLink(_("New agreement"), reverse("registers:agreement_create"), "registers.add_agreement")],
        subnav="registers/_subnav.html",
        section="agreements",
    )


AGREEMENT_EDITOR = Editor(
    form=AgreementForm,
    save=lambda request, form: services.save_agreement(
        actor=request.user, agreement=form.save(commit=False), parties=form.cleaned_data["parties"]
    ),
    success=gettext_lazy("The agreement was saved."),
    detail="registers:agreement_detail",
    listing=AGREEMENTS,
    titles=(gettext_lazy("New agreement"), gettext_lazy("Edit %(record)s")),
)
agreement_create = AGREEMENT_EDITOR.create_view(permission="registers.add_agreement", new=lambda request: Agreement())
agreement_edit = AGREEMENT_EDITOR.edit_view(load=lambda request, pk: _get(request, Agreement, pk, change=True))


def _agreement_page(request: HttpRequest, agreement: Agreement, bound: dict[str, Any] | None = None) -> HttpResponse:
    can_change = request.user.has_perm(CHANGE_AGREEMENT)
    context = {
        "agreement": agreement,
        "parties": list(agreement.parties.order_by("name")),
        "can_change": can_change,
        **AGREEMENT_ACTIONS.context(request, agreement, bound),
        **record_context(
            request,
            agreement,
            attach_url=reverse("registers:agreement_attach", args=[agreement.pk]),
            can_attach=can_change,
            attachment_form=(bound or {}).get("attachment_form"),
        ),
    }
    return render(request, "registers/agreement_detail.html", context)


@require_GET
@login_required
def agreement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _agreement_page(request, _get(request, Agreement, pk))


AGREEMENT_ACTIONS = ActionSet(
    "agreement",
    load=lambda request, pk: _get(request, Agreement, pk),
    done_url=lambda agreement: reverse("registers:agreement_detail", args=[agreement.pk]),
    redisplay=_agreement_page,
    permission=CHANGE_AGREEMENT,
    actions=[
        Action(
            "end",
            services.end_agreement,
            EndAgreementForm,
            when=lambda agreement: agreement.is_in_force,
            success=gettext_lazy("The agreement was marked as no longer in force."),
        ),
        attach_action(allowed=lambda user, agreement: user.has_perm(CHANGE_AGREEMENT)),
    ],
)


@require_GET
@login_required
@permission_required("registers.view_culturalinstitution", raise_exception=True)
def institution_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=CulturalInstitution.objects.select_related("supervising_unit").order_by("register_number"),
        filterset_class=InstitutionFilter,
        fragment="registers/_institutions.html",
        title=_("Register of cultural institutions"),
        links=[PageLink(_("New entry"), reverse("registers:institution_create"), "registers.add_culturalinstitution")],
        subnav="registers/_subnav.html",
        section="institutions",
    )


INSTITUTION_EDITOR = Editor(
    form=InstitutionForm,
    save=lambda request, form: services.save_institution(actor=request.user, institution=form.save(commit=False)),
    success=gettext_lazy("The entry was saved."),
    detail="registers:institution_detail",
    listing=INSTITUTIONS,
    titles=(gettext_lazy("New entry in the register"), gettext_lazy("Edit %(record)s")),
)
institution_create = INSTITUTION_EDITOR.create_view(
    permission="registers.add_culturalinstitution", new=lambda request: CulturalInstitution()
)
institution_edit = INSTITUTION_EDITOR.edit_view(
    load=lambda request, pk: _get(request, CulturalInstitution, pk, change=True)
)


@require_GET
@login_required
def institution_detail(request: HttpRequest, pk: int) -> HttpResponse:
    institution = _get(request, CulturalInstitution, pk)
    context = {
        "institution": institution,
        "can_change": request.user.has_perm("registers.change_culturalinstitution"),
        **record_context(request, institution),
    }
    return render(request, "registers/institution_detail.html", context)
