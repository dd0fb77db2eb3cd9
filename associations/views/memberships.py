"""The city's memberships of unions and associations (NM-10)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from associations import access
from associations.filters import MembershipFilter
from associations.forms import MembershipForm
from associations.models import Membership
from associations.services import memberships as services
from office.kit import ActionSet, Editor, PageLink, attach_action, list_page, record_context


@require_GET
@login_required
@permission_required(access.VIEW_MEMBERSHIP, raise_exception=True)
def membership_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=Membership.objects.order_by("organisation", "id"),
        filterset_class=MembershipFilter,
        fragment="associations/memberships/_table.html",
        title=_("Memberships of the city"),
        links=[PageLink(_("Register a membership"), reverse("associations:membership_create"), access.ADD_MEMBERSHIP)],
        subnav="associations/_subnav.html",
        section="memberships",
        context={"yearly_fees": services.yearly_fees()},
    )


EDITOR = Editor(
    form=MembershipForm,
    save=lambda request, form: services.save_membership(actor=request.user, membership=form.save(commit=False)),
    success=gettext_lazy("The membership was saved."),
    detail="associations:membership_detail",
    listing=("associations:membership_list", gettext_lazy("Memberships of the city")),
    titles=(gettext_lazy("Register a membership of the city"), gettext_lazy("Change %(record)s")),
)
membership_create = EDITOR.create_view(permission=access.ADD_MEMBERSHIP, new=lambda request: Membership())
membership_edit = EDITOR.edit_view(load=access.editable(Membership, access.VIEW_MEMBERSHIP, access.CHANGE_MEMBERSHIP))


def _load(request: HttpRequest, pk: Any) -> Membership:
    return access.get_for_user(Membership, request.user, access.VIEW_MEMBERSHIP, pk)


def _page(request: HttpRequest, membership: Membership, bound: dict[str, Any] | None = None) -> HttpResponse:
    context = {
        "membership": membership,
        "can_change": request.user.has_perm(access.CHANGE_MEMBERSHIP),
        **ACTIONS.context(request, membership, bound),
        **record_context(
            request,
            membership,
            attach_url=reverse("associations:membership_attach", args=[membership.pk]),
            can_attach=request.user.has_perm(access.CHANGE_MEMBERSHIP),
            attachment_form=(bound or {}).get("attachment_form"),
        ),
    }
    return render(request, "associations/memberships/detail.html", context)


@require_GET
@login_required
def membership_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _page(request, _load(request, pk))


ACTIONS = ActionSet(
    "membership",
    load=_load,
    done_url=lambda membership: reverse("associations:membership_detail", args=[membership.pk]),
    redisplay=_page,
    permission=access.CHANGE_MEMBERSHIP,
    record_arg="membership",
    actions=[attach_action(allowed=lambda user, membership: user.has_perm(access.CHANGE_MEMBERSHIP))],
)
