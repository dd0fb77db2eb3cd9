"""Private entries: a PRIVATE entry on the mayor's calendar carries a unique marker in its title, place
and notes; the marker must appear in no response for staff who may not read private entries (the
press officer, office staff, an auditor, an administrator and a secretary whose membership has
can_see_private=False) — the calendar in all four views, the entry page, the .ics download,
search, the dashboard, the subscription feed, the agenda PDF and e-mail, a clash warning — while the
mayor himself and a trusted delegate do see it (so these tests can fail). Text copied out of a
private meeting into other records (a decision's assignment, a briefing request) never carries its
title (``calendar_app.access.entry_label``)."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from calendar_app import notifications
from calendar_app.models import Entry, Visibility
from office.models import Assignment, Attachment, Job
from tests.calendar_app.factories import EntryFactory, MeetingRequestFactory, local
from tests.calendar_app.helpers import HX, calendar_url, entry_data, local_input, text
from tests.utils import client_for, fetch

pytestmark = pytest.mark.django_db

MARKER = "ZNACZNIK-Q7X3"
MASKED_ROLES = ["press_officer", "office_staff", "auditor", "administrator", "secretariat"]
VIEWS = ["week", "day", "month", "agenda"]


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def secret(mayor_calendar, today):
    """The mayor's private visit at 11:00–12:00 today (the secretary's membership: no private entries)."""
    return EntryFactory(
        calendar=mayor_calendar,
        visibility=Visibility.PRIVATE,
        title=f"Wizyta u kardiologa {MARKER}",
        place=f"Przychodnia przy ul. Zdrowej 1 {MARKER}",
        notes=f"Zabrać wyniki badań {MARKER}",
        day=today,
        hour=11,
    )


def masked_in_grid(response) -> list:
    return [o for _calendar, cells in response.context["grid"].rows for cell in cells for o in cell.items if o.masked]


# --- The calendar, the entry, search, dashboard -------------------------------------------------------------


@pytest.mark.parametrize("role", MASKED_ROLES)
@pytest.mark.parametrize("view", VIEWS)
def test_the_calendar_shows_only_busy(persona, secret, mayor_calendar, today, role, view):
    response = client_for(persona(role)).get(calendar_url(view=view, date=today, calendars=mayor_calendar.pk))
    assert response.status_code == 200
    body = text(response)
    assert MARKER not in body
    (busy,) = masked_in_grid(response)
    assert (busy.title, busy.place, busy.kind) == ("", "", "blocked")
    assert "Zajęty" in body
    assert reverse("calendar_app:entry_detail", args=[secret.pk]) not in body


@pytest.mark.parametrize("role", MASKED_ROLES)
def test_the_calendar_fragment_shows_only_busy(persona, secret, mayor_calendar, today, role):
    response = client_for(persona(role)).get(calendar_url(date=today, calendars=mayor_calendar.pk), **HX)
    assert MARKER not in text(response) and "Zajęty" in text(response)


@pytest.mark.parametrize("role", MASKED_ROLES)
def test_the_entry_its_download_and_its_meeting_page_are_404(persona, secret, role):
    client = client_for(persona(role))
    for name in ("entry_detail", "entry_ics", "entry_edit", "meeting"):
        response = client.get(reverse(f"calendar_app:{name}", args=[secret.pk]))
        assert response.status_code == 404, name
        assert MARKER not in text(response)


@pytest.mark.parametrize("role", MASKED_ROLES)
def test_search_finds_nothing(persona, secret, role):
    response = client_for(persona(role)).get(reverse("office:search"), {"q": MARKER})
    assert response.status_code == 200
    assert not any(group.failed for group in response.context["groups"])
    assert response.context["hit_count"] == 0
    # the query itself is shown back (search fields, "next" links, "0 results for ..."), nothing else
    body = text(response)
    assert body.count(MARKER) == echoes_of_the_query(body) >= 2


def echoes_of_the_query(body: str) -> int:
    return body.count(f"q={MARKER}") + body.count(f'value="{MARKER}"') + body.count(f"„{MARKER}”")


@pytest.mark.parametrize("role", MASKED_ROLES)
def test_the_dashboard_shows_only_busy(persona, secret, role):
    response = client_for(persona(role)).get(reverse("office:dashboard"))
    body = text(response)
    assert MARKER not in body
    (agenda,) = [o.data for o in response.context["widgets"] if o.key == "todays_agenda"]
    assert [(item.label, item.url) for item in agenda.items] == [("Zajęty", "")]
    assert not any(o.failed for o in response.context["widgets"])


def test_the_feed_shows_only_busy(secret, mayor_calendar):
    response = client_for(None).get(reverse("calendar_app:feed", args=[mayor_calendar.feed_token]))
    assert response.status_code == 200
    assert MARKER not in response.content.decode() and "SUMMARY:Zajęty" in response.content.decode()


@pytest.mark.parametrize("role", MASKED_ROLES)
def test_an_attachment_of_the_private_entry_is_404(persona, mayor_user, secret, role):
    attachment = Attachment.objects.create(
        content_type=ContentType.objects.get_for_model(Entry),
        object_id=secret.pk,
        file=SimpleUploadedFile("skierowanie.txt", f"Skierowanie {MARKER}".encode()),
        original_name=f"skierowanie-{MARKER}.txt",
        size=24,
    )
    url = reverse("office:attachment_download", args=[attachment.pk])
    assert fetch(client_for(persona(role)), "get", url).status_code == 404
    assert fetch(client_for(mayor_user), "get", url).status_code == 200


# --- Those who may read it (the tests above can fail) --------------------------------------------------------


@pytest.mark.parametrize("view", VIEWS)
def test_the_mayor_reads_his_private_entry(mayor_user, secret, mayor_calendar, today, view):
    response = client_for(mayor_user).get(calendar_url(view=view, date=today, calendars=mayor_calendar.pk))
    assert MARKER in text(response) and not masked_in_grid(response)


def test_the_mayor_finds_opens_and_downloads_it(mayor_user, secret):
    client = client_for(mayor_user)
    search = client.get(reverse("office:search"), {"q": MARKER})
    assert search.context["hit_count"] == 1
    assert text(search).count(MARKER) > echoes_of_the_query(text(search))
    assert MARKER in text(client.get(reverse("calendar_app:entry_detail", args=[secret.pk])))
    assert MARKER in client.get(reverse("calendar_app:entry_ics", args=[secret.pk])).content.decode()
    assert MARKER in text(client.get(reverse("office:dashboard")))


def test_a_trusted_delegate_reads_it(secretariat, secret, mayor_calendar, today):
    mayor_calendar.office_holder.memberships.filter(user=secretariat).update(can_see_private=True)
    client = client_for(secretariat)
    assert MARKER in text(client.get(calendar_url(date=today)))
    assert client.get(reverse("calendar_app:entry_detail", args=[secret.pk])).status_code == 200


# --- Agenda PDF and e-mail -----------------------------------------------------------------------------------


def test_the_agenda_pdf_of_a_reader_shows_only_busy(
    persona, secret, mayor_calendar, today, django_capture_on_commit_callbacks
):
    client = client_for(persona("press_officer"))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("calendar_app:calendar_agenda_pdf", args=[mayor_calendar.pk]), {"agenda-pdf-day": today.isoformat()}
        )
    job = Job.objects.get()
    assert job.status == Job.Status.DONE, job.message
    download = fetch(client, "get", reverse("office:job_download", args=[job.pk]))
    words = subprocess.run(["pdftotext", "-", "-"], input=download.content_bytes, capture_output=True, check=True)
    pdf_text = " ".join(words.stdout.decode().split())
    assert MARKER not in pdf_text and "Zajęty" in pdf_text and "Zdrowej" not in pdf_text


def test_the_evening_agenda_email_of_the_secretary_shows_only_busy(secretariat, mayor_user, mayor_calendar, mailoutbox):
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    EntryFactory(
        calendar=mayor_calendar,
        visibility=Visibility.PRIVATE,
        title=f"Wizyta u kardiologa {MARKER}",
        place=f"Przychodnia {MARKER}",
        day=tomorrow,
    )
    assert notifications.send_tomorrows_agendas() == 2
    by_recipient = {mail.to[0]: mail for mail in mailoutbox}
    secretary_mail = by_recipient[secretariat.email]
    html = secretary_mail.alternatives[0][0] if secretary_mail.alternatives else ""
    assert MARKER not in secretary_mail.body and MARKER not in html and "Zajęty" in secretary_mail.body
    assert MARKER in by_recipient[mayor_user.email].body


# --- A clash with the private entry: "busy", never its title -------------------------------------------------


def test_a_clash_names_the_private_entry_only_busy(secretariat, secret, mayor_calendar, today):
    data = entry_data(mayor_calendar, local(today, 11, 30), local(today, 12, 30), title="Spotkanie z Wojewodą")
    response = client_for(secretariat).post(reverse("calendar_app:entry_create"), data, **HX)

    assert response.status_code == 200 and response.context["conflict"] is True
    warning = " ".join(response.context["form"].errors["keep_conflict_reason"])
    assert "zajęty (" in warning and MARKER not in warning
    assert MARKER not in text(response)
    assert not Entry.objects.filter(title="Spotkanie z Wojewodą").exists()


def test_moving_into_the_private_entry_names_it_only_busy(secretariat, secret, mayor_calendar, today):
    other = EntryFactory(calendar=mayor_calendar, day=today, hour=15, title="Dyżur dla mieszkańców")
    response = client_for(secretariat).post(
        reverse("calendar_app:entry_move", args=[other.pk]),
        {"move-start": local_input(local(today, 11)), "move-end": local_input(local(today, 11, 45))},
    )
    assert response.status_code == 200
    assert "zajęty (" in " ".join(response.context["move_form"].non_field_errors())
    assert MARKER not in text(response)


def test_scheduling_a_request_into_the_private_entry_names_it_only_busy(secretariat, secret, mayor_calendar, today):
    meeting_request = MeetingRequestFactory(office_holder=mayor_calendar.office_holder)
    response = client_for(secretariat).post(
        reverse("calendar_app:request_schedule", args=[meeting_request.pk]),
        {"schedule-start": local_input(local(today, 11)), "schedule-minutes": "30"},
    )
    assert response.status_code == 200
    assert "zajęty (" in " ".join(response.context["schedule_form"].non_field_errors())
    assert MARKER not in text(response)


def test_the_owner_is_told_what_the_clash_is(mayor_user, secret, mayor_calendar, today):
    data = entry_data(mayor_calendar, local(today, 11, 30), local(today, 12, 30), title="Spotkanie z Wojewodą")
    response = client_for(mayor_user).post(reverse("calendar_app:entry_create"), data, **HX)
    assert MARKER in " ".join(response.context["form"].errors["keep_conflict_reason"])


# --- Text copied out of a private meeting ---------------------------------------------------------------------


def test_a_decision_of_a_private_meeting_does_not_carry_its_title(mayor_user, secret, win, persona):
    response = client_for(mayor_user).post(
        reverse("calendar_app:meeting_decision", args=[secret.pk]),
        {
            "decision-text": "Przełożyć wizytę w szpitalu miejskim",
            "decision-unit": win.pk,
            "decision-due_date": (timezone.localdate() + dt.timedelta(days=7)).isoformat(),
        },
    )
    assert response.status_code == 302
    assignment = secret.decisions.get().assignment
    for value in (assignment.title, assignment.description, assignment.source_label, assignment.source_url):
        assert MARKER not in value and "kardiolog" not in value
    assert assignment.source_label.startswith("Ustalenie ze spotkania: ")
    assert f"{timezone.localtime(secret.start):%H:%M}" in assignment.source_label  # named by its day and hour

    liaison = client_for(persona("outsider_liaison"))  # the liaison of WIN, the unit that got the decision
    for url in (reverse("office:assignment_detail", args=[assignment.pk]), reverse("office:unit_inbox")):
        response = liaison.get(url)
        assert response.status_code == 200 and MARKER not in text(response), url
    assert "Przełożyć wizytę w szpitalu miejskim" in text(response)


def test_a_briefing_request_for_a_private_meeting_does_not_carry_its_title(mayor_user, mayor_calendar, win):
    later = EntryFactory(
        calendar=mayor_calendar,
        visibility=Visibility.PRIVATE,
        title=f"Rozmowa rodzinna {MARKER}",
        day=timezone.localdate() + dt.timedelta(days=5),
    )
    client_for(mayor_user).post(
        reverse("calendar_app:meeting_briefing", args=[later.pk]),
        {
            "briefing-unit": win.pk,
            "briefing-what": "Informacja o terminach",
            "briefing-due_date": timezone.localdate().isoformat(),
        },
    )
    assignment = Assignment.objects.get()
    assert MARKER not in assignment.title and MARKER not in assignment.source_label
    assert assignment.title.startswith("Materiały na spotkanie: ")
