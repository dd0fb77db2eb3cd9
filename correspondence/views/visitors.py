"""The secretariat's visitor log and the circulation of paper documents."""

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

from correspondence import access, selectors
from correspondence.filters import VisitFilter
from correspondence.forms import ArriveForm, HandDocumentForm, LeaveForm, PaperDocumentForm, VisitForm
from correspondence.models import PaperDocument, Visit
from correspondence.services import visitors as services
from office.kit import Action, ActionSet, Editor, PageLink, list_page, record_context

VISIT_CHANGE = "correspondence.change_visit"
DOCUMENT_CHANGE = "correspondence.change_paperdocument"


@require_GET
@login_required
@permission_required("correspondence.view_visit", raise_exception=True)
def visit_list(request: HttpRequest) -> HttpResponse:
    """The visitor log; today's visits unless another day is asked for."""
    return list_page(
        request,
        queryset=selectors.visits(),
        filterset_class=VisitFilter,
        fragment="correspondence/visitors/_visits.html",
        title=_("Visitor log"),
        links=[PageLink(_("Expected visitor"), reverse("correspondence:visit_create"), "correspondence.add_visit")],
        subnav="correspondence/_subnav.html",
        section="visits",
        context={"visit_actions": VISIT_ACTIONS, "can_change": request.user.has_perm(VISIT_CHANGE)},
    )


VISIT_EDITOR = Editor(
    form=VisitForm,
    save=lambda request, form: services.save_visit(actor=request.user, visit=form.save(commit=False)),
    success=gettext_lazy("The visit was saved."),
    detail=lambda visit: reverse("correspondence:visit_list") + f"?day={timezone.localtime(visit.expected_at).date()}",
    listing=("correspondence:visit_list", gettext_lazy("Visitor log")),
    titles=(gettext_lazy("Expected visitor"), gettext_lazy("Change the visit")),
)
visit_create = VISIT_EDITOR.create_view(permission="correspondence.add_visit", new=lambda request: Visit())


def _visit(request: HttpRequest, pk: Any) -> Visit:
    access.require(request.user.has_perm("correspondence.view_visit"))
    return access.get_or_404(Visit.objects.select_related("host"), pk)


def _editable_visit(request: HttpRequest, pk: Any) -> Visit:
    access.require(request.user.has_perm(VISIT_CHANGE))
    return _visit(request, pk)


visit_edit = VISIT_EDITOR.edit_view(load=_editable_visit)


def _visit_redisplay(request: HttpRequest, visit: Visit, bound: dict[str, Any]) -> HttpResponse:
    """The day's log again, the failed form on its visit's row."""
    failed = next(iter(bound.values()))
    return render(
        request,
        "correspondence/visitors/visit_action.html",
        {"visit": visit, "form": failed, "failed_form": failed, "action": failed.prefix.split("-")[0]},
        status=200,
    )


VISIT_ACTIONS = ActionSet(
    "visit",
    load=_visit,
    done_url=VISIT_EDITOR.detail_url,
    redisplay=_visit_redisplay,
    permission=VISIT_CHANGE,
    actions=[
        Action(
            "arrive",
            services.arrive,
            ArriveForm,
            when=lambda visit: not visit.has_arrived,
            prefix_by_record=True,
            success=gettext_lazy("The arrival was recorded."),
        ),
        Action(
            "leave",
            services.leave,
            LeaveForm,
            when=lambda visit: visit.is_inside,
            prefix_by_record=True,
            success=gettext_lazy("The departure was recorded."),
        ),
    ],
)


# --- Paper documents -----------------------------------------------------------------------------------


@require_GET
@login_required
@permission_required("correspondence.view_paperdocument", raise_exception=True)
def document_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=selectors.documents(),
        fragment="correspondence/visitors/_documents.html",
        title=_("Paper documents"),
        links=[
            PageLink(
                _("Register a document"), reverse("correspondence:document_create"), "correspondence.add_paperdocument"
            )
        ],
        subnav="correspondence/_subnav.html",
        section="documents",
    )


DOCUMENT_EDITOR = Editor(
    form=PaperDocumentForm,
    save=lambda request, form: services.register_document(actor=request.user, document=form.save(commit=False)),
    success=gettext_lazy("The document was registered; you hold it now."),
    detail="correspondence:document_detail",
    listing=("correspondence:document_list", gettext_lazy("Paper documents")),
    titles=(gettext_lazy("Register a paper document"), gettext_lazy("Change the document")),
    form_kwargs=lambda request: {"user": request.user},
)
document_create = DOCUMENT_EDITOR.create_view(
    permission="correspondence.add_paperdocument", new=lambda request: PaperDocument()
)


def _document(request: HttpRequest, pk: Any) -> PaperDocument:
    access.require(request.user.has_perm("correspondence.view_paperdocument"))
    return access.get_or_404(PaperDocument.objects.select_related("holder", "holder_unit", "letter"), pk)


def _document_page(request: HttpRequest, document: PaperDocument, bound: dict[str, Any] | None = None) -> HttpResponse:
    context = {
        "document": document,
        "handovers": list(document.handovers.select_related("from_user", "to_user", "to_unit", "recorded_by")),
        **DOCUMENT_ACTIONS.context(request, document, bound),
        **record_context(request, document),
    }
    return render(request, "correspondence/visitors/document_detail.html", context)


@require_GET
@login_required
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _document_page(request, _document(request, pk))


DOCUMENT_ACTIONS = ActionSet(
    "document",
    load=_document,
    done_url=lambda document: reverse("correspondence:document_detail", args=[document.pk]),
    redisplay=_document_page,
    permission=DOCUMENT_CHANGE,
    actions=[
        Action(
            "hand",
            services.hand_document,
            HandDocumentForm,
            when=lambda document: not document.is_archived,
            success=gettext_lazy("The handover was recorded."),
        ),
        Action(
            "archive",
            services.archive_document,
            when=lambda document: not document.is_archived,
            success=gettext_lazy("The document was put in the archive."),
        ),
    ],
)
