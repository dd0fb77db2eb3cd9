"""Small procurements (the threshold in euro, numbering, the commitment kept in step),
announcements, promotion undertakings, the social fund and press-material requests."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from office.administration.models import (
    Announcement,
    BudgetLine,
    Commitment,
    EuroRate,
    MaterialRequest,
    Procurement,
    Promotion,
    SocialFundApplication,
)
from office.administration.services import materials, social, spending
from office.models import Assignment
from tests.administration.factories import budget_line, euro_rate

pytestmark = pytest.mark.django_db


def procurement(**fields: Any) -> Procurement:
    values: dict[str, Any] = {
        "subject": "Tonery",
        "supply_type": "supplies",
        "estimated_value": Decimal("10000"),
        "estimated_on": timezone.localdate(),
    }
    values.update(fields)
    return Procurement(**values)


def test_procurement_numbered_with_its_euro_value_and_commitment(staff: Any) -> None:
    euro_rate()
    line = budget_line()
    first = spending.save_procurement(actor=staff, procurement=procurement(line=line))
    second = spending.save_procurement(actor=staff, procurement=procurement(estimated_value=Decimal("46435")))
    assert (first.number, second.number) == (1, 2)
    assert first.reference == f"271.1.{first.year}"
    assert second.euro_rate == Decimal("4.6435") and second.value_eur == Decimal("10000.00")
    assert first.commitment.amount == Decimal("10000.00") and first.commitment.source == first
    assert second.commitment is None


def test_the_rate_in_force_on_the_day_of_the_estimate(staff: Any) -> None:
    euro_rate()
    EuroRate.objects.create(valid_from=dt.date(2100, 1, 1), rate=Decimal("5.0000"))
    saved = spending.save_procurement(actor=staff, procurement=procurement())
    assert saved.euro_rate == Decimal("4.6435")


@pytest.mark.parametrize("value", ["130000", "130000.01", "250000"])
def test_a_procurement_at_or_over_the_threshold_is_refused(staff: Any, value: str) -> None:
    euro_rate()
    with pytest.raises(ValidationError) as error:
        spending.save_procurement(actor=staff, procurement=procurement(estimated_value=Decimal(value)))
    message = error.value.message_dict["estimated_value"][0]
    assert "130" in message and "EUR" in message
    assert not Procurement.objects.exists()


def test_just_below_the_threshold_is_registered(staff: Any) -> None:
    euro_rate()
    saved = spending.save_procurement(actor=staff, procurement=procurement(estimated_value=Decimal("129999.99")))
    assert saved.value_eur == Decimal("27996.12")


def test_without_a_rate_in_force_the_procurement_waits(staff: Any) -> None:
    EuroRate.objects.all().delete()
    with pytest.raises(ValidationError) as error:
        spending.save_procurement(actor=staff, procurement=procurement())
    assert "estimated_on" in error.value.message_dict


def test_changing_the_amount_or_line_keeps_one_active_commitment(staff: Any) -> None:
    euro_rate()
    line, other = budget_line(), budget_line(name="Materiały biurowe", paragraph="4210")
    saved = spending.save_procurement(actor=staff, procurement=procurement(line=line))
    saved.gross_amount = Decimal("12300")
    saved.order_number = "ZL/1"
    spending.save_procurement(actor=staff, procurement=saved)
    assert Commitment.objects.get().amount == Decimal("12300.00")
    saved.line = other
    spending.save_procurement(actor=staff, procurement=saved)
    active = Commitment.objects.filter(cancelled_at__isnull=True)
    assert [c.line for c in active] == [other] and Commitment.objects.count() == 2
    saved.line = None
    spending.save_procurement(actor=staff, procurement=saved)
    assert not Commitment.objects.filter(cancelled_at__isnull=True).exists()


def test_a_line_of_another_year_is_refused(staff: Any) -> None:
    euro_rate()
    old = budget_line(year=timezone.localdate().year - 1)
    with pytest.raises(ValidationError) as error:
        spending.save_procurement(actor=staff, procurement=procurement(line=old))
    assert "line" in error.value.message_dict


def test_the_yearly_summary_per_type(staff: Any) -> None:
    euro_rate()
    spending.save_procurement(actor=staff, procurement=procurement())
    spending.save_procurement(actor=staff, procurement=procurement(estimated_value=Decimal("5000")))
    spending.save_procurement(actor=staff, procurement=procurement(supply_type="works"))
    rows = {row["type"]: row for row in spending.yearly_summary(timezone.localdate().year)}
    assert [row["count"] for row in rows.values()] == [2, 0, 1]
    assert next(iter(rows.values()))["value"] == Decimal("15000.00")


def test_announcement_dates_cost_and_commitment(staff: Any) -> None:
    line = budget_line()
    today = timezone.localdate()
    values = {"outlet": "Radio", "title": "T", "text": "x", "ordered_on": today, "published_from": today}
    with pytest.raises(ValidationError) as error:
        spending.save_announcement(
            actor=staff, announcement=Announcement(**values, published_until=today - dt.timedelta(days=1), cost=1)
        )
    assert "published_until" in error.value.message_dict
    with pytest.raises(ValidationError):
        spending.save_announcement(actor=staff, announcement=Announcement(**values, published_until=today, cost=-1))
    saved = spending.save_announcement(
        actor=staff, announcement=Announcement(**values, published_until=today, cost=Decimal("700"), line=line)
    )
    assert saved.commitment.amount == Decimal("700.00") and saved.commitment.kind == "announcement"


def test_promotion_commits_only_once_accepted(staff: Any) -> None:
    line = budget_line()
    offer = spending.save_promotion(
        actor=staff,
        promotion=Promotion(
            kind="offer", title="Baner", starts_on=timezone.localdate(), cost=Decimal("900"), line=line
        ),
    )
    assert offer.commitment is None
    spending.decide_promotion(actor=staff, promotion=offer, decision="accepted")
    assert offer.commitment.amount == Decimal("900.00")
    with pytest.raises(ValidationError):
        spending.decide_promotion(actor=staff, promotion=offer, decision="declined", reason="x")
    other = spending.save_promotion(
        actor=staff, promotion=Promotion(kind="offer", title="Ulotki", starts_on=timezone.localdate(), cost=1)
    )
    with pytest.raises(ValidationError) as error:
        spending.decide_promotion(actor=staff, promotion=other, decision="declined", reason=" ")
    assert "reason" in error.value.message_dict
    spending.decide_promotion(actor=staff, promotion=other, decision="declined", reason="Za drogo")
    assert BudgetLine.objects.with_figures().get(pk=line.pk).committed == Decimal("900.00")


def test_social_fund_numbers_and_decisions(staff: Any) -> None:
    today = timezone.localdate()
    application = social.save_application(
        actor=staff, application=SocialFundApplication(applicant="Jan Nowak", kind="holiday", received_on=today)
    )
    assert application.reference == f"ZFŚS.1.{today.year}"
    application.status = "granted"
    with pytest.raises(ValidationError) as error:
        social.save_application(actor=staff, application=application)
    assert {"decided_on", "granted"} <= set(error.value.message_dict)
    application.decided_on, application.granted = today, Decimal("800")
    social.save_application(actor=staff, application=application)
    assert SocialFundApplication.objects.get().granted == Decimal("800.00")


def test_material_request_hands_one_assignment_to_each_unit(staff: Any, wok: Any, win: Any) -> None:
    request = MaterialRequest(
        title="Biuletyn", purpose="bulletin", instructions="Teksty", due_date=timezone.localdate()
    )
    materials.request_materials(actor=staff, request=request, units=[wok])
    materials.request_materials(actor=staff, request=request, units=[wok, win])
    assignments = Assignment.objects.filter(source_id=request.pk)
    assert sorted(a.unit.symbol for a in assignments) == ["WIN", "WOK"]
    assert all(a.source == request and a.due_date == request.due_date for a in assignments)
    materials.close_request(actor=staff, request=request)
    with pytest.raises(ValidationError):
        materials.close_request(actor=staff, request=request)
    materials.reopen_request(actor=staff, request=request)
    with pytest.raises(ValidationError) as error:
        materials.request_materials(
            actor=staff,
            request=MaterialRequest(title="x", purpose="other", instructions="x", due_date=request.due_date),
            units=[],
        )
    assert "units" in error.value.message_dict


def test_the_social_funds_trail_does_not_copy_who_applied(staff: Any) -> None:
    from office.models import AuditEntry

    application = social.save_application(
        actor=staff,
        application=SocialFundApplication(
            applicant="Jan Nowak", kind="holiday", received_on=timezone.localdate(), notes="choroba w rodzinie"
        ),
    )
    application.applicant = "Jan Nowak-Kowalski"
    social.save_application(actor=staff, application=application)
    entries = AuditEntry.objects.filter(object_id=str(application.pk), object_repr__startswith="ZFŚS")
    assert entries.count() == 2
    text = str([(entry.object_repr, entry.changes) for entry in entries])
    assert "Nowak" not in text and "choroba" not in text and "applicant" in text
