"""The pages of ceremonies and events (events/views/events.py): the list and its filters, the create
and edit pages (bad input shown again with what was typed), the yearly plan, an event's page with
the steps each persona is offered by the event's status and each step sent through the client,
and what the office core shows of events: the dashboard's widget, the search, the contact page of
an organiser and the workspace of the office holder taking part."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from html.parser import HTMLParser
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, override

from calendar_app.models import Entry
from events import services
from events.models import Event, EventKind, EventStatus, Observance
from office.models import Assignment, SecretariatMembership
from tests.events.factories import (
    at,
    checklist,
    deputy,
    event_in,
    mayor,
    new_event,
    observance,
    proposed_event,
)
from tests.factories import ContactFactory
from tests.utils import client_for, fetch, messages_of, page_text

pytestmark = pytest.mark.django_db

S = EventStatus
ACTIONS = ["confirm", "drop", "held", "cancel", "restore", "checklist", "attach"]
READERS = ["office_staff", "secretariat", "management", "auditor"]
PLANNERS = ["office_staff", "secretariat"]


@pytest.fixture
def staff(persona: Callable[[str], Any]) -> Any:
    return persona("office_staff")


def days(count: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=count)


def local(moment: dt.datetime) -> str:
    """A moment as the datetime-local input shows it."""
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def detail_url(event: Event) -> str:
    return reverse("events:event_detail", args=[event.pk])


def action_url(name: str, event: Event) -> str:
    return reverse(f"events:event_{name}", args=[event.pk])


def fresh(event: Event) -> Event:
    return Event.objects.get(pk=event.pk)


def polish(message: str) -> str:
    with override("pl"):
        return gettext(message)


# --- Forms as a browser reads them -------------------------------------------------------------------


class _Forms(HTMLParser):
    """The forms of a page by their action: the values a browser would send (a multiple select as
    the list of its selected options), and the names of the file inputs under ``<files>``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: dict[str, dict[str, Any]] = {}
        self._form: dict[str, Any] | None = None
        self._select: tuple[str, bool] | None = None
        self._options: list[str] = []
        self._chosen: list[str] = []
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {key: value or "" for key, value in attrs}
        if tag == "form":
            self._form = {"<files>": []}
            self.forms[a.get("action", "")] = self._form
        elif self._form is None:
            return
        elif tag == "input" and a.get("name"):
            kind = a.get("type", "text")
            if kind == "file":
                self._form["<files>"].append(a["name"])
            elif kind in ("checkbox", "radio"):
                if "checked" in a:
                    self._form[a["name"]] = a.get("value", "on")
            elif kind not in ("submit", "button", "search"):
                self._form[a["name"]] = a.get("value", "")
        elif tag == "select" and a.get("name"):
            self._select, self._options, self._chosen = (a["name"], "multiple" in a), [], []
        elif tag == "option" and self._select is not None:
            self._options.append(a.get("value", ""))
            if "selected" in a:
                self._chosen.append(a.get("value", ""))
        elif tag == "textarea" and a.get("name"):
            self._textarea = a["name"]
            self._form[a["name"]] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "select" and self._select is not None and self._form is not None:
            name, multiple = self._select
            self._form[name] = self._chosen if multiple else (self._chosen or self._options or [""])[0]
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data: str) -> None:
        if self._textarea is not None and self._form is not None:
            self._form[self._textarea] += data.removeprefix("\n")


def forms_of(response: Any) -> dict[str, dict[str, Any]]:
    parser = _Forms()
    parser.feed(response.content.decode())
    return parser.forms


