"""The social fund's register: the person in charge alone; anyone else gets 404 on every page."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from office.administration import access
from office.administration.filters import SocialFundFilter
from office.administration.forms import SocialFundForm
from office.administration.models import SocialFundApplication
from office.administration.services import social
from office.kit import ActionSet, Editor, PageLink, attach_action, list_page, record_context


def _load(request: HttpRequest, pk: Any) -> SocialFundApplication:
    access.require_social_fund(request.user)
    try:
        return SocialFundApplication.objects.get(pk=pk)
    except (SocialFundApplication.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


@require_GET
@login_required
def social_list(request: HttpRequest) -> HttpResponse:
    access.require_social_fund(request.user)
    return list_page(
        request,
        queryset=SocialFundApplication.objects.order_by("-year", "-number"),
        filterset_class=SocialFundFilter,
        fragment="administration/social/_table.html",
        title=_("Social fund applications"),
        links=[PageLink(_("Register an application"), reverse("administration:social_create"))],
    )


SOCIAL_EDITOR = Editor(
    form=SocialFundForm,
    save=lambda request, form: social.save_application(actor=request.user, application=form.save(commit=False)),
    success=gettext_lazy("The application was saved."),
    detail="administration:social_detail",
    listing=("administration:social_list", gettext_lazy("Social fund applications")),
    titles=(gettext_lazy("Register a social fund application"), gettext_lazy("Change the application")),
)
social_edit = SOCIAL_EDITOR.edit_view(load=_load)


@require_http_methods(["GET", "POST"])
@login_required
def social_create(request: HttpRequest) -> HttpResponse:
    """The editor's create page behind the 404 of the register (not a 403 that would admit it)."""
    access.require_social_fund(request.user)
    return SOCIAL_EDITOR.page(request, SocialFundApplication(received_on=timezone.localdate()))


def _page(
    request: HttpRequest, application: SocialFundApplication, bound: dict[str, Any] | None = None
) -> HttpResponse:
    context = {
        "application": application,
        **SOCIAL_ACTIONS.context(request, application, bound),
        **record_context(
            request,
            application,
            attach_url=reverse("administration:social_attach", args=[application.pk]),
            can_attach=True,
            attachment_form=(bound or {}).get("attachment_form"),
        ),
    }
    return render(request, "administration/social/detail.html", context)


@require_GET
@login_required
def social_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _page(request, _load(request, pk))


SOCIAL_ACTIONS = ActionSet(
    "social",
    load=_load,
    done_url=lambda application: reverse("administration:social_detail", args=[application.pk]),
    redisplay=_page,
    permission=None,
    record_arg="application",
    actions=[attach_action(allowed=lambda user, application: access.social_fund_visible(user))],
)
