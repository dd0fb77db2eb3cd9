"""Guest lists (events/services/guests.py and events/views/guests.py): the order of precedence,
invitations written as letters and mailed once with the personal link, the answer through that
link (its token reveals nothing else; closed after the day for answers or for a cancelled event),
reminders, the seating list as PDF, check-in, and the query budget of a long list."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from correspondence.models import Letter
from correspondence.services import letters as letter_services
from events.models import Answer, EventStatus, Guest, Precedence
from events.services import guests
from office.models import AuditEntry, Job
from tests.events.factories import at, mayor, new_event
from tests.factories import ContactFactory
from tests.patronage.factories import office_unit
from tests.utils import assert_constant_queries, client_for, fetch, page_text

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _in_english() -> Any:
    """The messages are matched in English (the office works in Polish by default)."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _fresh_limits() -> None:
    from django.core.cache import cache

    cache.clear()  # the answers' rate limit counts per address in the shared cache


@pytest.fixture
def staff(persona: Any) -> Any:
    return persona("office_staff")


@pytest.fixture
def event(staff: Any) -> Any:
    made = new_event(staff, starts_at=at(20), name="Narodowe Święto Niepodległości")
    made.rsvp_by = timezone.localdate() + dt.timedelta(days=10)
    made.companions_allowed = 1
    made.save()
    return made


def invitation_template(actor: Any) -> Any:
    from correspondence.services import archive

    archive.ensure_shipped_classes()
    return letter_services.define_template(
        actor=actor,
        name="Zaproszenie (test)",
        source_kind=guests.INVITATION_SOURCE,
        subject="Zaproszenie – {{ zaproszenie.wydarzenie }}",
        salutation="Szanowni Państwo,",
        body="Zapraszamy na {{ zaproszenie.wydarzenie }} ({{ zaproszenie.termin }}).\n\n"
        "Odpowiedź: {{ zaproszenie.link_odpowiedzi }}",
        jrwa_symbol="0170",
        signatory=mayor(),
    )


def place(order: int) -> Precedence:
    return Precedence.objects.get(order=order)


def test_the_order_of_precedence_is_shipped_and_orders_the_list(staff, event):
    assert Precedence.objects.count() >= 15
    assert place(10).name.startswith("Prezydent RP")
    citizen = ContactFactory(name="Żaneta Adamska")
    voivode = ContactFactory(name="Zbigniew Wojewoda")
    councillor_b = ContactFactory(name="Łucja Bąk")
    councillor_a = ContactFactory(name="Lucyna Bąk")
    unplaced = ContactFactory(name="Adam Abacki")
    guests.add_guests(actor=staff, event=event, contacts=[citizen], precedence=place(180))
    guests.add_guests(actor=staff, event=event, contacts=[unplaced])
    guests.add_guests(actor=staff, event=event, contacts=[councillor_b, councillor_a], precedence=place(80))
    guests.add_guests(actor=staff, event=event, contacts=[voivode], precedence=place(50))
    names = [g.contact.name for g in Guest.objects.filter(event=event).in_precedence().with_related()]
    # the place first, then the name as Polish sorts it (L before Ł), the unplaced last
    assert names == ["Zbigniew Wojewoda", "Lucyna Bąk", "Łucja Bąk", "Żaneta Adamska", "Adam Abacki"]
    # a position within the place puts a guest first among equals
    guest = Guest.objects.get(contact=councillor_b)
    guest.position = 0
    Guest.objects.filter(contact=councillor_a).update(position=5)
    names = [g.contact.name for g in Guest.objects.filter(event=event).in_precedence().with_related()]
    assert names[1:3] == ["Łucja Bąk", "Lucyna Bąk"]


