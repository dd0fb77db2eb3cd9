"""Small procurements (with the yearly summary per type of supply), paid announcements and
promotion undertakings: lists, records, their edit pages and actions."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from office.administration import access
from office.administration.filters import AnnouncementFilter, ProcurementFilter, PromotionFilter
from office.administration.forms import AnnouncementForm, DeclineForm, ProcurementForm, PromotionForm
from office.administration.models import Announcement, Procurement, Promotion, PromotionDecision
from office.administration.models.spending import THRESHOLD_PLN
from office.administration.services import spending
from office.kit import Action, ActionSet, Editor, PageLink, attach_action, list_page, record_context

SUBNAV = "administration/_subnav.html"


def _perm(model: str, action: str) -> str:
    return f"administration.{action}_{model}"


def _loader(model: Any, *related: str) -> Any:
    name = model._meta.model_name
    return lambda request, pk: access.get_record(model, request.user, _perm(name, "view"), pk, *related)


def _editable(model: Any) -> Any:
    load = _loader(model)

    def editable(request: HttpRequest, pk: Any) -> Any:
        record = load(request, pk)
        access.require(request.user.has_perm(_perm(model._meta.model_name, "change")))
        return record

    return editable


def _page(template: str, name: str, actions: Any) -> Any:
    """The record page of ``name`` (a procurement, an announcement, a promotion)."""

    def page(request: HttpRequest, record: Any, bound: dict[str, Any] | None = None) -> HttpResponse:
        change = _perm(type(record)._meta.model_name, "change")
        context = {
            name: record,
            "can_change": request.user.has_perm(change),
            **actions().context(request, record, bound),
            **record_context(
                request,
                record,
                attach_url=reverse(f"administration:{name}_attach", args=[record.pk]),
                can_attach=request.user.has_perm(change),
                attachment_form=(bound or {}).get("attachment_form"),
            ),
        }
        return render(request, template, context)

    return page


def _actions(name: str, model: Any, page: Any, *more: Action) -> ActionSet:
    change = _perm(model._meta.model_name, "change")
    return ActionSet(
        name,
        load=_loader(model, "line"),
        done_url=lambda record: reverse(f"administration:{name}_detail", args=[record.pk]),
        redisplay=page,
        permission=change,
        record_arg=name,
        actions=[*more, attach_action(allowed=lambda user, record: user.has_perm(change))],
    )


# --- Small procurements --------------------------------------------------------------------------


@require_GET
@login_required
@permission_required("administration.view_procurement", raise_exception=True)
def procurement_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=Procurement.objects.select_related("line").order_by("-year", "-number"),
        filterset_class=ProcurementFilter,
        fragment="administration/procurements/_table.html",
        title=_("Small procurements"),
        links=[
            PageLink(
                _("Register a procurement"),
                reverse("administration:procurement_create"),
                "administration.add_procurement",
            ),
            PageLink(_("Summary per type"), reverse("administration:procurement_summary")),
        ],
        subnav=SUBNAV,
        section="procurements",
    )


@require_GET
@login_required
@permission_required("administration.view_procurement", raise_exception=True)
def procurement_summary(request: HttpRequest) -> HttpResponse:
    """The year's procurements per type of supply: count, estimated value in PLN and euro, ordered."""
    this_year = timezone.localdate().year
    try:
        year = min(max(int(request.GET.get("year", this_year)), 2000), 2199)
    except ValueError:
        year = this_year
    rows = spending.yearly_summary(year)
    context = {
        "year": year,
        "rows": rows,
        "total": {key: sum(row[key] for row in rows) for key in ("count", "value", "eur", "ordered")},
        "threshold": THRESHOLD_PLN,
        "years": list(range(this_year - 4, this_year + 2)),
        "section": "procurements",
    }
    return render(request, "administration/procurements/summary.html", context)


PROCUREMENT_EDITOR = Editor(
    form=ProcurementForm,
    save=lambda request, form: spending.save_procurement(actor=request.user, procurement=form.save(commit=False)),
    success=gettext_lazy("The procurement was saved."),
    detail="administration:procurement_detail",
    listing=("administration:procurement_list", gettext_lazy("Small procurements")),
    titles=(gettext_lazy("Register a small procurement"), gettext_lazy("Change the procurement")),
)
procurement_create = PROCUREMENT_EDITOR.create_view(
    permission="administration.add_procurement", new=lambda request: Procurement(estimated_on=timezone.localdate())
)
procurement_edit = PROCUREMENT_EDITOR.edit_view(load=_editable(Procurement))
_procurement_page = _page("administration/procurements/detail.html", "procurement", lambda: PROCUREMENT_ACTIONS)


