"""The registers kept beside the patronage applications: honorary titles, medals and awards, and
the events the city co-organises or funds prizes for."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required, permission_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from office.kit import ActionSet, Editor, PageLink, attach_action, list_page, record_context
from patronage import access, services
from patronage.filters import CooperationFilter, TitleFilter
from patronage.forms import CooperationForm, TitleForm
from patronage.models import Cooperation, HonoraryTitle

TITLE_CHANGE = "patronage.change_honorarytitle"
COOPERATION_CHANGE = "patronage.change_cooperation"


def _get(model: Any, user: Any, permission: str, pk: Any, *related: str) -> Any:
    access.require(user.has_perm(permission))
    try:
        return model.objects.select_related(*related).get(pk=pk)
    except (model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def _editable(model: Any, permission: str) -> Any:
    def load(request: HttpRequest, pk: Any) -> Any:
        record = _get(model, request.user, f"patronage.view_{model._meta.model_name}", pk)
        access.require(request.user.has_perm(permission))
        return record

    return load


# --- Honorary titles --------------------------------------------------------------------------------


@require_GET
@login_required
@permission_required("patronage.view_honorarytitle", raise_exception=True)
def title_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=HonoraryTitle.objects.select_related("nominee").order_by("-proposed_on", "-id"),
        filterset_class=TitleFilter,
        fragment="patronage/titles/_table.html",
        title=_("Honorary titles"),
        links=[PageLink(_("Register a title"), reverse("patronage:title_create"), "patronage.add_honorarytitle")],
        subnav="patronage/_subnav.html",
        section="titles",
    )


TITLE_EDITOR = Editor(
    form=TitleForm,
    save=lambda request, form: services.save_title(actor=request.user, title=form.save(commit=False)),
    success=gettext_lazy("The title was saved."),
    detail="patronage:title_detail",
    listing=("patronage:title_list", gettext_lazy("Honorary titles")),
    titles=(gettext_lazy("Register an honorary title"), gettext_lazy("Change the title")),
)
title_create = TITLE_EDITOR.create_view(
    permission="patronage.add_honorarytitle", new=lambda request: HonoraryTitle(proposed_on=timezone.localdate())
)
title_edit = TITLE_EDITOR.edit_view(load=_editable(HonoraryTitle, TITLE_CHANGE))


def _title_page(request: HttpRequest, title: HonoraryTitle, bound: dict[str, Any] | None = None) -> HttpResponse:
    context = {
        "title_record": title,
        "can_change": request.user.has_perm(TITLE_CHANGE),
        **TITLE_ACTIONS.context(request, title, bound),
        **record_context(
            request,
            title,
            attach_url=reverse("patronage:title_attach", args=[title.pk]),
            can_attach=request.user.has_perm(TITLE_CHANGE),
            attachment_form=(bound or {}).get("attachment_form"),
        ),
    }
    return render(request, "patronage/titles/detail.html", context)


@require_GET
@login_required
def title_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _title_page(request, _get(HonoraryTitle, request.user, "patronage.view_honorarytitle", pk, "nominee"))


TITLE_ACTIONS = ActionSet(
    "title",
    load=lambda request, pk: _get(HonoraryTitle, request.user, "patronage.view_honorarytitle", pk, "nominee"),
    done_url=lambda title: reverse("patronage:title_detail", args=[title.pk]),
    redisplay=_title_page,
    permission=TITLE_CHANGE,
    record_arg="title",
    actions=[attach_action(allowed=lambda user, title: user.has_perm(TITLE_CHANGE))],
)


# --- Co-organised events and competitions -------------------------------------------------------------


@require_GET
@login_required
@permission_required("patronage.view_cooperation", raise_exception=True)
def cooperation_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=Cooperation.objects.select_related("partner").order_by("-starts_on", "-id"),
        filterset_class=CooperationFilter,
        fragment="patronage/cooperations/_table.html",
        title=_("Co-organised events and competitions"),
        links=[
            PageLink(
                _("Register an event or competition"),
                reverse("patronage:cooperation_create"),
                "patronage.add_cooperation",
            )
        ],
        subnav="patronage/_subnav.html",
        section="cooperations",
    )


def _save_cooperation(request: HttpRequest, form: CooperationForm) -> Cooperation:
    return services.save_cooperation(
        actor=request.user, cooperation=form.save(commit=False), jury=form.cleaned_data["jury"]
    )


COOPERATION_EDITOR = Editor(
    form=CooperationForm,
    save=_save_cooperation,
    success=gettext_lazy("The event was saved."),
    detail="patronage:cooperation_detail",
    listing=("patronage:cooperation_list", gettext_lazy("Co-organised events and competitions")),
    titles=(gettext_lazy("Register a co-organised event or competition"), gettext_lazy("Change the event")),
)
cooperation_create = COOPERATION_EDITOR.create_view(
    permission="patronage.add_cooperation", new=lambda request: Cooperation()
)
cooperation_edit = COOPERATION_EDITOR.edit_view(load=_editable(Cooperation, COOPERATION_CHANGE))


def _cooperation_page(
    request: HttpRequest, cooperation: Cooperation, bound: dict[str, Any] | None = None
) -> HttpResponse:
    context = {
        "cooperation": cooperation,
        "jury": list(cooperation.jury.order_by("name")),
        "can_change": request.user.has_perm(COOPERATION_CHANGE),
        **COOPERATION_ACTIONS.context(request, cooperation, bound),
        **record_context(
            request,
            cooperation,
            attach_url=reverse("patronage:cooperation_attach", args=[cooperation.pk]),
            can_attach=request.user.has_perm(COOPERATION_CHANGE),
            attachment_form=(bound or {}).get("attachment_form"),
        ),
    }
    return render(request, "patronage/cooperations/detail.html", context)


def _load_cooperation(request: HttpRequest, pk: Any) -> Cooperation:
    return _get(Cooperation, request.user, "patronage.view_cooperation", pk, "partner", "application")


@require_GET
@login_required
def cooperation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _cooperation_page(request, _load_cooperation(request, pk))


COOPERATION_ACTIONS = ActionSet(
    "cooperation",
    load=_load_cooperation,
    done_url=lambda cooperation: reverse("patronage:cooperation_detail", args=[cooperation.pk]),
    redisplay=_cooperation_page,
    permission=COOPERATION_CHANGE,
    record_arg="cooperation",
    actions=[attach_action(allowed=lambda user, cooperation: user.has_perm(COOPERATION_CHANGE))],
)
