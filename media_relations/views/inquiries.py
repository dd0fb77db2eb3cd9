"""Press inquiries: list, intake, the inquiry page with an action per step of its workflow, the
draft with lost-update protection, quote authorisations."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from media_relations import access, selectors
from media_relations.filters import InquiryFilter
from media_relations.forms import (
    ApproveForm,
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
from media_relations.workflows import DRAFT_EDITABLE, INQUIRY_WORKFLOW
from office.kit import (
    Action,
    ActionSet,
    PageLink,
    apply_errors,
    attach_action,
    edit_record,
    list_page,
    record_context,
)
from office.kit.exports import ExportColumn, choice, shown
from office.services import audit

CHANGE = "media_relations.change_inquiry"
APPROVE = "media_relations.approve_answer"


def _due(due_on: dt.date, status: str) -> Any:
    return f"{shown(due_on)} ({_('overdue')})" if Inquiry.overdue_when(status, due_on) else due_on


#: The list's table (inquiries/_table.html) as a spreadsheet, read without rendering 50,000 rows
EXPORT_COLUMNS = [
    ExportColumn(gettext_lazy("Received"), "received_at"),
    ExportColumn(gettext_lazy("Subject"), "subject", "topic"),
    ExportColumn(gettext_lazy("Journalist"), "journalist__name", "outlet__name"),
    ExportColumn(gettext_lazy("Answer due"), "due_on", "status", value=_due),
    ExportColumn(gettext_lazy("Status"), "status", value=choice(InquiryStatus.choices)),
]


def _get(request: HttpRequest, pk: Any, *, change: bool = False) -> Inquiry:
    return access.get_for_user(request.user, selectors.inquiries(), pk, change=change)


def _url(inquiry: Inquiry) -> str:
    return reverse("media_relations:inquiry_detail", args=[inquiry.pk])


@require_GET
@login_required
@permission_required("media_relations.view_inquiry", raise_exception=True)
def inquiry_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=selectors.inquiries().order_by("-received_at", "-id"),
        filterset_class=InquiryFilter,
        fragment="media_relations/inquiries/_table.html",
        title=_("Press inquiries"),
        filter_label=_("Filter inquiries"),
        links=[
            PageLink(_("Register an inquiry"), reverse("media_relations:inquiry_create"), "media_relations.add_inquiry")
        ],
        subnav="media_relations/_subnav.html",
        section="inquiries",
        export_columns=EXPORT_COLUMNS,
    )


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("media_relations.add_inquiry", raise_exception=True)
def inquiry_create(request: HttpRequest) -> HttpResponse:
    journalist = request.GET.get("journalist", "")
    initial = {"journalist": int(journalist)} if journalist.isdecimal() and len(journalist) < 19 else {}
    return edit_record(
        request,
        InquiryForm(request.POST or None, initial=initial),
        save=lambda form: services.register_inquiry(actor=request.user, **form.cleaned_data),
        success=lambda inquiry: (
            _("The inquiry was registered; the answer is due %(day)s.") % {"day": inquiry.due_on.strftime("%d.%m.%Y")}
        ),
        done_url=_url,
        title=_("Register a press inquiry"),
        submit_label=_("Register"),
        cancel_url=reverse("media_relations:inquiry_list"),
        parents=[(reverse("media_relations:inquiry_list"), _("Press inquiries"))],
        template="media_relations/inquiries/form.html",
    )


def _quotes_with_forms(request: HttpRequest, inquiry: Inquiry, failed: Any) -> list[QuoteAuthorisation]:
    """The inquiry's quotes, each with its answer form (the one that just failed, as it was typed)."""
    quotes = list(inquiry.quote_authorisations.select_related("outlet"))
    answer = QUOTE_ACTIONS["answer"]
    for quote in quotes:
        same = failed is not None and failed.prefix == answer.prefix(quote)
        quote.answer_form = failed if same else answer.make_form(request, quote)
    return quotes


def _detail(request: HttpRequest, inquiry: Inquiry, bound: dict[str, Any] | None = None) -> HttpResponse:
    requests = services.input_requests(inquiry)
    can_change = request.user.has_perm(CHANGE)
    context = {
        "inquiry": inquiry,
        "can_change": can_change,
        "can_edit_draft": can_change and inquiry.status in DRAFT_EDITABLE,
        "requests": requests,
        "timeline": services.timeline(inquiry, requests),
        "quotes": _quotes_with_forms(request, inquiry, (bound or {}).get("quote_answer")),
        "extension_cap": services.extension_cap(inquiry),
        **INQUIRY_ACTIONS.context(request, inquiry, bound),
        **record_context(
            request,
            inquiry,
            attach_url=reverse("media_relations:inquiry_attach", args=[inquiry.pk]),
            can_attach=can_change,
            attachment_form=(bound or {}).get("attachment_form"),
        ),
    }
    return render(request, "media_relations/inquiries/detail.html", context)


def _step(name: str, target: str, success: Any, when: Any = None) -> Action:
    """A plain move of the workflow (no form): the service checks it is allowed from here."""
    return Action(
        name,
        run=lambda request, inquiry, data: services.move(actor=request.user, inquiry=inquiry, target=target),
        when=when or (lambda inquiry: INQUIRY_WORKFLOW.can(inquiry.status, target)),
        success=success,
    )


def _may_move_to(target: str) -> Any:
    return lambda inquiry: INQUIRY_WORKFLOW.can(inquiry.status, target)


