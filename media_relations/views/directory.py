"""Media directory: outlets, journalists (with the history of contacts), distribution lists."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required, permission_required
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from media_relations import access, selectors
from media_relations.filters import JournalistFilter, OutletFilter
from media_relations.forms import DistributionListForm, JournalistForm, OutletForm
from media_relations.models import DistributionList, Journalist, Outlet
from media_relations.services import directory
from media_relations.services.directory import current_employment
from office.db import polish
from office.kit import PageLink, edit_record, list_page
from office.services import audit


@require_GET
@login_required
@permission_required("media_relations.view_outlet", raise_exception=True)
def outlet_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=selectors.outlets(),
        filterset_class=OutletFilter,
        fragment="media_relations/directory/_outlet_table.html",
        title=_("Media outlets"),
        filter_label=_("Filter outlets"),
        links=[PageLink(_("New outlet"), reverse("media_relations:outlet_create"), "media_relations.add_outlet")],
        subnav="media_relations/_subnav.html",
        section="outlets",
    )


@require_GET
@login_required
def outlet_detail(request: HttpRequest, pk: int) -> HttpResponse:
    outlet = access.get_for_user(request.user, Outlet.objects.prefetch_related("tags"), pk)
    return render(
        request,
        "media_relations/directory/outlet_detail.html",
        {"outlet": outlet, **selectors.outlet_detail(outlet), "trail": audit.trail_for(outlet)},
    )


def _save_outlet(request: HttpRequest, outlet: Outlet, title: str) -> HttpResponse:
    list_url = reverse("media_relations:outlet_list")
    return edit_record(
        request,
        OutletForm(request.POST or None, instance=outlet),
        save=lambda form: directory.save_outlet(
            actor=request.user, outlet=form.save(commit=False), tags=form.cleaned_data["tags"]
        ),
        success=_("The outlet was saved."),
        done_url=lambda saved: reverse("media_relations:outlet_detail", args=[saved.pk]),
        title=title,
        cancel_url=reverse("media_relations:outlet_detail", args=[outlet.pk]) if outlet.pk else list_url,
        parents=[(list_url, _("Media outlets"))],
    )


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("media_relations.add_outlet", raise_exception=True)
def outlet_create(request: HttpRequest) -> HttpResponse:
    return _save_outlet(request, Outlet(), _("New media outlet"))


@require_http_methods(["GET", "POST"])
@login_required
def outlet_edit(request: HttpRequest, pk: int) -> HttpResponse:
    outlet = access.get_for_user(request.user, Outlet.objects.all(), pk, change=True)
    return _save_outlet(request, outlet, _("Edit %(name)s") % {"name": outlet.name})


@require_GET
@login_required
@permission_required("media_relations.view_journalist", raise_exception=True)
def journalist_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=selectors.journalists(),
        filterset_class=JournalistFilter,
        fragment="media_relations/directory/_journalist_table.html",
        title=_("Journalists"),
        filter_label=_("Filter journalists"),
        links=[
            PageLink(
                _("New journalist"), reverse("media_relations:journalist_create"), "media_relations.add_journalist"
            )
        ],
        subnav="media_relations/_subnav.html",
        section="journalists",
    )


@require_GET
@login_required
def journalist_detail(request: HttpRequest, pk: int) -> HttpResponse:
    journalist = access.get_for_user(request.user, Journalist.objects.all(), pk)
    return render(
        request,
        "media_relations/directory/journalist_detail.html",
        {
            "journalist": journalist,
            **selectors.journalist_history(journalist),
            "lists": list(journalist.distribution_lists.all()),
            "trail": audit.trail_for(journalist),
        },
    )


def _save_journalist(request: HttpRequest, journalist: Journalist, title: str) -> HttpResponse:
    initial = {}
    if journalist.pk:
        employment = current_employment(journalist)
        if employment:
            initial = {"outlet": employment.outlet, "position": employment.position}
    list_url = reverse("media_relations:journalist_list")

    def save(form: JournalistForm) -> Journalist:
        data = form.cleaned_data
        return directory.save_journalist(
            actor=request.user,
            journalist=form.save(commit=False),
            outlet=data["outlet"],
            position=data["position"],
            since=data["since"],
            tags=data["tags"],
        )

    return edit_record(
        request,
        JournalistForm(request.POST or None, instance=journalist, initial=initial),
        save=save,
        success=_("The journalist was saved."),
        done_url=lambda saved: reverse("media_relations:journalist_detail", args=[saved.pk]),
        title=title,
        cancel_url=reverse("media_relations:journalist_detail", args=[journalist.pk]) if journalist.pk else list_url,
        parents=[(list_url, _("Journalists"))],
    )


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("media_relations.add_journalist", raise_exception=True)
def journalist_create(request: HttpRequest) -> HttpResponse:
    return _save_journalist(request, Journalist(), _("New journalist"))


@require_http_methods(["GET", "POST"])
@login_required
def journalist_edit(request: HttpRequest, pk: int) -> HttpResponse:
    journalist = access.get_for_user(request.user, Journalist.objects.all(), pk, change=True)
    return _save_journalist(request, journalist, _("Edit %(name)s") % {"name": journalist.name})


@require_GET
@login_required
@permission_required("media_relations.view_distributionlist", raise_exception=True)
def distribution_lists(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=DistributionList.objects.annotate(n=Count("journalists")).order_by(polish("name"), "id"),
        fragment="media_relations/directory/_lists_table.html",
        title=_("Distribution lists"),
        links=[
            PageLink(
                _("New list"),
                reverse("media_relations:distribution_list_create"),
                "media_relations.add_distributionlist",
            )
        ],
        subnav="media_relations/_subnav.html",
        section="lists",
    )


def _save_list(request: HttpRequest, distribution_list: DistributionList, title: str) -> HttpResponse:
    lists_url = reverse("media_relations:distribution_lists")
    return edit_record(
        request,
        DistributionListForm(request.POST or None, instance=distribution_list),
        save=lambda form: directory.save_distribution_list(
            actor=request.user, distribution_list=form.save(commit=False), journalists=form.cleaned_data["journalists"]
        ),
        success=_("The distribution list was saved."),
        done_url=lambda saved: lists_url,
        title=title,
        cancel_url=lists_url,
        parents=[(lists_url, _("Distribution lists"))],
    )


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("media_relations.add_distributionlist", raise_exception=True)
def distribution_list_create(request: HttpRequest) -> HttpResponse:
    return _save_list(request, DistributionList(), _("New distribution list"))


@require_http_methods(["GET", "POST"])
@login_required
def distribution_list_edit(request: HttpRequest, pk: int) -> HttpResponse:
    distribution_list = access.get_for_user(request.user, DistributionList.objects.all(), pk, change=True)
    return _save_list(request, distribution_list, _("Edit %(name)s") % {"name": distribution_list.name})