def test_adding_guests_twice_or_to_a_cancelled_event_is_refused(staff, event):
    contact = ContactFactory()
    made = guests.add_guests(actor=staff, event=event, contacts=[contact], capacity="Radny")
    assert made[0].capacity == "Radny" and len(made[0].token) >= 40
    assert AuditEntry.objects.of(made[0]).exists()
    with pytest.raises(ValidationError, match="already"):
        guests.add_guests(actor=staff, event=event, contacts=[contact])
    event.status = EventStatus.CANCELLED
    event.save()
    with pytest.raises(ValidationError):
        guests.add_guests(actor=staff, event=event, contacts=[ContactFactory()])


def _send(staff: Any, event: Any, django_capture_on_commit_callbacks: Any) -> Job:
    template = invitation_template(staff)
    with django_capture_on_commit_callbacks(execute=True):
        job = guests.start_invitations(
            actor=staff, event=event, template=template, signatory=mayor(), unit=office_unit()
        )
    job.refresh_from_db()
    return job


def test_invitations_are_letters_mailed_once_with_the_personal_link_and_printed_for_the_rest(
    staff, event, django_capture_on_commit_callbacks
):
    with_mail = [ContactFactory(email=f"gosc{n}@example.org") for n in range(3)]
    on_paper = ContactFactory(email="", street="ul. Długa 1", city="Miasto")
    guests.add_guests(actor=staff, event=event, contacts=[*with_mail, on_paper])
    mail.outbox.clear()
    job = _send(staff, event, django_capture_on_commit_callbacks)
    assert job.status == Job.Status.DONE, job.message
    assert job.result_name.endswith(".pdf")  # the letter of the guest without e-mail, to print
    with job.result.open("rb") as stream:
        assert stream.read().startswith(b"%PDF")
    assert sorted(m.to[0] for m in mail.outbox) == sorted(c.email for c in with_mail)
    for message in mail.outbox:
        guest = Guest.objects.get(contact__email=message.to[0])
        assert guest.token in message.body and reverse("events:rsvp", args=[guest.token]) in message.body
        # each message carries only its own guest's link
        others = Guest.objects.filter(event=event).exclude(pk=guest.pk)
        assert not any(other.token in message.body for other in others)
    rows = Guest.objects.filter(event=event)
    assert all(g.invited_at and g.letter_id for g in rows)
    letters = Letter.objects.filter(pk__in=[g.letter_id for g in rows])
    assert letters.count() == 4 and all(letter.sign for letter in letters)  # numbered in the register
    assert Guest.objects.get(contact=on_paper).invited_by_email is False
    # sending again invites nobody twice
    with pytest.raises(ValidationError, match="invited"):
        guests.start_invitations(
            actor=staff, event=event, template=invitation_template(staff), signatory=mayor(), unit=office_unit()
        )
    late = ContactFactory(email="late@example.org")
    guests.add_guests(actor=staff, event=event, contacts=[late])
    mail.outbox.clear()
    job = _send(staff, event, django_capture_on_commit_callbacks)
    assert [m.to[0] for m in mail.outbox] == ["late@example.org"]
    assert job.result_name.endswith(".csv")  # everyone mailed: the list of who was invited how


def test_a_guest_claimed_by_another_run_is_not_invited_again(staff, event):
    contact = ContactFactory(email="raz@example.org")
    guest = guests.add_guests(actor=staff, event=event, contacts=[contact])[0]
    Guest.objects.filter(pk=guest.pk).update(invited_at=timezone.now())
    printed = guests.send_invitations(
        actor=staff,
        event=event,
        template=invitation_template(staff),
        signatory=mayor(),
        unit=office_unit(),
        progress=lambda *args: None,
    )
    assert printed == [] and mail.outbox == []


