"""The registers of agreements and cultural institutions: rules, reminders, pages."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from office.models import AuditEntry
from office.registers import services
from office.registers.models import Agreement, AgreementStatus, CulturalInstitution
from tests.factories import ContactFactory, OrgUnitFactory, UserFactory
from tests.utils import client_for, page_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def unit():
    return OrgUnitFactory(symbol="WKS", name="Wydział Kultury i Sportu", email="wks@um.example.gov.pl")


def _agreement(unit, *, ends_in: int | None = 20, remind: int = 30, **extra) -> Agreement:
    today = timezone.localdate()
    return services.save_agreement(
        actor=None,
        agreement=Agreement(
            number=extra.pop("number", "KP/U/7/2026"),
            subject="Druk Biuletynu Miejskiego",
            starts_on=today - dt.timedelta(days=200),
            ends_on=today + dt.timedelta(days=ends_in) if ends_in is not None else None,
            unit=unit,
            remind_days_before=remind,
            **extra,
        ),
        parties=[ContactFactory(name="Drukarnia Miejska sp. z o.o.", kind="company")],
    )


def test_an_agreement_cannot_end_before_it_starts(unit):
    today = timezone.localdate()
    with pytest.raises(ValidationError) as error:
        services.save_agreement(
            actor=None,
            agreement=Agreement(
                number="X/1", subject="Umowa", starts_on=today, ends_on=today - dt.timedelta(days=1), unit=unit
            ),
        )
    assert "ends_on" in error.value.message_dict


def test_reminder_is_sent_once_to_the_unit_in_its_period(unit):
    staff = UserFactory(username="wks.pracownik", unit=unit, email="wks.pracownik@um.example.gov.pl")
    soon = _agreement(unit, ends_in=20, remind=30)
    _agreement(unit, ends_in=90, remind=30, number="KP/U/8/2026")  # not yet in its period
    _agreement(unit, ends_in=None, number="KP/U/9/2026")  # indefinite
    assert services.send_end_reminders() == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert soon.number in message.subject and staff.email in message.to and unit.email in message.to
    assert services.send_end_reminders() == 0  # claimed: never twice
    soon.refresh_from_db()
    assert soon.reminded_on == timezone.localdate()
    assert AuditEntry.objects.of(soon).filter(message__startswith="Reminder").exists()


def test_ending_or_terminating_an_agreement(unit):
    agreement = _agreement(unit)
    with pytest.raises(ValidationError):
        services.end_agreement(actor=None, agreement=agreement, status=AgreementStatus.TERMINATED)
    services.end_agreement(actor=None, agreement=agreement, status=AgreementStatus.TERMINATED, note="Wypowiedzenie")
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.TERMINATED and "Wypowiedzenie" in agreement.notes
    with pytest.raises(ValidationError):
        services.end_agreement(actor=None, agreement=agreement, status=AgreementStatus.ENDED)


def test_the_form_keeps_what_was_typed_and_names_the_error(persona, unit):
    party = ContactFactory(name="Fundacja Kultury")
    response = client_for(persona("office_staff")).post(
        reverse("registers:agreement_create"),
        {
            "number": "KP/U/10/2026",
            "kind": "contract",
            "subject": "Obsługa imprez",
            "parties": [party.pk],
            "value": "12000,50",
            "currency": "PLN",
            "starts_on": "2026-05-01",
            "ends_on": "2026-04-01",
            "unit": unit.pk,
            "remind_days_before": "400",
        },
    )
    body = page_text(response)
    assert response.status_code == 200 and "Obsługa imprez" in body
    assert 'id="error-summary"' in body and not Agreement.objects.exists()


def test_a_valid_agreement_is_saved_with_its_parties_and_on_the_trail(persona, unit):
    party = ContactFactory(name="Fundacja Kultury")
    response = client_for(persona("office_staff")).post(
        reverse("registers:agreement_create"),
        {
            "number": "KP/U/11/2026",
            "kind": "contract",
            "subject": "Obsługa imprez",
            "parties": [party.pk],
            "value": "12000.50",
            "currency": "PLN",
            "starts_on": "2026-05-01",
            "ends_on": "2027-04-30",
            "unit": unit.pk,
            "remind_days_before": "30",
        },
    )
    agreement = Agreement.objects.get()
    assert response.status_code == 302 and agreement.value == Decimal("12000.50")
    assert list(agreement.parties.all()) == [party]
    assert AuditEntry.objects.of(agreement).filter(action="create").exists()
    # the party's contact page lists the agreement (the registry's contact history)
    page = page_text(client_for(persona("secretariat")).get(reverse("office:contact_detail", args=[party.pk])))
    assert "KP/U/11/2026" in page


def test_ending_agreements_widget_and_filter(persona, unit):
    _agreement(unit, ends_in=10)
    _agreement(unit, ends_in=200, number="KP/U/12/2026")
    dashboard = page_text(client_for(persona("office_staff")).get(reverse("office:dashboard")))
    assert "KP/U/7/2026" in dashboard and "KP/U/12/2026" not in dashboard
    listing = page_text(client_for(persona("office_staff")).get(reverse("registers:agreement_list"), {"ending": "on"}))
    assert "KP/U/7/2026" in listing and "KP/U/12/2026" not in listing


@pytest.mark.parametrize("regon", ["12345", "12345678X", "１２３４５６７８９"])
def test_a_wrong_regon_is_refused(persona, unit, regon):
    response = client_for(persona("office_staff")).post(
        reverse("registers:institution_create"),
        {
            "register_number": "RIK/9",
            "entered_on": "1992-01-02",
            "name": "Muzeum Miasta",
            "kind": "museum",
            "address": "pl. Ratuszowy 5",
            "regon": regon,
            "supervising_unit": unit.pk,
            "is_active": "on",
        },
    )
    assert response.status_code == 200 and "REGON" in page_text(response)
    assert not CulturalInstitution.objects.exists()
