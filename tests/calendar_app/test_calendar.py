"""Calendars: privacy, conflicts, recurrence, feeds, views and their permissions."""

from __future__ import annotations

import datetime as dt

import pytest
import vobject
from django.core.exceptions import ValidationError
from django.urls import reverse

from calendar_app import access, selectors
from calendar_app.models import Entry
from calendar_app.services import entries as entry_services
from tests.calendar_app.conftest import at
from tests.utils import assert_constant_queries, client_for

SECRET = "Konsultacja u kardiologa"


def schedule(actor, calendar, day, start_hour, end_hour, **extra):
    return entry_services.schedule_entry(
        actor=actor,
        calendar=calendar,
        title=extra.pop("title", "Spotkanie"),
        start=at(day, start_hour),
        end=at(day, end_hour),
        **extra,
    )


# --- Privacy ---------------------------------------------------------------------------------


@pytest.fixture
def private_entry(mayor_user, mayor_calendar, monday):
    return schedule(
        mayor_user,
        mayor_calendar,
        monday,
        11,
        12,
        title=SECRET,
        visibility="private",
        place="Przychodnia, ul. Zdrowa 1",
    )


def test_private_entry_never_leaks_to_other_staff(client_for, persona, private_entry, mayor_calendar, monday):
    press = client_for(persona("press_officer"))
    for url in [
        reverse("calendar_app:calendar") + f"?date={monday:%Y-%m-%d}",
        reverse("calendar_app:calendar") + f"?date={monday:%Y-%m-%d}&view=day",
        reverse("calendar_app:calendar") + f"?date={monday:%Y-%m-%d}&view=month",
        reverse("calendar_app:calendar") + f"?date={monday:%Y-%m-%d}&view=agenda",
        reverse("office:search") + "?q=kardiolog",
        reverse("office:dashboard"),
    ]:
        response = press.get(url + ("&" if "?" in url else "?") + f"calendars={mayor_calendar.pk}")
        assert response.status_code == 200, url
        body = response.content.decode()
        assert SECRET not in body and "Zdrowa" not in body, url
    assert press.get(reverse("calendar_app:entry_detail", args=[private_entry.pk])).status_code == 404
    assert press.get(reverse("calendar_app:entry_ics", args=[private_entry.pk])).status_code == 404
    feed = client_for(None).get(reverse("calendar_app:feed", args=[mayor_calendar.feed_token]))
    assert SECRET.encode() not in feed.content and b"Zdrowa" not in feed.content


def test_private_entry_shows_as_busy(persona, private_entry, mayor_calendar, monday):
    found = selectors.occurrences(
        user=persona("press_officer"),
        calendar_ids=[mayor_calendar.pk],
        start=at(monday, 0),
        end=at(monday + dt.timedelta(days=1), 0),
    )
    assert [(o.masked, o.title, o.place, o.kind) for o in found] == [(True, "", "", "blocked")]


def test_owner_sees_private_details_but_untrusted_secretary_does_not(
    client_for, mayor_user, secretariat, private_entry, monday
):
    url = reverse("calendar_app:calendar") + f"?date={monday:%Y-%m-%d}"
    assert SECRET in client_for(mayor_user).get(url).content.decode()
    assert SECRET not in client_for(secretariat).get(url).content.decode()
    assert client_for(mayor_user).get(reverse("calendar_app:entry_detail", args=[private_entry.pk])).status_code == 200


def test_trusted_delegate_sees_private_details(client_for, secretariat, private_entry, mayor_calendar, monday):
    mayor_calendar.office_holder.memberships.filter(user=secretariat).update(can_see_private=True)
    url = reverse("calendar_app:calendar") + f"?date={monday:%Y-%m-%d}"
    assert SECRET in client_for(secretariat).get(url).content.decode()


# --- Conflicts --------------------------------------------------------------------------------


def test_overlap_warns_and_names_the_clash(secretariat, mayor_calendar, monday):
    schedule(secretariat, mayor_calendar, monday, 10, 12, title="Narada budżetowa")
    with pytest.raises(entry_services.ConflictError) as error:
        schedule(secretariat, mayor_calendar, monday, 11, 13, title="Wywiad radiowy")
    assert "Narada budżetowa" in str(error.value)
    kept = schedule(
        secretariat,
        mayor_calendar,
        monday,
        11,
        13,
        title="Wywiad radiowy",
        keep_conflict_reason="Prezydent wyjdzie wcześniej z narady",
    )
    assert kept.conflict_reason == "Prezydent wyjdzie wcześniej z narady"


