"""Ceremonies and events through their services (events/services.py): the shipped observances, the
yearly plan (one proposal per active day, at 11:00 office time for two hours, named for the city's
anniversaries), an event on the calendar of the office holder taking part (moved, handed over,
removed with it; a clash needs a reason), the status graph (events/workflows.py) walked pair by
pair, the checklist handed to units as Assignments, and the audit trail of every change."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from calendar_app import services as calendar_services
from calendar_app.models import Entry
from events import services
from events.models import ChecklistItem, Event, EventKind, EventStatus, Observance, ObservanceKind
from events.workflows import EVENT_WORKFLOW
from office.models import Assignment, AuditEntry
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

pytestmark = pytest.mark.django_db

S = EventStatus
WARSAW = ZoneInfo("Europe/Warsaw")
PLAN_YEAR = 2031  # a common year, far from today: nothing else of the office falls on it


@pytest.fixture
def staff(persona: Callable[[str], Any]) -> Any:
    return persona("office_staff")


def fresh(event: Event) -> Event:
    return Event.objects.get(pk=event.pk)


def trail(event: Event) -> list[AuditEntry]:
    return list(AuditEntry.objects.of(event).order_by("id"))


def entry_of(event: Event) -> Entry | None:
    """The calendar entry the event (as saved) keeps the id of."""
    entry_id = fresh(event).calendar_entry_id
    return Entry.objects.select_related("calendar").get(pk=entry_id) if entry_id else None


def entries_from(event: Event) -> list[Entry]:
    """Every calendar entry made from ``event`` (cancelled ones too), oldest first."""
    return list(
        Entry.objects.filter(source_type=ContentType.objects.get_for_model(Event), source_id=event.pk)
        .select_related("calendar")
        .order_by("id")
    )


def busy(holder: Any, start: dt.datetime, end: dt.datetime, **fields: Any) -> Entry:
    """Another entry of the holder's calendar (a meeting: it blocks time)."""
    return calendar_services.schedule_entry(
        actor=None,
        calendar=calendar_services.calendar_of(holder),
        title=fields.pop("title", "Spotkanie z radnymi"),
        start=start,
        end=end,
        **fields,
    )


def move(actor: Any, event: Event, days: int, hour: int = 12, reason: str = "", **changes: Any) -> Event:
    """Move the event to ``days`` from today at ``hour`` (two hours), with other ``changes``."""
    event = fresh(event)
    event.starts_at = at(days, hour)
    event.ends_at = event.starts_at + dt.timedelta(hours=2)
    for name, value in changes.items():
        setattr(event, name, value)
    return services.save_event(actor=actor, event=event, keep_conflict_reason=reason)


def plan(actor: Any, year: int = PLAN_YEAR) -> dict[str, Event]:
    """The events the plan proposes in ``year``, by their observance's name."""
    return {event.observance.name: event for event in services.generate_plan(actor=actor, year=year)}


# --- The shipped observances --------------------------------------------------------------------------


def test_migrate_installed_the_twelve_shipped_days():
    days = list(Observance.objects.order_by("month", "day"))
    assert len(days) == 12
    assert {o.kind for o in days} == {ObservanceKind.HOLIDAY, ObservanceKind.STATE_DAY}
    holidays = [(o.day, o.month) for o in days if o.kind == ObservanceKind.HOLIDAY]
    assert holidays == [(3, 5), (15, 8), (11, 11)]
    assert all(o.is_active and o.since_year is None and o.ceremony and o.place for o in days)


def test_ensure_shipped_observances_installs_the_days_once():
    Observance.objects.all().delete()
    assert services.ensure_shipped_observances() == 12
    independence = Observance.objects.get(month=11, day=11)
    assert (independence.name, independence.kind, independence.place) == (
        "Narodowe Święto Niepodległości",
        ObservanceKind.HOLIDAY,
        "Plac Wolności",
    )
    assert Observance.objects.get(month=3, day=1).name == "Narodowy Dzień Pamięci „Żołnierzy Wyklętych”"

    assert services.ensure_shipped_observances() == 0
    assert Observance.objects.count() == 12
    # an installation, not a change anyone made: not on the trail
    assert not AuditEntry.objects.filter(content_type__app_label="events").exists()


