"""The correspondence register: the list, registering letters in and out, a letter's page with
its decree, reply, sending, delivery and filing, the PDF and the editable copy."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required, permission_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from correspondence import access, selectors
from correspondence.deadlines import RULES_BY_KIND
from correspondence.filters import LetterFilter
from correspondence.forms import (
    CloseLetterForm,
    DecreeForm,
    DeliveryForm,
    ExtendForm,
    LetterEditForm,
    LetterForm,
    LetterTextForm,
    PassOnForm,
    ReplyForm,
    SendForm,
    default_unit,
)
from correspondence.models import Direction, Letter, LetterStatus
from correspondence.services import letters as letter_services
from correspondence.services import register as services
from office.kit import Action, ActionSet, Editor, PageLink, attach_action, edit_record, list_page, record_context
from office.kit.widgets import options_view
from office.services.attachments import attach

LIST = ("correspondence:letter_list", gettext_lazy("Correspondence register"))
ADD = "correspondence.add_letter"


def _url(letter: Letter) -> str:
    return reverse("correspondence:letter_detail", args=[letter.pk])


def _load(request: HttpRequest, pk: Any) -> Letter:
    return access.get_letter_for_user(request.user, pk)


@require_GET
@login_required
@permission_required("correspondence.view_letter", raise_exception=True)
def letter_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=selectors.letters(request.user),
        filterset_class=LetterFilter,
        fragment="correspondence/letters/_table.html",
        title=_("Correspondence register"),
        filter_label=_("Filter the register"),
        links=[
            PageLink(
                _("Register an incoming letter"), reverse("correspondence:letter_incoming"), "correspondence.add_letter"
            ),
            PageLink(
                _("Register an outgoing letter"), reverse("correspondence:letter_outgoing"), "correspondence.add_letter"
            ),
        ],
        subnav="correspondence/_subnav.html",
        section="letters",
    )


def _register(request: HttpRequest, form: LetterForm, direction: str) -> Letter:
    with transaction.atomic():
        letter = services.register_letter(actor=request.user, direction=direction, **form.service_kwargs())
        if form.cleaned_data.get("scan"):
            attach(actor=request.user, record=letter, upload=form.cleaned_data["scan"], description=_("Scan"))
    return letter


def _registration(request: HttpRequest, direction: str) -> HttpResponse:
    access.require(access.can_register(request.user))
    outgoing = direction == Direction.OUTGOING
    form = LetterForm(
        request.POST or None, request.FILES or None, outgoing=outgoing, initial={"unit": default_unit(request.user)}
    )
    return edit_record(
        request,
        form,
        save=lambda form: _register(request, form, direction),
        success=lambda letter: _("The letter was registered as %(sign)s.") % {"sign": letter.sign},
        done_url=_url,
        title=_("Register an outgoing letter") if outgoing else _("Register an incoming letter"),
        submit_label=_("Register"),
        cancel_url=reverse(LIST[0]),
        parents=[(reverse(LIST[0]), LIST[1])],
        template="correspondence/letters/form.html",
    )


@require_http_methods(["GET", "POST"])
@login_required
def letter_incoming(request: HttpRequest) -> HttpResponse:
    return _registration(request, Direction.INCOMING)


@require_http_methods(["GET", "POST"])
@login_required
def letter_outgoing(request: HttpRequest) -> HttpResponse:
    return _registration(request, Direction.OUTGOING)


def _editable(request: HttpRequest, pk: Any) -> Letter:
    letter = _load(request, pk)
    access.require(access.may_change(request.user, letter))
    return letter


LETTER_EDITOR = Editor(
    form=LetterEditForm,
    save=lambda request, form: services.update_letter(
        actor=request.user, letter=form.instance, **{name: form.cleaned_data[name] for name in form.fields}
    ),
    success=gettext_lazy("The letter was corrected."),
    detail="correspondence:letter_detail",
    listing=LIST,
    titles=(gettext_lazy("Register a letter"), gettext_lazy("Correct %(record)s")),
)
letter_edit = LETTER_EDITOR.edit_view(load=_editable)


def _detail(request: HttpRequest, letter: Letter, bound: dict[str, Any] | None = None) -> HttpResponse:
    context = {
        "letter": letter,
        "can_change": access.may_change(request.user, letter),
        **selectors.letter_page(letter),
        **LETTER_ACTIONS.context(request, letter, bound),
        **record_context(
            request,
            letter,
            attach_url=reverse("correspondence:letter_attach", args=[letter.pk]),
            can_attach=access.may_change(request.user, letter),
            attachment_form=(bound or {}).get("attachment_form"),
        ),
    }
    return render(request, "correspondence/letters/detail.html", context)


@require_GET
@login_required
def letter_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, _load(request, pk))


def _may_change(user: Any, letter: Letter) -> bool:
    return access.may_change(user, letter)


def _extendable(letter: Letter) -> bool:
    rules = RULES_BY_KIND.get(letter.kind)
    return letter.is_open and rules is not None and rules[1] is not None and letter.deadline_rule != rules[1].code


def _reply(request: HttpRequest, letter: Letter, data: dict[str, Any]) -> HttpResponse:
    reply = letter_services.write_reply(actor=request.user, letter=letter, **data)
    from django.contrib import messages

    messages.success(
        request, _("The reply %(sign)s is prepared: check it, print it and mark it sent.") % {"sign": reply.sign}
    )
    return redirect(_url(reply))


LETTER_ACTIONS = ActionSet(
    "letter",
    load=_load,
    done_url=_url,
    redisplay=_detail,
    permission=None,
    actions=[
        Action(
            "decree",
            services.decree,
            DecreeForm,
            allowed=access.may_decree,
            when=lambda letter: letter.is_incoming and letter.status in (LetterStatus.REGISTERED, LetterStatus.DECREED),
            success=gettext_lazy("The letter was decreed; the units have it in their inbox."),
        ),
        Action(
            "pass_on",
            services.pass_to_holder,
            PassOnForm,
            allowed=access.may_decree,
            when=lambda letter: letter.awaits_decree,
            success=gettext_lazy("The letter was passed on."),
        ),
        Action(
            "reply",
            form=ReplyForm,
            run=_reply,
            permission="correspondence.add_letter",
            when=lambda letter: letter.is_open,
            initial=lambda request, letter: {"signatory": letter.principal_id},
        ),
        Action(
            "texts",
            letter_services.update_texts,
            LetterTextForm,
            allowed=_may_change,
            when=lambda letter: letter.is_prepared,
            initial=lambda request, letter: {
                "subject": letter.subject,
                "salutation": letter.salutation,
                "body": letter.body,
                "closing": letter.closing,
            },
            success=gettext_lazy("The text of the letter was saved."),
        ),
        Action(
            "send",
            services.mark_sent,
            SendForm,
            allowed=_may_change,
            when=lambda letter: letter.is_prepared,
            success=gettext_lazy("The letter was marked as sent."),
        ),
        Action(
            "deliver",
            services.confirm_delivery,
            DeliveryForm,
            allowed=_may_change,
            when=lambda letter: letter.is_sent and letter.delivery_confirmed_on is None,
            success=gettext_lazy("The delivery was recorded."),
        ),
        Action(
            "extend",
            services.extend_deadline,
            ExtendForm,
            allowed=_may_change,
            when=_extendable,
            success=gettext_lazy("The deadline was extended; tell the sender why."),
        ),
        Action(
            "close",
            services.close_letter,
            CloseLetterForm,
            allowed=_may_change,
            when=lambda letter: letter.is_open,
            success=gettext_lazy("The letter was filed without a reply."),
        ),
        Action(
            "reopen",
            services.reopen,
            allowed=_may_change,
            when=lambda letter: letter.status == LetterStatus.CLOSED,
            success=gettext_lazy("The letter was reopened."),
        ),
        attach_action(allowed=_may_change),
    ],
)


def _printable(request: HttpRequest, pk: Any) -> Letter:
    letter = _load(request, pk)
    if not letter.is_outgoing or not letter.body:
        raise Http404
    return letter


@require_GET
@login_required
def letter_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    letter = _printable(request, pk)
    response = HttpResponse(letter_services.letter_pdf(letter), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{letter.sign}.pdf"'
    return response


@require_GET
@login_required
def letter_docx(request: HttpRequest, pk: int) -> HttpResponse:
    letter = _printable(request, pk)
    response = HttpResponse(
        letter_services.letter_docx(letter),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = f'attachment; filename="{letter.sign}.docx"'
    return response


#: the options of the letter picker (a matter's or a translation's letter)
letter_options = options_view(
    permission="correspondence.view_letter",
    queryset=lambda user, params: access.letters_visible_to(user).order_by("-created_at", "-id"),
    fields=("sign", "subject", "correspondent"),
)
