"""Query budgets of ceremonies and events: the list (with and without its filters), an event's page
with many co-organisers, checklist tasks, attachments and trail entries, the yearly plan with many
observances, and the core pages that list events (the dashboard's widget, the search, a contact's
page, the holder's workspace) make as many queries with 3 rows as with 20
(tests.utils.assert_constant_queries)."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from events import services
from events.models import Event, EventKind, EventStatus
from office.models import SecretariatMembership
from office.services import assignments as assignment_services
from office.services.attachments import attach
from tests.events.factories import at, checklist, deputy, event_in, mayor, observance, unit
from tests.factories import ContactFactory
from tests.utils import assert_constant_queries, client_for

pytestmark = pytest.mark.django_db

S = EventStatus
KINDS = list(EventKind.values)
STATES = [S.PROPOSED, S.PLANNED, S.DROPPED, S.HELD, S.CANCELLED]


class World:
    """Who plans the events, the office holders taking part and a counter for names."""

    def __init__(self, persona: Callable[[str], Any]) -> None:
        self.staff = persona("office_staff")
        self.people = [self.staff, persona("secretariat")]
        self.holders = [mayor(), deputy(), None]
        self.counter = itertools.count()

    def n(self) -> int:
        return next(self.counter)

    def event(
        self, organiser: Any = None, holder: Any = "any", days: int | None = None, kind: str | None = None
    ) -> Event:
        """One event in the next of the states and kinds the pages show differently (``days``: a
        planned one that many days ahead); a clash on a holder's calendar is kept with a reason."""
        n = self.n()
        fields: dict[str, Any] = {
            "name": f"Uroczystość {n}",
            "place": f"Miejsce {n}",
            "kind": kind or KINDS[n % len(KINDS)],
            "starts_at": at(days if days is not None else 1 + n % 25, 8 + n % 12),
            "holder": self.holders[n % 3] if holder == "any" else holder,
            "organiser": organiser or ContactFactory(name=f"Organizator {n}"),
            "co_organisers": [ContactFactory(name=f"Partner {n}")],
        }
        fields["starts_at"] = fields["starts_at"].replace(minute=n % 60)
        state = STATES[n % len(STATES)] if days is None else S.PLANNED
        if state == S.HELD:
            fields["starts_at"] = at(-1 - n % 20, 8 + n % 12).replace(minute=n % 60)
        fields["keep_conflict_reason"] = "Uroczystość państwowa."
        return event_in(self.staff, state, **fields)

    def upload(self) -> SimpleUploadedFile:
        return SimpleUploadedFile(f"scenariusz-{self.n()}.txt", b"Scenariusz.", "text/plain")


@pytest.fixture
def world(persona: Callable[[str], Any]) -> World:
    return World(persona)


def rows(world: World, **fields: Any) -> Callable[[int], None]:
    def make(count: int) -> None:
        for _ in range(count):
            world.event(**fields)

    return make


# --- The list ---------------------------------------------------------------------------------------------


def baseline(world: World) -> None:
    """Rows every filter below matches, so that no filter measures an empty list against a full one."""
    for _ in STATES:
        world.event()
    world.event(days=3, kind=EventKind.GALA)
    world.event(days=4, kind=EventKind.STATE)


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?coming=on",
        "?q=Uroczysto",
        "?q=Miejsce",
        "?kind=state&status=planned",
        "?status=held",
        "?since=today&until=later",
        "?coming=on&kind=gala&q=Uro",
        "?status=x&since=abc",
    ],
)
@pytest.mark.parametrize("key", ["office_staff", "auditor"])  # a planner and a reader
def test_the_list(world, persona, key, query):
    today = timezone.localdate()
    query = query.replace("today", today.isoformat()).replace("later", today.replace(year=today.year + 1).isoformat())
    url = reverse("events:event_list") + query
    baseline(world)
    # 7 + 3 + 15 rows: one page of 25
    queries = assert_constant_queries(client_for(persona(key)), url, rows(world), n=3, extra=15)
    assert queries <= 15