def test_the_shipped_days_are_not_installed_over_the_citys_own(staff):
    Observance.objects.all().delete()
    observance(name="Nadanie praw miejskich", since_year=1323)
    assert services.ensure_shipped_observances() == 0
    assert list(Observance.objects.values_list("name", flat=True)) == ["Nadanie praw miejskich"]


# --- The yearly plan -------------------------------------------------------------------------------------


def test_the_plan_proposes_one_event_per_day_at_eleven_for_two_hours(staff):
    made = services.generate_plan(actor=staff, year=PLAN_YEAR)

    assert len(made) == 12 and Event.objects.count() == 12
    assert {event.observance for event in made} == set(Observance.objects.all())
    for event in made:
        saved = fresh(event)
        day = dt.date(PLAN_YEAR, saved.observance.month, saved.observance.day)
        start = saved.starts_at.astimezone(WARSAW)
        assert (start.date(), start.time()) == (day, dt.time(11)), saved.name
        assert saved.ends_at - saved.starts_at == dt.timedelta(hours=2)
        assert (saved.status, saved.year, saved.kind) == (S.PROPOSED, PLAN_YEAR, EventKind.STATE)
        assert (saved.name, saved.place) == (saved.observance.ceremony, saved.observance.place)
        assert (saved.holder, saved.organiser, saved.calendar_entry_id, saved.created_by) == (None, None, None, staff)
        assert not saved.checklist_made
    # 11:00 office time in summer and in winter alike
    offsets = {fresh(event).starts_at.astimezone(WARSAW).utcoffset() for event in made}
    assert offsets == {dt.timedelta(hours=1), dt.timedelta(hours=2)}
    assert not Entry.objects.exists()


def test_the_plan_proposes_for_holidays_state_days_and_the_citys_anniversaries(staff):
    city = observance(name="Rocznica wyzwolenia Miasta", month=2, day=14, ceremony="Złożenie kwiatów")
    events = plan(staff)
    assert events["Narodowe Święto Niepodległości"].kind == EventKind.STATE  # a holiday
    assert events["Dzień Flagi Rzeczypospolitej Polskiej"].kind == EventKind.STATE  # a state day
    anniversary = events[city.name]
    assert (anniversary.kind, anniversary.name, anniversary.place) == (
        EventKind.ANNIVERSARY,
        "Złożenie kwiatów",
        "Ratusz",
    )
    assert timezone.localtime(anniversary.starts_at) == dt.datetime(PLAN_YEAR, 2, 14, 11, tzinfo=WARSAW)


def test_the_citys_anniversary_is_numbered_from_its_first_year(staff):
    city = observance(name="Nadanie praw miejskich", since_year=1323, ceremony="Sesja uroczysta Rady Miasta")
    with translation.override("en"):
        assert plan(staff)[city.name].name == f"{PLAN_YEAR - 1323}. anniversary: Nadanie praw miejskich"


def test_the_citys_anniversary_is_named_in_polish(staff):
    city = observance(name="Nadanie praw miejskich", since_year=1323)
    with translation.override("pl"):
        name = plan(staff)[city.name].name
    assert name == f"{PLAN_YEAR - 1323}. rocznica: Nadanie praw miejskich"


@pytest.mark.parametrize(("since_year", "ceremony", "expected"), [
    (PLAN_YEAR, "Odsłonięcie tablicy", "Odsłonięcie tablicy"),  # the first year: no anniversary yet
    (PLAN_YEAR + 5, "", "Rocznica przyszła"),
    (None, "", "Rocznica przyszła"),
])  # fmt: skip
def test_an_anniversary_without_a_number_keeps_the_ceremony_or_the_name(staff, since_year, ceremony, expected):
    observance(name="Rocznica przyszła", since_year=since_year, ceremony=ceremony)
    event = plan(staff)["Rocznica przyszła"]
    assert (event.name, event.kind) == (expected, EventKind.ANNIVERSARY)


