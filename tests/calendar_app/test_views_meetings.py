"""A meeting's page for the secretariat (calendar_app/views/meetings.py): notes, decisions handed to
units, requests for briefing materials, the meeting file (a PDF job) and attachments — each action
for the allowed user, a reader without the right (403), staff outside (404), the wrong method (405)
and bad input — and the board of decisions with its DecisionFilter."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation

from calendar_app import access
from calendar_app.models import Decision, Entry, MeetingNotes
from calendar_app.reports import MEETING_FILE_PDF
from calendar_app.views.meetings import MEETING_ACTIONS
from office.models import Assignment, AssignmentStatus, Attachment, Job
from tests.calendar_app.factories import DecisionFactory, EntryFactory, MeetingNotesFactory
from tests.calendar_app.helpers import HX, field_value, text, trail
from tests.factories import AssignmentFactory, OrgUnitFactory
from tests.utils import client_for, login_url, messages_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def day():
    return timezone.localdate() + dt.timedelta(days=10)


@pytest.fixture
def meeting(mayor_calendar, day):
    return EntryFactory(
        calendar=mayor_calendar,
        title="Spotkanie z Radą Seniorów",
        place="Sala Obrad Rady Miejskiej",
        day=day,
        hour=10,
    )


def url(name: str, entry: Entry) -> str:
    return reverse(f"calendar_app:meeting_{name}" if name else "calendar_app:meeting", args=[entry.pk])


def in_days(days: int) -> str:
    return (timezone.localdate() + dt.timedelta(days=days)).isoformat()


def counts() -> tuple[int, ...]:
    return (
        MeetingNotes.objects.count(),
        Decision.objects.count(),
        Assignment.objects.count(),
        Job.objects.count(),
        Attachment.objects.count(),
    )


# --- The meeting page ------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["secretariat", "management", "administrator"])
def test_the_calendars_managers_open_the_meeting_page(persona, meeting, role):
    response = client_for(persona(role)).get(url("", meeting))
    assert response.status_code == 200
    assert response.context["may"] == {
        "notes": True,
        "decision": True,
        "briefing": True,
        "file": True,
        "attach": True,
    }
    body = text(response)
    assert "Spotkanie z Radą Seniorów" in body and "Sala Obrad Rady Miejskiej" in body
    for name in ("notes", "decision", "briefing", "file", "attach"):
        assert url(name, meeting) in body
    assert 'name="decision-text"' in body and 'name="briefing-what"' in body and 'name="notes-agenda"' in body


def test_meeting_page_lists_decisions_briefings_files_and_notes(secretariat, meeting, win, wok):
    DecisionFactory(entry=meeting, text="Przygotować harmonogram robót", assignment__unit=win)
    AssignmentFactory(
        unit=wok,
        title="Materiały na spotkanie: stan budżetu",
        source_type=ContentType.objects.get_for_model(Entry),
        source_id=meeting.pk,
    )
    Attachment.objects.create(
        content_type=ContentType.objects.get_for_model(Entry),
        object_id=meeting.pk,
        file=SimpleUploadedFile("program.txt", b"Program"),
        original_name="program-spotkania.txt",
        size=7,
    )
    MeetingNotesFactory(entry=meeting, agenda="1. Otwarcie\n2. Budżet senioralny")

    response = client_for(secretariat).get(url("", meeting))

    body = text(response)
    assert "Przygotować harmonogram robót" in body and ">WIN</a>" in body
    assert "WOK: Materiały na spotkanie: stan budżetu" in body
    assert "program-spotkania.txt" in body
    assert field_value(body, "notes-agenda") == "1. Otwarcie\n2. Budżet senioralny"
    assert field_value(body, "decision-due_date") == in_days(7)


def test_briefing_due_date_is_offered_before_a_meeting_that_is_soon(secretariat, mayor_calendar):
    soon = EntryFactory(calendar=mayor_calendar, day=timezone.localdate() + dt.timedelta(days=2))
    body = text(client_for(secretariat).get(url("", soon)))
    assert field_value(body, "briefing-due_date") == in_days(2)


@pytest.mark.parametrize(
    ("role", "status"),
    [("press_officer", 403), ("auditor", 403), ("office_staff", 403), ("unit_liaison", 404), ("outsider_liaison", 404)],
)
def test_meeting_page_is_for_the_calendars_managers(persona, meeting, role, status):
    assert client_for(persona(role)).get(url("", meeting)).status_code == status


def test_meeting_page_of_another_office_holder_or_of_a_hidden_entry(secretariat, mayor_calendar, deputy_calendar):
    client = client_for(secretariat)
    assert client.get(url("", EntryFactory(calendar=deputy_calendar))).status_code == 403
    assert client.get(url("", EntryFactory(calendar=mayor_calendar, private=True))).status_code == 404
    assert client.get(reverse("calendar_app:meeting", args=[987654])).status_code == 404


def test_meeting_page_answers_only_get_and_needs_login(secretariat, meeting):
    assert client_for(secretariat).put(url("", meeting)).status_code == 405
    assert client_for(None).get(url("", meeting))["Location"] == login_url(url("", meeting))


# --- notes ------------------------------------------------------------------------------------------------------


def test_notes_are_saved_and_changed_in_one_record(secretariat, meeting):
    client = client_for(secretariat)
    response = client.post(url("notes", meeting), {"notes-agenda": " 1. Budżet \n", "notes-notes": "Ustalono..."})
    assert response.status_code == 302 and response["Location"] == url("", meeting)
    assert messages_of(response) == ["Notatki zostały zapisane."]

    client.post(url("notes", meeting), {"notes-agenda": "1. Budżet\n2. Komunikacja", "notes-notes": ""})
    notes = MeetingNotes.objects.get(entry=meeting)
    assert (notes.agenda, notes.notes, notes.updated_by) == ("1. Budżet\n2. Komunikacja", "", secretariat)
    first, second = [e for e in trail(meeting) if e.action == "update"]
    assert first.text == "Zapisano notatki ze spotkania"
    assert second.changes == {"agenda": ["1. Budżet", "1. Budżet\n2. Komunikacja"], "notes": ["Ustalono...", ""]}


# --- decision --------------------------------------------------------------------------------------------------


def test_a_decision_is_handed_to_the_unit(secretariat, meeting, win, day):
    response = client_for(secretariat).post(
        url("decision", meeting),
        {
            "decision-text": "Przygotować harmonogram remontu ul. Ogrodowej",
            "decision-unit": win.pk,
            "decision-due_date": in_days(21),
        },
    )

    assert response.status_code == 302 and response["Location"] == url("", meeting)
    decision = Decision.objects.get(entry=meeting)
    assignment = decision.assignment
    assert (decision.text, decision.created_by) == ("Przygotować harmonogram remontu ul. Ogrodowej", secretariat)
    assert (assignment.unit, assignment.due_date.isoformat(), assignment.status) == (win, in_days(21), "new")
    assert assignment.title == assignment.description == decision.text
    assert (assignment.source_type.model, assignment.source_id) == ("decision", decision.pk)
    with translation.override("pl"):
        label = access.entry_label(meeting)
    assert label.startswith("Spotkanie z Radą Seniorów (") and label.endswith(" 10:00)")
    assert assignment.source_label == f"Ustalenie ze spotkania: {label}"
    assert assignment.source_url == reverse("calendar_app:entry_detail", args=[meeting.pk])
    assert trail(meeting)[-1].text == "Zapisano ustalenie: Przygotować harmonogram remontu ul. Ogrodowej"
    assert messages_of(response) == ["Ustalenie zostało zapisane i przekazane jednostce."]


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"decision-text": "Zrobić przegląd zieleni", "decision-due_date": in_days(7)}, "unit"),
        ({"decision-text": "Zrobić przegląd zieleni", "decision-unit": "WIN", "decision-due_date": in_days(7)}, "unit"),
        (
            {"decision-text": "Zrobić przegląd zieleni", "decision-unit": "{win}", "decision-due_date": "jutro"},
            "due_date",
        ),
        ({"decision-text": "   ", "decision-unit": "{win}", "decision-due_date": in_days(7)}, "text"),
    ],
)
def test_a_decision_with_bad_input_keeps_what_was_typed(secretariat, meeting, win, data, field):
    data = {key: value.replace("{win}", str(win.pk)) for key, value in data.items()}
    response = client_for(secretariat).post(url("decision", meeting), data)
    assert response.status_code == 200 and field in response.context["decision_form"].errors
    body = text(response)
    assert 'id="error-summary"' in body
    assert field_value(body, "decision-text") == data["decision-text"].strip()
    assert not Decision.objects.exists() and not Assignment.objects.exists()


def test_a_decision_for_an_inactive_unit_is_refused(secretariat, meeting):
    closed = OrgUnitFactory(symbol="WZL", is_active=False)
    response = client_for(secretariat).post(
        url("decision", meeting),
        {"decision-text": "Zamknąć sprawę", "decision-unit": closed.pk, "decision-due_date": in_days(7)},
    )
    assert response.status_code == 200 and "unit" in response.context["decision_form"].errors
    assert not Decision.objects.exists()


# --- briefing ---------------------------------------------------------------------------------------------------


def test_a_unit_is_asked_for_briefing_materials(secretariat, meeting, wok, day):
    response = client_for(secretariat).post(
        url("briefing", meeting),
        {"briefing-unit": wok.pk, "briefing-what": "Informacja o stanie inwestycji", "briefing-due_date": in_days(5)},
    )

    assert response.status_code == 302
    assignment = Assignment.objects.get()
    assert (assignment.unit, assignment.due_date.isoformat(), assignment.description) == (
        wok,
        in_days(5),
        "Informacja o stanie inwestycji",
    )
    assert assignment.title.startswith("Materiały na spotkanie: Spotkanie z Radą Seniorów (")
    assert (assignment.source_type.model, assignment.source_id) == ("entry", meeting.pk)
    page = text(client_for(secretariat).get(url("", meeting)))
    assert f"WOK: {assignment.title}" in page


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"briefing-what": "Stan inwestycji", "briefing-due_date": "{after}"}, "due_date", "przed spotkaniem"),
        ({"briefing-what": "", "briefing-due_date": "{before}"}, "what", ""),
        ({"briefing-what": "Stan inwestycji", "briefing-due_date": ""}, "due_date", ""),
    ],
)
def test_briefing_with_bad_input_keeps_what_was_typed(secretariat, meeting, wok, day, data, field, message):
    dates = {"{after}": (day + dt.timedelta(days=1)).isoformat(), "{before}": day.isoformat()}
    data = {key: dates.get(value, value) for key, value in data.items()}
    response = client_for(secretariat).post(url("briefing", meeting), {**data, "briefing-unit": wok.pk})
    assert response.status_code == 200
    errors = response.context["briefing_form"].errors
    assert field in errors and message in " ".join(errors[field])
    assert field_value(text(response), "briefing-what") == data["briefing-what"]
    assert not Assignment.objects.exists()


# --- file (a PDF job) ------------------------------------------------------------------------------------------


def test_the_meeting_file_is_started_as_a_job(secretariat, meeting):
    response = client_for(secretariat).post(url("file", meeting))
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("office:job_detail", args=[job.pk])
    assert (job.kind, job.owner, job.params) == (
        MEETING_FILE_PDF,
        secretariat,
        {"entry_id": meeting.pk, "language": "pl"},
    )
    assert job.title == "Teczka spotkania: Spotkanie z Radą Seniorów"


# --- attach --------------------------------------------------------------------------------------------------


def test_a_file_is_attached_to_the_meeting(secretariat, meeting):
    upload = SimpleUploadedFile("Program wizyty.txt", "Program wizyty seniorów w ratuszu.".encode(), "text/plain")
    response = client_for(secretariat).post(
        url("attach", meeting), {"attach-file": upload, "attach-description": "Program od Rady Seniorów"}
    )

    assert response.status_code == 302 and response["Location"] == url("", meeting)
    attachment = Attachment.objects.get()
    assert (attachment.content_type.model, attachment.object_id) == ("entry", meeting.pk)
    assert (attachment.original_name, attachment.description, attachment.uploaded_by) == (
        "Program wizyty.txt",
        "Program od Rady Seniorów",
        secretariat,
    )
    assert attachment.mime_type == "text/plain"
    assert messages_of(response) == ["Plik został dołączony."]


@pytest.mark.parametrize(
    ("name", "content"),
    [("instalator.exe", b"MZ\x90\x00binary"), ("pusty.txt", b""), ("udaje.pdf", b"to nie jest PDF")],
)
def test_a_refused_file_is_shown_on_the_form(secretariat, meeting, name, content):
    response = client_for(secretariat).post(
        url("attach", meeting), {"attach-file": SimpleUploadedFile(name, content), "attach-description": "Prezentacja"}
    )
    assert response.status_code == 200 and "file" in response.context["attachment_form"].errors
    assert field_value(text(response), "attach-description") == "Prezentacja"
    assert not Attachment.objects.exists()


# --- Every action: who may not, the wrong method, anonymous ----------------------------------------------------


def test_every_action_is_covered_here():
    assert [action.name for action in MEETING_ACTIONS.actions] == ["notes", "decision", "briefing", "file", "attach"]


def action_post(name: str, unit) -> dict:
    return {
        "notes": {"notes-agenda": "1. Budżet", "notes-notes": ""},
        "decision": {"decision-text": "Harmonogram", "decision-unit": unit.pk, "decision-due_date": in_days(7)},
        "briefing": {"briefing-what": "Informacja", "briefing-unit": unit.pk, "briefing-due_date": in_days(1)},
        "file": {},
        "attach": {"attach-file": SimpleUploadedFile("notatka.txt", b"Notatka ze spotkania.", "text/plain")},
    }[name]


ACTIONS = ["notes", "decision", "briefing", "file", "attach"]


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize(
    ("role", "status"),
    [("press_officer", 403), ("auditor", 403), ("office_staff", 403), ("unit_liaison", 404), ("outsider_liaison", 404)],
)
def test_meeting_actions_refused_to_others(persona, meeting, win, action, role, status):
    before = counts()
    assert client_for(persona(role)).post(url(action, meeting), action_post(action, win)).status_code == status
    assert counts() == before


@pytest.mark.parametrize("action", ACTIONS)
def test_meeting_actions_of_another_office_holder_are_403(secretariat, deputy_calendar, win, action):
    other = EntryFactory(calendar=deputy_calendar)
    assert client_for(secretariat).post(url(action, other), action_post(action, win)).status_code == 403
    assert counts() == (0, 0, 0, 0, 0)


@pytest.mark.parametrize("action", ACTIONS)
def test_meeting_actions_answer_only_post_and_need_login(secretariat, meeting, win, action):
    assert client_for(secretariat).get(url(action, meeting)).status_code == 405
    response = client_for(None).post(url(action, meeting), action_post(action, win))
    assert response["Location"] == login_url(url(action, meeting))
    assert counts() == (0, 0, 0, 0, 0)


@pytest.mark.parametrize(
    ("action", "made"),
    [
        ("notes", (1, 0, 0, 0, 0)),
        ("decision", (0, 1, 1, 0, 0)),
        ("briefing", (0, 0, 1, 0, 0)),
        ("file", (0, 0, 0, 1, 0)),
        ("attach", (0, 0, 0, 0, 1)),
    ],
)
def test_the_mayor_acts_on_his_own_meeting(mayor_user, meeting, win, action, made):
    response = client_for(mayor_user).post(url(action, meeting), action_post(action, win))
    assert response.status_code == 302
    assert counts() == made


# --- The decision board -----------------------------------------------------------------------------------------


@pytest.fixture
def board(mayor_calendar, deputy_calendar, win, wok):
    today = timezone.localdate()
    meeting = EntryFactory(calendar=mayor_calendar, title="Narada w sprawie budżetu", day=today - dt.timedelta(days=9))
    other = EntryFactory(
        calendar=deputy_calendar, title="Spotkanie z dyrektorami szkół", day=today - dt.timedelta(days=4)
    )
    return {
        "late": DecisionFactory(
            entry=meeting,
            text="Przygotować harmonogram robót",
            assignment__unit=win,
            assignment__due_date=today - dt.timedelta(days=2),
        ),
        "open": DecisionFactory(
            entry=meeting,
            text="Zweryfikować koszty oświetlenia",
            assignment__unit=wok,
            assignment__due_date=today + dt.timedelta(days=5),
        ),
        "closed_late": DecisionFactory(
            entry=other,
            text="Zorganizować dyżur w szkołach",
            assignment__unit=win,
            assignment__due_date=today - dt.timedelta(days=1),
            assignment__status=AssignmentStatus.CLOSED,
        ),
        "without_follow_up": DecisionFactory(entry=other, text="Przyjąć informację do wiadomości", assignment=None),
    }


def shown(response) -> list[str]:
    return [d.text for d in response.context["page_obj"].object_list]


@pytest.mark.parametrize("role", ["secretariat", "management", "auditor"])
def test_the_board_lists_decisions_with_follow_up_by_due_date(persona, board, role):
    response = client_for(persona(role)).get(reverse("calendar_app:decision_board"))
    assert response.status_code == 200
    assert shown(response) == [
        "Przygotować harmonogram robót",
        "Zorganizować dyżur w szkołach",
        "Zweryfikować koszty oświetlenia",
    ]
    body = text(response)
    assert "Przyjąć informację do wiadomości" not in body
    assert reverse("office:assignment_detail", args=[board["late"].assignment_id]) in body
    assert "Zielińska" in body and "is-overdue" in body


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("late=on", ["Przygotować harmonogram robót"]),  # an open assignment past its due date
        ("status=closed", ["Zorganizować dyżur w szkołach"]),
        ("unit={wok}", ["Zweryfikować koszty oświetlenia"]),
        ("unit={win}&status=new", ["Przygotować harmonogram robót"]),
        ("unit={win}&late=on", ["Przygotować harmonogram robót"]),
    ],
)
def test_board_filters(persona, board, win, wok, query, expected):
    query = query.format(win=win.pk, wok=wok.pk)
    response = client_for(persona("management")).get(reverse("calendar_app:decision_board") + "?" + query)
    assert shown(response) == expected


@pytest.mark.parametrize("query", ["unit=999999", "status=zrobione", "unit=abc"])
def test_board_with_an_invalid_filter_shows_the_error_and_everything(persona, board, query):
    response = client_for(persona("auditor")).get(reverse("calendar_app:decision_board") + "?" + query)
    assert response.status_code == 200 and response.context["filter"].errors
    assert len(shown(response)) == 3


def test_board_inactive_units_are_not_offered(persona, board):
    OrgUnitFactory(symbol="WZL", name="Wydział Zlikwidowany", is_active=False)
    response = client_for(persona("auditor")).get(reverse("calendar_app:decision_board"))
    units = [str(label) for _value, label in response.context["filter"].form.fields["unit"].choices]
    assert not any("WZL" in label for label in units) and any("WIN" in label for label in units)


def test_board_filtered_by_htmx_gets_only_the_results(persona, board):
    response = client_for(persona("management")).get(reverse("calendar_app:decision_board") + "?late=on", **HX)
    body = text(response)
    assert body.lstrip().startswith('<div id="results"') and "<html" not in body
    assert "Przygotować harmonogram robót" in body and "Zweryfikować koszty oświetlenia" not in body


@pytest.mark.parametrize("role", ["press_officer", "office_staff", "unit_liaison"])
def test_board_is_403_for_other_staff(persona, board, role):
    assert client_for(persona(role)).get(reverse("calendar_app:decision_board")).status_code == 403


def test_board_answers_only_get_and_needs_login(persona):
    board_url = reverse("calendar_app:decision_board")
    assert client_for(persona("auditor")).post(board_url).status_code == 405
    assert client_for(None).get(board_url)["Location"] == login_url(board_url)
