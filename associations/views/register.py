"""The register of ordinary associations: the list (as of any day), the application, its page
with the steps — founders, the check of the conditions, the entry or the refusal, the letter —
and the changes the association reports."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from associations import access
from associations.filters import AssociationFilter, current_versions
from associations.forms import (
    ApplicationForm,
    ChangeForm,
    ChecklistForm,
    EnterForm,
    FounderForm,
    LetterForm,
    RefuseForm,
    RemoveFounderForm,
)
from associations.models import AssociationVersion, OrdinaryAssociation
from associations.services import register
from office.kit import Action, ActionSet, Editor, PageLink, attach_action, edit_record, list_page, record_context

LIST = ("associations:association_list", gettext_lazy("Ordinary associations"))
RELATED = ("current", "contact", "certificate", "refusal_letter", "created_by")


@require_GET
@login_required
@permission_required(access.VIEW, raise_exception=True)
def association_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=current_versions(),
        filterset_class=AssociationFilter,
        fragment="associations/register/_table.html",
        title=_("Register of ordinary associations"),
        filter_label=_("Filter the register"),
        links=[PageLink(_("Register an application"), reverse("associations:association_create"), access.ADD)],
        subnav="associations/_subnav.html",
        section="register",
    )


def _save(request: HttpRequest, form: ApplicationForm) -> OrdinaryAssociation:
    association = form.association
    association.contact, association.received_on = form.cleaned_data["contact"], form.cleaned_data["received_on"]
    version = form.save(commit=False)
    if association.pk:
        return register.update_application(actor=request.user, association=association, version=version)
    return register.register_application(actor=request.user, association=association, version=version)


EDITOR = Editor(
    form=ApplicationForm,
    save=_save,
    success=gettext_lazy("The application was saved."),
    detail="associations:association_detail",
    listing=LIST,
    titles=(gettext_lazy("Register an application for the entry"), gettext_lazy("Correct the application %(record)s")),
)
association_create = EDITOR.create_view(permission=access.ADD, new=lambda request: OrdinaryAssociation())


def _load(request: HttpRequest, pk: Any) -> OrdinaryAssociation:
    return access.get_for_user(OrdinaryAssociation, request.user, access.VIEW, pk, *RELATED)


def _editable(request: HttpRequest, pk: Any) -> OrdinaryAssociation:
    association = _load(request, pk)
    access.require(request.user.has_perm(access.CHANGE) and association.is_applied)
    return association


association_edit = EDITOR.edit_view(load=_editable)


def _as_of(request: HttpRequest) -> dt.date | None:
    try:
        day = parse_date(request.GET.get("as_of", ""))
    except ValueError:
        return None
    return day if day and dt.date(1800, 1, 1) <= day <= dt.date(2199, 12, 31) else None


def _detail(
    request: HttpRequest, association: OrdinaryAssociation, bound: dict[str, Any] | None = None
) -> HttpResponse:
    as_of = _as_of(request)
    founders = list(association.founders.order_by("id"))
    context = {
        "association": association,
        "as_of": as_of,
        "shown": register.version_as_of(association, as_of) if as_of else association.current,
        "history": register.history(association),
        "founders": founders,
        "checklist": register.checklist(association, len(founders)) if association.is_applied else [],
        "can_change": request.user.has_perm(access.CHANGE),
        **ACTIONS.context(request, association, bound),
        **record_context(
            request,
            association,
            attach_url=reverse("associations:association_attach", args=[association.pk]),
            can_attach=request.user.has_perm(access.CHANGE),
            attachment_form=(bound or {}).get("attachment_form"),
        ),
    }
    return render(request, "associations/register/detail.html", context)


@require_GET
@login_required
def association_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, _load(request, pk))


def _write_letter(request: HttpRequest, association: OrdinaryAssociation, data: dict[str, Any]) -> HttpResponse:
    letter = register.write_letter(actor=request.user, association=association, template=data["template"])
    messages.success(
        request, _("The letter %(sign)s was written; print it or send it from here.") % {"sign": letter.sign}
    )
    return redirect("correspondence:letter_detail", letter.pk)


def _applied(association: OrdinaryAssociation) -> bool:
    return association.is_applied


ACTIONS = ActionSet(
    "association",
    load=_load,
    done_url=register.association_url,
    redisplay=_detail,
    permission=access.CHANGE,
    record_arg="association",
    actions=[
        Action(
            "founder", register.add_founder, FounderForm, when=_applied, success=gettext_lazy("The founder was added.")
        ),
        Action(
            "remove_founder",
            run=lambda request, association, data: register.remove_founder(
                actor=request.user, association=association, founder=data["founder"]
            ),
            form=RemoveFounderForm,
            form_kwargs=lambda request, association: {"association": association},
            when=_applied,
            success=gettext_lazy("The founder was removed."),
        ),
        Action(
            "check",
            register.record_check,
            ChecklistForm,
            when=_applied,
            initial=lambda request, association: dict(association.checklist),
            success=gettext_lazy("The check of the conditions was saved."),
        ),
        Action(
            "enter",
            register.enter,
            EnterForm,
            when=_applied,
            success=gettext_lazy("The association was entered in the register."),
        ),
        Action("refuse", register.refuse, RefuseForm, when=_applied, success=gettext_lazy("The entry was refused.")),
        Action(
            "letter",
            run=_write_letter,
            form=LetterForm,
            permission="correspondence.add_letter",
            allowed=lambda user, association: user.has_perm(access.CHANGE),
            form_kwargs=lambda request, association: {"association": association},
            when=lambda a: (
                (a.is_entered and a.certificate_id is None) or (a.is_refused and a.refusal_letter_id is None)
            ),
        ),
        attach_action(allowed=lambda user, association: user.has_perm(access.CHANGE)),
    ],
)


def _change_initial(association: OrdinaryAssociation) -> dict[str, Any]:
    return {name: getattr(association.current, name) for name in register.COLUMNS}


@require_http_methods(["GET", "POST"])
@login_required
def association_change(request: HttpRequest, pk: int) -> HttpResponse:
    """Record a change the association reported: a new version of the register."""
    association = _load(request, pk)
    access.require(request.user.has_perm(access.CHANGE) and association.is_entered)
    form = ChangeForm(request.POST or None, initial=_change_initial(association))
    url = register.association_url(association)

    def save(form: ChangeForm) -> OrdinaryAssociation:
        data = form.cleaned_data
        register.record_change(
            actor=request.user,
            association=association,
            version=AssociationVersion(**{name: data[name] for name in register.COLUMNS}),
            changed_on=data["changed_on"],
            reported_on=data["reported_on"],
            valid_from=data["valid_from"],
            description=data["description"],
        )
        return association

    return edit_record(
        request,
        form,
        save=save,
        success=_("The change was entered in the register."),
        done_url=register.association_url,
        title=_("Report of a change: %(name)s") % {"name": association.current.name},
        cancel_url=url,
        parents=[(reverse(LIST[0]), LIST[1]), (url, association.reference)],
    )