def test_running_the_plan_again_creates_nothing_and_a_new_day_is_added_later(staff):
    first = services.generate_plan(actor=staff, year=PLAN_YEAR)
    entries = AuditEntry.objects.count()

    assert services.generate_plan(actor=staff, year=PLAN_YEAR) == []
    assert Event.objects.count() == len(first) == 12 and AuditEntry.objects.count() == entries

    added = observance(name="Dzień Patrona Miasta", month=10, day=4, ceremony="Msza w intencji Miasta")
    [third] = services.generate_plan(actor=staff, year=PLAN_YEAR)
    assert (third.observance, third.name, third.year) == (added, "Msza w intencji Miasta", PLAN_YEAR)
    assert Event.objects.count() == 13
    assert services.generate_plan(actor=staff, year=PLAN_YEAR) == []
    # another year has a plan of its own
    assert len(services.generate_plan(actor=staff, year=PLAN_YEAR + 1)) == 13


def test_a_dropped_proposal_stays_dropped_and_is_not_proposed_again(staff):
    events = plan(staff)
    dropped = events["Dzień Flagi Rzeczypospolitej Polskiej"]
    services.change_status(actor=staff, event=dropped, target=S.DROPPED, note="Bez uroczystości w tym roku.")

    assert services.generate_plan(actor=staff, year=PLAN_YEAR) == []
    assert fresh(dropped).status == S.DROPPED
    assert Event.objects.filter(observance=dropped.observance).count() == 1


def test_an_inactive_observance_is_skipped(staff):
    Observance.objects.filter(month=5, day=2).update(is_active=False)
    observance(name="Dawna rocznica", is_active=False)
    events = plan(staff)
    assert len(events) == 11 and "Dzień Flagi Rzeczypospolitej Polskiej" not in events
    assert not Event.objects.filter(observance__is_active=False).exists()


def test_29_february_is_skipped_in_a_common_year(staff):
    leap_day = observance(name="Dzień Przestępny", month=2, day=29)
    assert leap_day.name not in plan(staff, 2031)
    assert not Event.objects.filter(observance=leap_day).exists()
    event = plan(staff, 2032)[leap_day.name]
    assert timezone.localtime(event.starts_at).date() == dt.date(2032, 2, 29)


@pytest.mark.parametrize("year", [1999, 2200, 0, -5, 20310])
def test_a_year_outside_2000_2199_is_refused(staff, year):
    with pytest.raises(ValidationError) as caught:
        services.generate_plan(actor=staff, year=year)
    assert set(caught.value.message_dict) == {"year"}
    assert not Event.objects.exists()


@pytest.mark.parametrize("year", [2000, 2199])
def test_the_first_and_last_years_are_planned(staff, year):
    assert len(services.generate_plan(actor=staff, year=year)) == 12


def test_each_proposal_is_on_the_trail(staff):
    made = services.generate_plan(actor=staff, year=PLAN_YEAR)
    for event in made:
        [entry] = trail(event)
        assert (entry.action, entry.actor) == ("create", staff)
        assert entry.changes["status"] == [None, S.PROPOSED] and entry.changes["name"] == [None, event.name]
        with translation.override("pl"):
            assert entry.text == "Zaproponowane w planie rocznym"


def test_the_proposals_trail_message_is_in_the_readers_language(staff):
    with translation.override("pl"):
        [event, *_] = services.generate_plan(actor=staff, year=PLAN_YEAR)
    [entry] = trail(event)
    with translation.override("en"):
        assert entry.text == "Proposed by the yearly plan"
    with translation.override("pl"):
        assert entry.text == "Zaproponowane w planie rocznym"


# --- An event on the holder's calendar -----------------------------------------------------------------


