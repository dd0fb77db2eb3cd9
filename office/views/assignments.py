"""Assignments: list, hand over, detail with actions, unit inbox, overdue board, unit PDF."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from office import access
from office.filters import AssignmentFilter
from office.forms import (
    AssignmentEditForm,
    AssignmentForm,
    DecisionForm,
    NoteForm,
    ReplyForm,
    ReturnForm,
    UnitReportForm,
)
from office.kit import (
    Action,
    ActionSet,
    PageLink,
    attach_action,
    edit_record,
    list_page,
    paginate,
    record_context,
    render_page,
    safe_next_url,
)
from office.models import Assignment, AssignmentStatus, OrgUnit
from office.models.assignments import ISSUER_WORKFLOW, OPEN_STATUSES, UNIT_WORKFLOW
from office.reports import UNIT_ASSIGNMENTS_PDF
from office.services import assignments as service
from office.services.jobs import start_job


@require_GET
@login_required
@permission_required("office.view_assignment", raise_exception=True)
def assignment_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=access.assignments_visible_to(request.user).with_related().order_by("due_date", "id"),
        filterset_class=AssignmentFilter,
        filter_kwargs={"request": request},
        fragment="office/assignments/_table.html",
        title=_("Assignments"),
        filter_label=_("Filter assignments"),
        links=[PageLink(_("Hand over a matter"), reverse("office:assignment_create"), "office.add_assignment")],
    )


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("office.add_assignment", raise_exception=True)
def assignment_create(request: HttpRequest) -> HttpResponse:
    form = AssignmentForm(request.POST or None, initial={"deadline_start": timezone.localdate()})

    def save(form: AssignmentForm) -> Assignment:
        data = form.cleaned_data
        return service.hand_over(
            actor=request.user,
            title=data["title"],
            description=data["description"],
            unit=data["unit"],
            assignee=data["assignee"],
            due_date=data["due_date"],
            deadline=form.deadline,
        )

    return edit_record(
        request,
        form,
        save=save,
        success=lambda saved: _("The matter was handed to %(unit)s.") % {"unit": saved.unit},
        done_url=lambda saved: reverse("office:assignment_detail", args=[saved.pk]),
        title=_("Hand over a matter"),
        submit_label=_("Hand over"),
        cancel_url=reverse("office:assignment_list"),
        parents=[(reverse("office:assignment_list"), _("Assignments"))],
    )


def _detail(request: HttpRequest, assignment: Assignment, bound: dict[str, Any] | None = None) -> HttpResponse:
    user = request.user
    context = {
        "assignment": assignment,
        "events": assignment.events.select_related("actor"),
        "can_answer": access.can_answer(user, assignment),
        "can_manage": access.can_manage(user, assignment),
        "can_edit": access.can_manage(user, assignment) and assignment.status != AssignmentStatus.CLOSED,
        **ASSIGNMENT_ACTIONS.context(request, assignment, bound),
        **record_context(
            request,
            assignment,
            attach_url=reverse("office:assignment_attach", args=[assignment.pk]),
            can_attach=ASSIGNMENT_ACTIONS["attach"].may(user, assignment),
            attachment_form=(bound or {}).get("attachment_form"),
        ),
    }
    return render_page(request, "office/assignments/detail.html", context)


def _unit_can_move_to(target: str) -> Any:
    """The unit's workflow allows moving the assignment to ``target`` from where it is now."""
    return lambda a: UNIT_WORKFLOW.can(a.status, target)


ASSIGNMENT_ACTIONS = ActionSet(
    "assignment",
    load=lambda request, pk: access.get_assignment_for_user(request.user, pk),
    done_url=lambda a: reverse("office:assignment_detail", args=[a.pk]),
    redisplay=_detail,
    record_arg="assignment",
    actions=[
        Action(
            "start",
            service.start_work,
            allowed=access.can_answer,
            when=_unit_can_move_to(AssignmentStatus.IN_PROGRESS),
            success=gettext_lazy("You took the matter up."),
        ),
        Action(
            "reply",
            service.answer,
            ReplyForm,
            allowed=access.can_answer,
            when=_unit_can_move_to(AssignmentStatus.ANSWERED),
            success=gettext_lazy("The reply was sent to the issuer."),
        ),
        Action(
            "return",
            run=lambda request, a, data: service.return_to_issuer(
                actor=request.user, assignment=a, reason=data["text"]
            ),
            form=ReturnForm,
            allowed=access.can_answer,
            when=_unit_can_move_to(AssignmentStatus.RETURNED),
            success=gettext_lazy("The matter was returned to the issuer."),
        ),
        Action(
            "note",
            service.add_note,
            NoteForm,
            allowed=lambda user, a: access.can_answer(user, a) or access.can_manage(user, a),
            success=gettext_lazy("The note was added."),
        ),
        Action(
            "decide",
            service.decide,
            DecisionForm,
            form_kwargs=lambda request, a: {"allowed": ISSUER_WORKFLOW.allowed(a.status)},
            allowed=access.can_manage,
            when=lambda a: bool(ISSUER_WORKFLOW.allowed(a.status)),
            success=gettext_lazy("The decision was recorded."),
        ),
        attach_action(allowed=lambda user, a: access.can_answer(user, a) or access.can_manage(user, a)),
    ],
)


