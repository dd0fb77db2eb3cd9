"""Residents' matters and interventions: intake, forwarding, the reply, closing, statistics."""

from __future__ import annotations

import datetime as dt
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
from correspondence.filters import MatterFilter
from correspondence.forms import ForwardForm, MatterForm, MatterReplyForm, NoteForm
from correspondence.models import MatterStatus, ResidentMatter
from correspondence.services import matters as services
from correspondence.workflows import MATTER_WORKFLOW
from office.kit import Action, ActionSet, Editor, PageLink, attach_action, bounds, list_page, record_context

CHANGE = "correspondence.change_residentmatter"
ADD = "correspondence.add_residentmatter"
LIST = ("correspondence:matter_list", gettext_lazy("Residents' matters"))


def _url(matter: ResidentMatter) -> str:
    return reverse("correspondence:matter_detail", args=[matter.pk])


@require_GET
@login_required
@permission_required("correspondence.view_residentmatter", raise_exception=True)
def matter_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=selectors.matters(),
        filterset_class=MatterFilter,
        fragment="correspondence/matters/_table.html",
        title=_("Residents' matters"),
        links=[
            PageLink(
                _("Register a matter"), reverse("correspondence:matter_create"), "correspondence.add_residentmatter"
            ),
            PageLink(_("Monthly statistics"), reverse("correspondence:matter_statistics")),
        ],
        subnav="correspondence/_subnav.html",
        section="matters",
    )


def _save(request: HttpRequest, form: MatterForm) -> ResidentMatter:
    if form.instance.pk:
        from office.services import audit

        return audit.save_record(actor=request.user, record=form.save(commit=False))
    data = {name: form.cleaned_data[name] for name in form.fields}
    return services.register_matter(actor=request.user, **data)


MATTER_EDITOR = Editor(
    form=MatterForm,
    save=_save,
    success=gettext_lazy("The matter was saved."),
    detail="correspondence:matter_detail",
    listing=LIST,
    titles=(gettext_lazy("Register a resident's matter"), gettext_lazy("Change the matter")),
    form_kwargs=lambda request: {"user": request.user},
    template="correspondence/matters/form.html",
)
matter_create = MATTER_EDITOR.create_view(
    permission="correspondence.add_residentmatter", new=lambda request: ResidentMatter(received_on=timezone.localdate())
)


def _editable(request: HttpRequest, pk: Any) -> ResidentMatter:
    matter = access.get_matter_for_user(request.user, pk)
    access.require(request.user.has_perm(CHANGE) and not matter.is_anonymised)
    return matter


matter_edit = MATTER_EDITOR.edit_view(load=_editable)


def _detail(request: HttpRequest, matter: ResidentMatter, bound: dict[str, Any] | None = None) -> HttpResponse:
    context = {
        "matter": matter,
        "can_change": request.user.has_perm(CHANGE) and not matter.is_anonymised,
        **MATTER_ACTIONS.context(request, matter, bound),
        **record_context(
            request,
            matter,
            attach_url=reverse("correspondence:matter_attach", args=[matter.pk]),
            can_attach=request.user.has_perm(CHANGE),
            attachment_form=(bound or {}).get("attachment_form"),
        ),
    }
    return render(request, "correspondence/matters/detail.html", context)


@require_GET
@login_required
def matter_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, access.get_matter_for_user(request.user, pk))


MATTER_ACTIONS = ActionSet(
    "matter",
    load=lambda request, pk: access.get_matter_for_user(request.user, pk),
    done_url=_url,
    redisplay=_detail,
    permission=CHANGE,
    record_arg="matter",
    actions=[
        Action(
            "forward",
            services.forward,
            ForwardForm,
            when=lambda matter: MATTER_WORKFLOW.can(matter.status, MatterStatus.FORWARDED),
            success=gettext_lazy("The matter was forwarded to the unit."),
        ),
        Action(
            "reply",
            services.reply,
            MatterReplyForm,
            when=lambda matter: MATTER_WORKFLOW.can(matter.status, MatterStatus.ANSWERED),
            initial=lambda request, matter: {"text": matter.assignment.reply if matter.assignment_id else ""},
            success=gettext_lazy("The reply was recorded."),
        ),
        Action(
            "close",
            services.close,
            NoteForm,
            when=lambda matter: MATTER_WORKFLOW.can(matter.status, MatterStatus.CLOSED),
            success=gettext_lazy("The matter was closed."),
        ),
        attach_action(allowed=lambda user, matter: user.has_perm(CHANGE)),
    ],
)


def _month(request: HttpRequest) -> dt.date:
    try:
        year, month = (int(part) for part in request.GET.get("month", "").split("-"))
        first = dt.date(year, month, 1)
    except ValueError:
        return timezone.localdate().replace(day=1)
    return first if bounds.EARLIEST < first < bounds.LATEST else timezone.localdate().replace(day=1)


@require_GET
@login_required
@permission_required("correspondence.view_residentmatter", raise_exception=True)
def matter_statistics(request: HttpRequest) -> HttpResponse:
    first = _month(request)
    previous = (first - dt.timedelta(days=1)).replace(day=1)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    context = {
        "first": first,
        "previous": previous,
        "following": following if following <= timezone.localdate() else None,
        **services.monthly_statistics(first.year, first.month),
    }
    return render(request, "correspondence/matters/statistics.html", context)
