"""Meeting requests, decisions followed up, briefings, the evening agenda e-mail, PDFs, anonymisation."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from calendar_app import notifications
from calendar_app.models import Entry, MeetingRequest
from calendar_app.reports import DAILY_AGENDA_PDF, MEETING_FILE_PDF
from calendar_app.services import entries as entry_services
from calendar_app.services import meetings as meeting_services
from calendar_app.services import requests as request_services
from calendar_app.workflows import REQUEST_WORKFLOW
from office.models import Assignment, DigestDelivery, Job
from office.services.jobs import start_job
from tests.calendar_app.conftest import at

R = MeetingRequest.Status


@pytest.fixture
def meeting_request(secretariat, mayor_calendar):
    return request_services.register_request(
        actor=secretariat,
        request=MeetingRequest(
            requester_kind="resident",
            requester_name="Halina Adamczyk",
            email="h.adamczyk@example.com",
            topic="Hałas z placu budowy",
            office_holder=mayor_calendar.office_holder,
            received_on=timezone.localdate() - dt.timedelta(days=3),
            rodo_acknowledged=True,
        ),
    )


def test_registration_needs_the_information_clause(secretariat, mayor_calendar):
    with pytest.raises(ValidationError):
        request_services.register_request(
            actor=secretariat,
            request=MeetingRequest(
                requester_kind="resident",
                requester_name="Jan",
                email="jan@example.com",
                topic="Sprawa",
                office_holder=mayor_calendar.office_holder,
                received_on=timezone.localdate(),
                rodo_acknowledged=False,
            ),
        )


def test_schedule_into_a_free_slot_creates_the_entry_and_drafts_the_invitation(
    secretariat, meeting_request, mayor_calendar
):
    slots = entry_services.free_slots(calendar=mayor_calendar, first_day=timezone.localdate() + dt.timedelta(days=1))
    assert slots
    request_services.start_assessment(actor=secretariat, request=meeting_request)
    request = request_services.schedule_request(
        actor=secretariat,
        request=meeting_request,
        start=slots[0],
        end=slots[0] + dt.timedelta(hours=1),
        place="Gabinet Prezydenta",
    )
    assert request.status == R.SCHEDULED and request.decided_on == timezone.localdate()
    assert request.entry.calendar == mayor_calendar and request.entry.source_id == request.pk
    assert "Gabinet Prezydenta" in request.reply_text
    assert request.retain_until == request.decided_on + dt.timedelta(days=request_services.RETENTION_DAYS)
    # the slot is taken now
    assert slots[0] not in entry_services.free_slots(
        calendar=mayor_calendar, first_day=timezone.localdate() + dt.timedelta(days=1)
    )


def test_hand_over_creates_an_assignment(secretariat, meeting_request, win):
    request = request_services.hand_over_request(
        actor=secretariat, request=meeting_request, unit=win, due_date=timezone.localdate() + dt.timedelta(days=10)
    )
    assert request.status == R.HANDED_OVER
    assert request.assignment.unit == win and request.assignment.source_id == request.pk
    assert win.name in request.reply_text


def test_decline_needs_a_reason_and_forbidden_transitions_are_refused(secretariat, meeting_request, win):
    with pytest.raises(ValidationError):
        request_services.decline_request(actor=secretariat, request=meeting_request, reason=" ")
    request_services.decline_request(
        actor=secretariat, request=meeting_request, reason="Sprawa w toku postępowania sądowego"
    )
    meeting_request.refresh_from_db()
    for move in (
        lambda: request_services.start_assessment(actor=secretariat, request=meeting_request),
        lambda: request_services.hand_over_request(
            actor=secretariat, request=meeting_request, unit=win, due_date=timezone.localdate()
        ),
        lambda: request_services.decline_request(actor=secretariat, request=meeting_request, reason="jeszcze raz"),
    ):
        with pytest.raises(ValidationError):
            move()
    assert REQUEST_WORKFLOW.allowed(R.DECLINED) == frozenset()
    assert REQUEST_WORKFLOW.allowed(R.SCHEDULED) == frozenset()
    assert REQUEST_WORKFLOW.allowed(R.NEW) == {R.ASSESSING, R.SCHEDULED, R.HANDED_OVER, R.DECLINED}


def test_press_officer_cannot_decide_requests(client_for, persona, meeting_request):
    url = reverse("calendar_app:request_assess", args=[meeting_request.pk])
    assert client_for(persona("press_officer")).post(url).status_code == 404  # cannot even see requests
    assert client_for(persona("management")).post(url).status_code == 302  # the mayor may decide
    meeting_request.refresh_from_db()
    assert meeting_request.status == R.ASSESSING


def test_request_views(
    client_for, secretariat, persona, meeting_request, mailoutbox, django_capture_on_commit_callbacks
):
    client = client_for(secretariat)
    assert client.get(reverse("calendar_app:request_list") + "?status=new").status_code == 200
    assert client.get(reverse("calendar_app:request_detail", args=[meeting_request.pk])).status_code == 200
    decline = reverse("calendar_app:request_decline", args=[meeting_request.pk])
    response = client.post(decline, {"decline-reason": ""})
    assert response.status_code == 200 and 'id="error-summary"' in response.content.decode()
    client.post(decline, {"decline-reason": "Brak możliwości w tym miesiącu"})
    meeting_request.refresh_from_db()
    assert meeting_request.status == R.DECLINED
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("calendar_app:request_send_reply", args=[meeting_request.pk]),
            {"reply-reply_text": "Szanowna Pani, niestety..."},
        )
    assert response.status_code == 302
    assert [m.to for m in mailoutbox] == [["h.adamczyk@example.com"]]
    assert client.get(reverse("calendar_app:request_statistics")).status_code == 200
    press = client_for(persona("press_officer"))
    assert press.get(reverse("calendar_app:request_list")).status_code == 403
    assert press.post(reverse("calendar_app:request_assess", args=[meeting_request.pk])).status_code == 404
    assert client.get(reverse("calendar_app:request_assess", args=[meeting_request.pk])).status_code == 405


def test_monthly_statistics(secretariat, meeting_request, win):
    request_services.hand_over_request(
        actor=secretariat, request=meeting_request, unit=win, due_date=timezone.localdate()
    )
    rows = request_services.monthly_statistics(year=meeting_request.received_on.year)
    row = next(r for r in rows if r["month"] == meeting_request.received_on.month)
    assert row["received"] == 1 and row["handed_over"] == 1 and row["avg_days"] == 3.0


def test_anonymisation_after_retention(secretariat, meeting_request):
    request_services.decline_request(actor=secretariat, request=meeting_request, reason="Nie")
    assert request_services.anonymise_expired(today=timezone.localdate()) == 0
    later = timezone.localdate() + dt.timedelta(days=request_services.RETENTION_DAYS + 1)
    assert request_services.anonymise_expired(today=later) == 1
    meeting_request.refresh_from_db()
    assert meeting_request.requester_name == request_services.ANONYMISED and meeting_request.email == ""
    assert meeting_request.topic  # the matter itself stays for statistics
    assert request_services.anonymise_expired(today=later) == 0


def test_decisions_become_assignments_on_the_follow_up_board(
    client_for, secretariat, mayor_calendar, monday, win, persona
):
    entry = entry_services.schedule_entry(
        actor=secretariat, calendar=mayor_calendar, title="Narada", start=at(monday, 9), end=at(monday, 10)
    )
    decision = meeting_services.record_decision(
        actor=secretariat,
        entry=entry,
        text="Przygotować harmonogram robót",
        unit=win,
        due_date=timezone.localdate() - dt.timedelta(days=1),
    )
    assert decision.assignment.unit == win and decision.assignment.source_id == decision.pk
    response = client_for(persona("management")).get(reverse("calendar_app:decision_board") + "?late=on")
    assert "Przygotować harmonogram robót" in response.content.decode()
    liaison_inbox = Assignment.objects.filter(unit=win)
    assert liaison_inbox.filter(pk=decision.assignment_id).exists()
    url = reverse("calendar_app:meeting_decision", args=[entry.pk])
    data = {"decision-text": "x", "decision-unit": win.pk, "decision-due_date": timezone.localdate().isoformat()}
    assert client_for(persona("press_officer")).post(url, data).status_code == 403  # reads, does not manage
    assert entry.decisions.count() == 1


def test_briefing_request_must_be_due_before_the_meeting(secretariat, mayor_calendar, win):
    day = timezone.localdate() + dt.timedelta(days=5)
    entry = entry_services.schedule_entry(
        actor=secretariat, calendar=mayor_calendar, title="Wizyta Wojewody", start=at(day, 9), end=at(day, 10)
    )
    with pytest.raises(ValidationError):
        meeting_services.request_briefing(
            actor=secretariat, entry=entry, unit=win, due_date=day + dt.timedelta(days=1), what="Stan inwestycji"
        )
    assignment = meeting_services.request_briefing(
        actor=secretariat, entry=entry, unit=win, due_date=day, what="Stan inwestycji"
    )
    assert assignment.source_id == entry.pk


def test_meeting_page_saves_notes_and_keeps_typed_text_on_error(client_for, secretariat, mayor_calendar, monday):
    entry = entry_services.schedule_entry(
        actor=secretariat, calendar=mayor_calendar, title="Narada", start=at(monday, 9), end=at(monday, 10)
    )
    client = client_for(secretariat)
    notes = reverse("calendar_app:meeting_notes", args=[entry.pk])
    assert client.post(notes, {"notes-agenda": "1. Budżet", "notes-notes": "Ustalono..."}).status_code == 302
    assert Entry.objects.get(pk=entry.pk).meeting_notes.agenda == "1. Budżet"
    decision = reverse("calendar_app:meeting_decision", args=[entry.pk])
    response = client.post(decision, {"decision-text": "Zrobić przegląd", "decision-unit": "", "decision-due_date": ""})
    assert response.status_code == 200 and "Zrobić przegląd" in response.content.decode()


def test_evening_agenda_is_sent_once_a_day(secretariat, mayor_user, mayor_calendar, mailoutbox):
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    entry_services.schedule_entry(
        actor=secretariat,
        calendar=mayor_calendar,
        title="Otwarcie żłobka",
        start=at(tomorrow, 10),
        end=at(tomorrow, 11),
    )
    assert notifications.send_tomorrows_agendas() == 2  # the mayor and the secretary
    assert notifications.send_tomorrows_agendas() == 0
    assert sorted(m.to[0] for m in mailoutbox) == sorted([mayor_user.email, secretariat.email])
    assert all("Otwarcie żłobka" in m.body for m in mailoutbox)
    assert DigestDelivery.objects.filter(kind=f"agenda-{mayor_calendar.pk}", day=tomorrow).count() == 2


def test_agenda_and_meeting_file_pdfs(secretariat, mayor_calendar, monday, win):
    entry = entry_services.schedule_entry(
        actor=secretariat,
        calendar=mayor_calendar,
        title="Spotkanie z Radą Seniorów",
        start=at(monday, 9),
        end=at(monday, 10),
        place="Sala sesyjna",
    )
    meeting_services.save_notes(actor=secretariat, entry=entry, agenda="Sprawy bieżące", notes="")
    meeting_services.record_decision(
        actor=secretariat,
        entry=entry,
        text="Zorganizować dyżur w MOPS",
        unit=win,
        due_date=timezone.localdate() + dt.timedelta(days=3),
    )
    for kind, params, expected in [
        (DAILY_AGENDA_PDF, {"calendar_id": mayor_calendar.pk, "day": monday.isoformat()}, "Spotkanie z Radą Seniorów"),
        (MEETING_FILE_PDF, {"entry_id": entry.pk}, "Zorganizować dyżur w MOPS"),
    ]:
        job = start_job(actor=secretariat, kind=kind, title="PDF", params=params)
        from office.services.jobs import run_job

        run_job(str(job.pk))
        job.refresh_from_db()
        assert job.status == Job.Status.DONE, job.message
        text = subprocess.run(["pdftotext", job.result.path, "-"], capture_output=True, text=True, check=True).stdout
        assert expected in " ".join(text.split())
