"""Signs of the register (znak pisma) KP.<JRWA>.<number>.<year>: numbered in sequence within one
unit's file of one JRWA class and year, a file of its own for every class and every unit, no
number lost when a registration fails, and no number given twice when many people register at
the same moment (PostgreSQL: the counter row is locked)."""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from correspondence.models import Letter, SignCounter
from correspondence.services import register
from tests.correspondence.factories import IncomingLetterFactory, jrwa, office_unit
from tests.factories import ContactFactory, OfficeHolderFactory, OrgUnitFactory

YEAR = timezone.localdate().year


@pytest.fixture
def clerk(persona: Any) -> Any:
    return persona("office_staff")


@pytest.fixture
def mayor(db: Any) -> Any:
    return OfficeHolderFactory(role="mayor", title="Prezydent Miasta", first_name="Andrzej", last_name="Kowalczyk")


def incoming(clerk: Any, mayor: Any, **kwargs: Any) -> Letter:
    return IncomingLetterFactory(actor=clerk, principal=mayor, **kwargs)


def numbers(letters: list[Letter]) -> list[int]:
    return [letter.sequence for letter in letters]


@pytest.mark.django_db
def test_signs_follow_in_sequence_within_the_file(clerk: Any, mayor: Any) -> None:
    letters = [incoming(clerk, mayor, subject=f"Wniosek o wycinkę drzewa nr {n}") for n in range(1, 4)]

    assert [letter.sign for letter in letters] == [f"KP.0520.{n}.{YEAR}" for n in (1, 2, 3)]
    assert {(letter.unit.symbol, letter.jrwa_class.symbol, letter.year) for letter in letters} == {("KP", "0520", YEAR)}
    counter = SignCounter.objects.get()
    assert (counter.unit.symbol, counter.jrwa_class.symbol, counter.year, counter.last_number) == (
        "KP",
        "0520",
        YEAR,
        3,
    )


@pytest.mark.django_db
def test_every_jrwa_class_has_a_file_of_its_own(clerk: Any, mayor: Any) -> None:
    general = [incoming(clerk, mayor, jrwa_class=jrwa("0520")) for _ in range(2)]
    complaints = [incoming(clerk, mayor, jrwa_class=jrwa("0511"), kind="complaint") for _ in range(2)]
    general.append(incoming(clerk, mayor, jrwa_class=jrwa("0520")))

    assert [letter.sign for letter in general] == [f"KP.0520.{n}.{YEAR}" for n in (1, 2, 3)]
    assert [letter.sign for letter in complaints] == [f"KP.0511.{n}.{YEAR}" for n in (1, 2)]


@pytest.mark.django_db
def test_every_unit_has_a_file_of_its_own(clerk: Any, mayor: Any, wok: Any) -> None:
    office = [incoming(clerk, mayor, unit=office_unit()) for _ in range(2)]
    unit = [incoming(clerk, mayor, unit=wok) for _ in range(2)]

    assert [letter.sign for letter in office] == [f"KP.0520.1.{YEAR}", f"KP.0520.2.{YEAR}"]
    assert [letter.sign for letter in unit] == [f"WOK.0520.1.{YEAR}", f"WOK.0520.2.{YEAR}"]


@pytest.mark.django_db
def test_incoming_and_outgoing_letters_share_the_numbers_of_the_file(clerk: Any, mayor: Any) -> None:
    first = incoming(clerk, mayor)
    reply = register.register_letter(
        actor=clerk,
        direction="out",
        unit=office_unit(),
        jrwa_class=jrwa("0520"),
        principal=mayor,
        subject="Odpowiedź w sprawie remontu chodnika",
        contact=first.contact,
        sent_on=timezone.localdate(),
    )
    third = incoming(clerk, mayor)

    assert numbers([first, reply, third]) == [1, 2, 3]
    assert reply.sign == f"KP.0520.2.{YEAR}"


@pytest.mark.django_db
def test_the_numbers_start_again_in_a_new_year(clerk: Any, mayor: Any) -> None:
    """Last year's file of the class does not continue into this year's."""
    SignCounter.objects.create(unit=office_unit(), jrwa_class=jrwa("0520"), year=YEAR - 1, last_number=41)

    letter = incoming(clerk, mayor)

    assert letter.sign == f"KP.0520.1.{YEAR}"
    assert SignCounter.objects.get(year=YEAR - 1).last_number == 41


@pytest.mark.parametrize(
    "failure",
    [
        # refused before a number is taken (the date of receipt)
        lambda: {"received_on": timezone.localdate() + dt.timedelta(days=1)},
        # refused after the number was taken (the model's own check of the subject's length)
        lambda: {"subject": "Skarga " + "bardzo długa " * 50},
    ],
    ids=["date-in-the-future", "subject-too-long"],
)
@pytest.mark.django_db
def test_a_refused_registration_gives_its_number_back(clerk: Any, mayor: Any, failure: Any) -> None:
    first = incoming(clerk, mayor)
    with pytest.raises(ValidationError):
        incoming(clerk, mayor, **failure())
    after = incoming(clerk, mayor)

    assert numbers([first, after]) == [1, 2]
    assert SignCounter.objects.get().last_number == 2
    assert Letter.objects.count() == 2


@pytest.mark.django_db
def test_a_class_no_longer_in_use_takes_no_letters(clerk: Any, mayor: Any) -> None:
    retired = jrwa("0590")
    retired.is_active = False
    retired.save()

    with pytest.raises(ValidationError) as refused:
        incoming(clerk, mayor, jrwa_class=retired)

    assert "0590" in refused.value.message_dict["jrwa_class"][0]
    assert not SignCounter.objects.exists() and not Letter.objects.exists()


# --- Many registrations at one moment (PostgreSQL) -------------------------------------------------

THREADS = 8


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_simultaneous_registrations_get_distinct_numbers_without_gaps(persona: Any) -> None:
    """Eight clerks register into one file at the same moment, each on a connection of their own:
    eight signs, numbered 1 to 8, none twice, none skipped."""
    clerk = persona("office_staff")
    mayor = OfficeHolderFactory(role="mayor", title="Prezydent Miasta")
    unit, general, contact = OrgUnitFactory(symbol="KP"), jrwa("0520"), ContactFactory(name="Rada Osiedla Zachód")
    start = threading.Barrier(THREADS, timeout=30)
    signs: list[str] = []
    errors: list[BaseException] = []

    def register_one(n: int) -> None:
        try:
            start.wait()
            letter = register.register_letter(
                actor=clerk,
                direction="in",
                unit=unit,
                jrwa_class=general,
                principal=mayor,
                subject=f"Wniosek mieszkańców nr {n} o progi zwalniające",
                contact=contact,
                received_on=timezone.localdate(),
            )
            signs.append(letter.sign)
        except BaseException as error:  # reported by the main thread
            errors.append(error)
        finally:
            connection.close()  # this thread's own connection

    threads = [threading.Thread(target=register_one, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert not errors, errors
    assert sorted(signs, key=lambda sign: int(sign.split(".")[2])) == [
        f"KP.0520.{n}.{YEAR}" for n in range(1, THREADS + 1)
    ]
    assert sorted(Letter.objects.values_list("sequence", flat=True)) == list(range(1, THREADS + 1))
    assert SignCounter.objects.get(unit=unit, jrwa_class=general, year=YEAR).last_number == THREADS
