"""The vote: the PESEL checked and kept only as a keyed hash (no column of any table holds it),
one vote per resident and edition, the choices checked, online and paper ballots."""

from __future__ import annotations

import datetime as dt

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import connection
from hypothesis import given
from hypothesis import settings as examples
from hypothesis import strategies as st

from associations.participation import pesel as pesel_rules
from associations.participation.models import Vote
from associations.participation.services import budget
from tests.participation import factories as f

pytestmark = pytest.mark.django_db

KNOWN_VALID = ["44051401359", "02070803628", "90090515836"]


@pytest.mark.parametrize("number", KNOWN_VALID)
def test_known_valid_numbers_pass(number: str) -> None:
    assert pesel_rules.is_valid(number)


@pytest.mark.parametrize(
    "number", ["44051401358", "4405140135", "440514013590", "4405140135a", "44133101359", "００００００００００１", ""]
)
def test_a_wrong_check_digit_length_character_or_date_fails(number: str) -> None:
    assert not pesel_rules.is_valid(number)


@examples(deadline=None)
@given(st.dates(dt.date(1800, 1, 1), dt.date(2299, 12, 31)), st.integers(0, 9999))
def test_made_numbers_are_valid_and_keep_their_birth_date(born: dt.date, serial: int) -> None:
    number = pesel_rules.make(born, serial)
    assert pesel_rules.is_valid(number)
    assert pesel_rules.birth_date(number) == born


@examples(deadline=None)
@given(st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31)), st.integers(0, 9999), st.integers(1, 9))
def test_changing_the_check_digit_makes_it_invalid(born: dt.date, serial: int, shift: int) -> None:
    number = pesel_rules.make(born, serial)
    broken = number[:10] + str((int(number[10]) + shift) % 10)
    assert not pesel_rules.is_valid(broken)


def test_the_key_depends_on_the_secret_and_the_edition(settings) -> None:
    number = KNOWN_VALID[0]
    key = pesel_rules.voter_key(number, 1)
    assert len(key) == 64 and number not in key
    assert pesel_rules.voter_key(number, 2) != key
    settings.SECRET_KEY = "another-secret-" * 4
    assert pesel_rules.voter_key(number, 1) != key


def _all_text_in_the_database() -> str:
    """Every value of every column of every table of the project, as text."""
    chunks = []
    with connection.cursor() as cursor:
        for model in apps.get_models(include_auto_created=True):
            table = model._meta.db_table
            columns = [connection.ops.quote_name(field.column) for field in model._meta.concrete_fields]
            cursor.execute(f"SELECT {', '.join(columns)} FROM {connection.ops.quote_name(table)}")  # noqa: S608
            chunks.extend(str(value) for row in cursor.fetchall() for value in row)
    return "\n".join(chunks)


def test_no_column_of_any_table_holds_the_pesel(persona) -> None:
    staff = persona("ngo_officer")
    edition = f.an_edition(staff)
    project = f.admitted_project(staff, edition)
    online, paper = f.pesel(11), f.pesel(12)
    budget.cast_vote(edition=edition, pesel=online, projects=[project])
    budget.cast_vote(edition=edition, pesel=paper, projects=[project], channel="paper", actor=staff)
    with pytest.raises(ValidationError):
        budget.cast_vote(edition=edition, pesel=online, projects=[project])
    text = _all_text_in_the_database()
    assert online not in text and paper not in text
    assert Vote.objects.count() == 2
    assert set(Vote.objects.values_list("voter_key", flat=True)) == {
        pesel_rules.voter_key(online, edition.pk),
        pesel_rules.voter_key(paper, edition.pk),
    }


def test_a_second_vote_with_the_same_pesel_is_refused_on_paper_too(persona) -> None:
    staff = persona("ngo_officer")
    edition = f.an_edition(staff)
    project = f.admitted_project(staff, edition)
    budget.cast_vote(edition=edition, pesel=f.pesel(3), projects=[project])
    with pytest.raises(ValidationError) as error:
        budget.cast_vote(edition=edition, pesel=f.pesel(3), projects=[project], channel="paper", actor=staff)
    assert "pesel" in error.value.message_dict
    assert Vote.objects.count() == 1


def test_the_same_resident_votes_in_another_edition(persona) -> None:
    staff = persona("ngo_officer")
    first = f.an_edition(staff, year=2030)
    second = f.an_edition(staff, year=2031)
    budget.cast_vote(edition=first, pesel=f.pesel(4), projects=[f.admitted_project(staff, first)])
    budget.cast_vote(edition=second, pesel=f.pesel(4), projects=[f.admitted_project(staff, second)])
    assert Vote.objects.count() == 2


def test_an_invalid_pesel_is_refused(persona) -> None:
    staff = persona("ngo_officer")
    edition = f.an_edition(staff)
    project = f.admitted_project(staff, edition)
    with pytest.raises(ValidationError) as error:
        budget.cast_vote(edition=edition, pesel="44051401358", projects=[project])
    assert "pesel" in error.value.message_dict
    assert not Vote.objects.exists()


def test_choices_are_checked(persona) -> None:
    staff = persona("ngo_officer")
    edition = f.an_edition(staff)
    one, two = f.admitted_project(staff, edition), f.admitted_project(staff, edition)
    waiting = f.a_project(staff, edition, district=1)
    for projects in ([], [one, two], [waiting]):
        with pytest.raises(ValidationError):
            budget.cast_vote(edition=edition, pesel=f.pesel(5), projects=projects)
    assert not Vote.objects.exists()


def test_online_votes_only_while_the_vote_is_open(persona) -> None:
    staff = persona("ngo_officer")
    edition = f.an_edition(staff, voting=(3, 10))
    project = f.admitted_project(staff, edition)
    with pytest.raises(ValidationError):
        budget.cast_vote(edition=edition, pesel=f.pesel(6), projects=[project])
