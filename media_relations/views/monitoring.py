"""Media monitoring: the publication log and the responses (statement, reply, correction)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from media_relations import access, selectors
from media_relations.filters import PublicationFilter
from media_relations.forms import PublicationForm, ResponseForm, ResponseOutcomeForm, ResponseSentForm, ResponseTextForm
from media_relations.models import Publication, ResponseCase
from media_relations.services import monitoring as services
from media_relations.views.common import form_page, handle_attach, record_context
from media_relations.workflows import RESPONSE_WORKFLOW
from office.kit import apply_errors, paginate, render_page


@require_GET
@login_required
@permission_required("media_relations.view_publication", raise_exception=True)
def publication_list(request: HttpRequest) -> HttpResponse:
    base = selectors.publications().order_by("-published_on", "-id")
    filterset = PublicationFilter(request.GET or None, queryset=base)
    qs = filterset.qs if filterset.is_bound and filterset.is_valid() else base
    return render_page(
        request,
        "media_relations/monitoring/list.html",
        {"filter": filterset, "page_obj": paginate(request, qs)},
        fragment="media_relations/monitoring/_table.html",
    )


def _save(request: HttpRequest, publication: Publication, title: str) -> HttpResponse:
    form = PublicationForm(request.POST or None, instance=publication)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.save_publication(
                actor=request.user, publication=form.save(commit=False), topics=form.cleaned_data["topics"]
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The publication was saved."))
            return redirect("media_relations:publication_detail", saved.pk)
    return form_page(
        request,
        form,
        title=title,
        cancel_url=reverse("media_relations:publication_list"),
        submit_label=_("Save"),
        parents=[(reverse("media_relations:publication_list"), _("Media monitoring"))],
    )


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("media_relations.add_publication", raise_exception=True)
def publication_create(request: HttpRequest) -> HttpResponse:
    return _save(request, Publication(published_on=timezone.localdate()), _("New publication"))


@require_http_methods(["GET", "POST"])
@login_required
def publication_edit(request: HttpRequest, pk: int) -> HttpResponse:
    publication = access.get_for_user(request.user, Publication.objects.all(), pk, change=True)
    return _save(request, publication, _("Edit the publication"))


def _context(request: HttpRequest, publication: Publication, **forms: Any) -> dict[str, Any]:
    responses = list(publication.responses.all())
    can_respond = request.user.has_perm("media_relations.add_responsecase")
    can_change = access.can_change(request.user, ResponseCase)
    for case in responses:
        case.allowed = RESPONSE_WORKFLOW.allowed(case.status) if can_change else frozenset()
        case.text_form = forms.get(f"text-{case.pk}") or ResponseTextForm(
            initial={"text": case.text, "notes": case.notes}
        )
        case.sent_form = forms.get(f"sent-{case.pk}") or ResponseSentForm(prefix=f"sent{case.pk}")
        case.outcome_form = forms.get(f"outcome-{case.pk}") or ResponseOutcomeForm(prefix=f"outcome{case.pk}")
    return {
        "publication": publication,
        "responses": responses,
        "can_respond": can_respond,
        "can_change_responses": can_change,
        "response_form": forms.get("new") or ResponseForm(),
        "inquiries": list(publication.inquiries.select_related("journalist")),
        **record_context(request, publication, reverse("media_relations:publication_attach", args=[publication.pk])),
    }


@require_GET
@login_required
def publication_detail(request: HttpRequest, pk: int) -> HttpResponse:
    publication = access.get_for_user(request.user, selectors.publications(), pk)
    return render(request, "media_relations/monitoring/detail.html", _context(request, publication))


@require_POST
@login_required
def publication_attach(request: HttpRequest, pk: int) -> HttpResponse:
    publication = access.get_for_user(request.user, Publication.objects.all(), pk, change=True)
    return handle_attach(request, publication, reverse("media_relations:publication_detail", args=[pk]))


@require_POST
@login_required
def response_create(request: HttpRequest, pk: int) -> HttpResponse:
    publication = access.get_for_user(request.user, selectors.publications(), pk)
    access.require(request.user.has_perm("media_relations.add_responsecase"))
    form = ResponseForm(request.POST)
    if form.is_valid():
        try:
            services.open_response(actor=request.user, publication=publication, **form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The response case was opened."))
            return redirect("media_relations:publication_detail", pk)
    return render(request, "media_relations/monitoring/detail.html", _context(request, publication, new=form))


@require_POST
@login_required
def response_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    case = access.get_for_user(request.user, ResponseCase.objects.select_related("publication"), pk, change=True)
    forms: dict[str, Any] = {}
    try:
        if action == "text":
            form = forms[f"text-{case.pk}"] = ResponseTextForm(request.POST)
            if form.is_valid():
                services.update_response_text(actor=request.user, case=case, **form.cleaned_data)
        elif action == "sent":
            form = forms[f"sent-{case.pk}"] = ResponseSentForm(request.POST, prefix=f"sent{case.pk}")
            if form.is_valid():
                services.mark_sent(actor=request.user, case=case, **form.cleaned_data)
        elif action == "outcome":
            form = forms[f"outcome-{case.pk}"] = ResponseOutcomeForm(request.POST, prefix=f"outcome{case.pk}")
            if form.is_valid():
                services.record_outcome(actor=request.user, case=case, **form.cleaned_data)
        else:
            raise Http404
        if form.is_valid():
            messages.success(request, _("The response was updated."))
            return redirect("media_relations:publication_detail", case.publication_id)
    except ValidationError as error:
        apply_errors(form, error)
    publication = selectors.publications().get(pk=case.publication_id)
    return render(request, "media_relations/monitoring/detail.html", _context(request, publication, **forms))


@require_GET
@login_required
@permission_required("media_relations.view_responsecase", raise_exception=True)
def response_list(request: HttpRequest) -> HttpResponse:
    qs = selectors.open_responses().order_by("send_due", "id")
    return render(
        request,
        "media_relations/monitoring/responses.html",
        {"page_obj": paginate(request, qs), "today": timezone.localdate()},
    )