def test_a_planned_event_with_a_holder_goes_on_their_calendar(staff):
    event = new_event(staff, name="Gala konkursu „Mistrz Sportu”", place="Filharmonia", holder=mayor())
    entry = entry_of(event)

    assert entry is not None and event.calendar_entry_id == entry.pk
    assert (entry.calendar.office_holder, entry.kind, entry.visibility, entry.status) == (
        mayor(),
        "ceremony",
        "public",
        "confirmed",
    )
    assert (entry.title, entry.start, entry.end, entry.place) == (
        "Gala konkursu „Mistrz Sportu”",
        event.starts_at,
        event.ends_at,
        "Filharmonia",
    )
    assert entry.source_type == ContentType.objects.get_for_model(Event) and entry.source_id == event.pk
    assert entry.source_url == reverse("events:event_detail", args=[event.pk])
    assert entry.source_label == event.name and entry.blocks_time and entry.created_by == staff
    assert entries_from(event) == [entry]


def test_an_event_without_a_holder_is_on_no_calendar(staff):
    event = new_event(staff)
    assert fresh(event).calendar_entry_id is None and not Entry.objects.exists()


def test_moving_the_event_moves_its_entry(staff):
    event = new_event(staff, holder=mayor())
    entry = entry_of(event)

    moved = move(staff, event, 12, 17, name="Koncert galowy", place="Hala Sportowa")
    after = entry_of(moved)
    assert after.pk == entry.pk and entries_from(event) == [after]
    assert (after.start, after.end, after.title, after.place, after.status) == (
        at(12, 17),
        at(12, 19),
        "Koncert galowy",
        "Hala Sportowa",
        "confirmed",
    )


def test_another_holder_gets_the_entry_and_the_first_ones_is_cancelled(staff):
    second = deputy()
    event = new_event(staff, holder=mayor())
    first_entry = entry_of(event)

    event = fresh(event)
    event.holder = second
    services.save_event(actor=staff, event=event)

    first_entry.refresh_from_db()
    new_entry = entry_of(event)
    assert first_entry.status == "cancelled" and first_entry.calendar.office_holder == mayor()
    assert new_entry.pk != first_entry.pk and new_entry.calendar.office_holder == second
    assert new_entry.status == "confirmed" and entries_from(event) == [first_entry, new_entry]


def test_removing_the_holder_cancels_the_entry(staff):
    event = new_event(staff, holder=mayor())
    entry = entry_of(event)
    event = fresh(event)
    event.holder = None
    services.save_event(actor=staff, event=event)

    entry.refresh_from_db()
    assert entry.status == "cancelled" and fresh(event).calendar_entry_id is None
    assert entries_from(event) == [entry]


def test_a_proposal_is_on_the_calendar_once_confirmed(staff):
    event = proposed_event(staff, holder=mayor())
    assert fresh(event).calendar_entry_id is None and not Entry.objects.exists()
    moved = move(staff, event, 11)  # a proposal is moved freely: still not on the calendar
    assert fresh(moved).calendar_entry_id is None and not Entry.objects.exists()

    services.change_status(actor=staff, event=event, target=S.PLANNED)
    entry = entry_of(event)
    assert entry is not None and entry.calendar.office_holder == mayor() and entry.start == at(11)


def test_a_dropped_proposal_never_reaches_the_calendar(staff):
    event = proposed_event(staff, holder=mayor())
    services.change_status(actor=staff, event=event, target=S.DROPPED)
    services.change_status(actor=staff, event=event, target=S.PROPOSED)
    assert not Entry.objects.exists() and fresh(event).calendar_entry_id is None


def test_cancelling_cancels_the_entry_and_bringing_it_back_schedules_it_again(staff):
    event = new_event(staff, holder=mayor())
    entry = entry_of(event)

    services.change_status(actor=staff, event=event, target=S.CANCELLED, note="Żałoba narodowa.")
    entry.refresh_from_db()
    assert entry.status == "cancelled" and fresh(event).calendar_entry_id is None

    services.change_status(actor=staff, event=event, target=S.PLANNED)
    again = entry_of(event)
    assert again.pk != entry.pk and again.status == "confirmed" and again.calendar.office_holder == mayor()


