"""Patronage applications: the register, typing one in, its page with the steps — the unit's
opinion, the decision, the decision letter, the report after the event."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from office.kit import Action, ActionSet, Editor, PageLink, attach_action, list_page, record_context
from patronage import access, services
from patronage.filters import ApplicationFilter
from patronage.forms import (
    ApplicationForm,
    AttendForm,
    DecisionForm,
    DecisionLetterForm,
    NoteForm,
    OpinionForm,
    ReportForm,
)
from patronage.models import Application, ApplicationStatus
from patronage.workflows import APPLICATION_WORKFLOW

LIST = ("patronage:application_list", gettext_lazy("Honorary patronage"))


@require_GET
@login_required
@permission_required(access.VIEW, raise_exception=True)
def application_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=Application.objects.select_related("organiser", "decision_letter").order_by("-year", "-number"),
        filterset_class=ApplicationFilter,
        fragment="patronage/_table.html",
        title=_("Honorary patronage"),
        filter_label=_("Filter the applications"),
        links=[
            PageLink(_("Register an application"), reverse("patronage:application_create"), "patronage.add_application")
        ],
    )


def _save(request: HttpRequest, form: ApplicationForm) -> Application:
    application = form.save(commit=False)
    if application.pk:
        return services.update_application(actor=request.user, application=application)
    return services.register_application(actor=request.user, application=application)


EDITOR = Editor(
    form=ApplicationForm,
    save=_save,
    success=gettext_lazy("The application was saved."),
    detail="patronage:application_detail",
    listing=LIST,
    titles=(gettext_lazy("Register a patronage application"), gettext_lazy("Change the application")),
)
application_create = EDITOR.create_view(
    permission="patronage.add_application", new=lambda request: Application(received_on=timezone.localdate())
)


def _editable(request: HttpRequest, pk: Any) -> Application:
    application = access.get_application_for_user(request.user, pk)
    access.require(request.user.has_perm(access.CHANGE) and application.is_undecided)
    return application


application_edit = EDITOR.edit_view(load=_editable)


def _detail(request: HttpRequest, application: Application, bound: dict[str, Any] | None = None) -> HttpResponse:
    context = {
        "application": application,
        "can_change": request.user.has_perm(access.CHANGE) and application.is_undecided,
        "unreported": services.unreported_before(application.organiser, exclude=application),
        **ACTIONS.context(request, application, bound),
        **record_context(
            request,
            application,
            attach_url=reverse("patronage:application_attach", args=[application.pk]),
            can_attach=request.user.has_perm(access.CHANGE),
            attachment_form=(bound or {}).get("attachment_form"),
        ),
    }
    return render(request, "patronage/detail.html", context)


@require_GET
@login_required
def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, access.get_application_for_user(request.user, pk))


def _write_letter(request: HttpRequest, application: Application, data: dict[str, Any]) -> HttpResponse:
    letter = services.write_decision_letter(actor=request.user, application=application, template=data["template"])
    messages.success(
        request, _("The decision letter %(sign)s was written; print it or send it from here.") % {"sign": letter.sign}
    )
    return redirect("correspondence:letter_detail", letter.pk)


def _attend_initial(request: HttpRequest, application: Application) -> dict[str, Any]:
    day = dt.datetime.combine(application.starts_on, dt.time(10), tzinfo=timezone.get_current_timezone())
    return {"holder": application.decided_by_id, "start": day, "end": day + dt.timedelta(hours=2)}


def _can(target: str) -> Any:
    return lambda application: APPLICATION_WORKFLOW.can(application.status, target)


ACTIONS = ActionSet(
    "application",
    load=lambda request, pk: access.get_application_for_user(request.user, pk),
    done_url=services.application_url,
    redisplay=_detail,
    permission=access.CHANGE,
    record_arg="application",
    actions=[
        Action(
            "opinion",
            services.request_opinion,
            OpinionForm,
            when=_can(ApplicationStatus.IN_OPINION),
            success=gettext_lazy("The unit was asked for its opinion."),
        ),
        Action(
            "decide",
            services.decide,
            DecisionForm,
            permission=access.DECIDE,
            when=lambda application: application.is_undecided,
            success=gettext_lazy("The decision was recorded."),
        ),
        Action(
            "letter",
            run=_write_letter,
            form=DecisionLetterForm,
            permission="correspondence.add_letter",
            allowed=lambda user, application: user.has_perm(access.CHANGE),
            when=lambda application: application.decided_on is not None and application.decision_letter_id is None,
        ),
        Action(
            "report",
            services.file_report,
            ReportForm,
            when=_can(ApplicationStatus.REPORTED),
            success=gettext_lazy("The report was filed."),
        ),
        Action(
            "attend",
            services.attend,
            AttendForm,
            when=lambda application: (
                application.status == ApplicationStatus.GRANTED
                and application.calendar_entry_id is None
                and application.ends_on >= timezone.localdate()
            ),
            initial=_attend_initial,
            success=gettext_lazy("The event was put on the calendar."),
        ),
        Action(
            "withdraw",
            services.withdraw,
            NoteForm,
            when=_can(ApplicationStatus.WITHDRAWN),
            success=gettext_lazy("The application was withdrawn."),
        ),
        attach_action(allowed=lambda user, application: user.has_perm(access.CHANGE)),
    ],
)


@require_GET
@login_required
@permission_required(access.VIEW, raise_exception=True)
def statistics(request: HttpRequest) -> HttpResponse:
    this_year = timezone.localdate().year
    asked = request.GET.get("year", "")
    year = int(asked) if asked.isdigit() and 2000 <= int(asked) <= this_year else this_year
    context = {
        "year": year,
        "previous": year - 1 if year > 2000 else None,
        "following": year + 1 if year < this_year else None,
        **services.year_statistics(year),
    }
    return render(request, "patronage/statistics.html", context)
