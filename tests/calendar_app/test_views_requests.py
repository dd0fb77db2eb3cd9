"""Meeting requests (calendar_app/views/requests.py): the register with its filters, intake with the
information clause (RODO), the request page, and every action of REQUEST_ACTIONS — assess, schedule
into a free slot, hand over, decline, reply, send the reply — each for the allowed user (and what it
leaves in the database), a role that may read but not decide (403), staff outside (404), the wrong
method (405) and bad input (the page again with the error and what was typed)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from calendar_app.models import Entry, MeetingRequest
from calendar_app.services import entries as entry_services
from calendar_app.views.requests import REQUEST_ACTIONS
from office.models import Assignment, Contact
from tests.calendar_app.factories import EntryFactory, MeetingRequestFactory, local, next_working_day
from tests.calendar_app.helpers import HX, field_value, local_input, text, trail
from tests.factories import OfficeHolderFactory, OrgUnitFactory
from tests.utils import client_for, login_url, messages_of

pytestmark = pytest.mark.django_db
R = MeetingRequest.Status


@pytest.fixture
def holder(mayor_calendar):
    return mayor_calendar.office_holder


@pytest.fixture
def meeting_request(holder):
    return MeetingRequestFactory(
        office_holder=holder,
        requester_name="Halina Adamczyk",
        email="h.adamczyk@example.pl",
        topic="Hałas z placu budowy przy ul. Ogrodowej",
        description="Prace trwają także w nocy.",
    )


def url(name: str, meeting_request: MeetingRequest) -> str:
    return reverse(f"calendar_app:request_{name}", args=[meeting_request.pk])


def state(meeting_request: MeetingRequest) -> tuple:
    meeting_request.refresh_from_db()
    return (
        meeting_request.status,
        meeting_request.reply_text,
        meeting_request.decline_reason,
        meeting_request.entry_id,
        meeting_request.assignment_id,
        meeting_request.decided_on,
    )


def in_days(days: int) -> str:
    return (timezone.localdate() + dt.timedelta(days=days)).isoformat()


# --- The register -------------------------------------------------------------------------------------


@pytest.fixture
def register(holder, deputy_calendar):
    today = timezone.localdate()
    return {
        "new": MeetingRequestFactory(
            office_holder=holder, requester_name="Grzegorz Wiśniewski", topic="Remont chodnika"
        ),
        "old": MeetingRequestFactory(
            office_holder=holder,
            requester_name="Zofia Szczęsna",
            topic="Zieleń na placu Wolności",
            received_on=today - dt.timedelta(days=20),
            assessing=True,
        ),
        "declined": MeetingRequestFactory(
            office_holder=holder, requester_name="Jędrzej Łuczak", topic="Festyn sąsiedzki", declined=True
        ),
        "deputy": MeetingRequestFactory(
            office_holder=deputy_calendar.office_holder,
            requester_kind="ngo",
            requester_name="Anna Ogrodnik",
            organisation="Stowarzyszenie Przyjaciół Łąk Miejskich",
            topic="Łąki kwietne",
        ),
    }


def listed(response) -> set[str]:
    return {r.requester_name for r in response.context["page_obj"].object_list}


@pytest.mark.parametrize("role", ["secretariat", "management", "auditor", "administrator"])
def test_register_lists_every_request_for_its_readers(persona, register, role):
    response = client_for(persona(role)).get(reverse("calendar_app:request_list"))
    assert response.status_code == 200
    assert listed(response) == {"Grzegorz Wiśniewski", "Zofia Szczęsna", "Jędrzej Łuczak", "Anna Ogrodnik"}
    body = text(response)
    assert "Stowarzyszenie Przyjaciół Łąk Miejskich" in body and "Ewa Zielińska" in body
    # registering is for those who may add requests (the secretariat), not for the mayor or an auditor
    assert (reverse("calendar_app:request_create") in body) == (role in ("secretariat", "administrator"))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("status=declined", {"Jędrzej Łuczak"}),
        ("status=assessing", {"Zofia Szczęsna"}),
        ("q=chodnik", {"Grzegorz Wiśniewski"}),  # topic
        ("q=Łuczak", {"Jędrzej Łuczak"}),  # name
        ("q=FESTYN", {"Jędrzej Łuczak"}),  # case-insensitive
        ("q=Przyjaciół", {"Anna Ogrodnik"}),  # organisation
        ("older_than=10", {"Zofia Szczęsna"}),
        ("status=new&q=remont", {"Grzegorz Wiśniewski"}),
    ],
)
def test_register_filters(secretariat, register, query, expected):
    response = client_for(secretariat).get(reverse("calendar_app:request_list") + "?" + query)
    assert listed(response) == expected


def test_register_filter_by_office_holder(secretariat, register, deputy_calendar):
    holder = deputy_calendar.office_holder
    response = client_for(secretariat).get(reverse("calendar_app:request_list") + f"?office_holder={holder.pk}")
    assert listed(response) == {"Anna Ogrodnik"}


@pytest.mark.parametrize("query", ["status=zalatwiony", "office_holder=999999", "older_than=-3", "older_than=dużo"])
def test_an_invalid_filter_shows_its_error_and_the_whole_register(secretariat, register, query):
    response = client_for(secretariat).get(reverse("calendar_app:request_list") + "?" + query)
    assert response.status_code == 200
    assert response.context["filter"].errors
    assert len(listed(response)) == 4


def test_register_filter_by_htmx_gets_only_the_results(secretariat, register):
    response = client_for(secretariat).get(reverse("calendar_app:request_list") + "?status=declined", **HX)
    body = text(response)
    assert body.lstrip().startswith('<div id="results"') and "<html" not in body
    assert "Festyn sąsiedzki" in body and "Remont chodnika" not in body


@pytest.mark.parametrize("role", ["press_officer", "office_staff", "unit_liaison"])
def test_register_is_403_for_other_staff(persona, register, role):
    assert client_for(persona(role)).get(reverse("calendar_app:request_list")).status_code == 403


def test_register_answers_only_get_and_needs_login(secretariat):
    list_url = reverse("calendar_app:request_list")
    assert client_for(secretariat).post(list_url).status_code == 405
    assert client_for(None).get(list_url)["Location"] == login_url(list_url)


# --- Registering a request -------------------------------------------------------------------------------


def request_form(holder, **changes):
    data = {
        "requester_kind": "resident",
        "requester_name": "Małgorzata Żółkiewska",
        "email": "m.zolkiewska@example.pl",
        "phone": "",
        "address": "",
        "topic": "Oświetlenie przejścia dla pieszych przy ul. Kilińskiego",
        "description": "Na przejściu jest ciemno od zmroku.",
        "office_holder": holder.pk,
        "preferred_dates": "po 16:00",
        "channel": "epuap",
        "received_on": timezone.localdate().isoformat(),
        "rodo_acknowledged": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_the_form_shows_the_information_clause(secretariat, holder):
    response = client_for(secretariat).get(reverse("calendar_app:request_create"))
    assert response.status_code == 200
    assert "Klauzula informacyjna (RODO art. 13)" in text(response)
    assert response.context["form"].fields["rodo_acknowledged"].required
    assert response.context["form"]["received_on"].value() == timezone.localdate()


def test_registering_a_request(secretariat, holder):
    response = client_for(secretariat).post(reverse("calendar_app:request_create"), request_form(holder))

    created = MeetingRequest.objects.get()
    assert response.status_code == 302 and response["Location"] == url("detail", created)
    assert (created.status, created.requester_name, created.channel, created.office_holder) == (
        R.NEW,
        "Małgorzata Żółkiewska",
        "epuap",
        holder,
    )
    assert created.rodo_acknowledged and created.created_by == secretariat and created.contact is None
    assert [e.action for e in trail(created)] == ["create"]
    assert messages_of(response) == ["Wniosek został zarejestrowany."]


def test_registering_can_add_the_requester_to_the_contacts(secretariat, holder):
    client_for(secretariat).post(
        reverse("calendar_app:request_create"),
        request_form(holder, requester_kind="company", requester_name="Budimex-Łódź sp. z o.o.", save_contact="on"),
    )
    created = MeetingRequest.objects.get()
    assert created.contact == Contact.objects.get(name="Budimex-Łódź sp. z o.o.")
    assert (created.contact.kind, created.contact.email) == ("company", "m.zolkiewska@example.pl")


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"rodo_acknowledged": None}, "rodo_acknowledged"),  # the checkbox is required
        ({"email": "", "phone": "", "address": ""}, "email"),  # no way to reply
        ({"received_on": in_days(1)}, "received_on"),
        ({"email": "nie-adres"}, "email"),
        ({"requester_kind": "alien"}, "requester_kind"),
    ],
)
def test_registering_with_bad_input_keeps_what_was_typed(secretariat, holder, changes, field):
    response = client_for(secretariat).post(reverse("calendar_app:request_create"), request_form(holder, **changes))

    assert response.status_code == 200 and field in response.context["form"].errors
    body = text(response)
    assert 'id="error-summary"' in body
    assert field_value(body, "requester_name") == "Małgorzata Żółkiewska"
    assert field_value(body, "topic") == "Oświetlenie przejścia dla pieszych przy ul. Kilińskiego"
    assert not MeetingRequest.objects.exists()


@pytest.mark.parametrize("role", ["management", "auditor", "press_officer", "unit_liaison"])
def test_registering_is_for_the_secretariat(persona, holder, role):
    client = client_for(persona(role))
    assert client.get(reverse("calendar_app:request_create")).status_code == 403
    assert client.post(reverse("calendar_app:request_create"), request_form(holder)).status_code == 403
    assert not MeetingRequest.objects.exists()


def test_registering_answers_get_and_post_only(secretariat):
    assert client_for(secretariat).put(reverse("calendar_app:request_create")).status_code == 405


# --- The request page ------------------------------------------------------------------------------


def test_a_new_request_offers_every_outcome(secretariat, meeting_request):
    response = client_for(secretariat).get(url("detail", meeting_request))
    assert response.context["may"] == {
        "assess": True,
        "schedule": True,
        "handover": True,
        "decline": True,
        "reply": False,
        "send_reply": False,
    }
    body = text(response)
    assert "Halina Adamczyk" in body and "h.adamczyk@example.pl" in body
    slots = response.context["schedule_form"].fields["slot"].choices[1:]
    assert slots and all(dt.datetime.fromisoformat(value) > timezone.now() for value, _label in slots)


def test_a_declined_request_offers_only_the_reply(secretariat, holder):
    declined = MeetingRequestFactory(office_holder=holder, declined=True, reply_text="Szanowna Pani, ...")
    response = client_for(secretariat).get(url("detail", declined))
    assert {name for name, offered in response.context["may"].items() if offered} == {"reply", "send_reply"}
    assert field_value(text(response), "reply-reply_text") == "Szanowna Pani, ..."


def test_readers_see_the_request_without_actions(persona, meeting_request):
    response = client_for(persona("auditor")).get(url("detail", meeting_request))
    assert response.status_code == 200 and not any(response.context["may"].values())
    assert url("assess", meeting_request) not in text(response)


@pytest.mark.parametrize("role", ["press_officer", "office_staff", "unit_liaison"])
def test_the_request_page_is_404_for_other_staff(persona, meeting_request, role):
    assert client_for(persona(role)).get(url("detail", meeting_request)).status_code == 404


# --- assess ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["secretariat", "management"])
def test_assess(persona, meeting_request, role):
    response = client_for(persona(role)).post(url("assess", meeting_request))
    assert response.status_code == 302 and response["Location"] == url("detail", meeting_request)
    assert state(meeting_request)[0] == R.ASSESSING and meeting_request.decided_on is None
    (transition,) = [e for e in trail(meeting_request) if e.action == "transition"]
    assert transition.changes == {"status": ["new", "assessing"]} and transition.actor == persona(role)
    assert messages_of(response) == ["Wniosek jest rozpatrywany."]


def test_assessing_a_decided_request_is_refused_with_a_message(secretariat, holder):
    declined = MeetingRequestFactory(office_holder=holder, declined=True)
    before = state(declined)
    response = client_for(secretariat).post(url("assess", declined))
    assert response.status_code == 302 and response["Location"] == url("detail", declined)
    assert messages_of(response) == ["meeting request: status nie może zmienić się z „declined” na „assessing”."]
    assert state(declined) == before


# --- schedule --------------------------------------------------------------------------------------------


def first_free_slot(client, meeting_request) -> str:
    choices = client.get(url("detail", meeting_request)).context["schedule_form"].fields["slot"].choices
    return choices[1][0]


def test_schedule_into_a_free_slot(secretariat, meeting_request, mayor_calendar):
    client = client_for(secretariat)
    slot = first_free_slot(client, meeting_request)
    response = client.post(
        url("schedule", meeting_request),
        {"schedule-slot": slot, "schedule-minutes": "45", "schedule-place": "Gabinet Prezydenta, pok. 214"},
    )

    assert response.status_code == 302 and response["Location"] == url("detail", meeting_request)
    meeting_request.refresh_from_db()
    start = dt.datetime.fromisoformat(slot)
    entry = meeting_request.entry
    assert meeting_request.status == R.SCHEDULED and meeting_request.decided_on == timezone.localdate()
    assert (entry.calendar, entry.start, entry.end, entry.place) == (
        mayor_calendar,
        start,
        start + dt.timedelta(minutes=45),
        "Gabinet Prezydenta, pok. 214",
    )
    assert entry.title == "Spotkanie: Halina Adamczyk – Hałas z placu budowy przy ul. Ogrodowej"
    assert (entry.source_type, entry.source_id) == (
        ContentType.objects.get_for_model(MeetingRequest),
        meeting_request.pk,
    )
    assert entry.created_by == secretariat
    assert "Gabinet Prezydenta, pok. 214" in meeting_request.reply_text
    assert meeting_request.retain_until == timezone.localdate() + dt.timedelta(days=730)
    # the slot is taken now
    taken = entry_services.free_slots(calendar=mayor_calendar, first_day=start.date())
    assert start not in taken and start + dt.timedelta(minutes=30) not in taken


def test_schedule_at_another_start(secretariat, meeting_request):
    start = local(next_working_day(), 17)
    client_for(secretariat).post(
        url("schedule", meeting_request), {"schedule-start": local_input(start), "schedule-minutes": "30"}
    )
    meeting_request.refresh_from_db()
    assert (meeting_request.entry.start, meeting_request.entry.end) == (start, start + dt.timedelta(minutes=30))
    assert meeting_request.entry.place == ""


def test_schedule_into_a_clash_needs_a_reason(secretariat, meeting_request, mayor_calendar):
    day = next_working_day()
    EntryFactory(calendar=mayor_calendar, title="Sesja Rady Miejskiej", day=day, hour=16, minutes=180)
    client = client_for(secretariat)
    data = {"schedule-start": local_input(local(day, 17)), "schedule-minutes": "30", "schedule-place": "Sala Obrad"}

    response = client.post(url("schedule", meeting_request), data)
    assert response.status_code == 200
    assert "Sesja Rady Miejskiej" in " ".join(response.context["schedule_form"].non_field_errors())
    assert field_value(text(response), "schedule-place") == "Sala Obrad"
    assert state(meeting_request)[0] == R.NEW and Entry.objects.count() == 1

    client.post(url("schedule", meeting_request), {**data, "schedule-keep_conflict_reason": "W przerwie sesji"})
    meeting_request.refresh_from_db()
    assert meeting_request.status == R.SCHEDULED
    assert meeting_request.entry.conflict_reason == "W przerwie sesji"


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"schedule-minutes": "60", "schedule-place": "Sala Obrad"}, "slot"),  # neither a slot nor a start
        (
            {"schedule-slot": "2020-01-06T09:00:00+01:00", "schedule-minutes": "60", "schedule-place": "Sala Obrad"},
            "slot",
        ),
        ({"schedule-start": "2026-12-01T10:00", "schedule-minutes": "5", "schedule-place": "Sala Obrad"}, "minutes"),
        ({"schedule-start": "wtorek", "schedule-minutes": "60", "schedule-place": "Sala Obrad"}, "start"),
    ],
)
def test_schedule_with_bad_input_keeps_what_was_typed(secretariat, meeting_request, data, field):
    response = client_for(secretariat).post(url("schedule", meeting_request), data)
    assert response.status_code == 200 and field in response.context["schedule_form"].errors
    body = text(response)
    assert 'id="error-summary"' in body and field_value(body, "schedule-place") == "Sala Obrad"
    assert state(meeting_request)[0] == R.NEW and not Entry.objects.exists()


# --- handover -------------------------------------------------------------------------------------------


def test_hand_over_to_a_unit(secretariat, meeting_request, win):
    response = client_for(secretariat).post(
        url("handover", meeting_request),
        {"handover-unit": win.pk, "handover-due_date": in_days(14), "handover-note": "Proszę o kontakt z mieszkanką."},
    )

    assert response.status_code == 302
    meeting_request.refresh_from_db()
    assignment = meeting_request.assignment
    assert meeting_request.status == R.HANDED_OVER
    assert (assignment.unit, assignment.due_date.isoformat(), assignment.created_by) == (win, in_days(14), secretariat)
    assert assignment.title == "Wniosek o spotkanie – Halina Adamczyk: Hałas z placu budowy przy ul. Ogrodowej"
    assert assignment.description == "Prace trwają także w nocy.\n\nProszę o kontakt z mieszkanką."
    assert (assignment.source_type.model, assignment.source_id) == ("meetingrequest", meeting_request.pk)
    assert "Wydział Inwestycji" in meeting_request.reply_text


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"handover-due_date": in_days(14)}, "unit"),
        ({"handover-unit": "999999", "handover-due_date": in_days(14)}, "unit"),
        ({"handover-unit": "WIN", "handover-due_date": "za dwa tygodnie"}, "due_date"),
    ],
)
def test_hand_over_with_bad_input_keeps_the_note(secretariat, meeting_request, data, field):
    response = client_for(secretariat).post(
        url("handover", meeting_request), {**data, "handover-note": "Pilne – sprawa z interwencji radnego."}
    )
    assert response.status_code == 200 and field in response.context["handover_form"].errors
    assert field_value(text(response), "handover-note") == "Pilne – sprawa z interwencji radnego."
    assert state(meeting_request)[0] == R.NEW and not Assignment.objects.exists()


def test_an_inactive_unit_is_not_offered(secretariat, meeting_request):
    closed = OrgUnitFactory(symbol="WZL", name="Wydział Zlikwidowany", is_active=False)
    response = client_for(secretariat).post(
        url("handover", meeting_request), {"handover-unit": closed.pk, "handover-due_date": in_days(7)}
    )
    assert response.status_code == 200 and "unit" in response.context["handover_form"].errors
    assert not Assignment.objects.exists()


# --- decline ----------------------------------------------------------------------------------------------


def test_decline_with_a_reason(secretariat, meeting_request):
    response = client_for(secretariat).post(
        url("decline", meeting_request), {"decline-reason": "  Sprawa jest w toku postępowania sądowego.  "}
    )
    assert response.status_code == 302
    status, reply, reason, *_rest = state(meeting_request)
    assert (status, reason) == (R.DECLINED, "Sprawa jest w toku postępowania sądowego.")
    assert "Sprawa jest w toku postępowania sądowego." in reply
    assert messages_of(response)[0].startswith("Wniosek został rozpatrzony odmownie")


@pytest.mark.parametrize("reason", ["", "   ", "x" * 2001])
def test_decline_without_a_proper_reason_is_refused(secretariat, meeting_request, reason):
    before = state(meeting_request)
    response = client_for(secretariat).post(url("decline", meeting_request), {"decline-reason": reason})
    assert response.status_code == 200 and "reason" in response.context["decline_form"].errors
    assert 'id="error-summary"' in text(response)
    assert state(meeting_request) == before


def test_declining_a_scheduled_request_is_refused_on_the_form(secretariat, holder):
    scheduled = MeetingRequestFactory(office_holder=holder, scheduled=True)
    before = state(scheduled)
    response = client_for(secretariat).post(url("decline", scheduled), {"decline-reason": "Jednak nie"})
    assert response.status_code == 200
    assert "status nie może zmienić się" in " ".join(response.context["failed_form"].non_field_errors())
    assert 'id="error-summary"' in text(response) and "status nie może zmienić się" in text(response)
    assert state(scheduled) == before


# --- reply and send_reply ----------------------------------------------------------------------------------


@pytest.fixture
def declined(holder):
    return MeetingRequestFactory(
        office_holder=holder,
        declined=True,
        requester_name="Grzegorz Wiśniewski",
        email="g.wisniewski@example.pl",
        topic="Remont chodnika na osiedlu Retkinia",
        reply_text="Szanowny Panie, uprzejmie informuję...",
    )


def test_reply_is_saved(secretariat, declined):
    response = client_for(secretariat).post(
        url("reply", declined), {"reply-reply_text": "Szanowny Panie,\n\nodpowiadając na wniosek...\n"}
    )
    assert response.status_code == 302
    declined.refresh_from_db()
    assert declined.reply_text == "Szanowny Panie,\n\nodpowiadając na wniosek..."
    assert trail(declined)[-1].changes["reply_text"][0] == "Szanowny Panie, uprzejmie informuję..."
    assert messages_of(response) == ["Odpowiedź została zapisana."]


@pytest.mark.parametrize("action", ["reply", "send_reply"])
@pytest.mark.parametrize("reply", ["", "x" * 10001])
def test_an_empty_or_too_long_reply_is_refused(secretariat, declined, mailoutbox, action, reply):
    before = state(declined)
    response = client_for(secretariat).post(url(action, declined), {"reply-reply_text": reply})
    assert response.status_code == 200
    assert "reply_text" in response.context["failed_form"].errors
    assert state(declined) == before and not mailoutbox


def test_send_reply_saves_and_emails_it(secretariat, declined, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(secretariat).post(
            url("send_reply", declined), {"reply-reply_text": "Szanowny Panie, niestety spotkanie się nie odbędzie."}
        )
    assert response.status_code == 302
    (mail,) = mailoutbox
    assert mail.to == ["g.wisniewski@example.pl"]
    assert mail.subject == "Odpowiedź na wniosek o spotkanie: Remont chodnika na osiedlu Retkinia"
    assert mail.body == "Szanowny Panie, niestety spotkanie się nie odbędzie."
    declined.refresh_from_db()
    assert declined.reply_text == "Szanowny Panie, niestety spotkanie się nie odbędzie."
    # queued, not "sent": whether it went out is the outgoing mail's status on the request's page
    with translation.override("pl"):
        assert trail(declined)[-1].text == gettext("Reply queued for e-mail to %(email)s") % {
            "email": "g.wisniewski@example.pl"
        }
        assert messages_of(response) == [gettext("The reply is queued for e-mail; the page shows when it was sent.")]


def test_send_reply_without_an_email_address_says_to_print(
    secretariat, holder, mailoutbox, django_capture_on_commit_callbacks
):
    by_phone = MeetingRequestFactory(office_holder=holder, declined=True, email="", reply_text="Szanowna Pani, ...")
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(secretariat).post(url("send_reply", by_phone), {"reply-reply_text": "Szanowna Pani!"})
    assert response.status_code == 200
    assert "wydrukuj pismo" in " ".join(response.context["failed_form"].non_field_errors())
    assert field_value(text(response), "reply-reply_text") == "Szanowna Pani!"
    assert not mailoutbox


# --- Every action: who may not, the wrong method, anonymous --------------------------------------------------


def action_post(name: str, win) -> dict[str, str]:
    start = local_input(local(next_working_day(), 18))
    return {
        "assess": {},
        "schedule": {"schedule-start": start, "schedule-minutes": "30"},
        "handover": {"handover-unit": str(win.pk), "handover-due_date": in_days(14)},
        "decline": {"decline-reason": "Brak wolnych terminów"},
        "reply": {"reply-reply_text": "Szanowni Państwo"},
        "send_reply": {"reply-reply_text": "Szanowni Państwo"},
    }[name]


def test_every_action_is_covered_here():
    assert [action.name for action in REQUEST_ACTIONS.actions] == [
        "assess",
        "schedule",
        "handover",
        "decline",
        "reply",
        "send_reply",
    ]


ACTIONS = ["assess", "schedule", "handover", "decline", "reply", "send_reply"]


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize(
    ("role", "status"),
    [("auditor", 403), ("press_officer", 404), ("office_staff", 404), ("unit_liaison", 404)],
)
def test_request_actions_refused_to_others(persona, meeting_request, win, mailoutbox, action, role, status):
    meeting_request.reply_text = "Szanowna Pani, ..."
    meeting_request.save()
    before = state(meeting_request)
    response = client_for(persona(role)).post(url(action, meeting_request), action_post(action, win))
    assert response.status_code == status
    assert state(meeting_request) == before and not Entry.objects.exists() and not mailoutbox


@pytest.mark.parametrize("action", ACTIONS)
def test_request_actions_answer_only_post(secretariat, meeting_request, action):
    before = state(meeting_request)
    assert client_for(secretariat).get(url(action, meeting_request)).status_code == 405
    assert state(meeting_request) == before


@pytest.mark.parametrize("action", ACTIONS)
def test_request_actions_send_anonymous_to_login(meeting_request, win, action):
    before = state(meeting_request)
    response = client_for(None).post(url(action, meeting_request), action_post(action, win))
    assert response.status_code == 302 and response["Location"] == login_url(url(action, meeting_request))
    assert state(meeting_request) == before


@pytest.mark.parametrize("action", ACTIONS)
def test_request_actions_on_a_missing_request_are_404(secretariat, win, action):
    missing = MeetingRequest(pk=424242)
    assert client_for(secretariat).post(url(action, missing), action_post(action, win)).status_code == 404


# --- Statistics ----------------------------------------------------------------------------------------------


def test_statistics_count_the_outcomes_of_the_year(persona, holder):
    year = timezone.localdate().year
    MeetingRequestFactory(office_holder=holder, received_on=dt.date(year, 1, 10))
    MeetingRequestFactory(
        office_holder=holder, received_on=dt.date(year, 1, 12), declined=True, decided_on=dt.date(year, 1, 22)
    )
    MeetingRequestFactory(office_holder=holder, received_on=dt.date(year - 1, 12, 30), declined=True)

    response = client_for(persona("auditor")).get(reverse("calendar_app:request_statistics") + f"?year={year}")

    assert response.status_code == 200
    (january,) = response.context["rows"]
    assert (january["month"], january["received"], january["declined"], january["open"], january["avg_days"]) == (
        1,
        2,
        1,
        1,
        10.0,
    )
    assert response.context["totals"] == {"received": 2, "scheduled": 0, "handed_over": 0, "declined": 1, "open": 1}


@pytest.mark.parametrize("year", ["1999", "3000", "rok", ""])
def test_statistics_of_an_impossible_year_show_this_year(secretariat, year):
    response = client_for(secretariat).get(reverse("calendar_app:request_statistics") + f"?year={year}")
    assert response.status_code == 200 and response.context["year"] == timezone.localdate().year


def test_statistics_are_for_readers_of_requests(persona):
    assert client_for(persona("press_officer")).get(reverse("calendar_app:request_statistics")).status_code == 403
    assert client_for(persona("auditor")).post(reverse("calendar_app:request_statistics")).status_code == 405


def test_statistics_of_one_office_holder(secretariat, holder):
    from calendar_app.services import requests as request_services

    other = OfficeHolderFactory()
    year = timezone.localdate().year
    MeetingRequestFactory(office_holder=holder, received_on=dt.date(year, 2, 3))
    MeetingRequestFactory(office_holder=other, received_on=dt.date(year, 2, 4))
    (february,) = request_services.monthly_statistics(year=year, office_holder_id=other.pk)
    assert (february["month"], february["received"]) == (2, 1)
