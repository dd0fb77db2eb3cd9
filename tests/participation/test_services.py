"""Services of civic participation: the programme's statutory dates and report, consultations and
moderation, the citizen budget's workflow (verification by the units, appeals, results,
realisation) and bookings without overlaps."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from associations.participation.models import (
    Booking,
    BookingStatus,
    Consultation,
    Project,
    ProjectStatus,
    Submission,
    SubmissionStatus,
)
from associations.participation.services import budget, civic, consultations, programme
from associations.participation.workflows import BOOKING_WORKFLOW, PROJECT_WORKFLOW, SUBMISSION_WORKFLOW
from office.models import Assignment, AuditEntry
from office.services import assignments as assignment_services
from tests.participation import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def staff(persona):
    return persona("ngo_officer")


# --- the programme ---------------------------------------------------------------------------


def test_the_statutory_dates_come_from_the_association_rules(staff) -> None:
    prog = f.a_programme(staff, year=2027)
    assert prog.adoption_due == dt.date(2026, 11, 30)
    assert prog.report_due == dt.date(2028, 5, 31)
    assert "5a" in prog.adoption_rule and "5a" in prog.report_rule


def test_the_report_is_assembled_from_grants_and_consultations_then_edited(staff) -> None:
    year = dt.date.today().year
    prog = f.a_programme(staff, year=year, planned_funds=Decimal("50000"))
    f.a_grant(staff, prog, amount=Decimal("20000"), task="Półkolonie")
    f.a_grant(staff, prog, amount=Decimal("5000"), task="Klub seniora", mode="small")
    f.a_comment(
        f.a_consultation(staff, title="Plac Targowy", starts_on=dt.date(year, 1, 2), ends_on=dt.date(year, 12, 30))
    )
    prog = programme.draft_report(actor=staff, programme=prog)
    assert "Półkolonie" in prog.report_text and "Klub seniora" in prog.report_text
    assert "Plac Targowy" in prog.report_text and "1 uwag" in prog.report_text
    assert "Członkostwo Miasta" in prog.report_text
    assert "50,0% planu" in prog.report_text or "50.0% planu" in prog.report_text
    prog = programme.edit_report(actor=staff, programme=prog, text="Poprawione sprawozdanie.")
    assert prog.report_text == "Poprawione sprawozdanie."
    with pytest.raises(ValidationError):
        programme.submit_report(actor=staff, programme=prog, submitted_on=dt.date.today() + dt.timedelta(days=1))
    programme.submit_report(actor=staff, programme=prog, submitted_on=dt.date.today())
    assert AuditEntry.objects.filter(object_id=str(prog.pk)).count() >= 3


def test_a_grant_cannot_end_before_it_starts(staff) -> None:
    prog = f.a_programme(staff)
    with pytest.raises(ValidationError) as error:
        f.a_grant(staff, prog, starts_on=f.days(5), ends_on=f.days(1))
    assert "ends_on" in error.value.message_dict


# --- consultations ---------------------------------------------------------------------------


def test_a_consultation_that_ends_before_it_starts_is_refused_on_the_field(staff) -> None:
    with pytest.raises(ValidationError) as error:
        f.a_consultation(staff, starts_on=f.days(10), ends_on=f.days(2))
    assert error.value.message_dict["ends_on"] == ["The consultation cannot end before it starts."]
    assert not Consultation.objects.exists()


def test_a_consultation_needs_a_method(staff) -> None:
    with pytest.raises(ValidationError):
        f.a_consultation(staff, by_comments=False, by_meeting=False, by_survey=False)


def test_comments_wait_for_moderation_and_get_answers(staff) -> None:
    consultation = f.a_consultation(staff)
    comment = f.a_comment(consultation)
    assert comment.status == SubmissionStatus.PENDING
    with pytest.raises(ValidationError):
        consultations.reject(actor=staff, submission=comment, reason=" ")
    comment = consultations.publish(actor=staff, submission=comment)
    assert comment.moderated_by == staff and comment.is_published
    comment = consultations.answer(actor=staff, submission=comment, answer="Uwzględniono.")
    assert comment.answered_at is not None
    with pytest.raises(ValidationError):
        consultations.publish(actor=staff, submission=comment)


def test_comments_only_while_open_and_published(staff) -> None:
    for fields in (
        {"starts_on": f.days(2), "ends_on": f.days(9)},
        {"is_published": False},
        {"by_comments": False, "by_meeting": True},
    ):
        consultation = f.a_consultation(staff, **fields)
        with pytest.raises(ValidationError):
            f.a_comment(consultation)
    assert not Submission.objects.exists()


def test_the_submission_workflow() -> None:
    assert SUBMISSION_WORKFLOW.can("pending", "published")
    assert SUBMISSION_WORKFLOW.can("published", "rejected")
    assert not SUBMISSION_WORKFLOW.can("published", "pending")


# --- the citizen budget ----------------------------------------------------------------------


def test_the_timetable_must_be_in_order(staff) -> None:
    with pytest.raises(ValidationError) as error:
        f.an_edition(staff, voting=(5, 1))
    assert "voting_to" in error.value.message_dict


def test_a_project_needs_its_list_of_support(staff) -> None:
    edition = f.an_edition(staff)
    project = Project(
        edition=edition,
        district=edition.districts.first(),
        title="Ławki",
        description="Ławki.",
        location="Park",
        cost=Decimal(1000),
        author_name="Jan",
    )
    with pytest.raises(ValidationError) as error:
        budget.register_project(actor=staff, project=project, supporters=["Anna", "Jan"])
    assert "15" in error.value.message_dict["supporters"][0]


def test_supporters_are_one_name_a_line_without_repeats() -> None:
    assert budget.parse_supporters("Anna Nowak\n\n anna   nowak \nJan Lis\r\n") == ["Anna Nowak", "Jan Lis"]


def test_verification_goes_to_the_units_as_assignments_and_the_liaison_answers(staff, liaison, wok) -> None:
    edition = f.an_edition(staff)
    project = f.a_project(staff, edition)
    project = budget.hand_out_verification(
        actor=staff, project=project, formal_unit=wok, merit_unit=wok, due_date=f.days(7)
    )
    assert project.status == ProjectStatus.VERIFICATION
    assignments = Assignment.objects.filter(source_id=project.pk)
    assert assignments.count() == 2 and {a.due_date for a in assignments} == {f.days(7)}
    assignment_services.answer(actor=liaison, assignment=project.formal_check, reply="Kompletny.")
    with pytest.raises(ValidationError):
        budget.record_verification(actor=staff, project=project, admitted=False)
    project = budget.record_verification(actor=staff, project=project, admitted=True, verified_cost=Decimal(90000))
    assert project.status == ProjectStatus.ADMITTED and project.the_cost == Decimal(90000)


def test_an_appeal_admits_or_confirms_the_rejection(staff) -> None:
    edition = f.an_edition(staff)
    project = f.rejected_project(staff, edition)
    with pytest.raises(ValidationError):
        budget.file_appeal(
            actor=staff, project=project, text="Nie.", received_on=edition.appeals_to + dt.timedelta(days=1)
        )
    project = budget.file_appeal(actor=staff, project=project, text="Teren miejski.", received_on=edition.appeals_to)
    project = budget.decide_appeal(actor=staff, project=project, upheld=True, reasons="Zasadne.")
    assert project.status == ProjectStatus.ADMITTED and project.appeal_upheld


def test_the_project_workflow() -> None:
    assert PROJECT_WORKFLOW.can("submitted", "verification")
    assert not PROJECT_WORKFLOW.can("submitted", "admitted")
    assert not PROJECT_WORKFLOW.can("admitted", "withdrawn")
    assert PROJECT_WORKFLOW.can("appealed", "rejected")


def test_results_are_computed_per_district_and_published(staff) -> None:
    edition = f.an_edition(staff)
    big = f.admitted_project(staff, edition, cost=Decimal(250000))
    small = f.admitted_project(staff, edition, cost=Decimal(60000))
    other = f.admitted_project(staff, edition, district=1, cost=Decimal(150000))
    for n in range(3):
        budget.cast_vote(edition=edition, pesel=f.pesel(n), projects=[big, other])
    budget.cast_vote(edition=edition, pesel=f.pesel(9), projects=[small])
    results = {r.district.name: r for r in budget.compute_results(edition)}
    assert [(o.votes, o.funded) for o, _p in results["Śródmieście"].rows] == [(3, True), (1, False)]
    assert results["Północ"].left == Decimal(50000)
    with pytest.raises(ValidationError):
        budget.publish_results(actor=staff, edition=edition)
    edition.voting_to = edition.voting_from = f.days(-1)
    edition.save()
    budget.publish_results(actor=staff, edition=edition)
    big.refresh_from_db()
    small.refresh_from_db()
    assert (big.votes, big.is_funded, small.is_funded) == (3, True, False)
    with pytest.raises(ValidationError):
        budget.update_realisation(actor=staff, project=small, realisation="works", progress=10)
    with pytest.raises(ValidationError):
        budget.update_realisation(actor=staff, project=big, realisation="done", progress=90)
    big = budget.update_realisation(actor=staff, project=big, realisation="works", progress=40)
    assert big.progress == 40


# --- rooms and bookings ----------------------------------------------------------------------


def test_an_overlapping_booking_is_refused_with_a_clear_message(staff) -> None:
    room = f.a_room(staff)
    first = f.a_booking(staff, room, hour=10)
    clash = Booking(
        room=room, organisation=first.organisation, purpose="Próba", starts_at=f.at(3, 11), ends_at=f.at(3, 13)
    )
    with pytest.raises(ValidationError) as error:
        civic.request_booking(actor=staff, booking=clash)
    message = error.value.message_dict["starts_at"][0]
    assert "already booked" in message and "Spotkanie" in message
    assert Booking.objects.count() == 1
    f.a_booking(staff, room, hour=12)  # right after: no overlap
    f.a_booking(staff, f.a_room(staff, "Sala 2"), hour=10)  # another room


def test_a_refused_booking_frees_the_room(staff) -> None:
    room = f.a_room(staff)
    first = f.a_booking(staff, room)
    with pytest.raises(ValidationError):
        civic.refuse_booking(actor=staff, booking=first, note="")
    civic.refuse_booking(actor=staff, booking=first, note="Remont.")
    second = f.a_booking(staff, room)
    second = civic.approve_booking(actor=staff, booking=second)
    assert second.status == BookingStatus.APPROVED and second.decided_by == staff


def test_a_booking_must_end_after_it_starts_and_fit_the_room(staff) -> None:
    room = f.a_room(staff, capacity=5)
    organisation = f.a_booking(staff, room).organisation
    with pytest.raises(ValidationError):
        civic.request_booking(
            actor=staff,
            booking=Booking(
                room=room, organisation=organisation, purpose="X", starts_at=f.at(5, 12), ends_at=f.at(5, 11)
            ),
        )
    with pytest.raises(ValidationError):
        civic.request_booking(
            actor=staff,
            booking=Booking(
                room=room,
                organisation=organisation,
                purpose="X",
                starts_at=f.at(6, 9),
                ends_at=f.at(6, 10),
                attendees=9,
            ),
        )


def test_the_booking_workflow() -> None:
    assert BOOKING_WORKFLOW.can("requested", "approved")
    assert not BOOKING_WORKFLOW.can("rejected", "approved")
    assert not BOOKING_WORKFLOW.can("cancelled", "requested")