def test_cancelled_and_non_blocking_entries_never_clash(secretariat, mayor_calendar, deputy_calendar, monday):
    first = schedule(secretariat, mayor_calendar, monday, 10, 12)
    entry_services.cancel_entry(actor=secretariat, entry=first)
    schedule(secretariat, mayor_calendar, monday, 10, 11, title="Notatka", blocks_time=False)
    schedule(secretariat, mayor_calendar, monday, 10, 12, title="Po odwołaniu")  # no clash: cancelled + free
    schedule(secretariat, mayor_calendar, monday, 11, 12, title="Przypomnienie", blocks_time=False)


def test_moving_into_a_clash_warns(secretariat, mayor_calendar, monday):
    schedule(secretariat, mayor_calendar, monday, 9, 10, title="Kolegium")
    later = schedule(secretariat, mayor_calendar, monday, 14, 15, title="Spotkanie z radnymi")
    with pytest.raises(entry_services.ConflictError):
        entry_services.update_entry(actor=secretariat, entry=later, start=at(monday, 9, 30), end=at(monday, 10, 30))


def test_recurring_series_clashes_with_a_later_occurrence(secretariat, mayor_calendar, monday):
    schedule(secretariat, mayor_calendar, monday + dt.timedelta(days=14), 9, 10, title="Wizyta ministra")
    with pytest.raises(entry_services.ConflictError) as error:
        schedule(secretariat, mayor_calendar, monday, 9, 10, title="Kolegium", recurrence="FREQ=WEEKLY")
    assert "Wizyta ministra" in str(error.value)


# --- Recurrence -------------------------------------------------------------------------------


def test_weekly_series_with_single_occurrence_changes(secretariat, mayor_calendar, monday):
    series = schedule(
        secretariat,
        mayor_calendar,
        monday,
        8,
        9,
        title="Kolegium Prezydenta",
        recurrence="FREQ=WEEKLY;BYDAY=MO",
        recurrence_until=monday + dt.timedelta(days=28),
    )
    window = (at(monday, 0), at(monday + dt.timedelta(days=42), 0))
    found = selectors.occurrences(user=secretariat, calendar_ids=[mayor_calendar.pk], start=window[0], end=window[1])
    assert [o.start.date() for o in found] == [monday + dt.timedelta(days=7 * i) for i in range(5)]

    entry_services.change_occurrence(
        actor=secretariat, entry=series, original_start=at(monday + dt.timedelta(days=7), 8), cancelled=True
    )
    entry_services.change_occurrence(
        actor=secretariat,
        entry=series,
        original_start=at(monday + dt.timedelta(days=14), 8),
        start=at(monday + dt.timedelta(days=15), 12),
        end=at(monday + dt.timedelta(days=15), 13),
    )
    found = selectors.occurrences(user=secretariat, calendar_ids=[mayor_calendar.pk], start=window[0], end=window[1])
    assert [o.start for o in found] == [
        at(monday, 8),
        at(monday + dt.timedelta(days=15), 12),
        at(monday + dt.timedelta(days=21), 8),
        at(monday + dt.timedelta(days=28), 8),
    ]
    with pytest.raises(ValidationError):
        entry_services.change_occurrence(
            actor=secretariat, entry=series, original_start=at(monday + dt.timedelta(days=1), 8), cancelled=True
        )


def test_series_keeps_local_time_across_daylight_saving(secretariat, mayor_calendar):
    start = dt.date(2026, 10, 19)  # a Monday before the clocks go back (25 October 2026)
    schedule(secretariat, mayor_calendar, start, 9, 10, recurrence="FREQ=WEEKLY")
    found = selectors.occurrences(
        user=secretariat, calendar_ids=[mayor_calendar.pk], start=at(start, 0), end=at(start + dt.timedelta(days=14), 0)
    )
    from django.utils import timezone

    assert [timezone.localtime(o.start).hour for o in found] == [9, 9]


def test_bad_recurrence_rule_is_a_validation_error(secretariat, mayor_calendar, monday):
    with pytest.raises(ValidationError):
        schedule(secretariat, mayor_calendar, monday, 8, 9, recurrence="FREQ=SOMETIMES")


