"""The services of the register of ordinary associations: the application and its deadline, the
checklist, the entry and the refusal, changes as dated versions, "as of" queries, the letters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from associations.models import AssociationVersion, OrdinaryAssociation
from associations.services import register
from office.models import AuditEntry
from tests.associations import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _in_english(settings: Any) -> Iterator[None]:
    """The messages checked here are the English ones (pages and services in English)."""
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


TODAY = timezone.localdate()


def days(count: int) -> dt.date:
    return TODAY + dt.timedelta(days=count)


@pytest.fixture
def officer(persona):
    return persona("ngo_officer")


def test_an_application_gets_the_seven_day_deadline_with_its_rule(officer):
    association = factories.application(officer, received_on=dt.date(2026, 11, 2))  # a Monday
    assert association.entry_due_on == dt.date(2026, 11, 9)
    assert "art. 40a" in association.entry_rule
    assert association.current.valid_from is None and association.number is None


def test_a_deadline_on_a_holiday_moves_to_the_next_working_day(officer):
    association = factories.application(officer, received_on=dt.date(2026, 11, 4))  # +7 = 11.11, a holiday
    assert association.entry_due_on == dt.date(2026, 11, 12)


def test_the_checklist_counts_founders_and_names_what_is_missing(officer):
    association = factories.application(officer, founders=2)
    rows = register.checklist(association, association.founders.count())
    assert rows[0]["key"] == "founders" and rows[0]["met"] is False
    assert not any(row["met"] for row in rows[1:])
    register.record_check(actor=officer, association=association, natural_persons=True, statute_name=True)
    association.refresh_from_db()
    met = {row["key"] for row in register.checklist(association, 2) if row["met"]}
    assert met == {"natural_persons", "statute_name"}


def test_fewer_than_three_founders_cannot_be_entered(officer):
    association = factories.application(officer, founders=2)
    register.record_check(actor=officer, association=association, **{k: True for k, _ in register.CHECKLIST})
    with pytest.raises(ValidationError) as error:
        register.enter(actor=officer, association=association, entered_on=TODAY)
    assert "At least 3 founders (there are 2)" in str(error.value)
    association.refresh_from_db()
    assert association.is_applied and association.number is None and association.founders.count() == 2


def test_entry_gives_the_next_number_and_dates_the_first_version(officer):
    first = factories.entered(officer)
    second = factories.entered(officer, name="Stowarzyszenie Rowerowe Miasto")
    assert (first.number, second.number) == (1, 2)
    assert second.current.valid_from == TODAY and second.is_entered


def test_entry_before_the_application_is_refused(officer):
    association = factories.checked(officer)
    with pytest.raises(ValidationError) as error:
        register.enter(actor=officer, association=association, entered_on=days(-1))
    assert "entered_on" in error.value.message_dict


def test_refusal_needs_reasons_and_ends_the_application(officer):
    association = factories.application(officer)
    with pytest.raises(ValidationError):
        register.refuse(actor=officer, association=association, reasons="  ")
    register.refuse(actor=officer, association=association, reasons="Osoba prawna wśród założycieli.")
    association.refresh_from_db()
    assert association.is_refused
    with pytest.raises(ValidationError):
        register.enter(actor=officer, association=association, entered_on=TODAY)


def _change(officer, association, *, changed_on, valid_from=None, reported_on=None, **columns):
    current = association.current
    version = AssociationVersion(**{name: getattr(current, name) for name in register.COLUMNS})
    for name, value in columns.items():
        setattr(version, name, value)
    return register.record_change(
        actor=officer,
        association=association,
        version=version,
        changed_on=changed_on,
        reported_on=reported_on or changed_on,
        valid_from=valid_from or reported_on or changed_on,
        description="Zmiana.",
    )


def test_changes_are_dated_versions_and_the_register_reads_as_of_any_day(officer):
    association = factories.entered(officer, entered_on=days(-100))
    _change(officer, association, changed_on=days(-60), seat_address="ul. Nowa 1")
    association.refresh_from_db()
    _change(officer, association, changed_on=days(-20), representatives="Jan Kowalski – przedstawiciel")
    association.refresh_from_db()
    assert register.version_as_of(association, days(-101)) is None
    assert register.version_as_of(association, days(-70)).seat_address.startswith("ul. Parkowa")
    assert register.version_as_of(association, days(-30)).seat_address == "ul. Nowa 1"
    latest = register.version_as_of(association, TODAY)
    assert latest.representatives.startswith("Jan Kowalski") and latest.seat_address == "ul. Nowa 1"
    assert association.current_id == latest.pk
    assert [v.kind for v in register.history(association)] == ["entry", "change", "change"]
    rows = AssociationVersion.objects.as_of(days(-30))
    assert list(rows.values_list("seat_address", flat=True)) == ["ul. Nowa 1"]
    assert not AssociationVersion.objects.as_of(days(-101)).exists()
    entry = AuditEntry.objects.filter(object_id=str(association.pk), changes__has_key="seat_address").first()
    assert entry is not None


def test_a_change_late_by_the_seven_day_rule_is_flagged(officer):
    association = factories.entered(officer, entered_on=days(-100))
    version = _change(officer, association, changed_on=days(-40), reported_on=days(-20))
    assert version.reported_late and days(-33) <= version.report_due_on < days(-20)


def test_a_change_dated_before_the_entry_is_refused_with_a_message(officer):
    association = factories.entered(officer, entered_on=days(-10))
    with pytest.raises(ValidationError) as error:
        _change(officer, association, changed_on=days(-11), seat_address="ul. Wcześniejsza 1")
    assert "before the association was entered" in error.value.message_dict["changed_on"][0]
    assert association.versions.count() == 1


def test_a_change_reported_before_it_happened_is_refused(officer):
    association = factories.entered(officer, entered_on=days(-10))
    with pytest.raises(ValidationError) as error:
        _change(officer, association, changed_on=days(-2), reported_on=days(-5), valid_from=days(-1))
    assert "reported_on" in error.value.message_dict


def test_an_older_change_entered_late_does_not_replace_the_newer_current(officer):
    association = factories.entered(officer, entered_on=days(-100))
    newer = _change(officer, association, changed_on=days(-10), seat_address="ul. Nowsza 2")
    association.refresh_from_db()
    _change(officer, association, changed_on=days(-50), valid_from=days(-40), reported_on=days(-45), remarks="Uwaga")
    association.refresh_from_db()
    assert association.current_id == newer.pk


def test_letters_are_written_by_correspondence_from_the_matching_source(officer):
    certificate_template, refusal_template = factories.templates(officer)
    association = factories.entered(officer)
    with pytest.raises(ValidationError):
        register.write_letter(actor=officer, association=association, template=refusal_template)
    letter = register.write_letter(actor=officer, association=association, template=certificate_template)
    association.refresh_from_db()
    assert association.certificate_id == letter.pk
    assert association.current.name in letter.body and "pod numerem 1" in letter.body
    with pytest.raises(ValidationError):
        register.write_letter(actor=officer, association=association, template=certificate_template)
    refused = factories.application(officer, name="Stowarzyszenie Odrzucone")
    register.refuse(actor=officer, association=refused, reasons="Brak trzech założycieli.")
    letter = register.write_letter(actor=officer, association=refused, template=refusal_template)
    assert "Brak trzech założycieli." in letter.body


def test_no_letter_for_an_application_waiting(officer):
    certificate_template, _ = factories.templates(officer)
    association = factories.application(officer)
    with pytest.raises(ValidationError):
        register.write_letter(actor=officer, association=association, template=certificate_template)
    assert OrdinaryAssociation.objects.get(pk=association.pk).certificate_id is None
