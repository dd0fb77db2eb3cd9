"""Budget lines, procurements and the other records of the office's administration, made
through the services where they have rules."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.utils import timezone

from office.administration.models import BudgetLine, EuroRate


def euro_rate() -> EuroRate:
    return EuroRate.objects.get_or_create(valid_from=dt.date(2024, 1, 1), defaults={"rate": Decimal("4.6435")})[0]


def budget_line(actor: Any = None, **fields: Any) -> BudgetLine:
    values: dict[str, Any] = {
        "year": timezone.localdate().year,
        "division": "750",
        "chapter": "75075",
        "paragraph": "4300",
        "name": "Promocja miasta",
        "planned": Decimal("100000.00"),
    }
    values.update(fields)
    line, _created = BudgetLine.objects.get_or_create(
        year=values["year"],
        division=values["division"],
        chapter=values["chapter"],
        paragraph=values["paragraph"],
        name=values["name"],
        defaults={"planned": values["planned"], "created_by": actor},
    )
    return line


def in_year(line: BudgetLine, month: int = 3, day: int = 15) -> dt.date:
    return dt.date(line.year, month, day)