# --- Permissions ------------------------------------------------------------------------------


def test_only_owner_and_secretariat_manage_a_calendar(
    persona, secretariat, mayor_user, mayor_calendar, deputy_calendar, monday
):
    """The rule is in access (the views ask it); the entry form offers only managed calendars."""
    assert access.can_manage(mayor_user, mayor_calendar.pk)
    assert access.can_manage(secretariat, mayor_calendar.pk)
    assert not access.can_manage(secretariat, deputy_calendar.pk)
    assert not access.can_manage(persona("press_officer"), mayor_calendar.pk)
    data = {
        "calendar": deputy_calendar.pk,
        "title": "Cudze spotkanie",
        "kind": "meeting",
        "start": f"{monday:%Y-%m-%d}T09:00",
        "end": f"{monday:%Y-%m-%d}T10:00",
        "status": "confirmed",
        "visibility": "internal",
    }
    response = client_for(secretariat).post(reverse("calendar_app:entry_create"), data)
    assert response.status_code == 200 and response.context["form"].errors["calendar"]
    assert client_for(persona("press_officer")).post(reverse("calendar_app:entry_create"), data).status_code == 403
    assert not Entry.objects.filter(title="Cudze spotkanie").exists()


def test_views_enforce_roles(client_for, persona, secretariat, mayor_calendar, deputy_calendar, monday):
    entry = schedule(secretariat, mayor_calendar, monday, 9, 10)
    press = client_for(persona("press_officer"))
    assert press.get(reverse("calendar_app:entry_create")).status_code == 403
    assert press.get(reverse("calendar_app:entry_edit", args=[entry.pk])).status_code == 403
    assert press.post(reverse("calendar_app:entry_cancel", args=[entry.pk])).status_code == 403
    assert press.get(reverse("calendar_app:feed_settings", args=[mayor_calendar.pk])).status_code == 404
    assert client_for(persona("unit_liaison")).get(reverse("calendar_app:calendar")).status_code == 403
    assert (
        client_for(secretariat).get(reverse("calendar_app:feed_settings", args=[deputy_calendar.pk])).status_code == 404
    )
    assert client_for(secretariat).get(reverse("calendar_app:entry_cancel", args=[entry.pk])).status_code == 405


