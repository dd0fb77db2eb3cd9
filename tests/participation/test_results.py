"""The results of a district (``associations.participation.results.district_results``): examples
of the rule and properties that hold for any tallies and pool (hypothesis)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from associations.participation.results import Tally, district_results, ranking_key


def t(pk: int, votes: int, cost: int, number: int | None = None) -> Tally:
    return Tally(pk, number if number is not None else pk, votes, Decimal(cost))


def funded(outcomes: list) -> list[int]:
    return [o.project_id for o in outcomes if o.funded]


def test_projects_are_funded_by_votes_while_the_pool_allows() -> None:
    outcomes = district_results([t(1, 50, 100), t(2, 80, 150), t(3, 30, 60)], Decimal(260))
    assert [o.project_id for o in outcomes] == [2, 1, 3]
    assert funded(outcomes) == [2, 1]
    assert [o.rank for o in outcomes] == [1, 2, 3]
    assert outcomes[2].left_before == Decimal(10)


def test_a_project_that_does_not_fit_is_skipped_and_a_smaller_one_below_it_is_funded() -> None:
    outcomes = district_results([t(1, 90, 200), t(2, 80, 150), t(3, 10, 90)], Decimal(300))
    assert funded(outcomes) == [1, 3]


def test_a_tie_goes_to_the_lower_cost_then_to_the_earlier_submission() -> None:
    outcomes = district_results([t(1, 40, 120, 5), t(2, 40, 80, 9), t(3, 40, 80, 4)], Decimal(100))
    assert [o.project_id for o in outcomes] == [3, 2, 1]
    assert funded(outcomes) == [3]


def test_a_project_without_votes_is_not_funded_even_when_it_fits() -> None:
    assert funded(district_results([t(1, 0, 10)], Decimal(100))) == []


def test_no_projects_no_results() -> None:
    assert district_results([], Decimal(100)) == []


tallies = st.lists(
    st.builds(
        Tally,
        project_id=st.integers(1, 10_000),
        number=st.integers(1, 500),
        votes=st.integers(0, 5_000),
        cost=st.integers(1, 2_000_000).map(Decimal),
    ),
    max_size=30,
    unique_by=lambda tally: tally.project_id,
)
pools = st.integers(0, 5_000_000).map(Decimal)


@settings(deadline=None)
@given(tallies, pools)
def test_the_funded_projects_never_exceed_the_pool(rows: list[Tally], pool: Decimal) -> None:
    outcomes = district_results(rows, pool)
    assert sum((o.cost for o in outcomes if o.funded), Decimal(0)) <= pool


@settings(deadline=None)
@given(tallies, pools)
def test_every_project_is_ranked_once_in_order_of_the_rule(rows: list[Tally], pool: Decimal) -> None:
    outcomes = district_results(rows, pool)
    assert sorted(o.project_id for o in outcomes) == sorted(r.project_id for r in rows)
    keys = [ranking_key(Tally(o.project_id, o.number, o.votes, o.cost)) for o in outcomes]
    assert keys == sorted(keys)
    assert [o.rank for o in outcomes] == list(range(1, len(rows) + 1))


@settings(deadline=None)
@given(tallies, pools)
def test_a_project_left_out_did_not_fit_or_had_no_votes(rows: list[Tally], pool: Decimal) -> None:
    for outcome in district_results(rows, pool):
        if not outcome.funded:
            assert outcome.votes == 0 or outcome.cost > outcome.left_before
        else:
            assert outcome.votes > 0 and outcome.cost <= outcome.left_before


@settings(deadline=None)
@given(tallies, pools, st.randoms(use_true_random=False))
def test_the_order_of_the_input_does_not_matter(rows: list[Tally], pool: Decimal, rnd) -> None:
    shuffled = list(rows)
    rnd.shuffle(shuffled)
    assert district_results(rows, pool) == district_results(shuffled, pool)


@settings(deadline=None)
@given(tallies, pools)
def test_the_first_ranked_project_is_funded_when_it_fits(rows: list[Tally], pool: Decimal) -> None:
    outcomes = district_results(rows, pool)
    if outcomes and outcomes[0].votes > 0 and outcomes[0].cost <= pool:
        assert outcomes[0].funded