def test_the_answer_through_the_link(staff, event, client):
    guest = guests.add_guests(actor=staff, event=event, contacts=[ContactFactory(name="Jan Gość")])[0]
    other = guests.add_guests(actor=staff, event=event, contacts=[ContactFactory(name="Inny Gość Tajny")])[0]
    url = reverse("events:rsvp", args=[guest.token])
    response = fetch(client, "get", url)
    text = page_text(response)
    assert "Jan Gość" in text and "Inny Gość Tajny" not in text and other.token not in response.content.decode()
    assert response["Referrer-Policy"] == "same-origin"
    response = fetch(client, "post", url, {"answer": "accepted", "companions": "1", "needs": "miejsce dla wózka"})
    assert response.status_code == 302
    guest.refresh_from_db()
    assert (guest.answer, guest.companions, guest.needs) == (Answer.ACCEPTED, 1, "miejsce dla wózka")
    entry = AuditEntry.objects.of(guest).filter(action=AuditEntry.Action.UPDATE).get()
    assert entry.actor is None and "answer" in entry.changes
    # more companions than allowed: a message in the form, nothing saved, input kept
    response = fetch(client, "post", url, {"answer": "accepted", "companions": "4", "needs": "dieta"})
    assert response.status_code == 200 and "dieta" in response.content.decode()
    guest.refresh_from_db()
    assert guest.companions == 1
    # declining drops the company
    fetch(client, "post", url, {"answer": "declined", "companions": "1"})
    guest.refresh_from_db()
    assert (guest.answer, guest.companions) == (Answer.DECLINED, 0)


@pytest.mark.parametrize("token", ["x", "0" * 43, "a" * 65, "../../admin"])
def test_an_unknown_token_is_404(client, token):
    assert fetch(client, "get", f"/events/rsvp/{token}/").status_code == 404


def test_the_honeypot_saves_nothing(staff, event, client):
    guest = guests.add_guests(actor=staff, event=event, contacts=[ContactFactory()])[0]
    fetch(client, "post", reverse("events:rsvp", args=[guest.token]), {"answer": "accepted", "website": "x"})
    guest.refresh_from_db()
    assert guest.answer == Answer.PENDING


@pytest.mark.parametrize(
    "change, says",
    [
        ({"rsvp_by": "past"}, "Answers were expected"),
        ({"status": EventStatus.CANCELLED}, "cancelled"),
    ],
)
def test_after_the_day_for_answers_or_for_a_cancelled_event_the_link_says_so(staff, event, client, change, says):
    guest = guests.add_guests(actor=staff, event=event, contacts=[ContactFactory()])[0]
    if change.get("rsvp_by") == "past":
        event.rsvp_by = timezone.localdate() - dt.timedelta(days=1)
    else:
        event.status = change["status"]
    event.save()
    url = reverse("events:rsvp", args=[guest.token])
    response = fetch(client, "get", url)
    assert response.status_code == 200 and "<form" not in response.content.decode().split("<main", 1)[-1]
    fetch(client, "post", url, {"answer": "accepted"})
    guest.refresh_from_db()
    assert guest.answer == Answer.PENDING
    with pytest.raises(ValidationError):
        guests.record_answer(guest=guest, answer=Answer.ACCEPTED)


def test_the_answer_form_is_rate_limited(staff, event, client, settings):
    from django.core.cache import cache

    cache.clear()
    settings.PUBLIC_FORM_LIMIT = 2
    guest = guests.add_guests(actor=staff, event=event, contacts=[ContactFactory()])[0]
    url = reverse("events:rsvp", args=[guest.token])
    statuses = [fetch(client, "post", url, {"answer": "accepted"}).status_code for _ in range(3)]
    assert statuses == [302, 302, 429]


def test_reminders_go_once_to_those_invited_by_mail_who_have_not_answered(
    staff, event, django_capture_on_commit_callbacks
):
    silent, answered = ContactFactory(email="cisza@example.org"), ContactFactory(email="tak@example.org")
    guests.add_guests(actor=staff, event=event, contacts=[silent, answered])
    _send(staff, event, django_capture_on_commit_callbacks)
    guests.record_answer(guest=Guest.objects.get(contact=answered), answer=Answer.ACCEPTED)
    mail.outbox.clear()
    assert guests.send_reminders(event=event) == 1
    assert [m.to[0] for m in mail.outbox] == ["cisza@example.org"]
    assert guests.send_reminders(event=event) == 0
    # the daily task finds the events whose answers are due within a few days
    assert event.pk not in guests.events_to_remind(timezone.localdate())
    assert event.pk in guests.events_to_remind(event.rsvp_by - dt.timedelta(days=1))