@require_GET
@login_required
def assignment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, access.get_assignment_for_user(request.user, pk))


@require_http_methods(["GET", "POST"])
@login_required
def assignment_edit(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = access.get_assignment_for_user(request.user, pk)
    access.require(access.can_manage(request.user, assignment) and assignment.status != AssignmentStatus.CLOSED)
    form = AssignmentEditForm(request.POST or None, instance=assignment)

    def save(form: AssignmentEditForm) -> Assignment:
        data = form.cleaned_data
        return service.update_details(
            actor=request.user,
            assignment=Assignment.objects.get(pk=assignment.pk),
            title=data["title"],
            description=data["description"],
            unit=data["unit"],
            assignee=data["assignee"],
            due_date=data["due_date"],
            reason=data["reason"],
        )

    return edit_record(
        request,
        form,
        save=save,
        success=_("The assignment was changed."),
        done_url=lambda saved: reverse("office:assignment_detail", args=[saved.pk]),
        title=_("Change the assignment"),
        cancel_url=reverse("office:assignment_detail", args=[pk]),
        parents=[(reverse("office:assignment_list"), _("Assignments"))],
    )


@require_GET
@login_required
@permission_required("office.answer_assignment", raise_exception=True)
def unit_inbox(request: HttpRequest) -> HttpResponse:
    """The unit's liaison sees and answers only their own unit's assignments."""
    unit = request.user.unit
    if unit is None:
        raise PermissionDenied
    show = request.GET.get("show", "open")
    qs = Assignment.objects.filter(unit=unit).with_related()
    qs = qs.filter(status__in=OPEN_STATUSES) if show == "open" else qs.exclude(status__in=OPEN_STATUSES)
    page = paginate(request, qs.order_by("due_date", "id"))
    return render_page(
        request,
        "office/assignments/inbox.html",
        {
            "unit": unit,
            "page_obj": page,
            "show": show,
            "today": timezone.localdate(),
            "report_form": UnitReportForm(units=OrgUnit.objects.filter(pk=unit.pk), initial={"unit": unit}),
        },
        fragment="office/assignments/_table.html",
    )


@require_GET
@login_required
@permission_required("office.view_all_assignments", raise_exception=True)
def overdue_board(request: HttpRequest) -> HttpResponse:
    """Every overdue assignment in the office, with counts by unit."""
    today = timezone.localdate()
    overdue = Assignment.objects.overdue(today)
    by_unit = (
        OrgUnit.objects.filter(assignments__in=overdue)
        .annotate(overdue_count=Count("assignments", filter=Q(assignments__in=overdue), distinct=True))
        .order_by("-overdue_count", "symbol")
    )
    page = paginate(request, overdue.with_related().order_by("due_date", "id"))
    return render_page(
        request,
        "office/assignments/overdue.html",
        {
            "page_obj": page,
            "by_unit": by_unit,
            "today": today,
            "report_form": UnitReportForm(units=OrgUnit.objects.filter(is_active=True).order_by("symbol")),
        },
        fragment="office/assignments/_table.html",
    )


@require_POST
@login_required
def unit_report(request: HttpRequest) -> HttpResponse:
    """Start the PDF of a unit's open assignments as a background job."""
    user = request.user
    if user.has_perm("office.view_all_units"):
        units = OrgUnit.objects.all()
    elif user.unit_id and user.has_perm("office.answer_assignment"):
        units = OrgUnit.objects.filter(pk=user.unit_id)
    else:
        raise PermissionDenied
    form = UnitReportForm(request.POST, units=units)
    if not form.is_valid():
        messages.error(request, _("Choose a unit for the report."))
        return redirect(safe_next_url(request, request.POST.get("next"), reverse("office:dashboard")))
    unit = form.cleaned_data["unit"]
    job = start_job(
        actor=user,
        kind=UNIT_ASSIGNMENTS_PDF,
        title=_("Open assignments of %(unit)s (PDF)") % {"unit": unit.symbol},
        params={"unit_id": unit.pk, "language": request.LANGUAGE_CODE},
    )
    return redirect("office:job_detail", job.pk)