INQUIRY_ACTIONS = ActionSet(
    "inquiry",
    load=lambda request, pk: _get(request, pk),
    done_url=_url,
    redisplay=_detail,
    permission=CHANGE,
    actions=[
        _step("gather", InquiryStatus.GATHERING_INPUT, gettext_lazy("The status was changed.")),
        _step(
            "start_draft",
            InquiryStatus.DRAFT,
            gettext_lazy("The status was changed."),
            when=lambda i: INQUIRY_WORKFLOW.can(i.status, InquiryStatus.DRAFT) and i.status != InquiryStatus.APPROVAL,
        ),
        _step(
            "send_back",
            InquiryStatus.DRAFT,
            gettext_lazy("The draft was sent back for changes."),
            when=lambda i: i.status == InquiryStatus.APPROVAL,
        ),
        _step("submit", InquiryStatus.APPROVAL, gettext_lazy("The draft was submitted for approval.")),
        Action(
            "approve",
            services.approve_answer,
            ApproveForm,
            initial=lambda request, inquiry: {"version": inquiry.version},
            permission=APPROVE,
            when=lambda i: i.status == InquiryStatus.APPROVAL and not i.is_approved,
            success=gettext_lazy("The answer was approved."),
        ),
        Action(
            "input",
            services.request_input,
            InputRequestForm,
            initial=lambda request, i: {"due_date": min(i.due_on, timezone.localdate() + dt.timedelta(days=3))},
            when=lambda i: i.is_open,
            success=gettext_lazy("The unit was asked for input."),
        ),
        Action(
            "send",
            services.send_answer,
            SendAnswerForm,
            when=_may_move_to(InquiryStatus.ANSWERED),
            success=gettext_lazy("The answer was recorded as sent."),
        ),
        Action(
            "extend",
            services.extend_deadline,
            ExtendForm,
            when=_may_move_to(InquiryStatus.EXTENDED),
            success=gettext_lazy("The deadline was extended."),
        ),
        Action(
            "refuse",
            services.refuse,
            RefuseForm,
            when=_may_move_to(InquiryStatus.REFUSED),
            success=gettext_lazy("The refusal was recorded."),
        ),
        Action(
            "written_refusal",
            services.demand_written_refusal,
            WrittenRefusalForm,
            when=lambda i: i.is_refused and not i.written_refusal_demanded_at,
            success=gettext_lazy("The demand was recorded."),
        ),
        Action(
            "quote",
            run=lambda request, inquiry, data: services.send_quote_for_authorisation(
                actor=request.user, journalist=inquiry.journalist, inquiry=inquiry, **data
            ),
            form=QuoteForm,
            success=gettext_lazy("The quote was recorded."),
        ),
        Action(
            "link",
            services.link_publication,
            LinkPublicationForm,
            form_kwargs=lambda request, inquiry: {"outlet": inquiry.outlet},
            initial=lambda request, inquiry: {"publication": inquiry.publication_id},
            success=gettext_lazy("The publication was linked."),
        ),
        attach_action(allowed=lambda user, inquiry: user.has_perm(CHANGE)),
    ],
)


@require_GET
@login_required
def inquiry_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, _get(request, pk))


@require_http_methods(["GET", "POST"])
@login_required
def inquiry_edit(request: HttpRequest, pk: int) -> HttpResponse:
    inquiry = _get(request, pk, change=True)
    form = InquiryEditForm(request.POST or None, instance=inquiry)

    def save(form: InquiryEditForm) -> Inquiry:
        before = audit.snapshot(Inquiry.objects.get(pk=pk), form.Meta.fields)
        saved = form.save()
        audit.record_update(actor=request.user, instance=saved, before=before)
        return saved

    return edit_record(
        request,
        form,
        save=save,
        success=_("The inquiry was saved."),
        done_url=_url,
        title=_("Edit the inquiry"),
        cancel_url=_url(inquiry),
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
            context = {"inquiry": inquiry, "form": merge, "conflict": conflict}
            return render(request, "media_relations/inquiries/draft.html", context, status=409)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            from django.contrib import messages

            messages.success(request, _("The draft was saved."))
            return redirect("media_relations:inquiry_detail", pk)
    return render(request, "media_relations/inquiries/draft.html", {"inquiry": inquiry, "form": form})


def _quote_page(quote: QuoteAuthorisation) -> str:
    if quote.inquiry_id:
        return reverse("media_relations:inquiry_detail", args=[quote.inquiry_id])
    return reverse("media_relations:journalist_detail", args=[quote.journalist_id])


def _quote_redisplay(request: HttpRequest, quote: QuoteAuthorisation, bound: dict[str, Any]) -> HttpResponse:
    """The inquiry's page again, the quote's answer form as it was typed, with its errors."""
    form = next(iter(bound.values()))
    if quote.inquiry_id:
        inquiry = access.get_for_user(request.user, Inquiry.objects.all(), quote.inquiry_id)
        return _detail(request, inquiry, {"quote_answer": form})
    from django.contrib import messages

    messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect(_quote_page(quote))


QUOTE_ACTIONS = ActionSet(
    "quote",
    load=lambda request, pk: access.get_for_user(request.user, QuoteAuthorisation.objects.all(), pk),
    done_url=_quote_page,
    redisplay=_quote_redisplay,
    permission="media_relations.change_quoteauthorisation",
    actions=[
        Action(
            "answer",
            service=services.answer_quote,
            form=QuoteAnswerForm,
            prefix_by_record=True,
            success=gettext_lazy("The answer was recorded."),
        )
    ],
)