def test_a_held_event_stays_on_the_calendar(staff):
    event = new_event(staff, holder=mayor(), starts_at=at(-1))
    entry = entry_of(event)
    services.change_status(actor=staff, event=event, target=S.HELD)
    entry.refresh_from_db()
    assert entry.status == "confirmed" and fresh(event).calendar_entry_id == entry.pk


def test_a_clash_with_the_holders_calendar_needs_a_reason(staff):
    meeting = busy(mayor(), at(10, 13), at(10, 15))
    with pytest.raises(ValidationError) as caught:
        new_event(staff, name="Piknik Rodzinny", holder=mayor())  # 12:00–14:00
    assert caught.value.code == "conflict" and "Spotkanie z radnymi" in " ".join(caught.value.messages)
    assert not Event.objects.exists() and list(Entry.objects.all()) == [meeting]
    assert not AuditEntry.objects.filter(content_type__app_label="events").exists()

    event = new_event(staff, name="Piknik Rodzinny", holder=mayor(), keep_conflict_reason="  Udział obowiązkowy. ")
    entry = entry_of(event)
    assert entry.conflict_reason == "Udział obowiązkowy." and entry.status == "confirmed"


def test_a_clash_with_a_deputys_calendar_or_a_free_entry_is_no_clash(staff):
    busy(deputy(), at(10, 12), at(10, 14))
    busy(mayor(), at(10, 12), at(10, 14), title="Przypomnienie", blocks_time=False)
    cancelled = busy(mayor(), at(10, 12), at(10, 14), title="Odwołane")
    calendar_services.cancel_entry(actor=None, entry=cancelled)
    busy(mayor(), at(10, 14), at(10, 16), title="Zaraz po")  # starts when the event ends
    assert entry_of(new_event(staff, holder=mayor())).conflict_reason == ""


def test_moving_onto_a_clash_is_refused_and_changes_nothing(staff):
    event = new_event(staff, holder=mayor())
    busy(mayor(), at(15, 11), at(15, 13))
    with pytest.raises(ValidationError) as caught:
        move(staff, event, 15)
    assert caught.value.code == "conflict"
    assert fresh(event).starts_at == at(10) and entry_of(event).start == at(10)
    assert len(trail(event)) == 1

    moved = move(staff, event, 15, reason="Uroczystość państwowa.")
    assert fresh(moved).starts_at == at(15) and entry_of(moved).conflict_reason == "Uroczystość państwowa."


def test_a_proposal_clashing_with_the_holders_calendar_is_saved_without_asking(staff):
    busy(mayor(), at(10, 12), at(10, 14))
    event = proposed_event(staff, holder=mayor())  # not on the calendar: no clash yet
    assert fresh(event).status == S.PROPOSED


def test_confirming_a_clashing_proposal_is_refused_without_a_reason(staff):
    busy(mayor(), at(10, 12), at(10, 14))
    event = proposed_event(staff, holder=mayor())
    with pytest.raises(ValidationError) as caught:
        services.change_status(actor=staff, event=event, target=S.PLANNED)
    assert caught.value.code == "conflict"
    assert fresh(event).status == S.PROPOSED and len(trail(event)) == 1


@pytest.mark.parametrize(("start_hour", "end_hour"), [(12, 11), (12, 12)])
def test_an_end_not_after_the_start_is_refused_on_the_field(staff, start_hour, end_hour):
    with pytest.raises(ValidationError) as caught:
        new_event(staff, starts_at=at(10, start_hour), ends_at=at(10, end_hour), holder=mayor())
    assert set(caught.value.message_dict) == {"ends_at"}
    assert not Event.objects.exists() and not Entry.objects.exists()


