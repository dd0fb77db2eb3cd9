"""The office's budget lines: the public module other apps use to commit money on them.

Another app (a business trip, an event, an order) records what it will cost with::

    from office.administration import services as budget

    commitment = budget.commit(
        actor=request.user,
        budget_line=trip.budget_line,      # a BudgetLine (string FK "administration.BudgetLine")
        amount=Decimal("1240.00"),         # PLN, more than zero
        date=trip.starts_on,               # within the line's year
        source=trip,                       # any saved model instance: linked generically
        description="Delegacja do Brukseli",
        kind=budget.CommitmentKind.TRIP,
    )

and later ``change_commitment(actor=, commitment=, amount=)`` when the cost changes or
``cancel_commitment(actor=, commitment=, reason=)`` when the trip is cancelled; the lines a
form may offer are ``open_lines(year)``; ``commitments_of(source)`` lists a record's
commitments. Every function is keyword-only, atomic and writes the audit trail; a
``ValidationError`` (keyed by the argument's name) says what is wrong: a negative or zero
amount, a date outside the line's year. Commitments may exceed the plan (the plan-versus-
execution page marks the line); the office decides, the register records.

The rest of the module keeps the lines themselves: ``save_line``, ``change_plan``,
``record_execution`` and ``import_executions`` (the finance system's spreadsheet).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from office.administration.models import BudgetLine, Commitment, CommitmentKind, Execution, PlanChange
from office.services import audit

__all__ = [
    "BudgetLine",
    "Commitment",
    "CommitmentKind",
    "cancel_commitment",
    "change_commitment",
    "change_plan",
    "commit",
    "commitments_of",
    "import_executions",
    "open_lines",
    "record_execution",
    "save_line",
]


def _money(value: Any, field: str, *, positive: bool = True) -> Decimal:
    try:
        amount = Decimal(str(value)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError, TypeError):
        raise ValidationError({field: _("Give the amount in złoty, e.g. 1250.00.")}) from None
    if not amount.is_finite() or abs(amount) >= Decimal("1e12"):
        raise ValidationError({field: _("Give the amount in złoty, e.g. 1250.00.")})
    if positive and amount <= 0:
        raise ValidationError({field: _("The amount must be more than zero.")})
    return amount


def _in_year(line: BudgetLine, day: dt.date, field: str) -> None:
    if day.year != line.year:
        raise ValidationError({field: _("The date must fall within the line's year %(year)s.") % {"year": line.year}})


# --- Commitments: the public part --------------------------------------------------------------


def open_lines(year: int | None = None) -> models.QuerySet[BudgetLine]:
    """The lines of ``year`` (this year by default) in the order of the classification, for a
    form's select."""
    return BudgetLine.objects.filter(year=year or timezone.localdate().year).order_by(
        "division", "chapter", "paragraph", "name"
    )


def commitments_of(source: models.Model) -> models.QuerySet[Commitment]:
    """The commitments a record made (cancelled ones too), newest first."""
    return Commitment.objects.filter(
        source_type=ContentType.objects.get_for_model(source), source_id=source.pk
    ).select_related("line")


