"""Media directory: outlets, journalists (with the history of contacts), distribution lists."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required, permission_required
from django.db.models import Count, Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from media_relations import access, selectors
from media_relations.filters import JournalistFilter, OutletFilter
from media_relations.forms import DistributionListForm, JournalistForm, JournalistImportForm, OutletForm
from media_relations.models import DistributionList, Journalist, JournalistOutlet, Outlet
from media_relations.services import directory
from media_relations.services.directory import current_employment
from office.db import polish
from office.kit import Editor, PageLink, list_page
from office.kit.imports import Importer, Match, find_by, fold
from office.services import audit, reads


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
        {"outlet": outlet, **selectors.outlet_detail(request.user, outlet), "trail": audit.trail_for(outlet)},
    )


def _load(model: type, *, change: bool = False) -> Any:
    return lambda request, pk: access.get_for_user(request.user, model.objects.all(), pk, change=change)


OUTLET_EDITOR = Editor(
    form=OutletForm,
    save=lambda request, form: directory.save_outlet(
        actor=request.user, outlet=form.save(commit=False), tags=form.cleaned_data["tags"]
    ),
    success=gettext_lazy("The outlet was saved."),
    detail="media_relations:outlet_detail",
    listing=("media_relations:outlet_list", gettext_lazy("Media outlets")),
    titles=(gettext_lazy("New media outlet"), gettext_lazy("Edit %(record)s")),
)
outlet_create = OUTLET_EDITOR.create_view(permission="media_relations.add_outlet", new=lambda request: Outlet())
outlet_edit = OUTLET_EDITOR.edit_view(load=_load(Outlet, change=True))


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
            ),
            PageLink(_("Import"), reverse("media_relations:journalist_import"), "media_relations.add_journalist"),
        ],
        subnav="media_relations/_subnav.html",
        section="journalists",
    )


@require_GET
@login_required
def journalist_detail(request: HttpRequest, pk: int) -> HttpResponse:
    journalist = access.get_for_user(request.user, Journalist.objects.all(), pk)
    reads.note_read(request, journalist)
    return render(
        request,
        "media_relations/directory/journalist_detail.html",
        {
            "journalist": journalist,
            **selectors.journalist_history(request.user, journalist),
            "lists": list(journalist.distribution_lists.all()),
            "trail": audit.trail_for(journalist),
        },
    )


def _current_outlet(journalist: Journalist) -> dict[str, Any]:
    employment = current_employment(journalist)
    return {"outlet": employment.outlet, "position": employment.position} if employment else {}


def _save_journalist(request: HttpRequest, form: JournalistForm) -> Journalist:
    data = form.cleaned_data
    return directory.save_journalist(
        actor=request.user,
        journalist=form.save(commit=False),
        outlet=data["outlet"],
        position=data["position"],
        since=data["since"],
        tags=data["tags"],
    )


JOURNALIST_EDITOR = Editor(
    form=JournalistForm,
    save=_save_journalist,
    success=gettext_lazy("The journalist was saved."),
    detail="media_relations:journalist_detail",
    listing=("media_relations:journalist_list", gettext_lazy("Journalists")),
    titles=(gettext_lazy("New journalist"), gettext_lazy("Edit %(record)s")),
    initial=_current_outlet,
)
journalist_create = JOURNALIST_EDITOR.create_view(
    permission="media_relations.add_journalist", new=lambda request: Journalist()
)
journalist_edit = JOURNALIST_EDITOR.edit_view(load=_load(Journalist, change=True))


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


LIST_EDITOR = Editor(
    form=DistributionListForm,
    save=lambda request, form: directory.save_distribution_list(
        actor=request.user, distribution_list=form.save(commit=False), journalists=form.cleaned_data["journalists"]
    ),
    success=gettext_lazy("The distribution list was saved."),
    detail=lambda saved: reverse("media_relations:distribution_lists"),
    listing=("media_relations:distribution_lists", gettext_lazy("Distribution lists")),
    titles=(gettext_lazy("New distribution list"), gettext_lazy("Edit %(record)s")),
)
distribution_list_create = LIST_EDITOR.create_view(
    permission="media_relations.add_distributionlist", new=lambda request: DistributionList()
)
distribution_list_edit = LIST_EDITOR.edit_view(load=_load(DistributionList, change=True))


# --- Import from a spreadsheet (office.kit.imports) --------------------------------------------


def _journalist_keys(data: dict[str, Any]) -> list[str]:
    """A row repeats a journalist with the same e-mail, or the same name at the same outlet."""
    outlet = data.get("outlet")
    keys = [f"name:{fold(data['name'])}|{fold(outlet.name) if outlet else ''}"]
    return [f"email:{fold(data['email'])}", *keys] if data.get("email") else keys


def _existing_journalists(rows: list[dict[str, Any]]) -> dict[str, Match]:
    current = JournalistOutlet.objects.filter(ended_on__isnull=True).select_related("outlet")
    found = find_by(
        Journalist.objects.prefetch_related(Prefetch("employments", queryset=current, to_attr="current")),
        {"email": [row["email"] for row in rows], "name": [row["name"] for row in rows]},
    )
    matches = {}
    for journalist in found:
        outlet = journalist.current[0].outlet if journalist.current else None
        label = f"{journalist.name} ({outlet})" if outlet else journalist.name
        url = reverse("media_relations:journalist_detail", args=[journalist.pk])
        for key in _journalist_keys({"name": journalist.name, "email": journalist.email, "outlet": outlet}):
            matches[key] = Match(label, url)
    return matches


def _outlets(rows: list[dict[str, str]]) -> dict[str, Any]:
    """The outlets the file names, found at once: {folded name: outlet}."""
    found = find_by(Outlet.objects.all(), {"name": [row.get("outlet", "") for row in rows]})
    return {"outlets": {fold(outlet.name): outlet for outlet in found}}


JOURNALIST_IMPORT = Importer(
    key="media_relations.journalists",
    url_name="media_relations:journalist",
    label=gettext_lazy("Journalists"),
    permission="media_relations.add_journalist",
    form=JournalistImportForm,
    columns=(
        "name",
        "email",
        "phone",
        "outlet",
        "outlet_kind",
        "position",
        "since",
        "beat",
        "preferred_channel",
        "notes",
    ),
    keys=_journalist_keys,
    existing=_existing_journalists,
    save=directory.import_journalists,
    listing="media_relations:journalist_list",
    prepare=_outlets,
    aliases={
        "name": ("imię i nazwisko", "full name", "dziennikarz", "journalist"),
        "email": ("adres e-mail", "mail"),
        "outlet": ("redakcja", "medium", "media outlet", "tytuł"),
        "outlet_kind": ("rodzaj redakcji", "rodzaj medium", "outlet type"),
    },
)
