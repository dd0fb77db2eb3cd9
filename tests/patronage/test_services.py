"""Honorary patronage through its services (patronage/services.py): the number of an application in
its year, the lead-time rule, the unit's opinion as an Assignment, the decision and its reasons, the
decision letter in the outgoing register, the report after the event, the organisers who never
reported, the audit trail of every change, and the status graph (patronage/workflows.py) walked
pair by pair, against the table and through the services."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from correspondence.models import Letter
from office.deadlines import compute_deadline
from office.models import Assignment, AuditEntry, DeadlineRule
from patronage import services, workflows
from patronage.deadlines import PatronageRules
from patronage.models import Application, ApplicationStatus
from tests.factories import ContactFactory, OrgUnitFactory
from tests.patronage.factories import (
    decision_template,
    granted_application,
    mayor,
    new_application,
    office_unit,
)

pytestmark = pytest.mark.django_db

S = ApplicationStatus


def days(count: int) -> dt.date:
    """Today moved by ``count`` days (negative: in the past)."""
    return timezone.localdate() + dt.timedelta(days=count)


@pytest.fixture
def staff(persona: Callable[[str], Any]) -> Any:
    return persona("office_staff")


def fresh(application: Application) -> Application:
    return Application.objects.get(pk=application.pk)


def trail(application: Application) -> list[AuditEntry]:
    return list(AuditEntry.objects.of(application).order_by("id"))


def past_event(actor: Any, **fields: Any) -> Application:
    """A received application for an event that started ten days ago (received in time)."""
    values = {"starts_on": days(-10), "ends_on": days(-10), "received_on": days(-60), **fields}
    return new_application(actor, **values)


# --- Registering: the number in the year ------------------------------------------------------------


def test_numbers_run_per_year_of_receipt_and_restart_in_a_new_year(staff):
    this_year = timezone.localdate().year
    last_year_day = dt.date(this_year - 1, 12, 30)
    first, second, third = (new_application(staff, event_name=f"Wydarzenie {n}") for n in range(3))
    assert [(a.year, a.number) for a in (first, second, third)] == [(this_year, 1), (this_year, 2), (this_year, 3)]
    assert third.reference == f"PH.3.{this_year}"

    older = new_application(
        staff, received_on=last_year_day, starts_on=last_year_day, ends_on=last_year_day, event_name="Zeszłoroczne"
    )
    assert (older.year, older.number, older.reference) == (this_year - 1, 1, f"PH.1.{this_year - 1}")
    assert (new_application(staff).year, Application.objects.filter(year=this_year).count()) == (this_year, 4)
    assert fresh(older).number == 1 and str(older) == f"PH.1.{this_year - 1}: Zeszłoroczne"


def test_register_keeps_the_actor_trims_the_text_and_writes_the_trail(staff):
    application = new_application(staff, event_name="  Festyn Rodzinny  ", place=" Park Miejski ")
    saved = fresh(application)
    assert (saved.event_name, saved.place) == ("Festyn Rodzinny", "Park Miejski")
    assert (saved.status, saved.created_by, saved.opinion, saved.decided_on) == (S.RECEIVED, staff, None, None)
    [entry] = trail(saved)
    assert (entry.action, entry.actor) == ("create", staff)
    assert entry.changes["event_name"] == [None, "Festyn Rodzinny"]


def test_register_from_the_public_form_has_no_registering_user(db):
    from django.contrib.auth.models import AnonymousUser

    application = new_application(AnonymousUser())
    assert fresh(application).created_by is None and trail(application)[0].actor is None


# --- Registering: the lead-time rule ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("days_before", "late"),
    [(60, False), (31, False), (30, False), (29, True), (1, True), (0, True)],
)
def test_lead_time_rule(staff, days_before, late):
    received = days(-5)
    application = new_application(
        staff, received_on=received, starts_on=received + dt.timedelta(days=days_before), ends_on=days(90)
    )
    rule = compute_deadline(PatronageRules.PATRONAGE_LEAD_TIME, received)
    saved = fresh(application)
    assert saved.is_late is late
    assert saved.lead_time_rule == rule.label
    assert (
        "Złożenie wniosku o patronat honorowy" in saved.lead_time_rule
        and "Zarządzenie Prezydenta" in saved.lead_time_rule
    )


def test_lead_time_follows_the_installed_rule_an_administrator_edited(staff):
    DeadlineRule.objects.filter(code=PatronageRules.PATRONAGE_LEAD_TIME.code).update(amount=14, name="Wniosek: 14 dni")
    on_time = new_application(staff, starts_on=days(14), ends_on=days(14))
    late = new_application(staff, starts_on=days(13), ends_on=days(13))
    assert (on_time.is_late, late.is_late) == (False, True)
    assert late.lead_time_rule.startswith("Wniosek: 14 dni")


@pytest.mark.parametrize(
    ("offsets", "field"),
    [
        ({"starts_on": 40, "ends_on": 39}, "ends_on"),
        ({"starts_on": 40, "ends_on": 0}, "ends_on"),
        ({"received_on": 1}, "received_on"),
        ({"received_on": 400}, "received_on"),
    ],
)
def test_register_refuses_wrong_dates_on_the_field(staff, offsets, field):
    with pytest.raises(ValidationError) as caught:
        new_application(staff, **{name: days(offset) for name, offset in offsets.items()})
    assert set(caught.value.message_dict) == {field}
    assert not Application.objects.exists()
    assert not AuditEntry.objects.filter(content_type__app_label="patronage").exists()


def test_a_one_day_event_and_a_receipt_today_are_accepted(staff):
    application = new_application(staff, received_on=days(0), starts_on=days(45), ends_on=days(45))
    assert application.pk and not application.is_late


# --- Correcting -------------------------------------------------------------------------------------------


def test_update_checks_the_lead_time_again_and_writes_the_trail(staff):
    application = new_application(staff)  # the event in 60 days: on time
    assert not application.is_late
    application.starts_on = application.ends_on = days(10)
    services.update_application(actor=staff, application=application)
    saved = fresh(application)
    assert saved.is_late and saved.lead_time_rule
    entry = trail(saved)[-1]
    assert entry.action == "update" and entry.changes["starts_on"] == [days(60).isoformat(), days(10).isoformat()]

    saved.starts_on = saved.ends_on = days(45)
    services.update_application(actor=staff, application=saved)
    assert not fresh(saved).is_late
    assert (fresh(saved).year, fresh(saved).number) == (application.year, application.number)


@pytest.mark.parametrize(("name", "offset"), [("ends_on", 59), ("received_on", 1)])
def test_update_refuses_wrong_dates(staff, name, offset):
    application = new_application(staff)  # the event in 60 days
    setattr(application, name, days(offset))
    with pytest.raises(ValidationError) as caught:
        services.update_application(actor=staff, application=application)
    assert set(caught.value.message_dict) == {name}
    saved = fresh(application)
    assert saved.ends_on == saved.starts_on == days(60) and saved.received_on == days(0)
    assert len(trail(saved)) == 1


# --- The unit's opinion ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("starts_in", "due_in"),
    [(60, 7), (9, 7), (8, 7), (7, 6), (3, 2), (1, 0)],
)
def test_opinion_is_an_assignment_due_in_a_week_or_the_day_before_the_event(staff, wok, starts_in, due_in):
    application = new_application(staff, starts_on=days(starts_in), ends_on=days(starts_in + 2))
    asked = services.request_opinion(
        actor=staff, application=application, unit=wok, instruction="  Czy trasa koliduje z remontem?  "
    )

    assignment = Assignment.objects.get()
    assert (asked.status, asked.opinion) == (S.IN_OPINION, assignment)
    assert fresh(application).opinion_id == assignment.pk and fresh(application).status == S.IN_OPINION
    assert (assignment.unit, assignment.created_by, assignment.status) == (wok, staff, "new")
    assert assignment.description == "Czy trasa koliduje z remontem?"
    assert application.event_name in assignment.title
    assert assignment.source == fresh(application)
    assert (assignment.source_label, assignment.source_url) == (
        str(application),
        reverse("patronage:application_detail", args=[application.pk]),
    )
    assert assignment.due_date == days(due_in)
    assert assignment.due_date <= application.starts_on - dt.timedelta(days=1)


def test_opinion_on_an_event_that_has_started_is_due_today_never_in_the_past(staff, wok):
    application = past_event(staff)
    services.request_opinion(actor=staff, application=application, unit=wok)
    assert Assignment.objects.get().due_date == days(0)


def test_opinion_is_asked_once_and_not_of_an_inactive_unit(staff, wok):
    closed_unit = OrgUnitFactory(symbol="WZL", name="Wydział Zlikwidowany", is_active=False)
    application = new_application(staff)
    with pytest.raises(ValidationError) as caught:
        services.request_opinion(actor=staff, application=application, unit=closed_unit)
    assert "unit" in caught.value.message_dict
    assert fresh(application).status == S.RECEIVED and not Assignment.objects.exists()

    services.request_opinion(actor=staff, application=application, unit=wok)
    with pytest.raises(ValidationError) as caught:
        services.request_opinion(actor=staff, application=application, unit=wok)
    assert caught.value.code == "forbidden_transition"
    assert Assignment.objects.count() == 1


# --- The decision -----------------------------------------------------------------------------------------


def test_grant_sets_the_report_due_date_from_the_report_rule(staff):
    application = new_application(staff, starts_on=days(40), ends_on=days(42))
    granted = services.decide(actor=staff, application=application, grant=True, decided_by=mayor())

    saved = fresh(granted)
    rule = DeadlineRule.objects.get(code=PatronageRules.PATRONAGE_REPORT.code)
    assert (saved.status, saved.decided_by, saved.decided_on, saved.reasons) == (S.GRANTED, mayor(), days(0), "")
    assert saved.report_due_on == days(42) + dt.timedelta(days=30)  # 30 days after the event ends
    assert saved.report_rule == compute_deadline(PatronageRules.PATRONAGE_REPORT, days(42)).label
    assert rule.name in saved.report_rule and not saved.report_overdue and saved.is_granted


def test_grant_after_the_opinion_keeps_reasons_given(staff, wok):
    application = new_application(staff)
    services.request_opinion(actor=staff, application=application, unit=wok)
    granted = services.decide(
        actor=staff,
        application=application,
        grant=True,
        decided_by=mayor(),
        reasons="  Wydarzenie o zasięgu miejskim. ",
    )
    assert (fresh(granted).status, fresh(granted).reasons) == (S.GRANTED, "Wydarzenie o zasięgu miejskim.")


@pytest.mark.parametrize("reasons", ["", "   \n "])
def test_refusal_needs_reasons(staff, reasons):
    application = new_application(staff)
    with pytest.raises(ValidationError) as caught:
        services.decide(actor=staff, application=application, grant=False, decided_by=mayor(), reasons=reasons)
    assert set(caught.value.message_dict) == {"reasons"}
    saved = fresh(application)
    assert (saved.status, saved.decided_on, saved.decided_by) == (S.RECEIVED, None, None)
    assert len(trail(saved)) == 1


def test_refusal_with_reasons_sets_no_report(staff):
    application = new_application(staff)
    refused = services.decide(
        actor=staff, application=application, grant=False, decided_by=mayor(), reasons="Wydarzenie komercyjne."
    )
    saved = fresh(refused)
    assert (saved.status, saved.reasons, saved.report_due_on, saved.report_rule) == (
        S.REFUSED,
        "Wydarzenie komercyjne.",
        None,
        "",
    )
    assert not saved.is_granted and saved.decided_on == days(0)


@pytest.mark.parametrize("flag", ["is_commercial", "collects_money"])
def test_granting_an_excluded_event_needs_reasons(staff, flag):
    application = new_application(staff, **{flag: True})
    assert application.is_excluded
    with pytest.raises(ValidationError) as caught:
        services.decide(actor=staff, application=application, grant=True, decided_by=mayor(), reasons=" ")
    assert set(caught.value.message_dict) == {"reasons"}
    assert fresh(application).status == S.RECEIVED

    granted = services.decide(
        actor=staff, application=application, grant=True, decided_by=mayor(), reasons="Dochód na cel charytatywny."
    )
    assert (fresh(granted).status, fresh(granted).reasons) == (S.GRANTED, "Dochód na cel charytatywny.")


@pytest.mark.parametrize(("first", "second"), list(itertools.product([True, False], repeat=2)))
def test_deciding_twice_is_refused(staff, first, second):
    application = new_application(staff)
    services.decide(actor=staff, application=application, grant=first, decided_by=mayor(), reasons="Powody.")
    with pytest.raises(ValidationError) as caught:
        services.decide(actor=staff, application=application, grant=second, decided_by=mayor(), reasons="Inne.")
    assert caught.value.code == "forbidden_transition"
    saved = fresh(application)
    assert (saved.status, saved.reasons) == (S.GRANTED if first else S.REFUSED, "Powody.")


# --- Withdrawal ------------------------------------------------------------------------------------------


def test_withdraw_before_the_decision_with_the_note_on_the_trail(staff, wok):
    received = new_application(staff)
    services.withdraw(actor=staff, application=received, text="  Organizator odwołał wydarzenie. ")
    assert fresh(received).status == S.WITHDRAWN
    entry = trail(received)[-1]
    assert entry.changes == {"status": [S.RECEIVED, S.WITHDRAWN]} and entry.message == "Organizator odwołał wydarzenie."

    in_opinion = new_application(staff)
    services.request_opinion(actor=staff, application=in_opinion, unit=wok)
    services.withdraw(actor=staff, application=in_opinion)
    assert fresh(in_opinion).status == S.WITHDRAWN

    for application in (received, in_opinion):
        with pytest.raises(ValidationError) as caught:
            services.withdraw(actor=staff, application=application)
        assert caught.value.code == "forbidden_transition"


def test_a_decided_application_is_not_withdrawn(staff):
    granted = granted_application(staff)
    with pytest.raises(ValidationError) as caught:
        services.withdraw(actor=staff, application=granted)
    assert caught.value.code == "forbidden_transition" and fresh(granted).status == S.GRANTED


# --- The decision letter --------------------------------------------------------------------------------


def test_the_letter_waits_for_the_decision(staff):
    office_unit()
    template = decision_template(staff)
    received = new_application(staff)
    with pytest.raises(ValidationError) as caught:
        services.write_decision_letter(actor=staff, application=received, template=template)
    assert set(caught.value.message_dict) == {"template"}

    withdrawn = services.withdraw(actor=staff, application=new_application(staff))
    with pytest.raises(ValidationError):
        services.write_decision_letter(actor=staff, application=withdrawn, template=template)
    assert not Letter.objects.exists()
    assert fresh(received).decision_letter is None


def test_the_letter_needs_a_template_of_the_patronage_source(staff):
    from tests.correspondence.factories import LetterTemplateFactory

    granted = granted_application(staff)
    other = LetterTemplateFactory(name="Gratulacje jubileuszowe", signatory=mayor())
    assert other.source_kind != services.DECISION_SOURCE
    for template in (other, None):
        with pytest.raises(ValidationError) as caught:
            services.write_decision_letter(actor=staff, application=granted, template=template)
        assert set(caught.value.message_dict) == {"template"}
    assert not Letter.objects.exists() and fresh(granted).decision_letter is None


def test_the_letter_needs_a_register(staff):
    granted = granted_application(staff)
    template = decision_template(staff)
    from office.models import OrgUnit

    OrgUnit.objects.filter(symbol="KP").delete()
    assert getattr(staff, "unit", None) is None
    with pytest.raises(ValidationError) as caught:
        services.write_decision_letter(actor=staff, application=granted, template=template)
    assert set(caught.value.message_dict) == {"template"}


def test_grant_letter_is_numbered_in_the_outgoing_register_under_0160(staff):
    granted = granted_application(staff, event_name="Bieg Niepodległości", place="Park Miejski")
    template = decision_template(staff)
    letter = services.write_decision_letter(actor=staff, application=granted, template=template)

    letter = Letter.objects.select_related("unit", "jrwa_class").get(pk=letter.pk)
    year = timezone.localdate().year
    assert (letter.direction, letter.status, letter.unit.symbol, letter.jrwa_class.symbol) == (
        "out",
        "prepared",
        "KP",
        "0160",
    )
    assert letter.sign == f"KP.0160.1.{year}"
    assert (letter.contact, letter.principal, letter.template) == (granted.organiser, mayor(), template)
    assert "Bieg Niepodległości" in letter.body and "Bieg Niepodległości" in letter.subject
    assert "obejmuje Honorowym Patronatem" in letter.body and "nie obejmuje" not in letter.body
    saved = fresh(granted)
    assert saved.decision_letter == letter and saved.status == S.GRANTED
    entry = trail(saved)[-1]
    assert entry.changes == {"decision_letter": [None, str(letter)]} and entry.actor == staff


def test_refusal_letter_says_it_does_not_grant(staff):
    office_unit()
    template = decision_template(staff)
    application = new_application(staff, event_name="Jarmark Świąteczny")
    services.decide(actor=staff, application=application, grant=False, decided_by=mayor(), reasons="Komercyjne.")
    letter = services.write_decision_letter(actor=staff, application=application, template=template)
    assert "nie obejmuje Honorowym Patronatem" in letter.body and "Jarmark Świąteczny" in letter.body
    assert letter.jrwa_class.symbol == "0160" and fresh(application).decision_letter == letter


def test_a_reported_application_may_still_get_its_letter(staff):
    granted = granted_application(staff)
    services.file_report(actor=staff, application=granted, text="Odbyło się.")
    letter = services.write_decision_letter(actor=staff, application=granted, template=decision_template(staff))
    assert "obejmuje Honorowym Patronatem" in letter.body and "nie obejmuje" not in letter.body


def test_decision_fields_in_polish(staff):
    application = new_application(
        staff, event_name="Festiwal", place="Rynek", starts_on=dt.date(2199, 11, 10), ends_on=dt.date(2199, 11, 11)
    )
    fields = services.decision_fields(application)
    assert fields["wydarzenie"] == "Festiwal" and fields["miejsce"] == "Rynek"
    assert fields["termin"] == "10 listopada 2199 – 11 listopada 2199 r."
    assert fields["numer_wniosku"] == application.reference
    assert fields["decyzja"] == "nie obejmuje Honorowym Patronatem" and fields["przyznany"] == ""
    assert set(fields) == {
        "wydarzenie",
        "termin",
        "miejsce",
        "numer_wniosku",
        "data_wniosku",
        "decyzja",
        "przyznany",
        "uzasadnienie",
    }


def test_decision_fields_are_polish_whatever_the_language_of_the_page(staff):
    from django.utils import translation

    application = new_application(
        staff, event_name="Festiwal", starts_on=dt.date(2199, 11, 10), ends_on=dt.date(2199, 11, 10)
    )
    with translation.override("pl"):
        polish = services.decision_fields(application)
    with translation.override("en"):
        english = services.decision_fields(application)
    assert english["decyzja"] == polish["decyzja"] == "nie obejmuje Honorowym Patronatem"
    assert english["termin"] == polish["termin"] == "10 listopada 2199 r."
    assert english["data_wniosku"] == polish["data_wniosku"]


def test_the_decision_letter_is_written_once(staff):
    granted = granted_application(staff)
    template = decision_template(staff)
    first = services.write_decision_letter(actor=staff, application=granted, template=template)
    try:
        with pytest.raises(ValidationError):
            services.write_decision_letter(actor=staff, application=granted, template=template)
    finally:
        assert Letter.objects.count() == 1 and fresh(granted).decision_letter == first


# --- The report after the event ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "filed_on", "field"),
    [
        ("", None, "text"),
        ("   \n", None, "text"),
        ("Odbyło się.", "before", "filed_on"),
        ("Odbyło się.", "tomorrow", "filed_on"),
    ],
)
def test_report_rules(staff, text, filed_on, field):
    granted = granted_application(staff)  # the event started ten days ago
    filed = {"before": days(-11), "tomorrow": days(1), None: None}[filed_on]
    with pytest.raises(ValidationError) as caught:
        services.file_report(actor=staff, application=granted, text=text, filed_on=filed)
    assert set(caught.value.message_dict) == {field}
    saved = fresh(granted)
    assert (saved.status, saved.report_text, saved.reported_on) == (S.GRANTED, "", None)


def test_a_report_before_the_event_is_refused(staff):
    application = new_application(staff)  # the event in 60 days
    services.decide(actor=staff, application=application, grant=True, decided_by=mayor())
    with pytest.raises(ValidationError) as caught:
        services.file_report(actor=staff, application=application, text="Za wcześnie.")
    assert set(caught.value.message_dict) == {"filed_on"}


@pytest.mark.parametrize("filed", [-10, -3, 0, None])
def test_report_is_filed(staff, filed):
    granted = granted_application(staff)
    reported = services.file_report(
        actor=staff,
        application=granted,
        text="  Wydarzenie odbyło się; herb Miasta na plakatach.  ",
        audience=850,
        filed_on=None if filed is None else days(filed),
    )
    saved = fresh(reported)
    assert (saved.status, saved.report_text, saved.report_audience) == (
        S.REPORTED,
        "Wydarzenie odbyło się; herb Miasta na plakatach.",
        850,
    )
    assert saved.reported_on == days(0 if filed is None else filed)
    assert saved.is_granted and not saved.report_overdue
    with pytest.raises(ValidationError) as caught:
        services.file_report(actor=staff, application=saved, text="Drugi raz.")
    assert caught.value.code == "forbidden_transition"


# --- Organisers who never reported ------------------------------------------------------------------------


def test_unreported_before_lists_the_overdue_patronages_of_the_organiser(staff):
    organiser = ContactFactory(name="Klub Sportowy „Orzeł”")
    other = ContactFactory(name="Fundacja Inna")
    overdue = granted_application(staff, organiser, starts_on=days(-45), event_name="Turniej 1")  # due 15 days ago
    older = granted_application(staff, organiser, starts_on=days(-80), event_name="Turniej 0")
    not_yet = granted_application(staff, organiser, event_name="Turniej 2")  # due in 20 days
    refused = past_event(staff, organiser=organiser, starts_on=days(-90), ends_on=days(-90))
    services.decide(actor=staff, application=refused, grant=False, decided_by=mayor(), reasons="Nie.")
    granted_application(staff, other, starts_on=days(-60))
    new = new_application(staff, organiser)
    assert fresh(overdue).report_overdue and not fresh(not_yet).report_overdue

    assert services.unreported_before(organiser) == [older, overdue]  # the oldest event first
    assert services.unreported_before(organiser, exclude=older) == [overdue]
    assert services.unreported_before(ContactFactory(name="Nowy organizator")) == []
    assert new not in services.unreported_before(organiser)

    services.file_report(actor=staff, application=older, text="Sprawozdanie po terminie.")
    assert services.unreported_before(organiser) == [overdue]
    assert services.unreported_before(other)[0].organiser == other


def test_the_report_is_overdue_from_the_day_after_it_is_due(staff):
    organiser = ContactFactory()
    due_today = granted_application(staff, organiser, starts_on=days(-30))
    assert fresh(due_today).report_due_on == days(0)
    assert services.unreported_before(organiser) == [] and not fresh(due_today).report_overdue
    late = granted_application(staff, organiser, starts_on=days(-31))
    assert services.unreported_before(organiser) == [late] and fresh(late).report_overdue


# --- The audit trail --------------------------------------------------------------------------------------


def test_every_change_writes_an_audit_entry(staff, wok, management):
    application = past_event(staff)
    office_unit()
    template = decision_template(staff)
    steps: list[tuple[Callable[[], Any], set[str]]] = [
        (lambda: services.request_opinion(actor=staff, application=application, unit=wok), {"status"}),
        (
            lambda: services.decide(actor=management, application=application, grant=True, decided_by=mayor()),
            {"status", "decided_by", "decided_on", "report_due_on"},
        ),
        (
            lambda: services.write_decision_letter(actor=staff, application=application, template=template),
            {"decision_letter"},
        ),
        (
            lambda: services.file_report(actor=staff, application=application, text="Było.", audience=10),
            {"status", "report_text", "report_audience", "reported_on"},
        ),
    ]
    assert [e.action for e in trail(application)] == ["create"]
    for count, (step, changed) in enumerate(steps, start=2):
        step()
        entries = trail(application)
        assert len(entries) == count
        assert entries[-1].action == "update" and set(entries[-1].changes) == changed, entries[-1].changes
    statuses = [e.changes["status"] for e in trail(application) if "status" in e.changes and e.action == "update"]
    assert statuses == [[S.RECEIVED, S.IN_OPINION], [S.IN_OPINION, S.GRANTED], [S.GRANTED, S.REPORTED]]
    assert trail(application)[2].actor == management

    refused = new_application(staff)
    services.decide(actor=staff, application=refused, grant=False, decided_by=mayor(), reasons="Brak zgody.")
    assert trail(refused)[-1].changes["reasons"] == ["", "Brak zgody."]
    withdrawn = new_application(staff)
    services.withdraw(actor=staff, application=withdrawn)
    assert [e.action for e in trail(withdrawn)] == ["create", "update"]


# --- The status graph -------------------------------------------------------------------------------------

#: (current, target) → allowed, written out on its own
ALLOWED = {
    ("received", "in_opinion"),
    ("received", "granted"),
    ("received", "refused"),
    ("received", "withdrawn"),
    ("in_opinion", "granted"),
    ("in_opinion", "refused"),
    ("in_opinion", "withdrawn"),
    ("granted", "reported"),
}
STATUSES = ["received", "in_opinion", "granted", "refused", "reported", "withdrawn"]


def test_the_workflow_against_the_table():
    workflow = workflows.APPLICATION_WORKFLOW
    assert set(STATUSES) == set(S.values)
    wrong = []
    for current, target in itertools.product(STATUSES, STATUSES):
        expected = (current, target) in ALLOWED
        if workflow.can(current, target) != expected:
            wrong.append((current, target, expected))
        if expected:
            workflow.check(current, target)
        else:
            with pytest.raises(ValidationError) as caught:
                workflow.check(current, target)
            assert caught.value.code == "forbidden_transition"
    assert wrong == []
    for status in STATUSES:
        assert workflow.allowed(status) == frozenset(t for c, t in ALLOWED if c == status)


def test_the_graphs_are_all_tested():
    assert {name for name in vars(workflows) if name.endswith("_WORKFLOW")} == {"APPLICATION_WORKFLOW"}


def _in_status(actor: Any, unit: Any, status: str) -> Application:
    """An application for an event that started ten days ago, brought to ``status`` by the services."""
    application = past_event(actor)
    if status == S.IN_OPINION:
        services.request_opinion(actor=actor, application=application, unit=unit)
    elif status in (S.GRANTED, S.REPORTED):
        services.decide(actor=actor, application=application, grant=True, decided_by=mayor())
        if status == S.REPORTED:
            services.file_report(actor=actor, application=application, text="Sprawozdanie.")
    elif status == S.REFUSED:
        services.decide(actor=actor, application=application, grant=False, decided_by=mayor(), reasons="Nie.")
    elif status == S.WITHDRAWN:
        services.withdraw(actor=actor, application=application)
    return fresh(application)


#: the service that moves an application to each status (nothing moves one back to "received")
MOVES: dict[str, Callable[[Any, Application, Any], Any]] = {
    "in_opinion": lambda actor, a, unit: services.request_opinion(actor=actor, application=a, unit=unit),
    "granted": lambda actor, a, unit: services.decide(
        actor=actor, application=a, grant=True, decided_by=mayor(), reasons="Tak."
    ),
    "refused": lambda actor, a, unit: services.decide(
        actor=actor, application=a, grant=False, decided_by=mayor(), reasons="Nie."
    ),
    "reported": lambda actor, a, unit: services.file_report(actor=actor, application=a, text="Było."),
    "withdrawn": lambda actor, a, unit: services.withdraw(actor=actor, application=a),
}


@pytest.mark.parametrize(("current", "target"), list(itertools.product(STATUSES, list(MOVES))))
def test_every_move_through_the_services(staff, wok, current, target):
    application = _in_status(staff, wok, current)
    assert application.status == current
    entries = len(trail(application))
    if (current, target) in ALLOWED:
        MOVES[target](staff, application, wok)
        assert fresh(application).status == target
        assert len(trail(application)) == entries + 1
    else:
        with pytest.raises(ValidationError) as caught:
            MOVES[target](staff, application, wok)
        assert caught.value.code == "forbidden_transition"
        assert fresh(application).status == current and len(trail(application)) == entries


@pytest.mark.parametrize("end", ["grant", "refuse", "withdraw"])
@pytest.mark.parametrize("answered", [False, True])
def test_the_unit_opinion_is_closed_with_the_decision(persona: Any, end: str, answered: bool) -> None:
    from office.services import assignments as assignment_services

    staff = persona("office_staff")
    application = services.request_opinion(
        actor=staff, application=new_application(staff), unit=OrgUnitFactory(symbol="WKS")
    )
    if answered:
        assignment_services.answer(actor=staff, assignment=application.opinion, reply="Bez zastrzeżeń.")
    if end == "withdraw":
        services.withdraw(actor=staff, application=application, text="Odwołane.")
    else:
        services.decide(
            actor=staff, application=application, grant=end == "grant", decided_by=mayor(), reasons="Powody."
        )
    assert Assignment.objects.get(pk=application.opinion_id).status == "closed"