def browser(user: Any) -> Client:
    """A client that, like a browser, must send the CSRF token of the page it read."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def submit(client: Client, page: str, action: str, **typed: Any) -> Any:
    """Read ``page``, fill in the form posting to ``action`` with ``typed`` and send it."""
    response = fetch(client, "get", page)
    assert response.status_code == 200
    forms = forms_of(response)
    assert action in forms, f"{page} offers no form posting to {action}: {sorted(forms)}"
    fields = forms[action]
    unknown = set(typed) - set(fields) - set(fields["<files>"])
    assert not unknown, f"the form has no fields {unknown}: {sorted(fields)}"
    data = {key: value for key, value in fields.items() if key != "<files>"}
    data.update(typed)
    return fetch(client, "post", action, data)


# --- The list --------------------------------------------------------------------------------------------


@pytest.fixture
def register_of(staff: Any) -> dict[str, Event]:
    """One event per what the filters tell apart."""
    return {
        "proposed": proposed_event(staff, name="Dzień Flagi", place="Rynek", kind=EventKind.STATE, starts_at=at(5, 11)),
        "planned": new_event(
            staff, name="Gala Sportu", place="Filharmonia", kind=EventKind.GALA, starts_at=at(20, 17), holder=mayor()
        ),
        "dropped": event_in(staff, S.DROPPED, name="Festyn Osiedlowy", place="Park Miejski", starts_at=at(8)),
        "held": event_in(
            staff, S.HELD, name="Apel Pamięci", place="Pomnik Poległych", kind=EventKind.STATE, starts_at=at(-10)
        ),
        "cancelled": event_in(
            staff, S.CANCELLED, name="Wizyta Ambasadora", place="Ratusz", kind=EventKind.VISIT, starts_at=at(15)
        ),
        "far": new_event(staff, name="Koncert Noworoczny", place="Filharmonia", starts_at=at(60, 19)),
        "ended": new_event(staff, name="Spotkanie Seniorów", place="Dom Kultury", starts_at=at(-3)),
    }


def listed(user: Any, **params: Any) -> set[str]:
    response = fetch(client_for(user), "get", reverse("events:event_list"), params)
    assert response.status_code == 200
    rows = [row.name for row in response.context["page_obj"].object_list]
    text = page_text(response)
    assert all(name in text for name in rows)
    return set(rows)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, {"proposed", "planned", "dropped", "held", "cancelled", "far", "ended"}),
        ({"q": "filharmonia"}, {"planned", "far"}),
        ({"q": "apel"}, {"held"}),
        ({"q": "  Gala  "}, {"planned"}),
        ({"q": "nic takiego"}, set()),
        ({"kind": "state"}, {"proposed", "held"}),
        ({"kind": "visit"}, {"cancelled"}),
        ({"status": "dropped"}, {"dropped"}),
        ({"status": "planned"}, {"planned", "far", "ended"}),
        ({"status": "proposed"}, {"proposed"}),
        ({"since": "today"}, {"proposed", "planned", "dropped", "cancelled", "far"}),
        ({"until": "today"}, {"held", "ended"}),
        ({"since": 6, "until": 20}, {"dropped", "cancelled", "planned"}),
        ({"since": 5, "until": 5}, {"proposed"}),
        ({"coming": "on"}, {"proposed", "planned", "far"}),
        ({"coming": "on", "kind": "gala"}, {"planned"}),
        ({"coming": "on", "q": "Rynek"}, {"proposed"}),
    ],
)
def test_the_filters_narrow_the_list(persona, register_of, params, expected):
    named = {"today": days(0)}
    params = {
        key: str(days(value) if isinstance(value, int) else named.get(value, value)) for key, value in params.items()
    }
    names = {key: event.name for key, event in register_of.items()}
    for key in READERS:
        assert listed(persona(key), **params) == {names[k] for k in expected}, key


@pytest.mark.parametrize(
    "params", [{"status": "nonsense"}, {"kind": "party"}, {"since": "2199-13-01"}, {"until": "wczoraj"}]
)
def test_a_wrong_filter_shows_the_whole_list(staff, register_of, params):
    assert len(listed(staff, **params)) == len(register_of)


def test_the_list_shows_when_what_who_and_the_status(staff, register_of):
    response = fetch(client_for(staff), "get", reverse("events:event_list"))
    text = page_text(response)
    assert [row.name for row in response.context["page_obj"].object_list][:3] == [
        "Apel Pamięci",
        "Spotkanie Seniorów",
        "Dzień Flagi",
    ]  # by the start
    assert "Andrzej Kowalczyk" in text and detail_url(register_of["planned"]) in text
    with override("pl"):
        assert str(S.DROPPED.label) in text


def test_the_list_is_for_the_readers(persona, register_of):
    for key in READERS:
        assert fetch(client_for(persona(key)), "get", reverse("events:event_list")).status_code == 200, key
    for key in ("press_officer", "unit_liaison"):
        assert fetch(client_for(persona(key)), "get", reverse("events:event_list")).status_code == 403, key
    assert fetch(client_for(None), "get", reverse("events:event_list")).status_code == 302


def test_the_new_event_and_plan_links_are_for_the_planners(persona):
    for key in READERS:
        text = page_text(fetch(client_for(persona(key)), "get", reverse("events:event_list")))
        shown = reverse("events:event_create") in text and reverse("events:plan") in text
        assert shown is (key in PLANNERS), key


# --- Creating and changing an event ----------------------------------------------------------------------


def _form(**changes: Any) -> dict[str, Any]:
    partners = [ContactFactory(name="Fundacja Sportu"), ContactFactory(name="Klub Olimpijczyka")]
    data = {
        "kind": "gala",
        "name": "Gala konkursu „Mistrz Sportu”",
        "starts_at": local(at(12, 17)),
        "ends_at": local(at(12, 20)),
        "place": "Filharmonia",
        "organiser": ContactFactory(name="Miejski Ośrodek Sportu").pk,
        "co_organisers": [partner.pk for partner in partners],
        "holder": mayor().pk,
        "programme": "17:00 Powitanie gości\n18:00 Wręczenie statuetek",
        "budget_line": "926-92605-4300",
        "budget_amount": "12000.50",
        "notes": "Zaproszenia do 1 grudnia.",
        "keep_conflict_reason": "",
        **changes,
    }
    return {key: value for key, value in data.items() if value is not None}


def test_create_saves_the_event_puts_it_on_the_calendar_and_goes_to_its_page(staff):
    data = _form()
    response = fetch(client_for(staff), "post", reverse("events:event_create"), data)
    event = Event.objects.get()
    assert response.status_code == 302 and response["Location"] == detail_url(event)
    assert messages_of(response)
    assert (event.kind, event.name, event.place, event.status, event.created_by) == (
        "gala",
        "Gala konkursu „Mistrz Sportu”",
        "Filharmonia",
        S.PLANNED,
        staff,
    )
    assert (event.starts_at, event.ends_at, event.year) == (at(12, 17), at(12, 20), days(12).year)
    assert (event.organiser.name, event.holder, str(event.budget_amount)) == (
        "Miejski Ośrodek Sportu",
        mayor(),
        "12000.50",
    )
    assert sorted(c.name for c in event.co_organisers.all()) == ["Fundacja Sportu", "Klub Olimpijczyka"]
    entry = Entry.objects.get(pk=event.calendar_entry_id)
    assert entry.calendar.office_holder == mayor() and entry.start == event.starts_at

    page = page_text(fetch(client_for(staff), "get", detail_url(event)))
    for text in ("Gala konkursu „Mistrz Sportu”", "Fundacja Sportu", "Wręczenie statuetek", "926-92605-4300"):
        assert text in page
    assert reverse("calendar_app:entry_detail", args=[entry.pk]) in page


def test_create_without_a_holder_or_an_organiser(persona):
    data = _form(holder="", organiser="", co_organisers=[], budget_amount="")
    response = fetch(client_for(persona("secretariat")), "post", reverse("events:event_create"), data)
    assert response.status_code == 302
    event = Event.objects.get()
    assert (event.holder, event.organiser, event.budget_amount, event.calendar_entry_id) == (None, None, None, None)
    with override("pl"):
        assert gettext("the office") in page_text(fetch(client_for(persona("secretariat")), "get", detail_url(event)))


BAD_INPUT = [
    ({"ends_at": "before"}, "ends_at"),
    ({"ends_at": "same"}, "ends_at"),
    ({"starts_at": "2199-13-01"}, "starts_at"),
    ({"starts_at": "2199-13-01T10:00"}, "starts_at"),
    ({"ends_at": "jutro"}, "ends_at"),
    ({"name": ""}, "name"),
    ({"name": "   "}, "name"),
    ({"budget_amount": "-5"}, "budget_amount"),
    ({"budget_amount": "dużo"}, "budget_amount"),
    ({"kind": "party"}, "kind"),
    ({"organiser": "999999"}, "organiser"),
    ({"holder": "999999"}, "holder"),
]


@pytest.mark.parametrize(("changes", "field"), BAD_INPUT)
def test_create_with_bad_input_shows_the_error_on_the_field_and_keeps_the_input(staff, changes, field):
    named = {"before": local(at(12, 16)), "same": local(at(12, 17))}
    data = _form(**{key: named.get(value, value) for key, value in changes.items()})
    response = fetch(client_for(staff), "post", reverse("events:event_create"), data)
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {field}, form.errors
    text = page_text(response)
    assert 'id="error-summary"' in text and all(message in text for message in form.errors[field])
    assert not Event.objects.exists() and not Entry.objects.exists()
    [values] = [fields for fields in forms_of(response).values() if "name" in fields]
    for name, value in data.items():
        if name == field and name in ("kind", "organiser", "holder"):
            continue  # a choice the field does not offer cannot be shown chosen
        shown = values.get(name, "")
        expected = [str(v) for v in value] if isinstance(value, list) else str(value)
        assert shown == expected, name


def test_create_with_a_clash_asks_for_a_reason(staff):
    from calendar_app import services as calendar_services

    calendar_services.schedule_entry(
        actor=staff, calendar=calendar_services.calendar_of(mayor()), title="Sesja Rady", start=at(12, 16),
        end=at(12, 18),
    )  # fmt: skip
    client = client_for(staff)
    response = fetch(client, "post", reverse("events:event_create"), _form())
    assert response.status_code == 200 and not Event.objects.exists()
    assert "Sesja Rady" in " ".join(response.context["form"].non_field_errors())
    assert "Gala konkursu „Mistrz Sportu”" in page_text(response)

    response = fetch(client, "post", reverse("events:event_create"), _form(keep_conflict_reason="Gala z udziałem."))
    assert response.status_code == 302
    assert Entry.objects.get(pk=Event.objects.get().calendar_entry_id).conflict_reason == "Gala z udziałem."


def test_create_is_for_the_planners(persona):
    for key in PLANNERS:
        assert fetch(client_for(persona(key)), "get", reverse("events:event_create")).status_code == 200, key
    for key in ("management", "auditor", "press_officer", "unit_liaison"):
        client = client_for(persona(key))
        assert fetch(client, "get", reverse("events:event_create")).status_code == 403, key
        assert fetch(client, "post", reverse("events:event_create"), _form()).status_code == 403, key
    assert not Event.objects.exists()


def test_edit_moves_the_event_and_its_entry(staff):
    event = new_event(staff, name="Dzień Seniora", holder=mayor())
    url = reverse("events:event_edit", args=[event.pk])
    page = fetch(client_for(staff), "get", url)
    assert page.status_code == 200
    [values] = [fields for fields in forms_of(page).values() if "name" in fields]
    assert (values["name"], values["starts_at"], values["holder"]) == ("Dzień Seniora", local(at(10)), str(mayor().pk))

    values.update(starts_at=local(at(11, 9)), ends_at=local(at(11, 10)), place="Dom Kultury")
    values.pop("<files>")
    response = fetch(client_for(staff), "post", url, values)
    assert response.status_code == 302 and response["Location"] == detail_url(event)
    saved = fresh(event)
    assert (saved.starts_at, saved.place, saved.calendar_entry_id) == (
        at(11, 9),
        "Dom Kultury",
        event.calendar_entry_id,
    )
    entry = Entry.objects.get(pk=saved.calendar_entry_id)
    assert (entry.start, entry.end, entry.place) == (at(11, 9), at(11, 10), "Dom Kultury")


@pytest.mark.parametrize("status", [S.HELD, S.DROPPED, S.CANCELLED])
def test_an_event_that_will_not_take_place_is_not_edited(staff, status):
    event = event_in(staff, status, name="Zamknięte")
    url = reverse("events:event_edit", args=[event.pk])
    client = client_for(staff)
    assert fetch(client, "get", url).status_code == 403
    assert fetch(client, "post", url, _form(name="Zmienione")).status_code == 403
    assert fresh(event).name == "Zamknięte"
    page = fetch(client, "get", detail_url(event))
    assert page.status_code == 200 and url not in page_text(page) and not page.context["can_change"]


@pytest.mark.parametrize("status", [S.PROPOSED, S.PLANNED])
def test_a_coming_event_is_edited_by_the_planners_only(persona, staff, status):
    event = event_in(staff, status)
    url = reverse("events:event_edit", args=[event.pk])
    for key in PLANNERS:
        assert fetch(client_for(persona(key)), "get", url).status_code == 200, key
        assert url in page_text(fetch(client_for(persona(key)), "get", detail_url(event)))
    for key in ("management", "auditor", "press_officer"):
        assert fetch(client_for(persona(key)), "get", url).status_code == 403, key
    assert fetch(client_for(staff), "get", reverse("events:event_edit", args=[987654])).status_code == 404


# --- The yearly plan -------------------------------------------------------------------------------------


def test_the_plan_page_lists_the_observances(staff):
    city = observance(name="Nadanie praw miejskich", since_year=1323, ceremony="Sesja uroczysta", is_active=False)
    response = fetch(client_for(staff), "get", reverse("events:plan"))
    assert response.status_code == 200
    text = page_text(response)
    for row in Observance.objects.all():
        assert row.name in text
    assert "24.06" in text and "11.11" in text and city.ceremony in text
    [fields] = [f for f in forms_of(response).values() if "year" in f]
    assert fields["year"] == str(days(0).year)


def test_the_plan_proposes_the_events_and_shows_them(staff):
    response = fetch(client_for(staff), "post", reverse("events:plan"), {"year": "2031"})
    assert response.status_code == 302
    assert response["Location"] == reverse("events:event_list") + "?status=proposed&since=2031-01-01&until=2031-12-31"
    assert messages_of(response)
    assert Event.objects.filter(year=2031, status=S.PROPOSED).count() == 12

    listing = fetch(client_for(staff), "get", response["Location"])
    assert {row.year for row in listing.context["page_obj"].object_list} == {2031}
    assert listing.context["page_obj"].paginator.count == 12

    again = fetch(client_for(staff), "post", reverse("events:plan"), {"year": "2031"})
    assert again.status_code == 302 and Event.objects.count() == 12


@pytest.mark.parametrize("year", ["1999", "2200", "abc", ""])
def test_the_plan_refuses_a_wrong_year_on_the_field(staff, year):
    response = fetch(client_for(staff), "post", reverse("events:plan"), {"year": year})
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"year"}
    text = page_text(response)
    assert 'id="error-summary"' in text and all(message in text for message in form.errors["year"])
    [fields] = [f for f in forms_of(response).values() if "year" in f]
    assert fields["year"] == year
    assert not Event.objects.exists()


def test_the_plan_is_for_the_planners(persona):
    for key in PLANNERS:
        assert fetch(client_for(persona(key)), "get", reverse("events:plan")).status_code == 200, key
    for key in ("management", "auditor", "press_officer", "unit_liaison"):
        client = client_for(persona(key))
        assert fetch(client, "get", reverse("events:plan")).status_code == 403, key
        assert fetch(client, "post", reverse("events:plan"), {"year": "2031"}).status_code == 403, key
    assert not Event.objects.exists()


# --- An event's page and the steps it offers ---------------------------------------------------------


def _offered(user: Any, event: Event) -> set[str]:
    response = fetch(client_for(user), "get", detail_url(event))
    assert response.status_code == 200
    may = {name for name, allowed in response.context["may"].items() if allowed}
    forms = forms_of(response)
    assert {name for name in ACTIONS if action_url(name, event) in forms} == may
    return may


def _event(staff: Any, state: str) -> Event:
    if state == "planned, checklist":
        checklist(EventKind.CITY)
        event = event_in(staff, S.PLANNED, starts_at=at(-1))
        services.hand_out_checklist(actor=staff, event=event)
        return event
    return event_in(staff, state, starts_at=at(-1))  # started: held is a step it may take


OFFERED = [
    pytest.param(
        S.PROPOSED,
        {"confirm", "drop", "attach"},
    ),
    (S.PLANNED, {"checklist", "held", "cancel", "attach"}),
    ("planned, checklist", {"held", "cancel", "attach"}),
    (S.DROPPED, {"restore", "attach"}),
    (S.CANCELLED, {"confirm", "attach"}),
    (S.HELD, {"attach"}),
]


@pytest.mark.parametrize(("state", "expected"), OFFERED)
@pytest.mark.parametrize("key", PLANNERS)
def test_the_steps_offered_to_the_planners(persona, staff, key, state, expected):
    assert _offered(persona(key), _event(staff, state)) == expected


@pytest.mark.parametrize("state", [S.PROPOSED, S.PLANNED, S.DROPPED, S.CANCELLED, S.HELD])
@pytest.mark.parametrize("key", ["management", "auditor"])
def test_readers_are_offered_no_step(persona, staff, key, state):
    event = _event(staff, state)
    assert _offered(persona(key), event) == set()
    assert not fetch(client_for(persona(key)), "get", detail_url(event)).context["can_change"]


def test_confirming_offers_the_checklist(staff):
    event = proposed_event(staff, starts_at=at(20))
    assert {"confirm", "drop"} <= _offered(staff, event)
    response = submit(browser(staff), detail_url(event), action_url("confirm", event), **{"confirm-note": ""})
    assert response.status_code == 302
    assert _offered(staff, event) == {"checklist", "cancel", "attach"}  # held only once it has started


def test_the_page_is_for_the_readers(persona, staff):
    event = new_event(staff)
    for key in READERS:
        assert fetch(client_for(persona(key)), "get", detail_url(event)).status_code == 200, key
    for key in ("press_officer", "unit_liaison"):
        assert fetch(client_for(persona(key)), "get", detail_url(event)).status_code == 403, key
    assert fetch(client_for(staff), "get", reverse("events:event_detail", args=[987654])).status_code == 404


# --- The steps through the pages -----------------------------------------------------------------------


def test_confirm_puts_the_proposal_on_the_holders_calendar(staff):
    event = proposed_event(staff, holder=mayor(), name="Święto Niepodległości", starts_at=at(20, 11))
    page = detail_url(event)
    response = submit(browser(staff), page, action_url("confirm", event), **{"confirm-note": "Potwierdzone."})
    assert response.status_code == 302 and response["Location"] == page and messages_of(response)
    saved = fresh(event)
    entry = Entry.objects.get(pk=saved.calendar_entry_id)
    assert saved.status == S.PLANNED and entry.calendar.office_holder == mayor() and entry.start == at(20, 11)
    assert "Potwierdzone." in page_text(fetch(client_for(staff), "get", page))


def test_drop_and_restore(persona):
    secretary = persona("secretariat")
    event = proposed_event(secretary)
    page = detail_url(event)
    response = submit(browser(secretary), page, action_url("drop", event), **{"drop-note": "Brak środków."})
    assert response.status_code == 302 and fresh(event).status == S.DROPPED
    assert "Brak środków." in page_text(fetch(client_for(secretary), "get", page))

    response = submit(browser(secretary), page, action_url("restore", event), **{"restore-note": ""})
    assert response.status_code == 302 and fresh(event).status == S.PROPOSED


def test_the_checklist_through_the_page(staff):
    checklist(EventKind.STATE)  # WO 10 days before, WIN 14, BPR 2
    event = event_in(staff, S.PLANNED, kind=EventKind.STATE, name="Święto Wojska Polskiego", starts_at=at(30))
    page = detail_url(event)
    response = submit(browser(staff), page, action_url("checklist", event))
    assert response.status_code == 302 and response["Location"] == page and messages_of(response)
    assert Assignment.objects.count() == 3 and fresh(event).checklist_made

    text = page_text(fetch(client_for(staff), "get", page))
    for assignment in Assignment.objects.all():
        assert assignment.title in text and reverse("office:assignment_detail", args=[assignment.pk]) in text

    again = fetch(client_for(staff), "post", action_url("checklist", event))
    assert again.status_code == 302 and messages_of(again) and Assignment.objects.count() == 3


def test_no_checklist_for_the_kind_is_told_as_a_message(staff):
    event = event_in(staff, S.PLANNED, kind=EventKind.VISIT)
    response = fetch(client_for(staff), "post", action_url("checklist", event))
    assert response.status_code == 302 and response["Location"] == detail_url(event)
    assert messages_of(response) and not Assignment.objects.exists() and not fresh(event).checklist_made


def test_mark_held_once_started(staff):
    event = event_in(staff, S.PLANNED, starts_at=at(-1))
    response = submit(browser(staff), detail_url(event), action_url("held", event), **{"held-note": "Było 300 osób."})
    assert response.status_code == 302 and fresh(event).status == S.HELD


def test_mark_held_before_the_start_shows_the_error_on_the_note(staff):
    event = event_in(staff, S.PLANNED, starts_at=at(3))
    response = fetch(client_for(staff), "post", action_url("held", event), {"held-note": "Za wcześnie."})
    assert response.status_code == 200
    form = response.context["failed_form"]
    assert set(form.errors) == {"note"}
    text = page_text(response)
    assert 'id="error-summary"' in text and all(message in text for message in form.errors["note"])
    assert forms_of(response)[action_url("held", event)]["held-note"] == "Za wcześnie."
    assert fresh(event).status == S.PLANNED


def test_cancel_takes_the_event_off_the_calendar(staff):
    event = new_event(staff, holder=mayor())
    entry_id = event.calendar_entry_id
    response = submit(
        browser(staff), detail_url(event), action_url("cancel", event), **{"cancel-note": "Żałoba narodowa."}
    )
    assert response.status_code == 302
    saved = fresh(event)
    assert (saved.status, saved.calendar_entry_id) == (S.CANCELLED, None)
    assert Entry.objects.get(pk=entry_id).status == "cancelled"


def test_attach_a_file(staff):
    event = new_event(staff)
    upload = SimpleUploadedFile("scenariusz.txt", "Scenariusz uroczystości.".encode(), "text/plain")
    response = fetch(
        client_for(staff), "post", action_url("attach", event), {"attach-file": upload, "attach-description": "plan"}
    )
    assert response.status_code == 302 and response["Location"] == detail_url(event)
    assert "scenariusz.txt" in page_text(fetch(client_for(staff), "get", detail_url(event)))


def test_attach_a_file_the_way_a_browser_sends_it(staff):
    event = new_event(staff)
    page = fetch(client_for(staff), "get", detail_url(event))
    fields = forms_of(page)[action_url("attach", event)]
    [file_field] = fields["<files>"]
    description = next(name for name in fields if name.endswith("description"))
    upload = SimpleUploadedFile("scenariusz.txt", "Scenariusz uroczystości.".encode(), "text/plain")
    response = submit(browser(staff), detail_url(event), action_url("attach", event), **{file_field: upload,
                      description: "plan"})  # fmt: skip
    assert response.status_code == 302
    assert "scenariusz.txt" in page_text(fetch(client_for(staff), "get", detail_url(event)))


def test_confirming_a_clashing_proposal_shows_the_clash(staff):
    from calendar_app import services as calendar_services

    calendar_services.schedule_entry(
        actor=staff, calendar=calendar_services.calendar_of(mayor()), title="Sesja Rady", start=at(20, 11),
        end=at(20, 12),
    )  # fmt: skip
    event = proposed_event(staff, holder=mayor(), starts_at=at(20, 11))
    response = fetch(client_for(staff), "post", action_url("confirm", event), {"confirm-note": "Idziemy."})
    assert response.status_code == 200
    assert "Sesja Rady" in " ".join(response.context["failed_form"].non_field_errors())
    assert fresh(event).status == S.PROPOSED


def test_a_clashing_proposal_is_confirmed_with_a_reason(staff):
    from calendar_app import services as calendar_services

    calendar_services.schedule_entry(
        actor=staff, calendar=calendar_services.calendar_of(mayor()), title="Sesja Rady", start=at(20, 11),
        end=at(20, 12),
    )  # fmt: skip
    event = proposed_event(staff, holder=mayor(), starts_at=at(20, 11))
    first = fetch(client_for(staff), "post", action_url("confirm", event), {"confirm-note": ""})
    fields = forms_of(first)[action_url("confirm", event)]
    [reason] = [name for name in fields if "conflict" in name or "reason" in name]
    response = fetch(client_for(staff), "post", action_url("confirm", event), {reason: "Święto państwowe."})
    assert response.status_code == 302 and fresh(event).status == S.PLANNED


def test_a_step_the_state_no_longer_offers_is_refused_on_the_form(staff):
    event = event_in(staff, S.DROPPED)  # a stale page still showing "confirm"
    response = fetch(client_for(staff), "post", action_url("confirm", event), {"confirm-note": "Jednak tak."})
    assert response.status_code == 200 and response.context["failed_form"].non_field_errors()
    assert forms_of(response)[action_url("confirm", event)]["confirm-note"] == "Jednak tak."
    assert fresh(event).status == S.DROPPED


def test_the_steps_refuse_those_not_offered_them(persona, staff):
    event = proposed_event(staff)
    checklist(EventKind.CITY)
    for key in ("management", "auditor", "press_officer", "unit_liaison"):
        client = client_for(persona(key))
        for name in ("confirm", "drop", "checklist"):
            assert fetch(client, "post", action_url(name, event), {f"{name}-note": ""}).status_code == 403, (key, name)
        upload = SimpleUploadedFile("a.txt", b"Tekst.", "text/plain")
        assert fetch(client, "post", action_url("attach", event), {"attach-file": upload}).status_code == 403, key
    assert fetch(client_for(staff), "get", action_url("confirm", event)).status_code == 405
    assert fresh(event).status == S.PROPOSED and not Assignment.objects.exists()


# --- What the office core shows of events -----------------------------------------------------------


def _outcome(outcomes: list[Any], key: str) -> Any:
    [outcome] = [o for o in outcomes if o.key == key]
    assert not outcome.failed
    return outcome.data


def test_the_dashboard_widget_lists_the_coming_thirty_days(persona, staff):
    soon = new_event(staff, name="Dzień Seniora", starts_at=at(10))
    proposal = proposed_event(staff, name="Dzień Flagi", starts_at=at(3), place="Rynek")
    new_event(staff, name="Za czterdzieści dni", starts_at=at(40))
    event_in(staff, S.DROPPED, name="Odrzucone", starts_at=at(5))
    event_in(staff, S.CANCELLED, name="Odwołane", starts_at=at(6))
    new_event(staff, name="Już było", starts_at=at(-2))

    for key in READERS:
        response = fetch(client_for(persona(key)), "get", reverse("office:dashboard"))
        widget = _outcome(response.context["widgets"], "events_coming")
        assert [item.label for item in widget.items] == ["Dzień Flagi", "Dzień Seniora"], key
        assert widget.total == 2 and widget.more_url == reverse("events:event_list") + "?coming=on"
        assert [item.is_warning for item in widget.items] == [True, False]
        assert [item.url for item in widget.items] == [detail_url(proposal), detail_url(soon)]
        assert "Rynek" in widget.items[0].meta
        text = page_text(response)
        assert "Dzień Seniora" in text and "Za czterdzieści dni" not in text and "Odrzucone" not in text

    response = fetch(client_for(persona("press_officer")), "get", reverse("office:dashboard"))
    assert all(o.key != "events_coming" for o in response.context["widgets"])


def test_an_event_that_started_and_goes_on_is_in_the_widget(staff):
    new_event(staff, name="Jarmark Świąteczny", starts_at=timezone.now() - dt.timedelta(hours=1))
    response = fetch(client_for(staff), "get", reverse("office:dashboard"))
    assert [i.label for i in _outcome(response.context["widgets"], "events_coming").items] == ["Jarmark Świąteczny"]


def test_the_search_finds_an_event(persona, staff):
    event = new_event(staff, name="Gala Wolontariatu", place="Teatr Miejski", programme="Koncert orkiestry dętej")
    for query in ("wolontariat", "Teatr Miejski", "orkiestry"):
        response = fetch(client_for(staff), "get", reverse("office:search"), {"q": query})
        hits = _outcome(response.context["groups"], "events")
        assert [(hit.title, hit.url) for hit in hits] == [("Gala Wolontariatu", detail_url(event))], query
        assert "Gala Wolontariatu" in page_text(response)
    response = fetch(client_for(persona("management")), "get", reverse("office:search"), {"q": "wolontariat"})
    assert _outcome(response.context["groups"], "events")
    response = fetch(client_for(persona("press_officer")), "get", reverse("office:search"), {"q": "wolontariat"})
    assert all(group.key != "events" for group in response.context["groups"])


def test_the_contact_page_of_an_organiser_lists_their_events(staff):
    organiser = ContactFactory(name="Fundacja Pamięć Narodowa")
    partner = ContactFactory(name="Związek Kombatantów")
    organised = new_event(staff, name="Apel Pamięci", organiser=organiser, co_organisers=[partner, organiser])
    co_organised = new_event(staff, name="Rajd Szlakiem Bohaterów", co_organisers=[organiser], starts_at=at(20))
    new_event(staff, name="Cudze wydarzenie", organiser=partner, starts_at=at(30))

    response = fetch(client_for(staff), "get", reverse("office:contact_detail", args=[organiser.pk]))
    assert response.status_code == 200
    widget = _outcome(response.context["history"], "events")
    assert [item.label for item in widget.items] == ["Rajd Szlakiem Bohaterów", "Apel Pamięci"]  # newest first
    assert widget.total == 2
    assert [item.url for item in widget.items] == [detail_url(co_organised), detail_url(organised)]
    text = page_text(response)
    assert "Apel Pamięci" in text and "Cudze wydarzenie" not in text

    response = fetch(client_for(staff), "get", reverse("office:contact_detail", args=[partner.pk]))
    assert [i.label for i in _outcome(response.context["history"], "events").items] == [
        "Cudze wydarzenie",
        "Apel Pamięci",
    ]


def test_the_workspace_of_the_holder_lists_their_events(persona, staff):
    secretary = persona("secretariat")
    SecretariatMembership.objects.create(office_holder=mayor(), user=secretary)
    theirs = new_event(staff, name="Gala Sportu", holder=mayor(), starts_at=at(20))
    proposal = proposed_event(staff, name="Dzień Flagi", holder=mayor(), starts_at=at(4))
    new_event(staff, name="Z zastępcą", holder=deputy(), starts_at=at(5))
    new_event(staff, name="Bez udziału", starts_at=at(6))
    event_in(staff, S.CANCELLED, name="Odwołana wizyta", holder=mayor(), starts_at=at(7))
    new_event(staff, name="Za dwa miesiące", holder=mayor(), starts_at=at(70))

    response = fetch(client_for(secretary), "get", reverse("office:workspace_of", args=[mayor().pk]))
    assert response.status_code == 200
    widget = _outcome(response.context["sections"], "events")
    assert [item.label for item in widget.items] == ["Dzień Flagi", "Gala Sportu"]
    assert [item.url for item in widget.items] == [detail_url(proposal), detail_url(theirs)]
    text = page_text(response)
    assert "Gala Sportu" in text and "Z zastępcą" not in text and "Odwołana wizyta" not in text
