"""The assignment workflows: every allowed and every forbidden transition through the services, and
the wrong actors refused by the views."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from office.models import AssignmentEvent, AssignmentStatus
from office.models.assignments import ISSUER_WORKFLOW, OPEN_STATUSES, UNIT_WORKFLOW
from office.services import assignments as service
from office.workflow import Workflow
from tests.factories import AssignmentFactory
from tests.utils import client_for, fetch

S = AssignmentStatus
STATUSES = list(S)

#: What the unit does to reach a status, through the service.
UNIT_ACTIONS = {
    S.IN_PROGRESS: lambda actor, a: service.start_work(actor=actor, assignment=a),
    S.ANSWERED: lambda actor, a: service.answer(actor=actor, assignment=a, reply="Odpowiedź wydziału."),
    S.RETURNED: lambda actor, a: service.return_to_issuer(actor=actor, assignment=a, reason="Nie nasza sprawa."),
}

UNIT_CASES = [(current, target) for current in STATUSES for target in UNIT_ACTIONS]
ISSUER_CASES = [(current, target) for current in STATUSES for target in STATUSES if current != target]


# --- The Workflow class ------------------------------------------------------------------------


def test_workflow_allowed_can_check() -> None:
    flow = Workflow("test", {"a": {"b"}, "b": ("c",)})
    assert flow.allowed("a") == frozenset({"b"})
    assert flow.allowed("z") == frozenset()
    assert flow.can("b", "c")
    assert not flow.can("a", "c")
    flow.check("a", "b")
    with pytest.raises(ValidationError) as caught:
        flow.check("a", "c")
    assert caught.value.code == "forbidden_transition"
    assert "test" in caught.value.messages[0]


def test_the_workflow_tables() -> None:
    """The tables themselves, so that a change to them is a visible change to this test."""
    assert {k: set(v) for k, v in UNIT_WORKFLOW.transitions.items()} == {
        S.NEW: {S.IN_PROGRESS, S.ANSWERED, S.RETURNED},
        S.IN_PROGRESS: {S.ANSWERED, S.RETURNED},
    }
    assert {k: set(v) for k, v in ISSUER_WORKFLOW.transitions.items()} == {
        S.NEW: {S.CLOSED},
        S.IN_PROGRESS: {S.CLOSED},
        S.ANSWERED: {S.CLOSED, S.IN_PROGRESS},
        S.RETURNED: {S.NEW, S.CLOSED},
        S.CLOSED: {S.IN_PROGRESS},
    }
    assert set(OPEN_STATUSES) == {S.NEW, S.IN_PROGRESS}


def test_every_status_can_be_left() -> None:
    """No dead end: from every status someone (unit or issuer) can move the matter on."""
    for status in STATUSES:
        assert UNIT_WORKFLOW.allowed(status) | ISSUER_WORKFLOW.allowed(status), status


# --- The unit's side ---------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(("current", "target"), UNIT_CASES, ids=[f"{c}->{t}" for c, t in UNIT_CASES])
def test_unit_transitions(persona: Any, wok: Any, current: str, target: str) -> None:
    liaison = persona("unit_liaison")
    assignment = AssignmentFactory(unit=wok, created_by=persona("secretariat"), status=current)
    events_before = assignment.events.count()
    if UNIT_WORKFLOW.can(current, target):
        result = UNIT_ACTIONS[target](liaison, assignment)
        assignment.refresh_from_db()
        assert result.status == assignment.status == target
        status_event = assignment.events.filter(kind=AssignmentEvent.Kind.STATUS).get()
        assert (status_event.from_status, status_event.to_status, status_event.actor) == (current, target, liaison)
    else:
        with pytest.raises(ValidationError) as caught:
            UNIT_ACTIONS[target](liaison, assignment)
        assert caught.value.code == "forbidden_transition"
        assignment.refresh_from_db()
        assert assignment.status == current
        assert assignment.events.count() == events_before


# --- The issuer's side -------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(("current", "target"), ISSUER_CASES, ids=[f"{c}->{t}" for c, t in ISSUER_CASES])
def test_issuer_transitions(persona: Any, wok: Any, current: str, target: str) -> None:
    secretariat = persona("secretariat")
    assignment = AssignmentFactory(unit=wok, created_by=secretariat, status=current)
    if ISSUER_WORKFLOW.can(current, target):
        result = service.decide(actor=secretariat, assignment=assignment, target=target, text="Uwagi do odpowiedzi.")
        assignment.refresh_from_db()
        assert result.status == assignment.status == target
        assert (assignment.closed_at is not None) == (target == S.CLOSED)
    else:
        with pytest.raises(ValidationError) as caught:
            service.decide(actor=secretariat, assignment=assignment, target=target, text="x")
        assert caught.value.code == "forbidden_transition"
        assignment.refresh_from_db()
        assert assignment.status == current


@pytest.mark.django_db
def test_sending_an_answer_back_needs_a_reason(persona: Any, wok: Any) -> None:
    secretariat = persona("secretariat")
    assignment = AssignmentFactory(unit=wok, created_by=secretariat, status=S.ANSWERED)
    with pytest.raises(ValidationError) as caught:
        service.decide(actor=secretariat, assignment=assignment, target=S.IN_PROGRESS, text="  ")
    assert "text" in caught.value.message_dict
    assignment.refresh_from_db()
    assert assignment.status == S.ANSWERED


@pytest.mark.django_db
def test_reopening_a_closed_assignment_clears_closed_at(persona: Any, wok: Any) -> None:
    secretariat = persona("secretariat")
    assignment = AssignmentFactory(unit=wok, created_by=secretariat)
    service.decide(actor=secretariat, assignment=assignment, target=S.CLOSED)
    assignment.refresh_from_db()
    assert assignment.closed_at is not None
    service.decide(actor=secretariat, assignment=assignment, target=S.IN_PROGRESS, text="Wracamy do sprawy.")
    assignment.refresh_from_db()
    assert (assignment.status, assignment.closed_at) == (S.IN_PROGRESS, None)


# --- Wrong actors ------------------------------------------------------------------------------

UNIT_WRONG_ACTORS = ["secretariat", "management", "auditor", "press_officer", "outsider_liaison", "administrator"]
ISSUER_WRONG_ACTORS = ["unit_liaison", "auditor", "outsider_liaison", "press_officer", "office_staff"]


#: The action URL that moves an assignment to a status on the unit's side, and its form data.
UNIT_ACTION_URLS = {
    S.IN_PROGRESS: ("office:assignment_start", {}),
    S.ANSWERED: ("office:assignment_reply", {"reply-reply": "Odpowiedź wydziału."}),
    S.RETURNED: ("office:assignment_return", {"return-text": "Nie nasza sprawa."}),
}


@pytest.mark.django_db
@pytest.mark.parametrize("target", list(UNIT_ACTION_URLS))
@pytest.mark.parametrize("actor", UNIT_WRONG_ACTORS)
def test_unit_actions_by_the_wrong_actor(persona: Any, wok: Any, actor: str, target: str) -> None:
    """The view refuses (403 when the user may read it, 404 otherwise); nothing changes."""
    assignment = AssignmentFactory(unit=wok, created_by=persona("secretariat"))
    name, data = UNIT_ACTION_URLS[target]
    response = fetch(client_for(persona(actor)), "post", reverse(name, args=[assignment.pk]), data)
    assert response.status_code in (403, 404)
    assignment.refresh_from_db()
    assert assignment.status == S.NEW


@pytest.mark.django_db
@pytest.mark.parametrize("actor", ISSUER_WRONG_ACTORS)
def test_decide_by_the_wrong_actor(persona: Any, wok: Any, actor: str) -> None:
    assignment = AssignmentFactory(unit=wok, created_by=persona("secretariat"), status=S.ANSWERED)
    url = reverse("office:assignment_decide", args=[assignment.pk])
    response = fetch(client_for(persona(actor)), "post", url, {"decide-target": S.CLOSED})
    assert response.status_code in (403, 404)
    assignment.refresh_from_db()
    assert assignment.status == S.ANSWERED


@pytest.mark.django_db
def test_the_issuer_without_view_all_decides_on_own_assignments_only(persona: Any, wok: Any) -> None:
    press = persona("press_officer")
    client = client_for(press)
    own = AssignmentFactory(unit=wok, created_by=press, status=S.ANSWERED)
    response = fetch(client, "post", reverse("office:assignment_decide", args=[own.pk]), {"decide-target": S.CLOSED})
    own.refresh_from_db()
    assert (response.status_code, own.status) == (302, S.CLOSED)
    other = AssignmentFactory(unit=wok, created_by=persona("secretariat"), status=S.ANSWERED)
    response = fetch(client, "post", reverse("office:assignment_decide", args=[other.pk]), {"decide-target": S.CLOSED})
    other.refresh_from_db()
    assert (response.status_code, other.status) == (404, S.ANSWERED)


@pytest.mark.django_db
def test_the_responsible_person_answers_without_the_liaison_role(persona: Any, wok: Any) -> None:
    """The assignee works on the matter even without answer_assignment (e.g. a press officer)."""
    press = persona("press_officer")
    press.unit = wok
    press.save()
    assignment = AssignmentFactory(unit=wok, created_by=persona("secretariat"), assignee=press)
    result = service.answer(actor=press, assignment=assignment, reply="Przygotowałem odpowiedź.")
    assert result.status == S.ANSWERED