def test_the_year_follows_the_start(staff):
    event = new_event(staff, starts_at=dt.datetime(2030, 12, 31, 23, 30, tzinfo=WARSAW))
    assert fresh(event).year == 2030  # 22:30 UTC: still 2030 in the office
    moved = fresh(event)
    moved.starts_at = dt.datetime(2031, 1, 1, 0, 30, tzinfo=WARSAW)  # 23:30 UTC of 2030
    moved.ends_at = moved.starts_at + dt.timedelta(hours=1)
    assert fresh(services.save_event(actor=staff, event=moved)).year == 2031


def test_co_organisers_are_kept_and_on_the_trail(staff):
    partners = [ContactFactory(name="Fundacja Pamięć"), ContactFactory(name="Związek Kombatantów")]
    event = new_event(staff, co_organisers=partners, organiser=ContactFactory(name="Urząd Wojewódzki"))
    assert set(fresh(event).co_organisers.all()) == set(partners)
    [created] = trail(event)
    assert created.changes["co_organisers"] == [None, ["Fundacja Pamięć", "Związek Kombatantów"]]

    saved = fresh(event)
    services.save_event(actor=staff, event=saved, co_organisers=partners[:1])
    assert list(fresh(event).co_organisers.all()) == partners[:1]
    assert trail(event)[-1].changes == {
        "co_organisers": [["Fundacja Pamięć", "Związek Kombatantów"], ["Fundacja Pamięć"]]
    }
    services.save_event(actor=staff, event=fresh(event))  # None: the co-organisers stay
    assert list(fresh(event).co_organisers.all()) == partners[:1]


# --- The status graph ------------------------------------------------------------------------------------

ALLOWED = {
    (S.PROPOSED, S.PLANNED),
    (S.PROPOSED, S.DROPPED),
    (S.PLANNED, S.HELD),
    (S.PLANNED, S.CANCELLED),
    (S.DROPPED, S.PROPOSED),
    (S.CANCELLED, S.PLANNED),
}
PAIRS = list(itertools.product(S.values, repeat=2))


def test_the_workflow_table_is_the_documented_graph():
    assert {(source, target) for source, target in PAIRS if EVENT_WORKFLOW.can(source, target)} == ALLOWED
    assert EVENT_WORKFLOW.allowed(S.HELD) == frozenset()


@pytest.mark.parametrize(("source", "target"), PAIRS)
def test_change_status_walks_the_graph(staff, source, target):
    event = event_in(staff, source, starts_at=at(-1, 9))  # started: held is possible where the graph allows
    before = len(trail(event))
    if (source, target) in ALLOWED:
        changed = services.change_status(actor=staff, event=event, target=target, note="  Decyzja sztabu.  ")
        assert changed.status == target == fresh(event).status
        entry = trail(event)[-1]
        assert (entry.action, entry.actor, entry.changes) == ("update", staff, {"status": [source, target]})
        assert entry.message == "Decyzja sztabu."
    else:
        with pytest.raises(ValidationError) as caught:
            services.change_status(actor=staff, event=event, target=target)
        assert caught.value.code == "forbidden_transition"
        assert fresh(event).status == source and len(trail(event)) == before


@pytest.mark.parametrize("starts_in_minutes", [60 * 24 * 3, 5])
def test_an_event_is_marked_held_only_once_it_has_started(staff, starts_in_minutes):
    start = timezone.now() + dt.timedelta(minutes=starts_in_minutes)
    event = event_in(staff, S.PLANNED, starts_at=start)
    with pytest.raises(ValidationError) as caught:
        services.change_status(actor=staff, event=event, target=S.HELD)
    assert set(caught.value.message_dict) == {"note"}
    assert fresh(event).status == S.PLANNED

    started = event_in(staff, S.PLANNED, starts_at=timezone.now() - dt.timedelta(minutes=1))
    assert services.change_status(actor=staff, event=started, target=S.HELD).status == S.HELD


def test_change_status_reads_the_event_anew(staff):
    """A stale copy (a page opened before someone dropped the proposal) is not trusted."""
    event = proposed_event(staff)
    stale = fresh(event)
    services.change_status(actor=staff, event=event, target=S.DROPPED)
    with pytest.raises(ValidationError):
        services.change_status(actor=staff, event=stale, target=S.PLANNED)
    assert fresh(event).status == S.DROPPED


