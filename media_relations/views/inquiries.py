"""Press inquiries: list, intake, the inquiry page with its workflow forms, the draft with
lost-update protection, attachments, quote authorisations."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from media_relations import access, selectors
from media_relations.filters import InquiryFilter
from media_relations.forms import (
    DraftForm,
    ExtendForm,
    InputRequestForm,
    InquiryEditForm,
    InquiryForm,
    LinkPublicationForm,
    QuoteAnswerForm,
    QuoteForm,
    RefuseForm,
    SendAnswerForm,
    WrittenRefusalForm,
)
from media_relations.models import Inquiry, InquiryStatus, QuoteAuthorisation
from media_relations.services import inquiries as services
from media_relations.views.common import form_page, handle_attach, record_context
from media_relations.workflows import DRAFT_EDITABLE, INQUIRY_WORKFLOW
from office.kit import apply_errors, paginate, render_page
from office.services import audit

S = InquiryStatus


def _get(request: HttpRequest, pk: int, *, change: bool = False) -> Inquiry:
    return access.get_for_user(request.user, selectors.inquiries(), pk, change=change)


@require_GET
@login_required
@permission_required("media_relations.view_inquiry", raise_exception=True)
def inquiry_list(request: HttpRequest) -> HttpResponse:
    base = selectors.inquiries().order_by("-received_at", "-id")
    filterset = InquiryFilter(request.GET or None, queryset=base)
    qs = filterset.qs if filterset.is_bound and filterset.is_valid() else base
    return render_page(
        request,
        "media_relations/inquiries/list.html",
        {"filter": filterset, "page_obj": paginate(request, qs), "today": timezone.localdate()},
        fragment="media_relations/inquiries/_table.html",
    )


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("media_relations.add_inquiry", raise_exception=True)
def inquiry_create(request: HttpRequest) -> HttpResponse:
    form = InquiryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            inquiry = services.register_inquiry(
                actor=request.user,
                journalist=data["journalist"],
                new_journalist_name=data["new_journalist_name"],
                new_journalist_outlet=data["new_journalist_outlet"],
                new_journalist_email=data["new_journalist_email"],
                new_journalist_phone=data["new_journalist_phone"],
                channel=data["channel"],
                received_at=data["received_at"],
                subject=data["subject"],
                topic=data["topic"],
                questions=data["questions"],
                journalist_deadline=data["journalist_deadline"],
                legal_basis=data["legal_basis"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(
                request,
                _("The inquiry was registered; the answer is due %(day)s.")
                % {"day": inquiry.due_on.strftime("%d.%m.%Y")},
            )
            return redirect("media_relations:inquiry_detail", inquiry.pk)
    return render(request, "media_relations/inquiries/form.html", {"form": form})


def _context(request: HttpRequest, inquiry: Inquiry, **forms: Any) -> dict[str, Any]:
    user = request.user
    can_change = access.can_change(user, Inquiry)
    allowed = INQUIRY_WORKFLOW.allowed(inquiry.status) if can_change else frozenset()
    requests = services.input_requests(inquiry)
    default_due = min(inquiry.due_on, timezone.localdate() + dt.timedelta(days=3))
    return {
        "inquiry": inquiry,
        "allowed": allowed,
        "can_change": can_change,
        "can_approve": user.has_perm("media_relations.approve_answer") and inquiry.status == S.APPROVAL,
        "can_edit_draft": can_change and inquiry.status in DRAFT_EDITABLE,
        "today": timezone.localdate(),
        "requests": requests,
        "timeline": services.timeline(inquiry, requests),
        "quotes": list(inquiry.quote_authorisations.select_related("outlet")),
        "extension_cap": services.extension_cap(inquiry),
        "input_form": forms.get("input") or InputRequestForm(initial={"due_date": default_due}),
        "send_form": forms.get("send") or SendAnswerForm(),
        "extend_form": forms.get("extend") or ExtendForm(),
        "refuse_form": forms.get("refuse") or RefuseForm(),
        "written_form": forms.get("written_refusal") or WrittenRefusalForm(),
        "link_form": forms.get("link")
        or LinkPublicationForm(outlet=inquiry.outlet, initial={"publication": inquiry.publication_id}),
        "quote_form": forms.get("quote") or QuoteForm(),
        "quote_answer_form": QuoteAnswerForm(),
        "has_errors": any(form.errors for form in forms.values()),
        **record_context(request, inquiry, reverse("media_relations:inquiry_attach", args=[inquiry.pk])),
    }


@require_GET
@login_required
def inquiry_detail(request: HttpRequest, pk: int) -> HttpResponse:
    inquiry = _get(request, pk)
    return render(request, "media_relations/inquiries/detail.html", _context(request, inquiry))


@require_http_methods(["GET", "POST"])
@login_required
def inquiry_edit(request: HttpRequest, pk: int) -> HttpResponse:
    inquiry = _get(request, pk, change=True)
    form = InquiryEditForm(request.POST or None, instance=inquiry)
    if request.method == "POST" and form.is_valid():
        before = audit.snapshot(Inquiry.objects.get(pk=pk), form.Meta.fields)
        saved = form.save()
        audit.record_update(actor=request.user, instance=saved, before=before)
        messages.success(request, _("The inquiry was saved."))
        return redirect("media_relations:inquiry_detail", pk)
    return form_page(
        request,
        form,
        title=_("Edit the inquiry"),
        cancel_url=reverse("media_relations:inquiry_detail", args=[pk]),
        submit_label=_("Save"),
        parents=[(reverse("media_relations:inquiry_list"), _("Press inquiries"))],
    )


@require_http_methods(["GET", "POST"])
@login_required
def inquiry_draft(request: HttpRequest, pk: int) -> HttpResponse:
    """The draft answer. The form carries the version it started from; if somebody saved in
    between, nothing is overwritten: both texts are shown and the user saves a merged one."""
    inquiry = _get(request, pk, change=True)
    if inquiry.status not in DRAFT_EDITABLE:
        raise PermissionDenied
    if request.method == "GET":
        form = DraftForm(initial={"draft_text": inquiry.draft_text, "version": inquiry.version})
        return render(request, "media_relations/inquiries/draft.html", {"inquiry": inquiry, "form": form})
    form = DraftForm(request.POST)
    if form.is_valid():
        try:
            services.save_draft(
                actor=request.user,
                inquiry=inquiry,
                text=form.cleaned_data["draft_text"],
                base_version=form.cleaned_data["version"],
            )
        except services.DraftConflict as conflict:
            merge = DraftForm(initial={"draft_text": conflict.yours, "version": conflict.current_version})
            return render(
                request,
                "media_relations/inquiries/draft.html",
                {"inquiry": inquiry, "form": merge, "conflict": conflict},
                status=409,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The draft was saved."))
            return redirect("media_relations:inquiry_detail", pk)
    return render(request, "media_relations/inquiries/draft.html", {"inquiry": inquiry, "form": form})


_FORMS = {
    "input": InputRequestForm,
    "send": SendAnswerForm,
    "extend": ExtendForm,
    "refuse": RefuseForm,
    "written_refusal": WrittenRefusalForm,
    "quote": QuoteForm,
}
_MOVES = {"gather": S.GATHERING_INPUT, "start_draft": S.DRAFT, "submit": S.APPROVAL, "return": S.DRAFT}


@require_POST
@login_required
def inquiry_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    user = request.user
    if action == "approve":
        inquiry = _get(request, pk)
        access.require(user.has_perm("media_relations.approve_answer"))
    else:
        inquiry = _get(request, pk, change=True)
    forms: dict[str, Any] = {}
    try:
        if action in _MOVES:
            services.move(actor=user, inquiry=inquiry, target=_MOVES[action])
            messages.success(request, _("The status was changed."))
            return redirect("media_relations:inquiry_detail", pk)
        if action == "approve":
            try:
                version = int(request.POST.get("version", ""))
            except ValueError:
                raise ValidationError(_("The draft changed while you were reading it; read it again.")) from None
            services.approve_answer(actor=user, inquiry=inquiry, version=version)
            messages.success(request, _("The answer was approved."))
            return redirect("media_relations:inquiry_detail", pk)
        if action == "link":
            form = forms["link"] = LinkPublicationForm(request.POST, outlet=inquiry.outlet)
            if form.is_valid():
                services.link_publication(actor=user, inquiry=inquiry, publication=form.cleaned_data["publication"])
                messages.success(request, _("The publication was linked."))
                return redirect("media_relations:inquiry_detail", pk)
        elif action in _FORMS:
            form = forms[action] = _FORMS[action](request.POST)
            if form.is_valid():
                data = form.cleaned_data
                if action == "input":
                    services.request_input(
                        actor=user,
                        inquiry=inquiry,
                        unit=data["unit"],
                        due_date=data["due_date"],
                        question=data["question"],
                    )
                    messages.success(request, _("The unit was asked for input."))
                elif action == "send":
                    services.send_answer(actor=user, inquiry=inquiry, channel=data["channel"], sent_at=data["sent_at"])
                    messages.success(request, _("The answer was recorded as sent."))
                elif action == "extend":
                    services.extend_deadline(
                        actor=user,
                        inquiry=inquiry,
                        new_due=data["new_due"],
                        reason=data["reason"],
                        notified_at=data["notified_at"],
                    )
                    messages.success(request, _("The deadline was extended."))
                elif action == "refuse":
                    services.refuse(
                        actor=user,
                        inquiry=inquiry,
                        refusal_by=data["refusal_by"],
                        refusal_on=data["refusal_on"],
                        information=data["information"],
                        reasons=data["reasons"],
                    )
                    messages.success(request, _("The refusal was recorded."))
                elif action == "written_refusal":
                    services.demand_written_refusal(actor=user, inquiry=inquiry, demanded_at=data["demanded_at"])
                    messages.success(request, _("The demand was recorded."))
                else:
                    services.send_quote_for_authorisation(
                        actor=user,
                        journalist=inquiry.journalist,
                        inquiry=inquiry,
                        text=data["text"],
                        sent_at=data["sent_at"],
                    )
                    messages.success(request, _("The quote was recorded."))
                return redirect("media_relations:inquiry_detail", pk)
        else:
            raise Http404
    except ValidationError as error:
        form = next(iter(forms.values()), None)
        if form is None:
            messages.error(request, " ".join(error.messages))
            return redirect("media_relations:inquiry_detail", pk)
        apply_errors(form, error)
    return render(request, "media_relations/inquiries/detail.html", _context(request, _get(request, pk), **forms))


@require_POST
@login_required
def inquiry_attach(request: HttpRequest, pk: int) -> HttpResponse:
    inquiry = _get(request, pk, change=True)
    return handle_attach(request, inquiry, reverse("media_relations:inquiry_detail", args=[pk]))


@require_POST
@login_required
def quote_answer(request: HttpRequest, pk: int) -> HttpResponse:
    quote = access.get_for_user(request.user, QuoteAuthorisation.objects.all(), pk, change=True)
    form = QuoteAnswerForm(request.POST)
    back = (
        reverse("media_relations:inquiry_detail", args=[quote.inquiry_id])
        if quote.inquiry_id
        else reverse("media_relations:journalist_detail", args=[quote.journalist_id])
    )
    if form.is_valid():
        try:
            services.answer_quote(
                actor=request.user, quote=quote, status=form.cleaned_data["status"], answer=form.cleaned_data["answer"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The answer was recorded."))
    else:
        messages.error(request, _("Choose the answer."))
    return redirect(back)
