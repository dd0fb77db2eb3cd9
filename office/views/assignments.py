"""Assignments: list, hand over, detail with actions, unit inbox, overdue board, unit PDF."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from office import access
from office.filters import AssignmentFilter
from office.forms import (
    AssignmentEditForm,
    AssignmentForm,
    AttachmentForm,
    DecisionForm,
    NoteForm,
    ReplyForm,
    ReturnForm,
    UnitReportForm,
)
from office.models import Assignment, AssignmentStatus, OrgUnit
from office.models.assignments import ISSUER_WORKFLOW, OPEN_STATUSES, UNIT_WORKFLOW
from office.services import assignments as service
from office.services import attachments as attachment_service
from office.services import audit
from office.services.jobs import start_job
from office.services.reports import UNIT_ASSIGNMENTS_PDF
from office.views.common import apply_errors, paginate, render_page

S = AssignmentStatus


@require_GET
@login_required
@permission_required("office.view_assignment", raise_exception=True)
def assignment_list(request: HttpRequest) -> HttpResponse:
    base = access.assignments_visible_to(request.user).with_related()
    filterset = AssignmentFilter(request.GET or None, queryset=base, request=request)
    qs = filterset.qs if filterset.is_bound and filterset.is_valid() else base
    if "ordering" not in request.GET or not request.GET.get("ordering"):
        qs = qs.order_by("due_date", "id")
    page = paginate(request, qs)
    return render_page(
        request,
        "office/assignments/list.html",
        {"filter": filterset, "page_obj": page, "today": timezone.localdate()},
        fragment="office/assignments/_table.html",
    )


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("office.add_assignment", raise_exception=True)
def assignment_create(request: HttpRequest) -> HttpResponse:
    form = AssignmentForm(request.POST or None, initial={"deadline_start": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            assignment = service.hand_over(
                actor=request.user,
                title=data["title"],
                description=data["description"],
                unit=data["unit"],
                assignee=data["assignee"],
                due_date=data["due_date"],
                deadline=form.deadline,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The matter was handed to %(unit)s.") % {"unit": assignment.unit})
            return redirect("office:assignment_detail", assignment.pk)
    return render_page(request, "office/assignments/form.html", {"form": form, "creating": True})


def _detail_context(request: HttpRequest, assignment: Assignment, **forms: Any) -> dict[str, Any]:
    user = request.user
    can_answer = access.can_answer(user, assignment)
    can_manage = access.can_manage(user, assignment)
    unit_next = UNIT_WORKFLOW.allowed(assignment.status) if can_answer else frozenset()
    issuer_next = ISSUER_WORKFLOW.allowed(assignment.status) if can_manage else frozenset()
    decision = forms.get("decision_form") or DecisionForm()
    decision.fields["target"].choices = [c for c in decision.fields["target"].choices if c[0] in issuer_next]
    return {
        "assignment": assignment,
        "today": timezone.localdate(),
        "events": assignment.events.select_related("actor"),
        "attachments": attachment_service.attachments_of(assignment),
        "trail": audit.trail_for(assignment),
        "can_answer": can_answer,
        "can_manage": can_manage,
        "can_start": S.IN_PROGRESS in unit_next,
        "can_reply": S.ANSWERED in unit_next,
        "can_return": S.RETURNED in unit_next,
        "can_decide": bool(issuer_next),
        "can_edit": can_manage and assignment.status != S.CLOSED,
        "can_attach": (can_answer or can_manage) and user.has_perm("office.add_attachment"),
        "reply_form": forms.get("reply_form") or ReplyForm(),
        "return_form": forms.get("return_form") or ReturnForm(),
        "note_form": forms.get("note_form") or NoteForm(),
        "decision_form": decision,
        "attachment_form": forms.get("attachment_form") or AttachmentForm(),
    }


@require_GET
@login_required
def assignment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = access.get_assignment_for_user(request.user, pk)
    return render_page(request, "office/assignments/detail.html", _detail_context(request, assignment))


@require_http_methods(["GET", "POST"])
@login_required
def assignment_edit(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = access.get_assignment_for_user(request.user, pk)
    access.require(access.can_manage(request.user, assignment) and assignment.status != S.CLOSED)
    form = AssignmentEditForm(request.POST or None, instance=assignment)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            service.update_details(
                actor=request.user,
                assignment=Assignment.objects.get(pk=assignment.pk),
                title=data["title"],
                description=data["description"],
                unit=data["unit"],
                assignee=data["assignee"],
                due_date=data["due_date"],
                reason=data["reason"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The assignment was changed."))
            return redirect("office:assignment_detail", assignment.pk)
    return render_page(request, "office/assignments/form.html", {"form": form, "assignment": assignment})


def _act(request: HttpRequest, pk: int, form_class: type, form_key: str, run: Any, done: str) -> HttpResponse:
    """Validate a small action form, run the service, or show the detail page with the errors."""
    assignment = access.get_assignment_for_user(request.user, pk)
    form = form_class(request.POST, request.FILES) if form_class else None
    if form is None or form.is_valid():
        try:
            run(assignment, form.cleaned_data if form else {})
        except ValidationError as error:
            if form is None:
                messages.error(request, " ".join(error.messages))
                return redirect("office:assignment_detail", pk)
            apply_errors(form, error)
        else:
            messages.success(request, done)
            return redirect("office:assignment_detail", pk)
    context = _detail_context(request, assignment, **{form_key: form})
    return render_page(request, "office/assignments/detail.html", context)


@require_POST
@login_required
def assignment_start(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        None,
        "",
        lambda a, d: service.start_work(actor=request.user, assignment=a),
        _("You took the matter up."),
    )


@require_POST
@login_required
def assignment_reply(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        ReplyForm,
        "reply_form",
        lambda a, d: service.answer(actor=request.user, assignment=a, reply=d["reply"]),
        _("The reply was sent to the issuer."),
    )


@require_POST
@login_required
def assignment_return(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        ReturnForm,
        "return_form",
        lambda a, d: service.return_to_issuer(actor=request.user, assignment=a, reason=d["text"]),
        _("The matter was returned to the issuer."),
    )


@require_POST
@login_required
def assignment_note(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        NoteForm,
        "note_form",
        lambda a, d: service.add_note(actor=request.user, assignment=a, text=d["text"]),
        _("The note was added."),
    )


@require_POST
@login_required
def assignment_decide(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        DecisionForm,
        "decision_form",
        lambda a, d: service.decide(actor=request.user, assignment=a, target=d["target"], text=d["text"]),
        _("The decision was recorded."),
    )


@require_POST
@login_required
def assignment_attach(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = access.get_assignment_for_user(request.user, pk)
    if not request.user.has_perm("office.add_attachment") or not (
        access.can_answer(request.user, assignment) or access.can_manage(request.user, assignment)
    ):
        raise PermissionDenied
    return _act(
        request,
        pk,
        AttachmentForm,
        "attachment_form",
        lambda a, d: attachment_service.attach(
            actor=request.user, record=a, upload=d["file"], description=d["description"]
        ),
        _("The file was attached."),
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
        return redirect(
            request.POST.get("next") if request.POST.get("next", "").startswith("/") else reverse("office:dashboard")
        )
    unit = form.cleaned_data["unit"]
    job = start_job(
        actor=user,
        kind=UNIT_ASSIGNMENTS_PDF,
        title=_("Open assignments of %(unit)s (PDF)") % {"unit": unit.symbol},
        params={"unit_id": unit.pk, "language": request.LANGUAGE_CODE},
    )
    return redirect("office:job_detail", job.pk)
