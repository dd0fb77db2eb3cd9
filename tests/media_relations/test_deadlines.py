"""Every deadline rule the press office uses: weekends, public holidays, the extension cap, hours."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from media_relations.models import LegalBasis, Publication
from media_relations.services import inquiries, monitoring
from tests.media_relations.conftest import at

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("basis", "received", "due", "rule"),
    [
        # 14 calendar days on a Monday
        (LegalBasis.PRESS_INFORMATION, at(2025, 4, 28), dt.date(2025, 5, 12), "press_info_answer"),
        # ends on a Saturday: moved to Monday
        (LegalBasis.PUBLIC_INFORMATION, at(2025, 3, 1), dt.date(2025, 3, 17), "udip_answer"),
        # ends on 11 November (Independence Day): moved to the 12th
        (LegalBasis.PRESS_INFORMATION, at(2025, 10, 28), dt.date(2025, 11, 12), "press_info_answer"),
        # ends on 25 December, then 26th is a holiday too, then Saturday and Sunday: Monday 29th
        (LegalBasis.PUBLIC_INFORMATION, at(2025, 12, 11), dt.date(2025, 12, 29), "udip_answer"),
    ],
)
def test_statutory_deadline_of_an_inquiry(basis, received, due, rule):
    deadline = inquiries.statutory_deadline(legal_basis=basis, received_at=received)
    assert deadline.due == due and deadline.rule_code == rule and deadline.rule_name


def test_registered_inquiry_stores_the_rule(make_inquiry):
    inquiry = make_inquiry(received_at=at(2025, 3, 1), legal_basis=LegalBasis.PUBLIC_INFORMATION)
    assert inquiry.statutory_due_on == inquiry.due_on == dt.date(2025, 3, 17)
    assert inquiry.deadline_rule == "udip_answer" and "UDIP" in inquiry.deadline_basis


@pytest.mark.parametrize(
    ("received", "cap"),
    [
        (at(2024, 12, 31), dt.date(2025, 2, 28)),  # clamped to the end of February
        (at(2025, 6, 30), dt.date(2025, 9, 1)),  # 30 August is a Saturday
    ],
)
def test_extension_cap_is_two_months_from_receipt(make_inquiry, received, cap):
    inquiry = make_inquiry(received_at=received)
    assert inquiries.extension_cap(inquiry) == cap


def test_written_refusal_three_calendar_days_even_over_christmas(make_inquiry):
    from media_relations.deadlines import PressRules
    from office.deadlines import compute_deadline

    assert compute_deadline(PressRules.PRESS_REFUSAL_WRITTEN, at(2025, 12, 22)).due == dt.date(2025, 12, 25)


def test_quote_authorisation_hours_by_outlet_kind(officer, journalist, daily, periodical):
    quote = inquiries.send_quote_for_authorisation(
        actor=officer, journalist=journalist, text="Remont skończy się w maju.", sent_at=at(2025, 5, 6, 10)
    )
    assert quote.rule_code == "quote_authorisation_daily"
    assert timezone.localtime(quote.due_at) == at(2025, 5, 6, 16)
    from media_relations.services.directory import change_outlet

    change_outlet(actor=officer, journalist=journalist, outlet=periodical, since=dt.date(2025, 1, 1))
    quote = inquiries.send_quote_for_authorisation(
        actor=officer, journalist=journalist, text="Inny cytat.", sent_at=at(2025, 5, 6, 10)
    )
    assert quote.rule_code == "quote_authorisation_periodical"
    assert timezone.localtime(quote.due_at) == at(2025, 5, 7, 10)


def test_quote_silence_means_authorised(officer, journalist):
    quote = inquiries.send_quote_for_authorisation(
        actor=officer, journalist=journalist, text="Cytat", sent_at=timezone.now() - dt.timedelta(hours=7)
    )
    assert quote.effective_status() == "silence"
    fresh = inquiries.send_quote_for_authorisation(actor=officer, journalist=journalist, text="Cytat 2")
    assert fresh.effective_status() == "pending"


def _publication(outlet, day):
    return Publication.objects.create(outlet=outlet, published_on=day, title="Miasto nie złożyło wniosku")


def test_correction_deadlines_online_outlet(officer, online):
    publication = _publication(online, dt.date(2025, 4, 9))
    case = monitoring.open_response(
        actor=officer, publication=publication, kind="correction", contested_fragment="Miasto nie złożyło wniosku."
    )
    assert case.send_due == dt.date(2025, 4, 30)  # 21 days
    assert case.court_due == dt.date(2026, 4, 9)  # 12 months
    monitoring.update_response_text(actor=officer, case=case, text="Miasto złożyło wniosek.")
    case = monitoring.mark_sent(actor=officer, case=case, sent_on=dt.date(2025, 4, 30))
    # 3 working days: 1 May and 3 May are holidays, then a weekend
    assert case.publish_due == dt.date(2025, 5, 6) and "art. 32" in case.publish_rule
    assert case.refusal_due == dt.date(2025, 5, 7)


def test_correction_deadlines_daily_and_periodical(officer, daily, periodical):
    case = monitoring.open_response(
        actor=officer,
        publication=_publication(daily, dt.date(2025, 6, 2)),
        kind="correction",
        contested_fragment="Nieprawdziwe zdanie.",
        text="Prawdziwe zdanie.",
    )
    case = monitoring.mark_sent(actor=officer, case=case, sent_on=dt.date(2025, 6, 3))
    assert case.publish_due == dt.date(2025, 6, 10)
    weekly = monitoring.open_response(
        actor=officer,
        publication=_publication(periodical, dt.date(2025, 6, 2)),
        kind="correction",
        contested_fragment="Nieprawdziwe zdanie.",
        text="Prawdziwe zdanie.",
    )
    with pytest.raises(ValidationError):  # the next issue's date must be entered
        monitoring.mark_sent(actor=officer, case=weekly, sent_on=dt.date(2025, 6, 3))
    weekly = monitoring.mark_sent(
        actor=officer, case=weekly, sent_on=dt.date(2025, 6, 3), publish_due=dt.date(2025, 6, 12)
    )
    assert weekly.publish_due == dt.date(2025, 6, 12) and weekly.publish_rule == monitoring.NEXT_ISSUE_RULE


def test_correction_at_most_twice_the_contested_fragment(officer, daily):
    with pytest.raises(ValidationError) as error:
        monitoring.open_response(
            actor=officer,
            publication=_publication(daily, dt.date(2025, 6, 2)),
            kind="correction",
            contested_fragment="Krótko.",
            text="To sprostowanie jest znacznie dłuższe niż dwukrotność fragmentu.",
        )
    assert "text" in error.value.error_dict


def test_response_workflow_forbidden_steps(officer, daily):
    case = monitoring.open_response(
        actor=officer, publication=_publication(daily, dt.date(2025, 6, 2)), kind="statement", text="Stanowisko."
    )
    with pytest.raises(ValidationError):
        monitoring.record_outcome(actor=officer, case=case, target="published", on=dt.date(2025, 6, 3))
    monitoring.mark_sent(actor=officer, case=case, sent_on=dt.date(2025, 6, 3))
    monitoring.record_outcome(actor=officer, case=case, target="published", on=dt.date(2025, 6, 4))
    with pytest.raises(ValidationError):
        monitoring.record_outcome(actor=officer, case=case, target="court", on=dt.date(2025, 6, 5))
    case = monitoring.record_outcome(actor=officer, case=case, target="closed", on=dt.date(2025, 6, 5))
    assert case.status == "closed" and case.closed_on == dt.date(2025, 6, 5)
