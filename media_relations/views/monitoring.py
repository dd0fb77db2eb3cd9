"""Media monitoring: the publication log and the responses (statement, reply, correction)."""

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

from media_relations import access, selectors
from media_relations.filters import PublicationFilter
from media_relations.forms import (
    PublicationForm,
    ResponseForm,
    ResponseOutcomeForm,
    ResponseSentForm,
    ResponseTextForm,
    publication_label,
    publications_for,
)
from media_relations.models import Publication, ResponseCase, ResponseStatus
from media_relations.services import monitoring as services
from media_relations.workflows import RESPONSE_WORKFLOW
from office.kit import Action, ActionSet, Editor, PageLink, attach_action, list_page, paginate, record_context
from office.kit.widgets import options_view


def _url(publication: Publication) -> str:
    return reverse("media_relations:publication_detail", args=[publication.pk])


@require_GET
@login_required
@permission_required("media_relations.view_publication", raise_exception=True)
def publication_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=selectors.publications().order_by("-published_on", "-id"),
        filterset_class=PublicationFilter,
        fragment="media_relations/monitoring/_table.html",
        title=_("Media monitoring"),
        filter_label=_("Filter publications"),
        links=[
            PageLink(
                _("Log a publication"), reverse("media_relations:publication_create"), "media_relations.add_publication"
            )
        ],
        subnav="media_relations/_subnav.html",
        section="monitoring",
    )


PUBLICATION_EDITOR = Editor(
    form=PublicationForm,
    save=lambda request, form: services.save_publication(
        actor=request.user, publication=form.save(commit=False), topics=form.cleaned_data["topics"]
    ),
    success=gettext_lazy("The publication was saved."),
    detail="media_relations:publication_detail",
    listing=("media_relations:publication_list", gettext_lazy("Media monitoring")),
    titles=(gettext_lazy("New publication"), gettext_lazy("Edit the publication")),
)
publication_create = PUBLICATION_EDITOR.create_view(
    permission="media_relations.add_publication", new=lambda request: Publication(published_on=timezone.localdate())
)
publication_edit = PUBLICATION_EDITOR.edit_view(
    load=lambda request, pk: access.get_for_user(request.user, Publication.objects.all(), pk, change=True)
)


def _detail(request: HttpRequest, publication: Publication, bound: dict[str, Any] | None = None) -> HttpResponse:
    """The publication with its responses; ``bound``: a form that came back with errors, for the
    publication itself or (``case``) for one of its responses."""
    bound = dict(bound or {})
    failed_case = bound.pop("case", None)
    responses = list(publication.responses.all())
    for case in responses:
        case_bound = bound if failed_case == case.pk else None
        case.actions = RESPONSE_ACTIONS.context(request, case, case_bound)
    context = {
        "publication": publication,
        "responses": responses,
        "inquiries": list(publication.inquiries.select_related("journalist")),
        **PUBLICATION_ACTIONS.context(request, publication, None if failed_case else bound),
        **record_context(
            request,
            publication,
            attach_url=reverse("media_relations:publication_attach", args=[publication.pk]),
            can_attach=PUBLICATION_ACTIONS["attach"].may(request.user, publication),
            attachment_form=bound.get("attachment_form"),
        ),
    }
    if failed_case:
        context["failed_form"] = next(iter(bound.values()), None)
    return render(request, "media_relations/monitoring/detail.html", context)


PUBLICATION_ACTIONS = ActionSet(
    "publication",
    load=lambda request, pk: access.get_for_user(request.user, selectors.publications(), pk),
    done_url=_url,
    redisplay=_detail,
    actions=[
        Action(
            "respond",
            services.open_response,
            ResponseForm,
            permission="media_relations.add_responsecase",
            success=gettext_lazy("The response case was opened."),
        ),
        attach_action(allowed=lambda user, publication: user.has_perm("media_relations.change_publication")),
    ],
)


def _response_redisplay(request: HttpRequest, case: ResponseCase, bound: dict[str, Any]) -> HttpResponse:
    publication = selectors.publications().get(pk=case.publication_id)
    return _detail(request, publication, {**bound, "case": case.pk})


RESPONSE_ACTIONS = ActionSet(
    "response",
    load=lambda request, pk: access.get_for_user(request.user, ResponseCase.objects.select_related("publication"), pk),
    done_url=lambda case: reverse("media_relations:publication_detail", args=[case.publication_id]),
    redisplay=_response_redisplay,
    record_arg="case",
    permission="media_relations.change_responsecase",
    actions=[
        Action(
            "text",
            services.update_response_text,
            ResponseTextForm,
            initial=lambda request, case: {"text": case.text, "notes": case.notes},
            prefix_by_record=True,
            when=lambda case: case.is_draft,
            success=gettext_lazy("The response was updated."),
        ),
        Action(
            "sent",
            services.mark_sent,
            ResponseSentForm,
            prefix_by_record=True,
            when=lambda case: RESPONSE_WORKFLOW.can(case.status, ResponseStatus.SENT),
            success=gettext_lazy("The response was updated."),
        ),
        Action(
            "outcome",
            services.record_outcome,
            ResponseOutcomeForm,
            prefix_by_record=True,
            when=lambda case: not case.is_draft and bool(RESPONSE_WORKFLOW.allowed(case.status)),
            success=gettext_lazy("The response was updated."),
        ),
    ],
)


@require_GET
@login_required
def publication_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, access.get_for_user(request.user, selectors.publications(), pk))


@require_GET
@login_required
@permission_required("media_relations.view_responsecase", raise_exception=True)
def response_list(request: HttpRequest) -> HttpResponse:
    qs = selectors.open_responses().order_by("send_due", "id")
    return render(request, "media_relations/monitoring/responses.html", {"page_obj": paginate(request, qs)})


#: the options of the publication picker (linking an inquiry to a publication of its outlet)
publication_options = options_view(
    permission="media_relations.view_publication",
    queryset=lambda user, params: publications_for(
        params["outlet"] if params.get("outlet", "").isdecimal() and len(params["outlet"]) < 19 else None
    ),
    fields=("title", "outlet__name"),
    label=publication_label,
)
