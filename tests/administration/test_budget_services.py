"""The public commitment functions and the lines' figures."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from office.administration import services as budget
from office.administration.models import BudgetLine, Commitment, CommitmentKind
from office.models import AuditEntry, OrgUnit
from tests.administration.factories import budget_line, in_year

pytestmark = pytest.mark.django_db


def test_commit_links_the_source_and_counts_on_the_line(staff: object) -> None:
    line = budget_line()
    source = OrgUnit.objects.create(symbol="KP9", name="Kancelaria")
    commitment = budget.commit(
        actor=staff, budget_line=line, amount="1240.50", date=in_year(line), source=source, kind=CommitmentKind.TRIP
    )
    assert commitment.source == source and commitment.source_label == str(source)
    assert list(budget.commitments_of(source)) == [commitment]
    figures = BudgetLine.objects.with_figures().get(pk=line.pk)
    assert figures.committed == Decimal("1240.50")
    assert figures.remaining == Decimal("98759.50")
    assert AuditEntry.objects.filter(object_id=str(commitment.pk), action="create").exists()


@pytest.mark.parametrize("amount", ["-5", "0", "abc", "1e20"])
def test_commit_refuses_a_bad_amount(staff: object, amount: str) -> None:
    line = budget_line()
    with pytest.raises(ValidationError) as error:
        budget.commit(actor=staff, budget_line=line, amount=amount, date=in_year(line))
    assert "amount" in error.value.message_dict
    assert not Commitment.objects.exists()


def test_commit_refuses_a_date_outside_the_year(staff: object) -> None:
    line = budget_line()
    with pytest.raises(ValidationError) as error:
        budget.commit(actor=staff, budget_line=line, amount=10, date=in_year(line).replace(year=line.year - 1))
    assert "date" in error.value.message_dict


def test_change_and_cancel(staff: object) -> None:
    line = budget_line()
    commitment = budget.commit(actor=staff, budget_line=line, amount=100, date=in_year(line), source_label="Zlecenie")
    budget.change_commitment(actor=staff, commitment=commitment, amount=150)
    assert line.commitments.get().amount == Decimal("150.00")
    budget.cancel_commitment(actor=staff, commitment=commitment, reason="odwołana")
    assert BudgetLine.objects.with_figures().get(pk=line.pk).committed == 0
    with pytest.raises(ValidationError):
        budget.change_commitment(actor=staff, commitment=commitment, amount=10)


def test_plan_changes_and_the_warning(staff: object) -> None:
    line = budget_line(planned=Decimal("1000"))
    budget.change_plan(actor=staff, line=line, amount="-100", changed_on=in_year(line), basis="Zarządzenie 1/2026")
    budget.record_execution(actor=staff, line=line, amount="850", booked_on=in_year(line))
    figures = BudgetLine.objects.with_figures().get(pk=line.pk)
    assert figures.plan == Decimal("900.00") and figures.executed == Decimal("850.00")
    assert figures.percent == Decimal("94.4") and figures.is_nearly_used and not figures.is_overrun
    with pytest.raises(ValidationError) as error:
        budget.change_plan(actor=staff, line=line, amount="-1000", changed_on=in_year(line), basis="x")
    assert "amount" in error.value.message_dict
    with pytest.raises(ValidationError):
        budget.change_plan(actor=staff, line=line, amount="0", changed_on=in_year(line), basis="x")


def test_figures_without_annotation_match(staff: object) -> None:
    line = budget_line(planned=Decimal("0"))
    assert line.share is None and not line.is_nearly_used
    budget.commit(actor=staff, budget_line=line, amount=1, date=in_year(line))
    fresh = BudgetLine.objects.get(pk=line.pk)
    assert fresh.used == 1 and fresh.is_nearly_used and fresh.is_overrun
