"""Property tests: the threshold check refuses exactly the values the act covers, and the
figures of a line always add up."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st

from office.administration.models import BudgetLine, Procurement
from office.administration.models.spending import THRESHOLD_PLN
from office.administration.services import spending
from tests.administration.factories import euro_rate

pytestmark = pytest.mark.django_db

money = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("500000"), places=2, allow_nan=False)


@settings(max_examples=40, deadline=None)
@given(value=money)
def test_the_threshold_refuses_exactly_the_values_at_or_over_it(value: Decimal) -> None:
    euro_rate()
    try:
        rate, eur = spending.threshold_check(value=value, on=timezone.localdate())
    except ValidationError as error:
        assert value >= THRESHOLD_PLN and "estimated_value" in error.message_dict
    else:
        assert value < THRESHOLD_PLN
        assert abs(eur * rate - value) <= rate / 200 + Decimal("0.01")
        assert eur == Procurement.in_euro(value, rate)


@settings(max_examples=50, deadline=None)
@given(planned=money, changes=st.integers(-1000, 1000), committed=money, executed=money)
def test_a_lines_figures_add_up(planned: Decimal, changes: int, committed: Decimal, executed: Decimal) -> None:
    line = BudgetLine(planned=planned)
    line.__dict__.update(changes_total=Decimal(changes), committed_total=committed, executed_total=executed)
    assert line.remaining == line.plan - max(committed, executed)
    assert line.is_overrun == (line.remaining < 0)
    if line.plan > 0:
        assert line.is_nearly_used == (line.used >= line.plan * Decimal("0.9"))
        assert bool(line.mark) == (line.is_nearly_used or line.is_overrun)