@require_GET
@login_required
def procurement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _procurement_page(request, PROCUREMENT_ACTIONS.load(request, pk))


PROCUREMENT_ACTIONS = _actions("procurement", Procurement, _procurement_page)


# --- Paid announcements ----------------------------------------------------------------------------


@require_GET
@login_required
@permission_required("administration.view_announcement", raise_exception=True)
def announcement_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=Announcement.objects.select_related("line").order_by("-published_from", "-id"),
        filterset_class=AnnouncementFilter,
        fragment="administration/announcements/_table.html",
        title=_("Paid announcements"),
        links=[
            PageLink(
                _("Order an announcement"),
                reverse("administration:announcement_create"),
                "administration.add_announcement",
            )
        ],
        subnav=SUBNAV,
        section="announcements",
    )


ANNOUNCEMENT_EDITOR = Editor(
    form=AnnouncementForm,
    save=lambda request, form: spending.save_announcement(actor=request.user, announcement=form.save(commit=False)),
    success=gettext_lazy("The announcement was saved."),
    detail="administration:announcement_detail",
    listing=("administration:announcement_list", gettext_lazy("Paid announcements")),
    titles=(gettext_lazy("Order a paid announcement"), gettext_lazy("Change the announcement")),
)
announcement_create = ANNOUNCEMENT_EDITOR.create_view(
    permission="administration.add_announcement",
    new=lambda request: Announcement(ordered_on=timezone.localdate(), published_from=timezone.localdate()),
)
announcement_edit = ANNOUNCEMENT_EDITOR.edit_view(load=_editable(Announcement))
_announcement_page = _page("administration/announcements/detail.html", "announcement", lambda: ANNOUNCEMENT_ACTIONS)


@require_GET
@login_required
def announcement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _announcement_page(request, ANNOUNCEMENT_ACTIONS.load(request, pk))


ANNOUNCEMENT_ACTIONS = _actions("announcement", Announcement, _announcement_page)


# --- Promotion undertakings ---------------------------------------------------------------------------


@require_GET
@login_required
@permission_required("administration.view_promotion", raise_exception=True)
def promotion_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=Promotion.objects.select_related("line").order_by("-starts_on", "-id"),
        filterset_class=PromotionFilter,
        fragment="administration/promotions/_table.html",
        title=_("Promotion undertakings"),
        links=[
            PageLink(
                _("Register an undertaking"), reverse("administration:promotion_create"), "administration.add_promotion"
            )
        ],
        subnav=SUBNAV,
        section="promotions",
    )


PROMOTION_EDITOR = Editor(
    form=PromotionForm,
    save=lambda request, form: spending.save_promotion(actor=request.user, promotion=form.save(commit=False)),
    success=gettext_lazy("The undertaking was saved."),
    detail="administration:promotion_detail",
    listing=("administration:promotion_list", gettext_lazy("Promotion undertakings")),
    titles=(gettext_lazy("Register a promotion undertaking"), gettext_lazy("Change the undertaking")),
)
promotion_create = PROMOTION_EDITOR.create_view(
    permission="administration.add_promotion", new=lambda request: Promotion(starts_on=timezone.localdate())
)
promotion_edit = PROMOTION_EDITOR.edit_view(load=_editable(Promotion))
_promotion_page = _page("administration/promotions/detail.html", "promotion", lambda: PROMOTION_ACTIONS)


@require_GET
@login_required
def promotion_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _promotion_page(request, PROMOTION_ACTIONS.load(request, pk))


PROMOTION_ACTIONS = _actions(
    "promotion",
    Promotion,
    _promotion_page,
    Action(
        "accept",
        run=lambda request, promotion, data: spending.decide_promotion(
            actor=request.user, promotion=promotion, decision=PromotionDecision.ACCEPTED
        ),
        when=lambda promotion: promotion.is_pending,
        success=gettext_lazy("The undertaking was accepted."),
    ),
    Action(
        "decline",
        run=lambda request, promotion, data: spending.decide_promotion(
            actor=request.user, promotion=promotion, decision=PromotionDecision.DECLINED, reason=data["reason"]
        ),
        form=DeclineForm,
        when=lambda promotion: promotion.is_pending,
        success=gettext_lazy("The undertaking was declined."),
    ),
)
