"""Partner cities (with their agreements and the history of visits) and foreign delegations
(the programme by the hour, the gifts, on the host's calendar)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from calendar_app.travel import access
from calendar_app.travel.filters import DelegationFilter, PartnerFilter
from calendar_app.travel.forms import AgreementForm, DelegationForm, GiftForm, NoteForm, PartnerForm, ProgrammeForm
from calendar_app.travel.models import Delegation, DelegationStatus, PartnerCity
from calendar_app.travel.services import relations as services
from office.kit import Action, ActionSet, Editor, PageLink, attach_action, list_page, record_context


@require_GET
@login_required
@permission_required(access.VIEW_PARTNER, raise_exception=True)
def partner_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=PartnerCity.objects.select_related("country").order_by("name"),
        filterset_class=PartnerFilter,
        fragment="travel/_partners.html",
        title=_("Partner cities and foreign partners"),
        filter_label=_("Filter the partners"),
        links=[PageLink(_("Add a partner"), reverse("travel:partner_create"), "travel.add_partnercity")],
        subnav="travel/_subnav.html",
        section="partners",
    )


PARTNER_EDITOR = Editor(
    form=PartnerForm,
    save=lambda request, form: services.save_partner(
        actor=request.user, partner=form.save(commit=False), contacts=form.cleaned_data["contacts"]
    ),
    success=gettext_lazy("The partner was saved."),
    detail="travel:partner_detail",
    listing=("travel:partner_list", gettext_lazy("Partner cities and foreign partners")),
    titles=(gettext_lazy("New partner"), gettext_lazy("Change %(record)s")),
)
partner_create = PARTNER_EDITOR.create_view(permission="travel.add_partnercity", new=lambda request: PartnerCity())


def _partner_editable(request: HttpRequest, pk: Any) -> PartnerCity:
    access.require(request.user.has_perm(access.CHANGE_PARTNER))
    return access.get_partner(request.user, pk)


partner_edit = PARTNER_EDITOR.edit_view(load=_partner_editable)


def _partner_detail(request: HttpRequest, partner: PartnerCity, bound: dict[str, Any] | None = None) -> HttpResponse:
    context = {
        "partner": partner,
        "agreements": partner.agreements.all(),
        "contacts": partner.contacts.order_by("name"),
        "trips": partner.trips.select_related("country").order_by("-departs_at")
        if request.user.has_perm(access.VIEW)
        else None,
        "delegations": partner.delegations.order_by("-arrives_at")
        if request.user.has_perm(access.VIEW_DELEGATION)
        else None,
        "can_change": request.user.has_perm(access.CHANGE_PARTNER),
        **PARTNER_ACTIONS.context(request, partner, bound),
        **record_context(request, partner),
    }
    return render(request, "travel/partner_detail.html", context)


@require_GET
@login_required
def partner_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _partner_detail(request, access.get_partner(request.user, pk))


PARTNER_ACTIONS = ActionSet(
    "partner",
    load=lambda request, pk: access.get_partner(request.user, pk),
    done_url=lambda partner: reverse("travel:partner_detail", args=[partner.pk]),
    redisplay=_partner_detail,
    permission=access.CHANGE_PARTNER,
    actions=[
        Action("agreement", services.add_agreement, AgreementForm, success=gettext_lazy("The agreement was added."))
    ],
)


@require_GET
@login_required
@permission_required(access.VIEW_DELEGATION, raise_exception=True)
def delegation_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=Delegation.objects.select_related("country", "partner", "host").order_by("-arrives_at", "-id"),
        filterset_class=DelegationFilter,
        fragment="travel/_delegations.html",
        title=_("Foreign delegations"),
        filter_label=_("Filter the delegations"),
        links=[PageLink(_("Register a delegation"), reverse("travel:delegation_create"), "travel.add_delegation")],
        subnav="travel/_subnav.html",
        section="delegations",
    )


DELEGATION_EDITOR = Editor(
    form=DelegationForm,
    save=lambda request, form: services.save_delegation(
        actor=request.user,
        delegation=form.save(commit=False),
        keep_conflict_reason=form.cleaned_data["keep_conflict_reason"],
    ),
    success=gettext_lazy("The delegation was saved."),
    detail="travel:delegation_detail",
    listing=("travel:delegation_list", gettext_lazy("Foreign delegations")),
    titles=(gettext_lazy("Register a foreign delegation"), gettext_lazy("Change %(record)s")),
)
delegation_create = DELEGATION_EDITOR.create_view(permission="travel.add_delegation", new=lambda request: Delegation())


def _delegation_editable(request: HttpRequest, pk: Any) -> Delegation:
    delegation = access.get_delegation(request.user, pk)
    access.require(request.user.has_perm(access.CHANGE_DELEGATION) and delegation.status == DelegationStatus.PLANNED)
    return delegation


delegation_edit = DELEGATION_EDITOR.edit_view(load=_delegation_editable)


def _delegation_detail(
    request: HttpRequest, delegation: Delegation, bound: dict[str, Any] | None = None
) -> HttpResponse:
    context = {
        "delegation": delegation,
        "programme": delegation.programme.all(),
        "gifts": delegation.gifts.all(),
        "can_change": request.user.has_perm(access.CHANGE_DELEGATION) and delegation.status == DelegationStatus.PLANNED,
        **DELEGATION_ACTIONS.context(request, delegation, bound),
        **record_context(
            request,
            delegation,
            attach_url=reverse("travel:delegation_attach", args=[delegation.pk]),
            can_attach=request.user.has_perm(access.CHANGE_DELEGATION),
            attachment_form=(bound or {}).get("attachment_form"),
        ),
    }
    return render(request, "travel/delegation_detail.html", context)


@require_GET
@login_required
def delegation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _delegation_detail(request, access.get_delegation(request.user, pk))


def _planned(delegation: Delegation) -> bool:
    return delegation.status == DelegationStatus.PLANNED


DELEGATION_ACTIONS = ActionSet(
    "delegation",
    load=lambda request, pk: access.get_delegation(request.user, pk),
    done_url=services.delegation_url,
    redisplay=_delegation_detail,
    permission=access.CHANGE_DELEGATION,
    actions=[
        Action("programme", services.add_programme_item, ProgrammeForm, success=gettext_lazy("The item was added.")),
        Action("gift", services.add_gift, GiftForm, success=gettext_lazy("The gift was recorded.")),
        Action(
            "held",
            lambda *, actor, delegation, note: services.set_status(
                actor=actor, delegation=delegation, status=DelegationStatus.HELD, note=note
            ),
            NoteForm,
            when=_planned,
            success=gettext_lazy("The visit was marked held."),
        ),
        Action(
            "cancel",
            lambda *, actor, delegation, note: services.set_status(
                actor=actor, delegation=delegation, status=DelegationStatus.CANCELLED, note=note
            ),
            NoteForm,
            when=_planned,
            success=gettext_lazy("The visit was cancelled."),
        ),
        attach_action(allowed=lambda user, delegation: user.has_perm(access.CHANGE_DELEGATION)),
    ],
)