def test_the_guest_list_pdf_and_the_counts(staff, event, django_capture_on_commit_callbacks):
    a, b, c = (ContactFactory(name=n) for n in ("Anna Przyjdzie", "Bogdan Nieprzyjdzie", "Cezary Milczy"))
    guests.add_guests(actor=staff, event=event, contacts=[a, b, c], precedence=place(80))
    guests.record_answer(guest=Guest.objects.get(contact=a), answer=Answer.ACCEPTED, companions=1)
    guests.record_answer(guest=Guest.objects.get(contact=b), answer=Answer.DECLINED)
    counts = guests.counts(event)
    assert (counts.guests, counts.accepted, counts.declined, counts.pending, counts.persons) == (3, 1, 1, 1, 2)
    with django_capture_on_commit_callbacks(execute=True):
        job = guests.start_guest_list(actor=staff, event=event)
    job.refresh_from_db()
    assert job.status == Job.Status.DONE
    import subprocess

    with job.result.open("rb") as stream:
        out = subprocess.run(["pdftotext", "-", "-"], input=stream.read(), capture_output=True, check=True).stdout
    text = " ".join(out.decode().split())
    assert "Anna Przyjdzie" in text and "Cezary Milczy" in text
    assert text.index("Anna Przyjdzie") < text.index("Cezary Milczy")  # the confirmed first


def test_check_in_notes_the_arrival_and_takes_it_back(staff, event):
    guest = guests.add_guests(actor=staff, event=event, contacts=[ContactFactory(name="Ewa Przybyła")])[0]
    client = client_for(staff)
    page = fetch(client, "get", reverse("events:check_in", args=[event.pk]), {"q": "Przyby"})
    assert "Ewa Przybyła" in page_text(page)
    fetch(client, "post", reverse("events:guest_arrived", args=[guest.pk]))
    guest.refresh_from_db()
    assert guest.has_arrived and guest.arrived_noted_by == staff
    fetch(client, "post", reverse("events:guest_not_arrived", args=[guest.pk]))
    guest.refresh_from_db()
    assert not guest.has_arrived


def test_staff_note_an_answer_given_by_phone(staff, event):
    guest = guests.add_guests(actor=staff, event=event, contacts=[ContactFactory()])[0]
    client = client_for(staff)
    response = fetch(
        client,
        "post",
        reverse("events:guest_edit", args=[guest.pk]),
        {"capacity": "Radny", "position": "0", "answer": "accepted", "companions": "3", "needs": ""},
    )
    assert response.status_code == 200  # more company than the event allows: said in the form
    response = fetch(
        client,
        "post",
        reverse("events:guest_edit", args=[guest.pk]),
        {"capacity": "Radny", "position": "0", "answer": "accepted", "companions": "1", "needs": ""},
    )
    assert response.status_code == 302
    guest.refresh_from_db()
    assert guest.answer == Answer.ACCEPTED and guest.answered_at is not None


def test_the_guest_list_page_keeps_its_queries_with_its_rows(staff, event):
    def make(count: int) -> None:
        contacts = [ContactFactory() for _ in range(count)]
        guests.add_guests(actor=staff, event=event, contacts=contacts, precedence=place(80))

    assert_constant_queries(client_for(staff), reverse("events:guest_list", args=[event.pk]), make)


def test_the_check_in_page_keeps_its_queries_with_its_rows(staff, event):
    def make(count: int) -> None:
        guests.add_guests(actor=staff, event=event, contacts=[ContactFactory() for _ in range(count)])

    assert_constant_queries(client_for(staff), reverse("events:check_in", args=[event.pk]), make)
