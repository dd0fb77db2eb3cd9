"""The assignments service: hand over, change, answer, notes, history, audit trail, e-mails."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.utils import timezone

from office.deadline_rules import CoreRules
from office.deadlines import compute_deadline
from office.models import Assignment, AssignmentEvent, AssignmentStatus, AuditEntry
from office.services import assignments as service
from tests.factories import AssignmentFactory, ContactFactory, OrgUnitFactory, UserFactory

pytestmark = pytest.mark.django_db
S = AssignmentStatus
Kind = AssignmentEvent.Kind


def _in(days: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=days)


def audit_of(instance: Any) -> list[AuditEntry]:
    return list(
        AuditEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(instance), object_id=str(instance.pk)
        ).order_by("at", "id")
    )


# --- Handing over ------------------------------------------------------------------------------


def test_hand_over_with_a_due_date(
    persona: Any, wok: Any, mailoutbox: list, django_capture_on_commit_callbacks: Any
) -> None:
    secretariat, liaison = persona("secretariat"), persona("unit_liaison")
    with django_capture_on_commit_callbacks(execute=True):
        assignment = service.hand_over(
            actor=secretariat,
            title="  Przygotować salę na sesję  ",
            unit=wok,
            due_date=_in(7),
            description="Sala nr 1, 40 miejsc.",
        )
    assignment.refresh_from_db()
    assert (assignment.title, assignment.status, assignment.created_by) == (
        "Przygotować salę na sesję",
        S.NEW,
        secretariat,
    )
    assert (assignment.deadline_rule, assignment.deadline_basis) == ("", "")
    created = assignment.events.get()
    assert (created.kind, created.actor, created.to_status) == (Kind.CREATED, secretariat, S.NEW)
    [entry] = audit_of(assignment)
    assert (entry.action, entry.actor) == (AuditEntry.Action.CREATE, secretariat)
    assert entry.changes["title"] == [None, "Przygotować salę na sesję"]
    assert entry.changes["due_date"] == [None, _in(7).isoformat()]
    # The unit's liaison and the unit's own mailbox are told, each once.
    recipients = sorted(address for message in mailoutbox for address in message.to)
    assert recipients == sorted([liaison.email, wok.email])
    message = next(m for m in mailoutbox if m.to == [liaison.email])
    assert "WOK" in message.subject and "Przygotować salę na sesję" in message.subject
    assert f"/assignments/{assignment.pk}/" in message.body
    assert message.alternatives and message.alternatives[0][1] == "text/html"


def test_nothing_is_sent_before_the_commit(persona: Any, wok: Any, mailoutbox: list) -> None:
    service.hand_over(actor=persona("secretariat"), title="Sprawa", unit=wok, due_date=_in(3))
    assert mailoutbox == []  # the test's transaction never commits


def test_hand_over_with_a_deadline_keeps_the_rule(persona: Any, wok: Any) -> None:
    deadline = compute_deadline(CoreRules.UDIP_ANSWER, dt.date(2026, 4, 17))
    assignment = service.hand_over(
        actor=persona("secretariat"), title="Wniosek o informację publiczną", unit=wok, deadline=deadline
    )
    assignment.refresh_from_db()
    assert assignment.due_date == dt.date(2026, 5, 4)
    assert assignment.deadline_rule == "udip_answer"
    assert assignment.deadline_basis == "Udostępnienie informacji publicznej (UDIP art. 13 ust. 1)"


def test_hand_over_linked_to_a_source_record(persona: Any, wok: Any) -> None:
    source = ContactFactory(name="Stowarzyszenie Przyjaciół Parku")
    assignment = service.hand_over(
        actor=persona("secretariat"),
        title="Opinia",
        unit=wok,
        due_date=_in(5),
        source=source,
        source_url=f"/contacts/{source.pk}/",
    )
    assignment.refresh_from_db()
    assert assignment.source == source
    assert assignment.source_label == "Stowarzyszenie Przyjaciół Parku"
    assert assignment.source_url == f"/contacts/{source.pk}/"


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"due_date": None}, "due_date"),
        ({"unit": "inactive"}, "unit"),
        ({"assignee": "other_unit"}, "assignee"),
    ],
)
def test_hand_over_refuses(persona: Any, wok: Any, kwargs: dict, field: str) -> None:
    arguments: dict[str, Any] = {"actor": persona("secretariat"), "title": "Sprawa", "unit": wok, "due_date": _in(3)}
    arguments.update(kwargs)
    if kwargs.get("unit") == "inactive":
        arguments["unit"] = OrgUnitFactory(is_active=False)
    if kwargs.get("assignee") == "other_unit":
        arguments["assignee"] = persona("outsider_liaison")
    with pytest.raises(ValidationError) as caught:
        service.hand_over(**arguments)
    assert field in caught.value.message_dict
    assert not Assignment.objects.exists()


# --- Changing the details ----------------------------------------------------------------------


def _update(assignment: Assignment, actor: Any, **changes: Any) -> Assignment:
    values = {
        "title": assignment.title,
        "description": assignment.description,
        "unit": assignment.unit,
        "assignee": assignment.assignee,
        "due_date": assignment.due_date,
        "reason": "",
    }
    values.update(changes)
    return service.update_details(actor=actor, assignment=assignment, **values)


def test_due_date_change_needs_a_reason(persona: Any, wok: Any) -> None:
    secretariat = persona("secretariat")
    assignment = AssignmentFactory(unit=wok, created_by=secretariat, due_date=_in(5))
    with pytest.raises(ValidationError) as caught:
        _update(assignment, secretariat, due_date=_in(10), reason="   ")
    assert "reason" in caught.value.message_dict
    assignment.refresh_from_db()
    assert assignment.due_date == _in(5)


def test_due_date_change_with_a_reason_is_in_the_history_and_the_trail(persona: Any, wok: Any) -> None:
    secretariat = persona("secretariat")
    deadline = compute_deadline(CoreRules.INTERNAL_DEFAULT, timezone.localdate())
    assignment = service.hand_over(actor=secretariat, title="Sprawa", unit=wok, deadline=deadline)
    new_due = deadline.due + dt.timedelta(days=7)
    _update(assignment, secretariat, due_date=new_due, reason="Wydział czeka na opinię prawną.")
    assignment.refresh_from_db()
    assert assignment.due_date == new_due
    # A date set by hand no longer comes from the rule.
    assert (assignment.deadline_rule, assignment.deadline_basis) == ("", "")
    event = assignment.events.get(kind=Kind.DUE_CHANGED)
    assert event.actor == secretariat
    assert f"{deadline.due:%d.%m.%Y} → {new_due:%d.%m.%Y}" in event.text
    assert "Wydział czeka na opinię prawną." in event.text
    update = audit_of(assignment)[-1]
    assert (update.action, update.actor, update.message) == (
        AuditEntry.Action.UPDATE,
        secretariat,
        "Wydział czeka na opinię prawną.",
    )
    assert update.changes["due_date"] == [deadline.due.isoformat(), new_due.isoformat()]


def test_a_change_of_title_only_keeps_the_rule(persona: Any, wok: Any) -> None:
    secretariat = persona("secretariat")
    deadline = compute_deadline(CoreRules.INTERNAL_DEFAULT, timezone.localdate())
    assignment = service.hand_over(actor=secretariat, title="Sprawa", unit=wok, deadline=deadline)
    _update(assignment, secretariat, title="Sprawa pilna")
    assignment.refresh_from_db()
    assert (assignment.title, assignment.deadline_rule) == ("Sprawa pilna", "internal_default")
    assert audit_of(assignment)[-1].changes == {"title": ["Sprawa", "Sprawa pilna"]}


def test_handing_to_another_unit_tells_the_new_unit(
    persona: Any, wok: Any, win: Any, mailoutbox: list, django_capture_on_commit_callbacks: Any
) -> None:
    secretariat, outsider = persona("secretariat"), persona("outsider_liaison")
    assignment = AssignmentFactory(unit=wok, created_by=secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        _update(assignment, secretariat, unit=win)
    assignment.refresh_from_db()
    assert assignment.unit == win
    assert assignment.events.get(kind=Kind.REASSIGNED).text == str(win)
    assert outsider.email in [address for message in mailoutbox for address in message.to]


def test_a_closed_assignment_cannot_be_changed(persona: Any, wok: Any) -> None:
    secretariat = persona("secretariat")
    assignment = AssignmentFactory(unit=wok, created_by=secretariat, status=S.CLOSED)
    with pytest.raises(ValidationError):
        _update(assignment, secretariat, title="Nowy tytuł")


# --- Answering, returning, notes ---------------------------------------------------------------


def test_answer_keeps_the_reply_and_tells_the_issuer(
    persona: Any, wok: Any, mailoutbox: list, django_capture_on_commit_callbacks: Any
) -> None:
    secretariat, liaison = persona("secretariat"), persona("unit_liaison")
    assignment = AssignmentFactory(unit=wok, created_by=secretariat, title="Opinia do projektu uchwały")
    with django_capture_on_commit_callbacks(execute=True):
        service.answer(actor=liaison, assignment=assignment, reply="  Opiniujemy pozytywnie.  ")
    assignment.refresh_from_db()
    assert (assignment.status, assignment.reply, assignment.answered_by) == (
        S.ANSWERED,
        "Opiniujemy pozytywnie.",
        liaison,
    )
    assert assignment.answered_at is not None
    kinds = list(assignment.events.values_list("kind", flat=True))
    assert kinds == [Kind.REPLY, Kind.STATUS]
    transition = audit_of(assignment)[-1]
    assert (transition.action, transition.actor) == (AuditEntry.Action.TRANSITION, liaison)
    assert transition.changes["status"] == [S.NEW, S.ANSWERED]
    assert transition.changes["reply"] == ["", "Opiniujemy pozytywnie."]
    [message] = mailoutbox
    assert message.to == [secretariat.email]
    assert "WOK" in message.subject and "Opinia do projektu uchwały" in message.subject


def test_an_empty_reply_is_refused(persona: Any, wok: Any) -> None:
    assignment = AssignmentFactory(unit=wok, created_by=persona("secretariat"))
    with pytest.raises(ValidationError) as caught:
        service.answer(actor=persona("unit_liaison"), assignment=assignment, reply=" \n ")
    assert "reply" in caught.value.message_dict


def test_return_needs_a_reason_and_tells_the_issuer(
    persona: Any, wok: Any, mailoutbox: list, django_capture_on_commit_callbacks: Any
) -> None:
    secretariat, liaison = persona("secretariat"), persona("unit_liaison")
    assignment = AssignmentFactory(unit=wok, created_by=secretariat)
    with pytest.raises(ValidationError):
        service.return_to_issuer(actor=liaison, assignment=assignment, reason="")
    with django_capture_on_commit_callbacks(execute=True):
        service.return_to_issuer(actor=liaison, assignment=assignment, reason="To sprawa Wydziału Inwestycji.")
    assignment.refresh_from_db()
    assert assignment.status == S.RETURNED
    assert assignment.events.get(kind=Kind.STATUS).text == "To sprawa Wydziału Inwestycji."
    assert [m.to for m in mailoutbox] == [[secretariat.email]]


def test_an_issuer_without_e_mail_gets_nothing(
    persona: Any, wok: Any, mailoutbox: list, django_capture_on_commit_callbacks: Any
) -> None:
    issuer = UserFactory(email="")
    assignment = AssignmentFactory(unit=wok, created_by=issuer)
    with django_capture_on_commit_callbacks(execute=True):
        service.answer(actor=persona("unit_liaison"), assignment=assignment, reply="Gotowe.")
    assert mailoutbox == []


def test_notes_from_both_sides(persona: Any, wok: Any) -> None:
    secretariat, liaison = persona("secretariat"), persona("unit_liaison")
    assignment = AssignmentFactory(unit=wok, created_by=secretariat)
    service.add_note(actor=liaison, assignment=assignment, text="Zbieramy oferty.")
    service.add_note(actor=secretariat, assignment=assignment, text="Proszę o pośpiech.")
    notes = assignment.events.filter(kind=Kind.COMMENT).order_by("id")
    assert [(n.actor, n.text) for n in notes] == [(liaison, "Zbieramy oferty."), (secretariat, "Proszę o pośpiech.")]
    with pytest.raises(ValidationError):
        service.add_note(actor=liaison, assignment=assignment, text="  ")


def test_the_history_of_a_whole_life(persona: Any, wok: Any) -> None:
    secretariat, liaison = persona("secretariat"), persona("unit_liaison")
    assignment = service.hand_over(actor=secretariat, title="Sprawa", unit=wok, due_date=_in(5))
    service.start_work(actor=liaison, assignment=assignment)
    service.answer(actor=liaison, assignment=assignment, reply="Pierwsza odpowiedź.")
    service.decide(actor=secretariat, assignment=assignment, target=S.IN_PROGRESS, text="Brakuje kosztorysu.")
    service.answer(actor=liaison, assignment=assignment, reply="Z kosztorysem.")
    service.decide(actor=secretariat, assignment=assignment, target=S.CLOSED)
    statuses = [(e.from_status, e.to_status) for e in assignment.events.filter(kind=Kind.STATUS).order_by("at", "id")]
    assert statuses == [
        (S.NEW, S.IN_PROGRESS),
        (S.IN_PROGRESS, S.ANSWERED),
        (S.ANSWERED, S.IN_PROGRESS),
        (S.IN_PROGRESS, S.ANSWERED),
        (S.ANSWERED, S.CLOSED),
    ]
    trail = audit_of(assignment)
    assert [entry.action for entry in trail] == ["create"] + ["transition"] * 5
    assert {entry.actor for entry in trail} == {secretariat, liaison}
    assignment.refresh_from_db()
    assert assignment.reply == "Z kosztorysem."


# --- Reminders ---------------------------------------------------------------------------------


def test_claim_reminder_once_a_day(wok: Any) -> None:
    assignment = AssignmentFactory(unit=wok)
    today = timezone.localdate()
    assert service.claim_reminder(assignment_id=assignment.pk, today=today)
    assert not service.claim_reminder(assignment_id=assignment.pk, today=today)
    assert service.claim_reminder(assignment_id=assignment.pk, today=today + dt.timedelta(days=1))
    assert assignment.events.filter(kind=Kind.REMINDER).count() == 2