# --- The checklist ------------------------------------------------------------------------------------


def days(count: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=count)


def test_the_checklist_becomes_one_assignment_per_item_for_its_unit(staff):
    items = checklist(EventKind.STATE)  # WO 10 days before, WIN 14, BPR 2
    ChecklistItem.objects.create(kind=EventKind.GALA, label="Statuetki", unit=items[0].unit, days_before=30)
    event = new_event(staff, kind=EventKind.STATE, name="Święto Niepodległości", starts_at=at(30, 11))

    made = services.hand_out_checklist(actor=staff, event=event)

    assert len(made) == 3 and Assignment.objects.count() == 3
    by_unit = {a.unit.symbol: a for a in Assignment.objects.select_related("unit")}
    assert {symbol: a.due_date for symbol, a in by_unit.items()} == {"WO": days(20), "WIN": days(16), "BPR": days(28)}
    for item in items:
        assignment = by_unit[item.unit.symbol]
        assert assignment.title == f"{item.label} – Święto Niepodległości"
        assert (assignment.source, assignment.created_by, assignment.status) == (fresh(event), staff, "new")
        assert assignment.source_url == reverse("events:event_detail", args=[event.pk])
        assert assignment.source_label == str(event)
    assert fresh(event).checklist_made


def test_a_due_date_is_never_before_today(staff):
    checklist(EventKind.STATE)  # WO 10 days before, WIN 14, BPR 2
    event = new_event(staff, kind=EventKind.STATE, starts_at=at(5))
    services.hand_out_checklist(actor=staff, event=event)
    dues = dict(Assignment.objects.values_list("unit__symbol", "due_date"))
    assert dues == {"WO": days(0), "WIN": days(0), "BPR": days(3)}


def test_an_event_that_started_yesterday_has_its_tasks_due_today(staff):
    checklist(EventKind.CITY, [("Scena", "WIN", 0)])
    event = new_event(staff, starts_at=at(-1))
    services.hand_out_checklist(actor=staff, event=event)
    assert Assignment.objects.get().due_date == days(0)


def test_the_checklist_is_handed_out_once(staff):
    checklist(EventKind.STATE)
    event = new_event(staff, kind=EventKind.STATE, starts_at=at(30))
    services.hand_out_checklist(actor=staff, event=event)
    with pytest.raises(ValidationError):
        services.hand_out_checklist(actor=staff, event=event)
    assert Assignment.objects.count() == 3
    assert [e.action for e in trail(event)] == ["create", "action"]


@pytest.mark.parametrize("status", [S.DROPPED, S.CANCELLED, S.HELD])
def test_no_checklist_for_an_event_that_will_not_take_place(staff, status):
    checklist(EventKind.STATE)
    event = event_in(staff, status, kind=EventKind.STATE)
    with pytest.raises(ValidationError):
        services.hand_out_checklist(actor=staff, event=event)
    assert not Assignment.objects.exists() and not fresh(event).checklist_made


def test_no_checklist_for_a_kind_without_one(staff):
    checklist(EventKind.STATE)
    event = new_event(staff, kind=EventKind.VISIT, starts_at=at(30))
    with pytest.raises(ValidationError):
        services.hand_out_checklist(actor=staff, event=event)
    assert not Assignment.objects.exists() and not fresh(event).checklist_made
    assert len(trail(event)) == 1


def test_a_refused_task_hands_out_none(staff):
    items = checklist(EventKind.STATE)
    items[-1].unit.is_active = False
    items[-1].unit.save()
    event = new_event(staff, kind=EventKind.STATE, starts_at=at(30))
    with pytest.raises(ValidationError):
        services.hand_out_checklist(actor=staff, event=event)
    assert not Assignment.objects.exists() and not fresh(event).checklist_made