@transaction.atomic
def commit(
    *,
    actor: Any,
    budget_line: BudgetLine,
    amount: Decimal | str | int,
    date: dt.date,
    source: models.Model | None = None,
    description: str = "",
    kind: str = CommitmentKind.OTHER,
    source_label: str = "",
    source_url: str = "",
) -> Commitment:
    """Commit ``amount`` PLN on ``budget_line`` on ``date`` for ``source`` (any saved record, linked
    generically with its label and URL kept; or only ``source_label``/``source_url``)."""
    if budget_line is None or budget_line.pk is None:
        raise ValidationError({"budget_line": _("Choose a budget line.")})
    commitment = Commitment(
        line=budget_line,
        kind=kind,
        amount=_money(amount, "amount"),
        committed_on=date,
        description=description.strip()[:255],
        source_label=(source_label or (str(source) if source is not None else ""))[:255],
        source_url=(source_url or _url_of(source))[:500],
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    _in_year(budget_line, date, "date")
    if source is not None:
        if source.pk is None:
            raise ValueError("commit() needs a saved source record")
        commitment.source_type = ContentType.objects.get_for_model(source)
        commitment.source_id = source.pk
    commitment.full_clean()
    commitment.save()
    audit.record_create(actor=actor, instance=commitment)
    return commitment


def _url_of(source: models.Model | None) -> str:
    """The source's page, when its model says where that is."""
    return str(source.get_absolute_url()) if hasattr(source, "get_absolute_url") else ""


@transaction.atomic
def change_commitment(
    *, actor: Any, commitment: Commitment, amount: Decimal | str | int, date: dt.date | None = None
) -> Commitment:
    """A new amount (and date) of an active commitment, when the cost turned out different."""
    if not commitment.is_active:
        raise ValidationError(_("A cancelled commitment cannot be changed."))
    before = audit.snapshot(commitment)
    commitment.amount = _money(amount, "amount")
    if date is not None:
        _in_year(commitment.line, date, "date")
        commitment.committed_on = date
    commitment.full_clean()
    commitment.save()
    audit.record_update(actor=actor, instance=commitment, before=before)
    return commitment


@transaction.atomic
def cancel_commitment(*, actor: Any, commitment: Commitment, reason: str = "") -> Commitment:
    """Release a commitment (the trip or the order was cancelled); it stays in the register,
    marked cancelled, and no longer counts against the line. Cancelling twice changes nothing."""
    if not commitment.is_active:
        return commitment
    before = audit.snapshot(commitment)
    commitment.cancelled_at = timezone.now()
    commitment.cancel_reason = reason.strip()[:255]
    commitment.save(update_fields=["cancelled_at", "cancel_reason"])
    audit.record_update(actor=actor, instance=commitment, before=before)
    return commitment


# --- The lines --------------------------------------------------------------------------------


@transaction.atomic
def save_line(*, actor: Any, line: BudgetLine) -> BudgetLine:
    """Create or change a budget line. The plan adopted never goes below zero, and a line that
    already has commitments or execution keeps its year."""
    if line.planned is not None and line.planned < 0:
        raise ValidationError({"planned": _("The plan cannot be negative.")})
    if line.pk is not None:
        stored = BudgetLine.objects.get(pk=line.pk)
        used = stored.commitments.exists() or stored.executions.exists()
        if stored.year != line.year and used:
            raise ValidationError({"year": _("The line already has commitments or execution; its year stays.")})
    else:
        line.created_by = actor
    return audit.save_record(actor=actor, record=line)


@transaction.atomic
def change_plan(*, actor: Any, line: BudgetLine, amount: Any, changed_on: dt.date, basis: str) -> PlanChange:
    """A change to the plan (plus or minus) under an order or a resolution; the plan after all
    changes never goes below zero."""
    amount = _money(amount, "amount", positive=False)
    if amount == 0:
        raise ValidationError({"amount": _("A change of zero changes nothing.")})
    if not basis.strip():
        raise ValidationError({"basis": _("Name the order or resolution that changes the plan.")})
    _in_year(line, changed_on, "changed_on")
    locked = BudgetLine.objects.select_for_update(of=("self",)).get(pk=line.pk)
    if locked.plan + amount < 0:
        raise ValidationError(
            {"amount": _("The plan would fall below zero (it is %(plan)s PLN now).") % {"plan": locked.plan}}
        )
    change = PlanChange(line=line, amount=amount, changed_on=changed_on, basis=basis.strip(), created_by=actor)
    change.full_clean()
    change.save()
    audit.record_create(actor=actor, instance=change)
    audit.record(
        actor=actor,
        instance=line,
        action="update",
        changes={"plan": [str(locked.plan), str(locked.plan + amount)]},
        message=audit.note(
            gettext_noop("Plan changed by %(amount)s PLN: %(basis)s"), amount=str(amount), basis=change.basis
        ),
    )
    return change


@transaction.atomic
def record_execution(
    *, actor: Any, line: BudgetLine, amount: Any, booked_on: dt.date, document: str = "", description: str = ""
) -> Execution:
    """An amount the finance system booked on the line."""
    execution = Execution(
        line=line,
        amount=_money(amount, "amount"),
        booked_on=booked_on,
        document=document.strip(),
        description=description.strip(),
        created_by=actor,
    )
    _in_year(line, booked_on, "booked_on")
    execution.full_clean()
    execution.save()
    audit.record_create(actor=actor, instance=execution)
    return execution


@transaction.atomic
def import_executions(*, actor: Any, rows: list[dict[str, Any]], message: Any = "") -> int:
    """Save the rows of the finance system's spreadsheet (``office.kit.imports``; each row's
    ``line`` was found by the importer): one insert, one audit entry per row naming the file."""
    executions = [
        Execution(
            line=row["line"],
            booked_on=row["booked_on"],
            amount=row["amount"],
            document=row.get("document", ""),
            description=row.get("description", ""),
            created_by=actor,
        )
        for row in rows
    ]
    for execution in executions:
        if execution.booked_on.year != execution.line.year:
            raise ValidationError(_("A row's date falls outside its line's year."))
    Execution.objects.bulk_create(executions, batch_size=500)
    audit.record_created_rows(actor=actor, instances=executions, message=message)
    return len(executions)