def test_the_list_lists_them_all(world):
    """The budget above is of a page listing every row (no second page hides the growth)."""
    baseline(world)
    rows(world)(18)
    page = client_for(world.staff).get(reverse("events:event_list")).context["page_obj"]
    assert len(page.object_list) == page.paginator.count == Event.objects.count() == 25


# --- An event's page --------------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [S.PROPOSED, S.PLANNED, S.HELD])
@pytest.mark.parametrize("key", ["office_staff", "auditor"])  # every form offered, and none
def test_the_event_page_with_co_organisers_checklist_attachments_and_trail(world, persona, key, status):
    checklist(EventKind.STATE)
    event = event_in(
        world.staff,
        status,
        kind=EventKind.STATE,
        name="Święto Niepodległości",
        holder=mayor(),
        organiser=ContactFactory(name="Urząd Wojewódzki"),
        programme="10:00 Msza\n11:00 Uroczystość",
        budget_line="750-75075-4210",
        budget_amount=5000,
        **({"starts_at": at(-1)} if status == S.HELD else {"starts_at": at(30)}),
    )
    if status == S.PLANNED:
        services.hand_out_checklist(actor=world.staff, event=event)
    partners: list[Any] = []

    def make(count: int) -> None:
        for _ in range(count):
            n = world.n()
            actor = world.people[n % len(world.people)]
            partners.append(ContactFactory(name=f"Współorganizator {n}"))
            changed = Event.objects.get(pk=event.pk)
            changed.notes = f"Uwagi {n}"
            services.save_event(actor=actor, event=changed, co_organisers=partners, keep_conflict_reason="Tak.")
            attach(actor=actor, record=event, upload=world.upload(), description=f"plik {n}")
            assignment_services.hand_over(  # one more task of the checklist, as hand_out_checklist makes them
                actor=world.staff,
                title=f"Zadanie {n} – {event.name}",
                unit=unit(f"U{n % 4}"),
                due_date=timezone.localdate(),
                source=event,
                source_label=str(event),
                source_url=services.event_url(event),
            )

    url = reverse("events:event_detail", args=[event.pk])
    queries = assert_constant_queries(client_for(persona(key)), url, make, n=3, extra=17)
    assert queries <= 40
    page = client_for(persona(key)).get(url)  # what was measured: every row on the page
    assert len(page.context["co_organisers"]) == len(page.context["attachments"]) == 20
    assert len(page.context["record_assignments"]) == 20 + (3 if status == S.PLANNED else 0)
    assert len(page.context["trail"]) > 20


# --- The yearly plan --------------------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["office_staff", "secretariat"])
def test_the_plan_page(world, persona, key):
    def make(count: int) -> None:
        for _ in range(count):
            n = world.n()
            observance(name=f"Rocznica {n}", month=1 + n % 12, day=1 + n % 28, since_year=1900 + n, is_active=n % 3 > 0)

    queries = assert_constant_queries(client_for(persona(key)), reverse("events:plan"), make, n=3, extra=17)
    assert queries <= 12


# --- The core pages that list events ------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["office_staff", "management", "auditor"])
def test_the_dashboard_widget(world, persona, key):
    # no holder: the calendar's own widgets (entries of today) stay out of the measure
    assert_constant_queries(
        client_for(persona(key)), reverse("office:dashboard"), rows(world, holder=None), n=3, extra=17
    )


def test_the_search(world):
    url = reverse("office:search") + "?q=Uroczysto"
    assert_constant_queries(client_for(world.staff), url, rows(world), n=3, extra=17)


def test_the_contact_page_of_an_organiser(world):
    organiser = ContactFactory(name="Fundacja Wielu Uroczystości")
    url = reverse("office:contact_detail", args=[organiser.pk])
    assert_constant_queries(client_for(world.staff), url, rows(world, organiser=organiser), n=3, extra=17)


def test_the_workspace_of_the_holder(world, persona):
    secretary = persona("secretariat")
    SecretariatMembership.objects.create(office_holder=mayor(), user=secretary)
    url = reverse("office:workspace_of", args=[mayor().pk])
    assert_constant_queries(client_for(secretary), url, rows(world, holder=mayor()), n=3, extra=17)