def test_the_checklist_is_on_the_trail(staff):
    checklist(EventKind.STATE)
    event = new_event(staff, kind=EventKind.STATE, starts_at=at(30))
    services.hand_out_checklist(actor=staff, event=event)
    entry = trail(event)[-1]
    assert (entry.action, entry.actor, entry.changes) == ("action", staff, {})
    assert (entry.message, entry.message_params) == ("Checklist handed out: %(count)s tasks", {"count": 3})
    with translation.override("en"):
        assert entry.text == "Checklist handed out: 3 tasks"


def test_the_checklist_of_an_event_with_a_long_name(staff):
    checklist(EventKind.STATE, [("Asysta honorowa i poczty sztandarowe", "WO", 21)])
    event = new_event(staff, kind=EventKind.STATE, name="Uroczystości " + "rocznicowe " * 22, starts_at=at(30))
    assert len(event.name) <= 255
    services.hand_out_checklist(actor=staff, event=event)
    assignment = Assignment.objects.get()
    assert len(assignment.title) <= 255 and assignment.title.startswith("Asysta honorowa")


def test_the_checklist_waits_for_the_confirmation(staff):
    checklist(EventKind.STATE)
    event = proposed_event(staff, kind=EventKind.STATE, starts_at=at(30))
    with pytest.raises(ValidationError):
        services.hand_out_checklist(actor=staff, event=event)
    assert not Assignment.objects.exists()


# --- The trail of an event --------------------------------------------------------------------------


def test_every_change_of_an_event_is_on_its_trail(staff):
    event = new_event(staff, name="Dzień Dziecka", holder=mayor(), budget_line="750-75075-4210", budget_amount=5000)
    move(staff, event, 11)
    services.change_status(actor=staff, event=event, target=S.CANCELLED, note="Prognoza burz.")
    services.change_status(actor=staff, event=event, target=S.PLANNED)

    created, moved, cancelled, planned = trail(event)
    assert (created.action, created.actor) == ("create", staff)
    assert created.changes["name"] == [None, "Dzień Dziecka"] and created.changes["budget_amount"] == [None, "5000"]
    assert created.changes["holder"] == [None, str(mayor())]
    assert moved.action == "update" and set(moved.changes) == {"starts_at", "ends_at"}
    assert [dt.datetime.fromisoformat(value) for value in moved.changes["starts_at"]] == [at(10), at(11)]
    assert (cancelled.changes, cancelled.message) == ({"status": [S.PLANNED, S.CANCELLED]}, "Prognoza burz.")
    assert (planned.changes, planned.message) == ({"status": [S.CANCELLED, S.PLANNED]}, "")
    # the calendar keeps its own trail of the entries
    assert AuditEntry.objects.of(*entries_from(event)).count() >= 3


def test_cancelling_closes_the_open_tasks_of_the_checklist(staff: Any) -> None:
    from office.models import Assignment

    checklist()
    event = event_in(staff, S.PLANNED, kind=EventKind.STATE, starts_at=at(30))
    tasks = services.hand_out_checklist(actor=staff, event=event)
    services.change_status(actor=staff, event=event, target=S.CANCELLED, note="Żałoba narodowa.")
    assert set(Assignment.objects.filter(pk__in=[t.pk for t in tasks]).values_list("status", flat=True)) == {"closed"}


def test_the_daily_digest_lists_the_ceremonies_of_the_coming_week(staff: Any, persona: Any) -> None:
    from office.services.mail import digest_sections

    soon = event_in(staff, S.PLANNED, name="Dzień Flagi", starts_at=at(3))
    event_in(staff, S.PLANNED, name="Dni Miasta", starts_at=at(20))
    event_in(staff, S.DROPPED, name="Odrzucona propozycja", starts_at=at(2))
    sections = {s.title: [item.label for item in s.items] for s in digest_sections(staff)}
    assert sections["Uroczystości w najbliższym tygodniu"] == [soon.name]
    assert "Uroczystości w najbliższym tygodniu" not in {s.title for s in digest_sections(persona("press_officer"))}
