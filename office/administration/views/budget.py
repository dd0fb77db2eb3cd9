"""The budget lines: the plan-versus-execution page (and its spreadsheet), a line's page with
its changes to the plan, commitments and execution, and the import of the finance system's
spreadsheet of execution."""

from __future__ import annotations

import contextlib
from decimal import Decimal
from typing import Any

from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from office.administration import access
from office.administration import services as budget
from office.administration.filters import BudgetFilter, CommitmentFilter, ExecutionFilter
from office.administration.forms import (
    BudgetLineForm,
    CancelCommitmentForm,
    CommitmentForm,
    ExecutionForm,
    ExecutionImportForm,
    PlanChangeForm,
)
from office.administration.models import BudgetLine, Commitment, Execution
from office.kit import Action, ActionSet, Editor, PageLink, list_page, record_context
from office.kit.exports import ExportColumn
from office.kit.imports import Importer, Match, find_by
from office.kit.spreadsheets import fold

VIEW = "administration.view_budgetline"
CHANGE = "administration.change_budgetline"
SUBNAV = "administration/_subnav.html"


def _line(planned: Decimal, changes: Decimal, committed: Decimal, executed: Decimal) -> BudgetLine:
    line = BudgetLine(planned=planned)
    line.__dict__.update(changes_total=changes, committed_total=committed, executed_total=executed)
    return line


def _figure(name: str) -> Any:
    return lambda *values: getattr(_line(*values), name)


_FIGURES = ("planned", "changes_total", "committed_total", "executed_total")
BUDGET_COLUMNS = [
    ExportColumn(gettext_lazy("Year"), "year"),
    ExportColumn(
        gettext_lazy("Classification"), "division", "chapter", "paragraph", value=lambda d, c, p: f"{d}-{c}-§{p}"
    ),
    ExportColumn(gettext_lazy("Task"), "name"),
    ExportColumn(gettext_lazy("Plan (PLN)"), *_FIGURES, value=_figure("plan")),
    ExportColumn(gettext_lazy("Committed (PLN)"), "committed_total"),
    ExportColumn(gettext_lazy("Executed (PLN)"), "executed_total"),
    ExportColumn(gettext_lazy("Remaining (PLN)"), *_FIGURES, value=_figure("remaining")),
    ExportColumn(gettext_lazy("Percent used"), *_FIGURES, value=_figure("percent")),
    ExportColumn(gettext_lazy("Mark"), *_FIGURES, value=_figure("mark")),
]


@require_GET
@login_required
@permission_required(VIEW, raise_exception=True)
def budget_page(request: HttpRequest) -> HttpResponse:
    """Plan versus execution: per line the plan after changes, commitments, execution, what
    remains and the share used; this year's lines unless another year (or any) is asked for."""
    queryset = BudgetLine.objects.with_figures().order_by("-year", "division", "chapter", "paragraph", "name")
    if "year" not in request.GET:  # this year's lines, shown in the filter form; ?year= gives every year
        request.GET = request.GET.copy()
        request.GET["year"] = str(timezone.localdate().year)
    return list_page(
        request,
        queryset=queryset,
        filterset_class=BudgetFilter,
        fragment="administration/budget/_table.html",
        title=_("Budget lines: plan and execution"),
        links=[
            PageLink(_("Add a budget line"), reverse("administration:line_create"), "administration.add_budgetline"),
            PageLink(_("Import execution"), reverse("administration:execution_import"), "administration.add_execution"),
        ],
        subnav=SUBNAV,
        section="budget",
        export_columns=BUDGET_COLUMNS,
        context={"this_year": timezone.localdate().year},
    )


LINE_EDITOR = Editor(
    form=BudgetLineForm,
    save=lambda request, form: budget.save_line(actor=request.user, line=form.save(commit=False)),
    success=gettext_lazy("The budget line was saved."),
    detail="administration:line_detail",
    listing=("administration:budget", gettext_lazy("Budget lines")),
    titles=(gettext_lazy("Add a budget line"), gettext_lazy("Change the budget line")),
)
line_create = LINE_EDITOR.create_view(
    permission="administration.add_budgetline", new=lambda request: BudgetLine(year=timezone.localdate().year)
)


def _load_line(request: HttpRequest, pk: Any) -> BudgetLine:
    return access.get_record(BudgetLine, request.user, VIEW, pk)


def _editable_line(request: HttpRequest, pk: Any) -> BudgetLine:
    line = _load_line(request, pk)
    access.require(request.user.has_perm(CHANGE))
    return line


line_edit = LINE_EDITOR.edit_view(load=_editable_line)

#: The latest rows of each kind a line's page shows (the lists behind "all" have the rest).
LATEST = 25


def _line_page(request: HttpRequest, line: BudgetLine, bound: dict[str, Any] | None = None) -> HttpResponse:
    figures = BudgetLine.objects.with_figures().get(pk=line.pk)
    context = {
        "line": figures,
        "can_change": request.user.has_perm(CHANGE),
        "plan_changes": list(line.plan_changes.select_related("created_by")),
        "commitments": list(line.commitments.select_related("created_by")[:LATEST]),
        "executions": list(line.executions.all()[:LATEST]),
        "latest": LATEST,
        **LINE_ACTIONS.context(request, line, bound),
        **record_context(request, line),
    }
    return render(request, "administration/budget/line_detail.html", context)


