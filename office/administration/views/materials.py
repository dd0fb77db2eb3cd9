"""Press materials requested from units: the request, handed to each unit as an Assignment, and
its page gathering what the units sent (their replies and files) for a release or a bulletin."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required, permission_required
from django.contrib.contenttypes.models import ContentType
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from office.access import assignments_visible_to
from office.administration import access
from office.administration.filters import MaterialFilter
from office.administration.forms import MaterialRequestForm
from office.administration.models import MaterialRequest
from office.administration.services import materials
from office.kit import Action, ActionSet, Editor, PageLink, list_page, record_context
from office.models import Assignment, Attachment

VIEW = "administration.view_materialrequest"
CHANGE = "administration.change_materialrequest"


@require_GET
@login_required
@permission_required(VIEW, raise_exception=True)
def material_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=MaterialRequest.objects.prefetch_related("units").order_by("-due_date", "-id"),
        filterset_class=MaterialFilter,
        fragment="administration/materials/_table.html",
        title=_("Press materials from units"),
        links=[
            PageLink(
                _("Request materials"), reverse("administration:material_create"), "administration.add_materialrequest"
            )
        ],
        subnav="administration/_subnav.html",
        section="materials",
    )


def _save(request: HttpRequest, form: MaterialRequestForm) -> MaterialRequest:
    return materials.request_materials(
        actor=request.user, request=form.save(commit=False), units=list(form.cleaned_data["units"])
    )


MATERIAL_EDITOR = Editor(
    form=MaterialRequestForm,
    save=_save,
    success=gettext_lazy("The request was handed to the units."),
    detail="administration:material_detail",
    listing=("administration:material_list", gettext_lazy("Press materials from units")),
    titles=(gettext_lazy("Request press materials from units"), gettext_lazy("Change the request")),
)
material_create = MATERIAL_EDITOR.create_view(
    permission="administration.add_materialrequest", new=lambda request: MaterialRequest()
)


def _load(request: HttpRequest, pk: Any) -> MaterialRequest:
    return access.get_record(MaterialRequest, request.user, VIEW, pk)


def _editable(request: HttpRequest, pk: Any) -> MaterialRequest:
    record = _load(request, pk)
    access.require(request.user.has_perm(CHANGE))
    return record


material_edit = MATERIAL_EDITOR.edit_view(load=_editable)


def contributions(request_record: MaterialRequest) -> list[Assignment]:
    """The units' assignments with their replies and files (``files``): three queries."""
    assignments = list(
        materials.assignments_of(request_record).select_related("unit", "assignee").order_by("unit__symbol", "id")
    )
    files: dict[int, list[Attachment]] = {}
    kind = ContentType.objects.get_for_model(Assignment)
    for attachment in Attachment.objects.filter(content_type=kind, object_id__in=[a.pk for a in assignments]).order_by(
        "id"
    ):
        files.setdefault(attachment.object_id, []).append(attachment)
    for assignment in assignments:
        assignment.files = files.get(assignment.pk, [])
    return assignments


def _page(request: HttpRequest, record: MaterialRequest, bound: dict[str, Any] | None = None) -> HttpResponse:
    parts = contributions(record)
    context = {
        "material": record,
        "parts": parts,
        "answered": sum(1 for part in parts if part.reply or part.files),
        "visible": set(
            assignments_visible_to(request.user).filter(pk__in=[p.pk for p in parts]).values_list("pk", flat=True)
        ),
        "can_change": request.user.has_perm(CHANGE),
        **MATERIAL_ACTIONS.context(request, record, bound),
        **record_context(request, record),
    }
    return render(request, "administration/materials/detail.html", context)


@require_GET
@login_required
def material_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _page(request, _load(request, pk))


MATERIAL_ACTIONS = ActionSet(
    "material",
    load=_load,
    done_url=lambda record: reverse("administration:material_detail", args=[record.pk]),
    redisplay=_page,
    permission=CHANGE,
    record_arg="request",
    actions=[
        Action(
            "close",
            materials.close_request,
            when=lambda record: record.is_open,
            success=gettext_lazy("The request was closed."),
        ),
        Action(
            "reopen",
            materials.reopen_request,
            when=lambda record: not record.is_open,
            success=gettext_lazy("The request was reopened."),
        ),
    ],
)
