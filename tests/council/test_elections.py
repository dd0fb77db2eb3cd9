"""Elections: the lay-judge dates from the rules table, the age check (30–70 on the day of the vote,
a warning — property-tested at its edges), the other warnings, the council's vote; neighbourhood
councils: candidates, votes and the results (a tie for the last seat refused)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from hypothesis import given
from hypothesis import strategies as st

from office.council.models import CandidateStatus, LayJudgeCandidate, LayJudgeElection
from office.council.services import elections as services
from tests.council import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _in_english(settings: Any) -> Iterator[None]:
    """The messages checked here are the English ones (pages and services in English)."""
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def officer(persona: Any) -> Any:
    return persona("council_officer")


def test_the_dates_come_from_the_rules_table(officer: Any) -> None:
    election = factories.lay_election(officer, year=2027)
    assert election.nominations_due == dt.date(2027, 6, 30) and election.election_due == dt.date(2027, 10, 31)
    with pytest.raises(ValidationError):
        factories.lay_election(officer, year=2027, elected_on=dt.date(2028, 1, 5))


@given(
    birth=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2010, 12, 31)),
    vote=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 12, 31)),
)
def test_the_age_on_the_day_of_the_vote(birth: dt.date, vote: dt.date) -> None:
    candidate = LayJudgeCandidate(birth_date=birth, election=LayJudgeElection(year=vote.year, elected_on=vote))
    age = candidate.age_at_election
    assert birth.replace(year=birth.year + age) <= vote if (birth.month, birth.day) != (2, 29) else True
    assert candidate.age_warning == (not 30 <= age <= 70)


def test_the_edges_of_the_age(officer: Any) -> None:
    election = factories.lay_election(officer, year=2026, elected_on=dt.date(2026, 10, 22))
    thirty_today = factories.lay_candidate(officer, election=election, birth_date=dt.date(1996, 10, 22))
    thirty_tomorrow = factories.lay_candidate(officer, election=election, birth_date=dt.date(1996, 10, 23))
    seventy = factories.lay_candidate(officer, election=election, birth_date=dt.date(1955, 10, 23))
    seventy_one = factories.lay_candidate(officer, election=election, birth_date=dt.date(1955, 10, 22))
    assert not thirty_today.age_warning and thirty_tomorrow.age_warning
    assert not seventy.age_warning and seventy_one.age_warning
    assert any("30 to 70" in text for text in services.warnings(thirty_tomorrow))


def test_other_warnings_and_checks(officer: Any) -> None:
    election = factories.lay_election(officer, year=2026)
    candidate = factories.lay_candidate(
        officer, election=election, is_councillor=True, nominated_on=dt.date(2026, 7, 2), documents_complete=False
    )
    text = " ".join(services.warnings(candidate))
    assert "councillor" in text and "deadline" in text and "documents" in text and "police" in text
    with pytest.raises(ValidationError):
        factories.lay_candidate(officer, election=election, police_received_on=dt.date(2026, 8, 1))
    with pytest.raises(ValidationError):
        factories.lay_candidate(officer, election=election, birth_date=timezone.localdate())


def test_the_councils_vote(officer: Any) -> None:
    election = factories.lay_election(officer)
    candidate = factories.lay_candidate(officer, election=election)
    with pytest.raises(ValidationError):
        services.record_vote(actor=officer, candidate=candidate, elected=True)
    election.elected_on = timezone.localdate()
    services.save_election(actor=officer, election=election)
    services.record_vote(actor=officer, candidate=candidate, elected=True, votes_for=19)
    candidate.refresh_from_db()
    assert candidate.status == CandidateStatus.ELECTED and candidate.votes_for == 19


def test_neighbourhood_results(officer: Any) -> None:
    election = factories.neighbourhood(officer, seats=2)
    a, b, c = (services.add_candidate(actor=officer, election=election, name=name) for name in ("A", "B", "C"))
    with pytest.raises(ValidationError):
        services.announce_results(actor=officer, election=election)  # votes missing
    for candidate, votes in ((a, 50), (b, 30), (c, 30)):
        services.record_votes(actor=officer, election=election, candidate=candidate, votes=votes)
    with pytest.raises(ValidationError):
        services.announce_results(actor=officer, election=election)  # a tie for the last seat
    services.record_votes(actor=officer, election=election, candidate=c, votes=29)
    services.announce_results(actor=officer, election=election)
    assert set(election.candidates.filter(elected=True).values_list("name", flat=True)) == {"A", "B"}
    with pytest.raises(ValidationError):
        services.add_candidate(actor=officer, election=election, name="D")
    future = factories.neighbourhood(officer, days=10)
    late = services.add_candidate(actor=officer, election=future, name="E")
    with pytest.raises(ValidationError):
        services.record_votes(actor=officer, election=future, candidate=late, votes=3)