@require_GET
@login_required
def line_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _line_page(request, _load_line(request, pk))


def _cancel(request: HttpRequest, line: BudgetLine, data: dict[str, Any]) -> Commitment:
    return budget.cancel_commitment(actor=request.user, commitment=data["commitment"], reason=data["reason"])


LINE_ACTIONS = ActionSet(
    "line",
    load=_load_line,
    done_url=lambda line: reverse("administration:line_detail", args=[line.pk]),
    redisplay=_line_page,
    permission=CHANGE,
    actions=[
        Action(
            "plan",
            run=lambda request, line, data: budget.change_plan(actor=request.user, line=line, **data),
            form=PlanChangeForm,
            permission="administration.add_planchange",
            success=gettext_lazy("The plan was changed."),
        ),
        Action(
            "execution",
            run=lambda request, line, data: budget.record_execution(actor=request.user, line=line, **data),
            form=ExecutionForm,
            permission="administration.add_execution",
            success=gettext_lazy("The execution was entered."),
        ),
        Action(
            "commit",
            run=lambda request, line, data: budget.commit(actor=request.user, budget_line=line, **data),
            form=CommitmentForm,
            permission="administration.add_commitment",
            success=gettext_lazy("The commitment was entered."),
        ),
        Action(
            "cancel",
            run=_cancel,
            form=CancelCommitmentForm,
            permission="administration.change_commitment",
            form_kwargs=lambda request, line: {"line": line},
            when=lambda line: line.commitments.filter(cancelled_at__isnull=True).exists(),
            success=gettext_lazy("The commitment was cancelled."),
        ),
    ],
)


@require_GET
@login_required
@permission_required(VIEW, raise_exception=True)
def commitment_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=Commitment.objects.select_related("line").order_by("-committed_on", "-id"),
        filterset_class=CommitmentFilter,
        fragment="administration/budget/_commitments.html",
        title=_("Commitments"),
        subnav=SUBNAV,
        section="commitments",
    )


@require_GET
@login_required
@permission_required(VIEW, raise_exception=True)
def execution_list(request: HttpRequest) -> HttpResponse:
    return list_page(
        request,
        queryset=Execution.objects.select_related("line").order_by("-booked_on", "-id"),
        filterset_class=ExecutionFilter,
        fragment="administration/budget/_executions.html",
        title=_("Execution"),
        links=[
            PageLink(_("Import execution"), reverse("administration:execution_import"), "administration.add_execution")
        ],
        subnav=SUBNAV,
        section="executions",
    )


# --- The finance system's spreadsheet ------------------------------------------------------------


def _execution_keys(data: dict[str, Any]) -> list[str]:
    """A row repeats an execution booked with the same document on the same line and day."""
    if not data.get("document"):
        return []
    return [f"doc:{data['line'].pk}|{data['booked_on']:%Y-%m-%d}|{fold(data['document'])}|{data['amount']}"]


def _existing_executions(rows: list[dict[str, Any]]) -> dict[str, Match]:
    found = find_by(Execution.objects.select_related("line"), {"document": [row.get("document", "") for row in rows]})
    return {
        key: Match(
            f"{execution.document} · {execution.line}", reverse("administration:line_detail", args=[execution.line_id])
        )
        for execution in found
        for key in _execution_keys(
            {
                "line": execution.line,
                "booked_on": execution.booked_on,
                "document": execution.document,
                "amount": execution.amount,
            }
        )
    }


def _lines_named(rows: list[dict[str, str]]) -> dict[str, Any]:
    """The lines of the years the file's dates fall in, found at once: {(year, dział, rozdział, paragraf): [lines]}."""
    years = set()
    field = ExecutionImportForm.base_fields["booked_on"]
    for row in rows:
        with contextlib.suppress(ValidationError):  # a bad date is that row's error, shown in the preview
            years.add(field.clean(row.get("booked_on", "")).year)
    lines: dict[tuple[int, str, str, str], list[BudgetLine]] = {}
    for line in BudgetLine.objects.filter(year__in=years):
        lines.setdefault((line.year, line.division, line.chapter, line.paragraph), []).append(line)
    return {"lines": lines}


EXECUTION_IMPORT = Importer(
    key="administration.executions",
    url_name="administration:execution",
    label=gettext_lazy("Execution of the budget lines"),
    permission="administration.add_execution",
    form=ExecutionImportForm,
    columns=("booked_on", "division", "chapter", "paragraph", "task", "amount", "document", "description"),
    keys=_execution_keys,
    existing=_existing_executions,
    save=budget.import_executions,
    listing="administration:execution_list",
    prepare=_lines_named,
    aliases={
        "booked_on": ("data", "data księgowania", "date"),
        "division": ("dział", "dzial"),
        "chapter": ("rozdział", "rozdzial"),
        "paragraph": ("paragraf", "§"),
        "task": ("zadanie", "nazwa zadania", "name"),
        "amount": ("kwota", "wykonanie", "wartość"),
        "document": ("dokument", "nr dokumentu", "numer dokumentu"),
        "description": ("opis", "treść"),
    },
)
