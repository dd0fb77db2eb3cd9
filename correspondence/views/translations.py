"""Translation orders of letters and documents."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from correspondence import access, selectors
from correspondence.filters import TranslationFilter
from correspondence.forms import DeliverTranslationForm, ReasonForm, TranslationOrderForm
from correspondence.models import TranslationOrder, TranslationStatus
from correspondence.services import translations as services
from correspondence.workflows import TRANSLATION_WORKFLOW
from office.kit import Action, ActionSet, Editor, PageLink, attach_action, list_page, record_context

CHANGE = "correspondence.change_translationorder"
ADD = "correspondence.add_translationorder"
LIST = ("correspondence:translation_list", gettext_lazy("Translations"))


def _url(order: TranslationOrder) -> str:
    return reverse("correspondence:translation_detail", args=[order.pk])


@require_GET
@login_required
@permission_required("correspondence.view_translationorder", raise_exception=True)
def translation_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=selectors.translations(),
        filterset_class=TranslationFilter,
        fragment="correspondence/translations/_table.html",
        title=_("Translations"),
        links=[
            PageLink(
                _("Order a translation"),
                reverse("correspondence:translation_create"),
                "correspondence.add_translationorder",
            )
        ],
        subnav="correspondence/_subnav.html",
        section="translations",
    )


EDITOR = Editor(
    form=TranslationOrderForm,
    save=lambda request, form: services.save_order(actor=request.user, order=form.save(commit=False)),
    success=gettext_lazy("The translation order was saved."),
    detail="correspondence:translation_detail",
    listing=LIST,
    titles=(gettext_lazy("Order a translation"), gettext_lazy("Change the order")),
    form_kwargs=lambda request: {"user": request.user},
)
translation_create = EDITOR.create_view(
    permission="correspondence.add_translationorder", new=lambda request: TranslationOrder()
)


def _order(request: HttpRequest, pk: Any) -> TranslationOrder:
    access.require(request.user.has_perm("correspondence.view_translationorder"))
    return access.get_or_404(TranslationOrder.objects.select_related("translator", "letter"), pk)


def _editable(request: HttpRequest, pk: Any) -> TranslationOrder:
    access.require(request.user.has_perm(CHANGE))
    order = _order(request, pk)
    access.require(order.is_open)
    return order


translation_edit = EDITOR.edit_view(load=_editable)


def _detail(request: HttpRequest, order: TranslationOrder, bound: dict[str, Any] | None = None) -> HttpResponse:
    context = {
        "order": order,
        "can_change": request.user.has_perm(CHANGE),
        **TRANSLATION_ACTIONS.context(request, order, bound),
        **record_context(
            request,
            order,
            attach_url=reverse("correspondence:translation_attach", args=[order.pk]),
            can_attach=request.user.has_perm(CHANGE),
            attachment_form=(bound or {}).get("attachment_form"),
        ),
    }
    return render(request, "correspondence/translations/detail.html", context)


@require_GET
@login_required
def translation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, _order(request, pk))


TRANSLATION_ACTIONS = ActionSet(
    "translation",
    load=_order,
    done_url=_url,
    redisplay=_detail,
    permission=CHANGE,
    record_arg="order",
    actions=[
        Action(
            "start",
            services.start,
            when=lambda order: TRANSLATION_WORKFLOW.can(order.status, TranslationStatus.IN_PROGRESS),
            success=gettext_lazy("The translator has started."),
        ),
        Action(
            "deliver",
            services.deliver,
            DeliverTranslationForm,
            when=lambda order: TRANSLATION_WORKFLOW.can(order.status, TranslationStatus.DELIVERED),
            success=gettext_lazy("The translation was delivered."),
        ),
        Action(
            "cancel",
            services.cancel,
            ReasonForm,
            when=lambda order: TRANSLATION_WORKFLOW.can(order.status, TranslationStatus.CANCELLED),
            success=gettext_lazy("The order was cancelled."),
        ),
        attach_action(allowed=lambda user, order: user.has_perm(CHANGE)),
    ],
)