def test_secretary_creates_entry_through_the_form_and_sees_the_clash(client_for, secretariat, mayor_calendar, monday):
    client = client_for(secretariat)
    data = {
        "calendar": mayor_calendar.pk,
        "title": "Spotkanie z dyrekcją SP 7",
        "kind": "meeting",
        "start": f"{monday:%Y-%m-%d}T10:00",
        "end": f"{monday:%Y-%m-%d}T11:00",
        "status": "confirmed",
        "visibility": "internal",
        "blocks_time": "on",
        "recurrence": "",
    }
    response = client.post(reverse("calendar_app:entry_create"), data)
    assert response.status_code == 302
    response = client.post(reverse("calendar_app:entry_create"), {**data, "title": "Wywiad"})
    assert response.status_code == 200
    assert "Spotkanie z dyrekcją SP 7" in response.content.decode()  # the clash is named
    assert Entry.objects.filter(title="Wywiad").count() == 0
    response = client.post(
        reverse("calendar_app:entry_create"),
        {**data, "title": "Wywiad", "keep_conflict_reason": "Krótko, 10 minut"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200 and response["HX-Redirect"].startswith(reverse("calendar_app:calendar"))
    assert Entry.objects.get(title="Wywiad").conflict_reason == "Krótko, 10 minut"


def test_bad_input_keeps_what_was_typed(client_for, secretariat, mayor_calendar, monday):
    response = client_for(secretariat).post(
        reverse("calendar_app:entry_create"),
        {
            "calendar": mayor_calendar.pk,
            "title": "Wizyta w MOPS",
            "kind": "meeting",
            "start": f"{monday:%Y-%m-%d}T10:00",
            "end": f"{monday:%Y-%m-%d}T09:00",
            "status": "confirmed",
            "visibility": "internal",
        },
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Wizyta w MOPS" in body and 'id="error-summary"' in body


# --- Feeds ------------------------------------------------------------------------------------


def test_feed_parses_with_an_independent_parser(client_for, secretariat, mayor_user, mayor_calendar, monday):
    series = schedule(secretariat, mayor_calendar, monday, 8, 9, title="Kolegium", recurrence="FREQ=WEEKLY;BYDAY=MO")
    entry_services.change_occurrence(
        actor=secretariat, entry=series, original_start=at(monday + dt.timedelta(days=7), 8), cancelled=True
    )
    cancelled = schedule(secretariat, mayor_calendar, monday, 12, 13, title="Odwołane spotkanie")
    entry_services.cancel_entry(actor=secretariat, entry=cancelled)
    schedule(mayor_user, mayor_calendar, monday, 15, 16, title=SECRET, visibility="private")
    response = client_for(None).get(reverse("calendar_app:feed", args=[mayor_calendar.feed_token]))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    calendar = vobject.readOne(response.content.decode())
    events = {event.uid.value: event for event in calendar.vevent_list}
    assert len(events) == 3
    by_title = {event.summary.value: event for event in events.values()}
    assert "RRULE" in by_title["Kolegium"].contents["rrule"][0].serialize()
    assert by_title["Kolegium"].exdate_list
    assert by_title["Odwołane spotkanie"].status.value == "CANCELLED"
    busy = [
        e
        for e in events.values()
        if e.contents.get("class", [None])[0]
        and e.contents["class"][0].value == "PRIVATE"
        and e.summary.value not in ("Kolegium", "Odwołane spotkanie")
    ]
    assert busy and SECRET not in response.content.decode()
    assert f"/calendar/entries/{series.pk}/" in by_title["Kolegium"].description.value
    assert "Europe/Warsaw" in response.content.decode()


def test_renewing_the_token_revokes_the_old_feed(client_for, secretariat, mayor_calendar):
    old = mayor_calendar.feed_token
    response = client_for(secretariat).post(reverse("calendar_app:calendar_renew_feed", args=[mayor_calendar.pk]))
    assert response.status_code == 302
    assert client_for(None).get(reverse("calendar_app:feed", args=[old])).status_code == 404
    mayor_calendar.refresh_from_db()
    assert client_for(None).get(reverse("calendar_app:feed", args=[mayor_calendar.feed_token])).status_code == 200


def test_single_entry_download(client_for, secretariat, mayor_calendar, monday):
    entry = schedule(secretariat, mayor_calendar, monday, 9, 10, title="Spotkanie z Wojewodą")
    response = client_for(secretariat).get(reverse("calendar_app:entry_ics", args=[entry.pk]))
    assert response.status_code == 200
    assert vobject.readOne(response.content.decode()).vevent.summary.value == "Spotkanie z Wojewodą"


# --- Speed ------------------------------------------------------------------------------------


def test_week_view_query_count_does_not_grow(client_for, secretariat, mayor_calendar, deputy_calendar, monday):
    counter = {"n": 0}

    def make_rows(count):
        for _ in range(count):
            counter["n"] += 1
            day = monday + dt.timedelta(days=counter["n"] % 5)
            minute = (counter["n"] * 7) % 50
            Entry.objects.create(
                calendar=mayor_calendar,
                title=f"Spotkanie {counter['n']}",
                start=at(day, 8 + counter["n"] % 9, minute),
                end=at(day, 9 + counter["n"] % 9, minute),
                recurrence="FREQ=WEEKLY" if counter["n"] % 6 == 1 else "",
            )

    url = (
        reverse("calendar_app:calendar")
        + f"?date={monday:%Y-%m-%d}&calendars={mayor_calendar.pk}&calendars={deputy_calendar.pk}"
    )
    queries = assert_constant_queries(client_for(secretariat), url, make_rows)
    assert queries <= 15


def test_moving_an_entry_in_place_with_htmx(client_for, secretariat, mayor_calendar, monday):
    entry = schedule(secretariat, mayor_calendar, monday, 9, 10, title="Wywiad dla radia")
    response = client_for(secretariat).post(
        reverse("calendar_app:entry_move", args=[entry.pk]),
        {"move-start": f"{monday:%Y-%m-%d}T14:00", "move-end": f"{monday:%Y-%m-%d}T15:00"},
        HTTP_HX_REQUEST="true",
        HTTP_HX_BOOSTED="true",
    )
    assert response.status_code == 200 and response["HX-Redirect"].startswith(reverse("calendar_app:calendar"))
    entry.refresh_from_db()
    assert (entry.start, entry.end) == (at(monday, 14), at(monday, 15))
