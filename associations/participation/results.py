"""The results of a citizen-budget vote in one district: a pure function.

The rule (stated in the edition's rules and on the public results page):

1. The projects are ranked by votes, most first.
2. Ties are resolved by the lower cost first (more projects fit the pool), then by the lower
   project number (the earlier submission).
3. Going down the ranking, a project is funded when its cost fits in what is left of the pool;
   a project that does not fit is skipped and the next ones are still considered (so the rest of
   the pool goes to the next project that fits).
4. A project without a single vote is not funded.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Tally:
    project_id: int
    number: int
    votes: int
    cost: Decimal


@dataclass(frozen=True)
class Outcome:
    project_id: int
    number: int
    votes: int
    cost: Decimal
    rank: int
    funded: bool
    #: what was left of the pool before this project was considered
    left_before: Decimal


def ranking_key(tally: Tally) -> tuple[int, Decimal, int]:
    return (-tally.votes, tally.cost, tally.number)


def district_results(tallies: Iterable[Tally], pool: Decimal) -> list[Outcome]:
    """The ranked projects of one district and which of them the pool funds (see the module)."""
    left = Decimal(pool)
    outcomes = []
    for rank, tally in enumerate(sorted(tallies, key=ranking_key), start=1):
        funded = tally.votes > 0 and tally.cost <= left
        outcomes.append(Outcome(tally.project_id, tally.number, tally.votes, tally.cost, rank, funded, left))
        if funded:
            left -= tally.cost
    return outcomes
