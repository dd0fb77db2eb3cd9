"""Assignment pages: allowed user (page and database), wrong role (403), outsider (404), wrong
method (405), forms with bad input (the page again with the message and what was typed)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from office.models import Assignment, AssignmentEvent, AssignmentStatus, DeadlineRule
from tests.factories import AssignmentFactory, UserFactory
from tests.utils import client_for, fetch, messages_of, page_text

pytestmark = pytest.mark.django_db
S = AssignmentStatus


def _in(days: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=days)


@pytest.fixture
def assignment(persona: Any, wok: Any) -> Assignment:
    return AssignmentFactory(unit=wok, created_by=persona("secretariat"), title="Remont sali sesyjnej", due_date=_in(5))


def url(name: str, assignment: Assignment | None = None) -> str:
    return reverse(f"office:{name}", args=[assignment.pk] if assignment else [])


# --- List, inbox, overdue board -----------------------------------------------------------------


def test_list_is_scoped_to_what_the_user_may_see(persona: Any, wok: Any, win: Any) -> None:
    secretariat = persona("secretariat")
    AssignmentFactory(unit=wok, created_by=secretariat, title="Sprawa WOK")
    AssignmentFactory(unit=win, created_by=secretariat, title="Sprawa WIN")
    for role, expected in [
        ("secretariat", {"Sprawa WOK", "Sprawa WIN"}),
        ("unit_liaison", {"Sprawa WOK"}),
        ("outsider_liaison", {"Sprawa WIN"}),
        ("press_officer", set()),
    ]:
        response = fetch(client_for(persona(role)), "get", url("assignment_list"))
        assert response.status_code == 200
        assert {a.title for a in response.context["page_obj"].object_list} == expected, role


def test_list_filters(persona: Any, wok: Any, win: Any) -> None:
    secretariat = persona("secretariat")
    AssignmentFactory(unit=wok, created_by=secretariat, title="Zaległa opinia", due_date=_in(-3))
    AssignmentFactory(unit=win, created_by=secretariat, title="Budowa ronda", status=S.ANSWERED)
    client = client_for(secretariat)

    def titles(**query: Any) -> set[str]:
        response = fetch(client, "get", url("assignment_list"), query)
        assert response.status_code == 200
        return {a.title for a in response.context["page_obj"].object_list}

    assert titles(q="ronda") == {"Budowa ronda"}
    assert titles(status="answered") == {"Budowa ronda"}
    assert titles(unit=wok.pk) == {"Zaległa opinia"}
    assert titles(overdue="on") == {"Zaległa opinia"}
    assert titles(ordering="-due_date") == {"Zaległa opinia", "Budowa ronda"}
    assert titles(status="no-such-status") == {"Zaległa opinia", "Budowa ronda"}  # invalid filter: no 500


def test_list_answers_htmx_with_the_table_only(persona: Any, assignment: Assignment) -> None:
    response = fetch(client_for(persona("secretariat")), "get", url("assignment_list"), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Remont sali sesyjnej" in html and "<html" not in html


def test_unit_inbox(persona: Any, wok: Any, win: Any) -> None:
    AssignmentFactory(unit=wok, title="Otwarta WOK")
    AssignmentFactory(unit=wok, title="Zamknięta WOK", status=S.CLOSED)
    AssignmentFactory(unit=win, title="Otwarta WIN")
    client = client_for(persona("unit_liaison"))
    response = fetch(client, "get", url("unit_inbox"))
    assert response.status_code == 200
    assert [a.title for a in response.context["page_obj"].object_list] == ["Otwarta WOK"]
    closed = fetch(client, "get", url("unit_inbox"), {"show": "closed"})
    assert [a.title for a in closed.context["page_obj"].object_list] == ["Zamknięta WOK"]
    assert fetch(client_for(persona("secretariat")), "get", url("unit_inbox")).status_code == 403
    assert fetch(client, "post", url("unit_inbox")).status_code == 405


def test_overdue_board(persona: Any, wok: Any, win: Any) -> None:
    AssignmentFactory(unit=wok, title="Po terminie 1", due_date=_in(-1))
    AssignmentFactory(unit=wok, title="Po terminie 2", due_date=_in(-10))
    AssignmentFactory(unit=win, title="Po terminie 3", due_date=_in(-2), status=S.IN_PROGRESS)
    AssignmentFactory(unit=win, title="Odpowiedziana", due_date=_in(-2), status=S.ANSWERED)
    AssignmentFactory(unit=win, title="W terminie", due_date=_in(2))
    response = fetch(client_for(persona("management")), "get", url("overdue_board"))
    assert response.status_code == 200
    assert [a.title for a in response.context["page_obj"].object_list] == [
        "Po terminie 2",
        "Po terminie 3",
        "Po terminie 1",
    ]
    assert [(u.symbol, u.overdue_count) for u in response.context["by_unit"]] == [("WOK", 2), ("WIN", 1)]
    assert fetch(client_for(persona("unit_liaison")), "get", url("overdue_board")).status_code == 403


# --- Handing over ------------------------------------------------------------------------------


def test_create_page(persona: Any, wok: Any) -> None:
    response = fetch(client_for(persona("secretariat")), "get", url("assignment_create"))
    assert response.status_code == 200
    assert wok.symbol in page_text(response)


def test_create_with_a_due_date(persona: Any, wok: Any, liaison: Any) -> None:
    secretariat = persona("secretariat")
    data = {
        "title": "Przygotować odpowiedź na interpelację",
        "description": "Radny pyta o drogi.",
        "unit": wok.pk,
        "assignee": liaison.pk,
        "due_date": _in(10).isoformat(),
    }
    response = fetch(client_for(secretariat), "post", url("assignment_create"), data)
    assignment = Assignment.objects.get()
    assert (response.status_code, response["Location"]) == (302, url("assignment_detail", assignment))
    assert (assignment.title, assignment.unit, assignment.assignee, assignment.due_date, assignment.created_by) == (
        "Przygotować odpowiedź na interpelację",
        wok,
        liaison,
        _in(10),
        secretariat,
    )
    assert assignment.events.get().kind == AssignmentEvent.Kind.CREATED
    assert messages_of(response)


def test_create_with_a_deadline_rule(persona: Any, wok: Any) -> None:
    rule = DeadlineRule.objects.get(code="interpellation_answer")
    data = {
        "title": "Interpelacja radnego",
        "unit": wok.pk,
        "deadline_rule": rule.pk,
        "deadline_start": "2026-04-17",
        "due_date": "",
    }
    response = fetch(client_for(persona("secretariat")), "post", url("assignment_create"), data)
    assert response.status_code == 302
    assignment = Assignment.objects.get()
    assert assignment.due_date == dt.date(2026, 5, 4)
    assert assignment.deadline_rule == "interpellation_answer"
    assert "u.s.g. art. 24 ust. 6" in assignment.deadline_basis


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"due_date": ""}, "due_date"),
        ({"due_date": "2020-01-01"}, "due_date"),
        ({"due_date": "31.02.2026"}, "due_date"),
        ({"title": ""}, "title"),
        ({"unit": "999999"}, "unit"),
        ({"assignee": "outsider"}, "assignee"),
        ({"deadline_rule": "999999"}, "deadline_rule"),
    ],
)
def test_create_with_bad_input_shows_the_form_again(persona: Any, wok: Any, change: dict, field: str) -> None:
    data = {
        "title": "Sprawa do przekazania",
        "description": "Opis wpisany przez sekretariat",
        "unit": wok.pk,
        "due_date": _in(5).isoformat(),
    }
    data.update(change)
    if data.get("assignee") == "outsider":
        data["assignee"] = persona("outsider_liaison").pk
    response = fetch(client_for(persona("secretariat")), "post", url("assignment_create"), data)
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors[field]
    text = page_text(response)
    assert form.errors[field][0] in text
    assert "Opis wpisany przez sekretariat" in text
    assert not Assignment.objects.exists()


def test_create_is_forbidden_to_those_who_cannot_hand_over(persona: Any, wok: Any) -> None:
    for role in ("unit_liaison", "auditor"):
        response = fetch(client_for(persona(role)), "post", url("assignment_create"), {"title": "x", "unit": wok.pk})
        assert response.status_code == 403
    assert fetch(client_for(persona("secretariat")), "put", url("assignment_create")).status_code == 405
    assert not Assignment.objects.exists()


# --- Detail ------------------------------------------------------------------------------------


def test_detail_shows_the_actions_each_side_may_take(persona: Any, assignment: Assignment) -> None:
    liaison_page = fetch(client_for(persona("unit_liaison")), "get", url("assignment_detail", assignment))
    assert liaison_page.status_code == 200
    may = liaison_page.context["may"]
    flags = {k: may[k] for k in ("start", "reply", "return", "decide")} | {"edit": liaison_page.context["can_edit"]}
    assert flags == {"start": True, "reply": True, "return": True, "decide": False, "edit": False}
    issuer_page = fetch(client_for(persona("secretariat")), "get", url("assignment_detail", assignment))
    may = issuer_page.context["may"]
    flags = {k: may[k] for k in ("start", "reply", "decide")} | {"edit": issuer_page.context["can_edit"]}
    assert flags == {"start": False, "reply": False, "decide": True, "edit": True}
    choices = [value for value, _label in issuer_page.context["decide_form"].fields["target"].choices]
    assert choices == [S.CLOSED]
    auditor_page = fetch(client_for(persona("auditor")), "get", url("assignment_detail", assignment))
    assert not auditor_page.context["can_answer"] and not auditor_page.context["can_manage"]
    assert "Remont sali sesyjnej" in page_text(auditor_page)


def test_detail_of_another_units_assignment_is_404(persona: Any, assignment: Assignment) -> None:
    assert (
        fetch(client_for(persona("outsider_liaison")), "get", url("assignment_detail", assignment)).status_code == 404
    )
    assert fetch(client_for(persona("secretariat")), "get", "/assignments/999999/").status_code == 404


# --- Actions -----------------------------------------------------------------------------------


def test_start_reply_decide(persona: Any, assignment: Assignment) -> None:
    liaison, secretariat = client_for(persona("unit_liaison")), client_for(persona("secretariat"))
    response = fetch(liaison, "post", url("assignment_start", assignment))
    assert (response.status_code, response["Location"]) == (302, url("assignment_detail", assignment))
    assignment.refresh_from_db()
    assert assignment.status == S.IN_PROGRESS
    fetch(liaison, "post", url("assignment_reply", assignment), {"reply-reply": "Sala wyremontowana."})
    assignment.refresh_from_db()
    assert (assignment.status, assignment.reply) == (S.ANSWERED, "Sala wyremontowana.")
    fetch(
        secretariat,
        "post",
        url("assignment_decide", assignment),
        {"decide-target": S.CLOSED, "decide-text": "Dziękuję."},
    )
    assignment.refresh_from_db()
    assert assignment.status == S.CLOSED


def test_a_forbidden_transition_is_a_message_not_an_error(persona: Any, assignment: Assignment) -> None:
    assignment.status = S.ANSWERED
    assignment.save()
    response = fetch(client_for(persona("unit_liaison")), "post", url("assignment_start", assignment))
    assert response.status_code == 302
    assert messages_of(response)
    assignment.refresh_from_db()
    assert assignment.status == S.ANSWERED


def test_an_empty_reply_shows_the_page_with_the_message(persona: Any, assignment: Assignment) -> None:
    response = fetch(
        client_for(persona("unit_liaison")), "post", url("assignment_reply", assignment), {"reply-reply": ""}
    )
    assert response.status_code == 200
    assert response.context["reply_form"].errors["reply"]
    assignment.refresh_from_db()
    assert assignment.status == S.NEW


def test_a_blank_reply_refused_by_the_service_keeps_the_text(persona: Any, assignment: Assignment) -> None:
    response = fetch(
        client_for(persona("unit_liaison")), "post", url("assignment_return", assignment), {"return-text": "   "}
    )
    assert response.status_code == 200
    assert response.context["return_form"].errors
    assignment.refresh_from_db()
    assert assignment.status == S.NEW


def test_sending_back_without_a_reason_keeps_the_page(persona: Any, assignment: Assignment) -> None:
    assignment.status = S.ANSWERED
    assignment.save()
    data = {"decide-target": S.IN_PROGRESS, "decide-text": ""}
    response = fetch(client_for(persona("secretariat")), "post", url("assignment_decide", assignment), data)
    assert response.status_code == 200
    assert response.context["decide_form"].errors["text"]
    assignment.refresh_from_db()
    assert assignment.status == S.ANSWERED


def test_an_unknown_decision_is_a_form_error(persona: Any, assignment: Assignment) -> None:
    data = {"decide-target": "exploded", "decide-text": "komentarz do decyzji"}
    response = fetch(client_for(persona("secretariat")), "post", url("assignment_decide", assignment), data)
    assert response.status_code == 200
    assert response.context["decide_form"].errors["target"]
    assert "komentarz do decyzji" in page_text(response)


def test_return_and_note(persona: Any, assignment: Assignment) -> None:
    liaison = client_for(persona("unit_liaison"))
    fetch(liaison, "post", url("assignment_note", assignment), {"note-text": "Czekamy na wykonawcę."})
    fetch(liaison, "post", url("assignment_return", assignment), {"return-text": "To sprawa WIN."})
    assignment.refresh_from_db()
    assert assignment.status == S.RETURNED
    assert list(assignment.events.filter(kind=AssignmentEvent.Kind.COMMENT).values_list("text", flat=True)) == [
        "Czekamy na wykonawcę."
    ]


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("assignment_start", {}),
        ("assignment_reply", {"reply-reply": "x"}),
        ("assignment_return", {"return-text": "x"}),
        ("assignment_note", {"note-text": "x"}),
        ("assignment_decide", {"decide-target": "closed"}),
    ],
)
def test_actions_wrong_role_outsider_wrong_method(persona: Any, assignment: Assignment, name: str, data: dict) -> None:
    wrong_role = "secretariat" if name in ("assignment_start", "assignment_reply", "assignment_return") else "auditor"
    assert fetch(client_for(persona(wrong_role)), "post", url(name, assignment), data).status_code == 403
    assert fetch(client_for(persona("outsider_liaison")), "post", url(name, assignment), data).status_code == 404
    assert fetch(client_for(persona("unit_liaison")), "get", url(name, assignment)).status_code == 405
    assignment.refresh_from_db()
    assert assignment.status == S.NEW
    assert not assignment.events.exists()


# --- Edit --------------------------------------------------------------------------------------


def test_edit_changes_the_due_date_with_a_reason(persona: Any, assignment: Assignment, win: Any) -> None:
    data = {
        "title": "Remont sali sesyjnej i holu",
        "description": "",
        "unit": win.pk,
        "assignee": "",
        "due_date": _in(20).isoformat(),
        "reason": "Czekamy na przetarg.",
    }
    response = fetch(client_for(persona("secretariat")), "post", url("assignment_edit", assignment), data)
    assert (response.status_code, response["Location"]) == (302, url("assignment_detail", assignment))
    assignment.refresh_from_db()
    assert (assignment.title, assignment.unit, assignment.due_date) == ("Remont sali sesyjnej i holu", win, _in(20))
    kinds = set(assignment.events.values_list("kind", flat=True))
    assert {AssignmentEvent.Kind.DUE_CHANGED, AssignmentEvent.Kind.REASSIGNED} <= kinds


def test_edit_without_a_reason_shows_the_form_again(persona: Any, assignment: Assignment, wok: Any) -> None:
    data = {
        "title": "Tytuł wpisany ręcznie",
        "description": "",
        "unit": wok.pk,
        "assignee": "",
        "due_date": _in(20).isoformat(),
        "reason": "",
    }
    response = fetch(client_for(persona("secretariat")), "post", url("assignment_edit", assignment), data)
    assert response.status_code == 200
    assert response.context["form"].errors["reason"]
    assert "Tytuł wpisany ręcznie" in page_text(response)
    assignment.refresh_from_db()
    assert (assignment.title, assignment.due_date) == ("Remont sali sesyjnej", _in(5))


def test_edit_without_a_date_change_needs_no_reason(persona: Any, assignment: Assignment, wok: Any) -> None:
    data = {
        "title": "Nowy tytuł",
        "description": "",
        "unit": wok.pk,
        "assignee": "",
        "due_date": assignment.due_date.isoformat(),
        "reason": "",
    }
    response = fetch(client_for(persona("secretariat")), "post", url("assignment_edit", assignment), data)
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.title == "Nowy tytuł"


def test_edit_of_a_closed_assignment_is_forbidden(persona: Any, assignment: Assignment) -> None:
    assignment.status = S.CLOSED
    assignment.save()
    assert fetch(client_for(persona("secretariat")), "get", url("assignment_edit", assignment)).status_code == 403


def test_edit_wrong_role_and_outsider(persona: Any, assignment: Assignment) -> None:
    assert fetch(client_for(persona("unit_liaison")), "get", url("assignment_edit", assignment)).status_code == 403
    assert fetch(client_for(persona("outsider_liaison")), "get", url("assignment_edit", assignment)).status_code == 404
    assert fetch(client_for(persona("press_officer")), "get", url("assignment_edit", assignment)).status_code == 404


def test_assignee_must_be_staff_of_a_unit(persona: Any, wok: Any) -> None:
    """The choice of the responsible person offers only people who belong to some unit."""
    without_unit = UserFactory()
    response = fetch(client_for(persona("secretariat")), "get", url("assignment_create"))
    assert without_unit not in response.context["form"].fields["assignee"].queryset
